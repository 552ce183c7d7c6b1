// buildApp() returns the application without listening: server.ts listens, tests use inject().
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAuth } from './auth/auth.hook.js';
import type { Config } from './config.js';
import type { Pool } from './db/pool.js';
import { docsPlugin } from './docs/docs.plugin.js';
import { healthRoutes } from './health/health.routes.js';
import { registerIntegerCoercion } from './http/coerce-integers.hook.js';
import { BODY_LIMIT_BYTES, registerJsonBody } from './http/json-body.js';
import { parseQueryString } from './http/query-string.js';
import { frameworkErrorHandler, registerErrorHandlers } from './problems/error-handler.js';
import { productRoutes } from './products/product.routes.js';
import { stockMovementRoutes } from './stock/stock-movement.routes.js';

export interface AppOptions {
  config: Pick<Config, 'tokens' | 'logLevel'>;
  pool: Pool;
  /** Swagger UI at /docs; tests leave it out. */
  docs?: boolean;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.config.logLevel },
    bodyLimit: BODY_LIMIT_BYTES,
    // One answer lists every invalid field (R32); unknown properties are refused, not removed (R34).
    ajv: { customOptions: { allErrors: true, coerceTypes: false, removeAdditional: false, useDefaults: false } },
    routerOptions: { querystringParser: parseQueryString },
    frameworkErrors: frameworkErrorHandler(options.config.tokens),
  });

  registerErrorHandlers(app);
  registerJsonBody(app);
  registerAuth(app, options.config.tokens);
  registerIntegerCoercion(app);

  await app.register(healthRoutes);
  if (options.docs ?? true) await app.register(docsPlugin);
  await app.register(productRoutes, { pool: options.pool });
  await app.register(stockMovementRoutes, { pool: options.pool });
  return app;
}
