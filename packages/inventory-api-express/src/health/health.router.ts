import { Router } from 'express';

/** GET /health: no token needed; an Authorization header, valid or not, is ignored. */
export function healthRouter(): Router {
  const router = Router({ caseSensitive: true, strict: true });
  router.get('/health', (_request, response) => {
    response.json({ status: 'ok' });
  });
  return router;
}
