// Statements per order-history request, counted by PostgreSQL itself (pg_stat_statements for the
// service's own database and role). Three histories of fresh products, never listed before (so a
// cache warmed by an earlier request cannot hide per-row lookups):
//   A: 1 order × 5 lines   B: 1 order × 50 lines   C: 10 orders × 5 lines
// The fault is growth: extra statements per extra line (B vs A) or per extra order (C vs A).
import type { Endpoint, Probe } from '@faultline/kit';
import { createCustomer, createProduct, placeOrder, type OrderView, type ProductView } from '../../shop.js';

async function products(api: Endpoint, count: number): Promise<ProductView[]> {
  const created: ProductView[] = [];
  for (let i = 0; i < count; i++) created.push(await createProduct(api, 300 + i, 100));
  return created;
}

async function history(api: Endpoint, orders: number, lines: number): Promise<{ path: string; lines: number; orders: number }> {
  const customer = await createCustomer(api);
  const catalogue = await products(api, orders * lines);
  for (let o = 0; o < orders; o++) {
    await placeOrder(api, customer.id, catalogue.slice(o * lines, (o + 1) * lines).map((p) => ({ productId: p.id, quantity: 1 })));
  }
  return { path: `/orders?customerId=${customer.id}&limit=20`, lines, orders };
}

const probe: Probe = {
  metric: { name: 'extra statements per extra line or order', unit: 'stmt', threshold: 0.5 },
  async run({ primary, countStatements, note }) {
    const warmUp = await history(primary, 2, 3);
    const a = await history(primary, 1, 5);
    const b = await history(primary, 1, 50);
    const c = await history(primary, 10, 5);
    await primary.expect(200, 'GET', warmUp.path);
    const count = async (h: { path: string; lines: number; orders: number }): Promise<number> => {
      let page: OrderView[] = [];
      const statements = await countStatements(async () => {
        page = await primary.expect<OrderView[]>(200, 'GET', h.path);
      });
      const lines = page.reduce((sum, order) => sum + order.items.length, 0);
      if (page.length !== h.orders || lines !== h.orders * h.lines || page.some((o) => o.items.some((i) => !i.productName))) {
        throw new Error(`GET ${h.path} should list ${h.orders} order(s) with ${h.lines} named lines each; got ${page.length} order(s), ${lines} line(s)`);
      }
      note(`${h.orders} order(s) × ${h.lines} lines: ${statements} statements`);
      return statements;
    };
    const [sa, sb, sc] = [await count(a), await count(b), await count(c)];
    const perLine = (sb - sa) / (b.lines - a.lines);
    const perOrder = (sc - sa) / (c.orders - a.orders);
    const worst = Math.max(perLine, perOrder);
    return {
      value: Math.round(worst * 100) / 100,
      evidence: `statements per history request: ${sa} for 1 order × 5 lines, ${sb} for 1 × 50, ${sc} for 10 × 5 (${perLine.toFixed(2)} per extra line, ${perOrder.toFixed(2)} per extra order)`,
      series: { 'statements (1 order)': [[5, sa], [50, sb]], 'statements (5 lines each)': [[1, sa], [10, sc]] },
    };
  },
};

export default probe;
