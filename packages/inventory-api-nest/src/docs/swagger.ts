import { readFileSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import { type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { parse } from 'yaml';

// The spec is the contract, so the docs serve it as written rather than one generated from
// decorators. It sits at the package root, one level above both src/ and dist/.
const SPEC = new URL('../../openapi.yaml', import.meta.url);

/** Swagger UI at /docs, the document at /docs-json. */
export function setupDocs(app: INestApplication): void {
  const document = parse(readFileSync(SPEC, 'utf8')) as OpenAPIObject;
  SwaggerModule.setup('docs', app, document);
}
