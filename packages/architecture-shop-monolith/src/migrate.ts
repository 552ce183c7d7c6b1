// Creates the shop's tables, a catalogue of 2,000 products in 20 categories and six months of
// order history (240,000 paid orders) for finance's report. Idempotent.
import pg from 'pg';
import { readConfig } from './config.js';

export async function migrate(pool: pg.Pool): Promise<void> {
  await pool.query(`
    CREATE TABLE IF NOT EXISTS products (
      id integer PRIMARY KEY,
      category text NOT NULL,
      name text NOT NULL,
      price_cents integer NOT NULL CHECK (price_cents > 0),
      stock integer NOT NULL CHECK (stock >= 0)
    );
    CREATE INDEX IF NOT EXISTS products_category ON products (category, id);
    CREATE TABLE IF NOT EXISTS orders (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      customer_id integer NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'paid', 'failed')),
      total_cents integer NOT NULL,
      payment_reference text,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE IF NOT EXISTS order_lines (
      order_id bigint NOT NULL REFERENCES orders (id),
      product_id integer NOT NULL REFERENCES products (id),
      quantity integer NOT NULL CHECK (quantity > 0),
      price_cents integer NOT NULL,
      PRIMARY KEY (order_id, product_id)
    );
  `);
  await pool.query(`
    INSERT INTO products (id, category, name, price_cents, stock)
    SELECT i, 'category-' || (i % 20 + 1), 'Product ' || i, 500 + (i * 37) % 20000, 1000000
    FROM generate_series(1, 2000) AS i
    ON CONFLICT (id) DO NOTHING
  `);
  const { rows } = await pool.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM orders) AS any');
  if (!rows[0]?.any) {
    await pool.query(`
      WITH o AS (
        INSERT INTO orders (customer_id, status, total_cents, payment_reference, created_at)
        SELECT 1 + i % 50000, 'paid', 0, 'seed-' || i, now() - (i % 180) * interval '1 day' - (i % 1440) * interval '1 minute'
        FROM generate_series(1, 240000) AS i
        RETURNING id
      )
      INSERT INTO order_lines (order_id, product_id, quantity, price_cents)
      SELECT o.id, 1 + (o.id * 7 + k * 13) % 2000, 1 + k, 500 + (o.id * 37) % 20000
      FROM o, generate_series(0, 1) AS k
    `);
    await pool.query('UPDATE orders o SET total_cents = s.total FROM (SELECT order_id, sum(quantity * price_cents) AS total FROM order_lines GROUP BY order_id) s WHERE s.order_id = o.id');
    await pool.query('VACUUM ANALYZE');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const pool = new pg.Pool({ connectionString: readConfig().databaseUrl, max: 1 });
  try {
    await migrate(pool);
    process.stdout.write('migrated\n');
  } finally {
    await pool.end();
  }
}
