// /products and /products/{id}: the order of checks is authentication (in front of every router),
// role, body, input validation, existence, business rules (REQUIREMENTS.md, "Problem types").
import { Router, type Response } from 'express';
import { requireRole } from '../auth/auth.middleware.js';
import { jsonBody } from '../http/json-body.middleware.js';
import { notImplemented } from '../http/not-implemented.js';
import { parseId, validId } from '../http/path-id.js';
import { Problem } from '../http/problem.js';
import type { ProductRepository } from './product.repository.js';
import type { Product } from './product.types.js';

const notFound = (id: number) => new Problem('not-found', `Product ${id} does not exist.`);

/** The ETag is the version as a strong entity tag (R5). */
function sendProduct(response: Response, status: number, product: Product): void {
  response.status(status).set('ETag', `"${product.version}"`).json(product);
}

export function productRouter(products: ProductRepository): Router {
  const router = Router({ caseSensitive: true, strict: true });

  router.get('/', notImplemented);
  router.post('/', requireRole('editor'), ...jsonBody, notImplemented);

  router.get('/:id', async (request, response) => {
    const id = validId(parseId(request.params.id));
    const product = await products.findById(id);
    if (!product) throw notFound(id);
    sendProduct(response, 200, product);
  });

  router.patch('/:id', requireRole('editor'), ...jsonBody, notImplemented);
  router.delete('/:id', requireRole('editor'), notImplemented);

  return router;
}
