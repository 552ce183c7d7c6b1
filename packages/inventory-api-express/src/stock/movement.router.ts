// /products/{id}/stock-movements: receive and ship goods, read the history.
import { Router } from 'express';
import { requireRole } from '../auth/auth.middleware.js';
import { jsonBody } from '../http/json-body.middleware.js';
import { notImplemented } from '../http/not-implemented.js';

/** Mounted at /products/:id/stock-movements. */
export function movementRouter(): Router {
  const router = Router({ caseSensitive: true, strict: true, mergeParams: true });
  router.get('/', notImplemented);
  router.post('/', requireRole('editor'), ...jsonBody, notImplemented);
  return router;
}
