// The floor for GET /products/{id}: fastify + pg doing one parameterised SELECT and nothing else
// (no auth, no validation, no problem documents). A reference implementation pays for those; the
// benchmark shows how much. Usage: DATABASE_URL=… PORT=… node floor-server.mjs
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });
app.get('/products/:id', async (request, reply) => {
  const { rows } = await pool.query(
    'SELECT id, sku, name, description, price_cents AS "priceCents", stock, created_at AS "createdAt", updated_at AS "updatedAt", version FROM products WHERE id = $1',
    [Number(/** @type {{ id: string }} */ (request.params).id)],
  );
  if (rows.length === 0) return reply.code(404).send({ status: 404 });
  return rows[0];
});
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 3099) });
