// The Express application, without listening: server.ts listens, tests call it on port 0.
import express, { type Express } from 'express';
import { authenticate } from './auth/auth.middleware.js';
import type { ApiToken } from './auth/tokens.js';
import { docsRouter } from './docs/docs.router.js';
import { healthRouter } from './health/health.router.js';
import { errorHandler } from './http/error.middleware.js';
import { notFound } from './http/not-found.middleware.js';
import type { Logger } from './logger.js';
import type { ProductRepository } from './products/product.repository.js';
import { productRouter } from './products/product.router.js';
import { movementRouter } from './stock/movement.router.js';

export interface AppDependencies {
  tokens: readonly ApiToken[];
  products: ProductRepository;
  logger: Logger;
}

export function createApp(deps: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  // ETags are the product version, set by the handlers; Express's body hashes would be weak ones.
  app.set('etag', false);
  // The query string is parsed where it is used (http/query-string.ts), so repeats are seen.
  app.set('query parser', false);
  app.set('case sensitive routing', true);
  app.set('strict routing', true);

  app.use(healthRouter());
  app.use('/docs', docsRouter());
  app.use(authenticate(deps.tokens));
  app.use('/products', productRouter(deps.products));
  app.use('/products/:id/stock-movements', movementRouter());
  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return app;
}
