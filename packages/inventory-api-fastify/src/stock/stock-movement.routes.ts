import type { FastifyInstance } from 'fastify';
import type { Pool } from '../db/pool.js';
import { notImplemented } from '../http/not-implemented.js';

// GET and POST /products/{id}/stock-movements, as openapi.yaml describes them.
export async function stockMovementRoutes(app: FastifyInstance, _options: { pool: Pool }): Promise<void> {
  app.get('/products/:id/stock-movements', { config: { access: 'reader' } }, notImplemented);
  app.post('/products/:id/stock-movements', { config: { access: 'editor' } }, notImplemented);
}
