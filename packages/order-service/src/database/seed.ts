import type { DataSource } from 'typeorm';

export const SEED = Object.freeze({ products: 500, customers: 2000, orders: 20000 });

/**
 * Deterministic demo data: the same rows, ids and prices on every fresh database.
 * Customers 1–50 are regulars with 200 orders each; the rest order now and then.
 */
export async function seed(dataSource: DataSource): Promise<boolean> {
  const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM products');
  if (count > 0) return false;
  await dataSource.transaction(async (manager) => {
    await manager.query(`
      INSERT INTO coupons (code, percent_off, min_subtotal_cents) VALUES
        ('WELCOME10', 10, 0), ('SPRING15', 15, 4000), ('VIP25', 25, 20000)`);
    await manager.query(`
      INSERT INTO products (sku, name, price_cents, stock)
      SELECT format('SKU-%s', lpad(i::text, 5, '0')),
             (ARRAY['Espresso beans', 'Pour-over kettle', 'Ceramic mug', 'Milk frother', 'Burr grinder',
                    'Tea sampler', 'Travel tumbler', 'Paper filters', 'Cold brew jar', 'Digital scale'])[1 + i % 10]
               || ' #' || i,
             199 + (i * 7919) % 9800,
             50 + (i * 31) % 450
      FROM generate_series(1, $1) AS i`, [SEED.products]);
    await manager.query(`
      INSERT INTO customers (name, email)
      SELECT format('Customer %s', i), format('customer%s@example.com', i)
      FROM generate_series(1, $1) AS i`, [SEED.customers]);
    await manager.query(`
      INSERT INTO orders (customer_id, subtotal_cents, discount_cents, shipping_cents, total_cents, created_at)
      SELECT CASE WHEN i % 2 = 0 THEN 1 + (i / 2) % 50 ELSE 51 + (i * 7) % ($2 - 50) END,
             0, 0, 0, 0,
             timestamptz '2026-01-01' + make_interval(mins => i * 13)
      FROM generate_series(1, $1) AS i`, [SEED.orders, SEED.customers]);
    await manager.query(`
      INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents)
      SELECT o.id, p.id, 1 + (o.id + n) % 3, p.price_cents
      FROM orders o
      CROSS JOIN LATERAL generate_series(1, 2 + o.id % 6) AS n
      JOIN products p ON p.id = 1 + (o.id * 37 + n * 101) % $1`, [SEED.products]);
    await manager.query(`
      UPDATE orders o SET subtotal_cents = t.subtotal,
                          shipping_cents = CASE WHEN t.subtotal >= 5000 THEN 0 ELSE 499 END,
                          total_cents = t.subtotal + CASE WHEN t.subtotal >= 5000 THEN 0 ELSE 499 END
      FROM (SELECT order_id, sum(quantity * unit_price_cents)::int AS subtotal FROM order_items GROUP BY order_id) t
      WHERE t.order_id = o.id`);
  });
  await dataSource.query('ANALYZE');
  return true;
}
