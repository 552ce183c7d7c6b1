// Statements per order-history request, counted by PostgreSQL itself (pg_stat_statements for the
// service's own database and role), for an order of 5 lines and one of 50. The fault is the slope:
// extra statements per extra line.
import type { Probe } from '@faultline/kit';
import { createCustomer, createProduct, placeOrder, type OrderView, type ProductView } from '../../shop.js';

const SMALL = 5;
const LARGE = 50;

const probe: Probe = {
  metric: { name: 'statements per extra line', unit: 'stmt/line', threshold: 0.5 },
  async run({ primary, countStatements, note }) {
    const products: ProductView[] = [];
    for (let i = 0; i < LARGE; i++) products.push(await createProduct(primary, 300 + i, 100));
    const measure = async (lines: number): Promise<number> => {
      const customer = await createCustomer(primary);
      await placeOrder(primary, customer.id, products.slice(0, lines).map((p) => ({ productId: p.id, quantity: 1 })));
      const path = `/orders?customerId=${customer.id}`;
      const warm = await primary.expect<OrderView[]>(200, 'GET', path);
      const lineCount = warm[0]?.items.length ?? 0;
      if (warm.length !== 1 || lineCount !== lines || warm[0]?.items.some((item) => !item.productName)) {
        throw new Error(`GET ${path} should list 1 order with ${lines} named lines; got ${warm.length} order(s), ${lineCount} line(s)`);
      }
      const statements = await countStatements(() => primary.expect(200, 'GET', path));
      note(`${lines} lines: ${statements} statements`);
      return statements;
    };
    const small = await measure(SMALL);
    const large = await measure(LARGE);
    const slope = (large - small) / (LARGE - SMALL);
    return {
      value: Math.round(slope * 100) / 100,
      evidence: `order history of one order: ${small} SQL statements at ${SMALL} lines, ${large} at ${LARGE} lines`,
      series: { statements: [[SMALL, small], [LARGE, large]] },
    };
  },
};

export default probe;
