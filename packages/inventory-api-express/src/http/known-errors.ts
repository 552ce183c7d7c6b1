// Errors that Express and its body parser raise for a client's mistake, as problems of the
// catalogue. Anything else is unexpected.
import { Problem } from './problem.js';

interface HttpError {
  status?: number;
  type?: string;
}

export function knownProblem(error: unknown): Problem | undefined {
  if (error instanceof Problem) return error;
  if (!(error instanceof Error)) return undefined;
  const { status, type } = error as Error & HttpError;
  switch (type) {
    case 'entity.too.large':
      return new Problem('payload-too-large', 'The request body must not exceed 65536 bytes.');
    case 'entity.parse.failed':
      return new Problem('malformed-json', 'The request body is not valid JSON.');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new Problem('unsupported-media-type', 'The request body must be application/json in UTF-8, without content encoding.');
  }
  // The router could not percent-decode a path parameter; the only one in this API is the id.
  if (error instanceof URIError && status === 400) {
    return new Problem('validation', 'The request has 1 invalid field.', { errors: [{ field: 'id', message: 'is not valid percent-encoded UTF-8' }] });
  }
  return undefined;
}
