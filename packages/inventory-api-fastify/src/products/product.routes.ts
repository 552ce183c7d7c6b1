import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Pool } from '../db/pool.js';
import { notImplemented } from '../http/not-implemented.js';
import { Problem } from '../problems/problem.js';
import { etagOf, type Product } from './product.js';
import { ProductRepository } from './product.repository.js';
import { type IdParams, idParams } from './product.schemas.js';

export const productNotFound = (id: number): Problem => new Problem('not-found', `Product ${id} does not exist.`);

function sendProduct(reply: FastifyReply, product: Product, status = 200): FastifyReply {
  return reply.code(status).header('etag', etagOf(product)).send(product);
}

export async function productRoutes(app: FastifyInstance, options: { pool: Pool }): Promise<void> {
  const products = new ProductRepository(options.pool);

  app.get('/products', { config: { access: 'reader' } }, notImplemented);

  app.post('/products', { config: { access: 'editor' } }, notImplemented);

  // The worked example: authentication (onRequest hook), id validation (schema), existence (404),
  // then the product with its ETag.
  app.get<{ Params: IdParams }>('/products/:id', { config: { access: 'reader' }, schema: { params: idParams } }, async (request, reply) => {
    const product = await products.findById(request.params.id);
    if (!product) throw productNotFound(request.params.id);
    return sendProduct(reply, product);
  });

  app.patch('/products/:id', { config: { access: 'editor' } }, notImplemented);

  app.delete('/products/:id', { config: { access: 'editor' } }, notImplemented);
}
