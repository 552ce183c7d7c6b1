// Ajv runs without type coercion, because a JSON body must keep its types ("1299" is not a
// price). Path and query values are text by nature: those the route's schema declares as
// integers are converted here, just before validation, when they are written as integers.
import type { FastifyInstance } from 'fastify';

const INTEGER_TEXT = /^-?[0-9]+$/;

interface ObjectSchema {
  properties?: Record<string, { type?: unknown }>;
}

function coerce(values: unknown, schema: unknown): void {
  const properties = (schema as ObjectSchema | undefined)?.properties;
  if (!properties || typeof values !== 'object' || values === null) return;
  const record = values as Record<string, unknown>;
  for (const [name, property] of Object.entries(properties)) {
    const value = record[name];
    if (property.type === 'integer' && typeof value === 'string' && INTEGER_TEXT.test(value)) record[name] = Number(value);
  }
}

export function registerIntegerCoercion(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const schema = request.routeOptions.schema;
    if (!schema) return;
    coerce(request.params, schema.params);
    coerce(request.query, schema.querystring);
  });
}
