// Ajv's errors, as the field-level details of a validation problem (REQUIREMENTS.md R32).
import type { FastifySchemaValidationError, SchemaErrorDataVar } from 'fastify/types/schema.js';
import type { FieldError } from './problem.js';

/** RFC 6901 pointer to a property. */
const pointer = (name: string): string => `/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;

function messageOf(error: FastifySchemaValidationError): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not allowed';
    case 'minProperties':
      return 'must have at least 1 property';
    default:
      return error.message ?? `breaks the rule "${error.keyword}"${params.limit === undefined ? '' : ` (${String(params.limit)})`}`;
  }
}

function fieldOf(error: FastifySchemaValidationError, part: SchemaErrorDataVar): string {
  const params = error.params as Record<string, unknown>;
  let path = error.instancePath;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') path += pointer(params.missingProperty);
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') path += pointer(params.additionalProperty);
  if (part === 'body') return path;
  // Path ids and query parameters are named, not pointed at: "/limit" → "limit".
  const name = path.split('/')[1] ?? '';
  return part === 'headers' ? name.replace(/(^|-)([a-z])/g, (_m, dash: string, letter: string) => dash + letter.toUpperCase()) : name;
}

export function fieldErrors(errors: readonly FastifySchemaValidationError[], part: SchemaErrorDataVar): FieldError[] {
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const error of errors) {
    // "if"/"anyOf" wrappers repeat what their branches already said.
    if (error.keyword === 'if' || error.keyword === 'anyOf') continue;
    const entry = { field: fieldOf(error, part), message: messageOf(error) };
    const key = `${entry.field}\u0000${entry.message}`;
    if (!seen.has(key)) result.push(entry);
    seen.add(key);
  }
  return result.length > 0 ? result : [{ field: '', message: 'is invalid' }];
}
