// Swagger UI at /docs, serving the spec the API implements (openapi.yaml at the package root).
import { readFileSync } from 'node:fs';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { parse } from 'yaml';

const SPEC_FILE = new URL('../../openapi.yaml', import.meta.url);

export async function docsPlugin(app: FastifyInstance): Promise<void> {
  // The documentation is public, like /health; every other route needs a token.
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, access: 'public' };
  });
  await app.register(swagger, { mode: 'static', specification: { document: parse(readFileSync(SPEC_FILE, 'utf8')) } });
  await app.register(swaggerUi, { routePrefix: '/docs' });
}
