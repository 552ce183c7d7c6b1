// Reading requests and writing answers: body limits, media types, JSON, query strings.
import { Problem, validationProblem } from './problems.mjs';

export const BODY_LIMIT_BYTES = 64 * 1024;
// Past this the connection is cut instead of drained: nobody legitimate sends that much.
const DRAIN_LIMIT_BYTES = 8 * 1024 * 1024;

/**
 * @typedef {object} RawBody
 * @property {number} size bytes received
 * @property {Buffer | undefined} bytes the body, unless it is over the limit
 */

/**
 * Reads the whole body (Content-Length or chunked). Bodies over the limit are drained and counted,
 * not kept, so an early refusal still leaves the connection usable.
 * @param {import('node:http').IncomingMessage} request
 * @returns {Promise<RawBody>}
 */
export function readBody(request) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    request.on('data', (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size <= BODY_LIMIT_BYTES) chunks.push(chunk);
      if (size > DRAIN_LIMIT_BYTES) request.destroy();
    });
    request.on('end', () => resolve({ size, bytes: size <= BODY_LIMIT_BYTES ? Buffer.concat(chunks) : undefined }));
    request.on('error', reject);
    // A destroyed request never ends; the answer goes nowhere, but the handler must not hang.
    request.on('close', () => resolve({ size, bytes: undefined }));
  });
}

/**
 * Splits the request target into the path as sent and the raw query string.
 * @param {string} target
 */
export function splitTarget(target) {
  const mark = target.indexOf('?');
  return mark < 0 ? { path: target, query: '' } : { path: target.slice(0, mark), query: target.slice(mark + 1) };
}

/**
 * Percent-decodes one URL component; undefined when it is not valid percent-encoded UTF-8.
 * @param {string} text
 * @param {boolean} plusIsSpace
 */
export function decodeComponent(text, plusIsSpace) {
  try {
    return decodeURIComponent(plusIsSpace ? text.replaceAll('+', ' ') : text);
  } catch {
    return undefined;
  }
}

/**
 * Parses a query string into every value of every parameter, in order.
 * @param {string} query
 * @returns {Map<string, string[]>}
 */
export function parseQuery(query) {
  /** @type {Map<string, string[]>} */
  const params = new Map();
  /** @type {import('./problems.mjs').FieldError[]} */
  const errors = [];
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const rawName = equals < 0 ? pair : pair.slice(0, equals);
    const name = decodeComponent(rawName, true);
    const value = decodeComponent(equals < 0 ? '' : pair.slice(equals + 1), true);
    if (name === undefined || value === undefined) {
      errors.push({ field: name ?? rawName, message: 'is not valid percent-encoded UTF-8' });
      continue;
    }
    params.set(name, [...(params.get(name) ?? []), value]);
  }
  if (errors.length > 0) throw validationProblem(errors);
  return params;
}

/** Marks a POST or PATCH that came without any body (R36). */
export const NO_BODY = Symbol('no body');

/**
 * Turns the raw body of a POST or PATCH into a JSON value, in the catalogue's order: media type
 * (415), size (413), syntax (400 malformed-json).
 * @param {string | undefined} contentType
 * @param {RawBody} raw
 * @returns {unknown}
 */
export function jsonBody(contentType, raw) {
  if (contentType === undefined) {
    if (raw.size > 0) throw new Problem('unsupported-media-type', 'The request body must be application/json.');
    return NO_BODY;
  }
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') throw new Problem('unsupported-media-type', 'The request body must be application/json.');
  if (raw.bytes === undefined) throw new Problem('payload-too-large', `The request body must not exceed ${BODY_LIMIT_BYTES} bytes.`);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw.bytes));
  } catch {
    throw new Problem('malformed-json', 'The request body is not valid JSON.');
  }
}

/**
 * @typedef {object} Reply
 * @property {number} status
 * @property {unknown} [body] JSON-encoded when present
 * @property {string} [contentType]
 * @property {Record<string, string>} [headers]
 */

/**
 * @param {import('node:http').ServerResponse} response
 * @param {Reply} reply
 * @param {string} requestId sent on every answer, replays included (follow-up `request-id`)
 */
export function send(response, reply, requestId) {
  /** @type {Record<string, string>} */
  const headers = { ...reply.headers, 'x-request-id': requestId };
  let text = '';
  if (reply.body !== undefined) {
    text = JSON.stringify(reply.body);
    headers['content-type'] = reply.contentType ?? 'application/json; charset=utf-8';
  }
  headers['content-length'] = String(Buffer.byteLength(text));
  response.writeHead(reply.status, headers);
  response.end(text);
}

/**
 * @param {Problem} problem
 * @param {string} instance
 * @param {string} requestId
 * @returns {Reply}
 */
export function problemReply(problem, instance, requestId) {
  return { status: problem.status, body: problem.body(instance, requestId), contentType: 'application/problem+json', headers: problem.headers };
}
