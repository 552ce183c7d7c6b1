// The shop as it runs today: one Express app, one pool of database connections for every route.
import express, { type NextFunction, type Request, type Response } from 'express';
import type pg from 'pg';

export interface AppOptions {
  pool: pg.Pool;
  paymentUrl: string;
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export function buildApp({ pool, paymentUrl }: AppOptions): express.Express {
  const app = express();
  app.use(express.json({ limit: '100kb' }));

  app.get('/health', async (_req, res) => {
    await pool.query('SELECT 1');
    res.json({ status: 'ok' });
  });

  // Catalogue: a category page, 24 products.
  app.get('/products', async (req, res) => {
    const category = typeof req.query.category === 'string' ? req.query.category : 'category-1';
    const { rows } = await pool.query('SELECT id, name, price_cents AS "priceCents", stock FROM products WHERE category = $1 ORDER BY id LIMIT 24', [category]);
    res.json(rows);
  });

  app.get('/products/:id', async (req, res) => {
    const id = Number(req.params.id);
    if (!Number.isInteger(id) || id < 1) throw new HttpError(400, 'id must be a positive integer');
    const { rows } = await pool.query('SELECT id, category, name, price_cents AS "priceCents", stock FROM products WHERE id = $1', [id]);
    if (!rows[0]) throw new HttpError(404, `product ${id} does not exist`);
    res.json(rows[0]);
  });

  // Checkout: the order, the stock and the payment in one transaction, so nothing is half done.
  app.post('/checkout', async (req, res) => {
    const body = req.body as { customerId?: unknown; items?: unknown };
    const items = Array.isArray(body.items) ? (body.items as Array<{ productId?: unknown; quantity?: unknown }>) : [];
    if (!Number.isInteger(body.customerId) || items.length === 0 || items.some((i) => !Number.isInteger(i.productId) || !Number.isInteger(i.quantity) || Number(i.quantity) < 1)) {
      throw new HttpError(400, 'body must be {"customerId": int, "items": [{"productId": int, "quantity": int ≥ 1}, …]}');
    }
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      let total = 0;
      const lines: Array<{ productId: number; quantity: number; price: number }> = [];
      for (const item of items) {
        const { rows } = await client.query<{ price_cents: number }>('UPDATE products SET stock = stock - $2 WHERE id = $1 AND stock >= $2 RETURNING price_cents', [item.productId, item.quantity]);
        if (!rows[0]) throw new HttpError(409, `product ${String(item.productId)} is unknown or out of stock`);
        total += rows[0].price_cents * Number(item.quantity);
        lines.push({ productId: Number(item.productId), quantity: Number(item.quantity), price: rows[0].price_cents });
      }
      const order = await client.query<{ id: string }>("INSERT INTO orders (customer_id, status, total_cents) VALUES ($1, 'pending', $2) RETURNING id", [body.customerId, total]);
      const orderId = order.rows[0]?.id;
      for (const line of lines) {
        await client.query('INSERT INTO order_lines (order_id, product_id, quantity, price_cents) VALUES ($1, $2, $3, $4)', [orderId, line.productId, line.quantity, line.price]);
      }
      const payment = await fetch(`${paymentUrl}/payments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ orderId, amountCents: total, currency: 'EUR' }),
      });
      if (payment.status !== 201) {
        await payment.arrayBuffer();
        throw new HttpError(502, `the payment provider refused the payment (HTTP ${payment.status})`);
      }
      const { reference } = (await payment.json()) as { reference: string };
      await client.query("UPDATE orders SET status = 'paid', payment_reference = $2 WHERE id = $1", [orderId, reference]);
      await client.query('COMMIT');
      res.status(201).json({ orderId: Number(orderId), totalCents: total, status: 'paid' });
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  });

  // Finance's report: sales by category for a month, on a consistent view of the orders.
  app.get('/reports/sales', async (req, res) => {
    const month = typeof req.query.month === 'string' && /^\d{4}-\d{2}$/.test(req.query.month) ? req.query.month : new Date().toISOString().slice(0, 7);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('LOCK TABLE orders, order_lines IN SHARE MODE');
      const { rows } = await client.query(
        `SELECT p.category, count(DISTINCT o.id)::int AS orders, sum(l.quantity * l.price_cents)::bigint AS "salesCents"
           FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN products p ON p.id = l.product_id
          WHERE o.status = 'paid' AND to_char(o.created_at, 'YYYY-MM') = $1
          GROUP BY p.category ORDER BY p.category`,
        [month],
      );
      await client.query('COMMIT');
      res.json(rows);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  });

  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = error instanceof HttpError ? error.status : 500;
    res.status(status).type('application/problem+json').json({ type: 'about:blank', title: status === 500 ? 'Internal error' : 'Request refused', status, detail: status === 500 ? 'see the server log' : (error as Error).message });
  });
  return app;
}
