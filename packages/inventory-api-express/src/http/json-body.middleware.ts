// Request bodies, in the catalogue's order: media type (415), size (413), JSON syntax (400
// malformed-json). Whether the JSON value is the right object is the handler's validation.
import { isUtf8 } from 'node:buffer';
import express, { type RequestHandler } from 'express';
import { Problem } from './problem.js';

export const BODY_LIMIT_BYTES = 64 * 1024;

function declaredLength(request: Parameters<RequestHandler>[0]): boolean {
  return request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? '0') > 0;
}

const requireJsonMediaType: RequestHandler = (request, _response, next) => {
  const contentType = request.headers['content-type'];
  // No body and no Content-Type: the handler reports the missing body as a validation error.
  if (contentType === undefined && !declaredLength(request)) return next();
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') throw new Problem('unsupported-media-type', 'The request body must be application/json.');
  next();
};

const parseJson = express.json({
  limit: BODY_LIMIT_BYTES,
  // Any JSON value is parsed; a body that is not an object is a validation error, not a syntax error.
  strict: false,
  type: 'application/json',
  // body-parser reads an empty body as {} and replaces invalid UTF-8; both are malformed JSON here.
  verify: (_request, _response, bytes) => {
    if (bytes.length === 0 || !isUtf8(bytes)) throw new Problem('malformed-json', 'The request body is not valid JSON.');
  },
});

/** For POST and PATCH routes, after authentication: `request.body` is the parsed JSON value. */
export const jsonBody: RequestHandler[] = [requireJsonMediaType, parseJson];
