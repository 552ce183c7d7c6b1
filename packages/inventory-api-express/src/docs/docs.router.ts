// Swagger UI at /docs, from the same openapi.yaml the acceptance suite is written against.
import { readFileSync } from 'node:fs';
import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import { parse } from 'yaml';

// src/docs/ and dist/docs/ are both two levels below the package root, where the spec lives.
const SPEC_FILE = new URL('../../openapi.yaml', import.meta.url);

export function docsRouter(): Router {
  const spec = parse(readFileSync(SPEC_FILE, 'utf8')) as swaggerUi.JsonObject;
  const router = Router();
  router.use(swaggerUi.serve);
  router.get('/', swaggerUi.setup(spec));
  return router;
}
