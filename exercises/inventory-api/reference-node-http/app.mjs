// Routing and the request pipeline, in the catalogue's order: authentication (401), the rate
// limit when it is on (429), role (403), media type (415), size (413), JSON syntax (400), input
// rules (400), existence (404), business rules (409, 412, 422).
import { decodeComponent, jsonBody, parseQuery, problemReply, readBody, send, splitTarget } from './http-io.mjs';
import { canonicalJson, IdempotencyKeys } from './idempotency.mjs';
import { Inventory } from './inventory.mjs';
import { INTERNAL, Problem, validationProblem } from './problems.mjs';
import { RateLimiter } from './rate-limit.mjs';
import { requestIdOf } from './request-id.mjs';
import { idempotencyKeyErrors, listQuery, movementErrors, parseId, productCreateErrors, productUpdateErrors } from './validation.mjs';

/** @typedef {import('./config.mjs').Role} Role */
/** @typedef {import('./config.mjs').Config} Config */
/** @typedef {import('./http-io.mjs').Reply} Reply */
/** @typedef {import('./problems.mjs').FieldError} FieldError */
/** @typedef {import('./inventory.mjs').Product} Product */

/**
 * @typedef {object} Call what a handler gets once the request has passed the generic checks
 * @property {Inventory} inventory
 * @property {IdempotencyKeys} keys
 * @property {string} instance the request path as sent
 * @property {string} requestId
 * @property {number | FieldError | undefined} id the path id, or why it is invalid
 * @property {Map<string, string[]>} params
 * @property {unknown} body
 * @property {import('node:http').IncomingHttpHeaders} headers
 */

/**
 * @typedef {object} Operation
 * @property {string} method
 * @property {RegExp} path the id, when there is one, is the first group
 * @property {Role} role
 * @property {boolean} [hasBody]
 * @property {(call: Call) => Reply} handle
 */

const BEARER = /^bearer +([A-Za-z0-9\-._~+/]+=*)$/i;
const CHALLENGE = 'Bearer realm="inventory"';

/** @param {Product} product @param {number} status */
const productReply = (product, status) => ({ status, body: product, headers: { etag: `"${product.version}"` } });

/** @param {number} id */
const notFound = (id) => new Problem('not-found', `Product ${id} does not exist.`);

/**
 * The id as a number, after the other inputs of the request have been checked with it.
 * @param {Call['id']} id
 * @param {FieldError[]} otherErrors
 */
function validated(id, otherErrors) {
  const errors = typeof id === 'object' ? [id, ...otherErrors] : otherErrors;
  if (errors.length > 0) throw validationProblem(errors);
  return /** @type {number} */ (id);
}

/** @type {readonly Operation[]} */
const OPERATIONS = [
  {
    method: 'GET',
    path: /^\/products$/,
    role: 'reader',
    handle({ inventory, params }) {
      const { query, errors } = listQuery(params);
      if (errors.length > 0) throw validationProblem(errors);
      const { items, total, nextCursor } = inventory.list(query);
      // With a cursor no offset was used; 0 is the default it leaves in place.
      return { status: 200, body: { items, total, limit: query.limit, offset: query.cursor ? 0 : query.offset, nextCursor } };
    },
  },
  {
    method: 'POST',
    path: /^\/products$/,
    role: 'editor',
    hasBody: true,
    handle({ inventory, body }) {
      const errors = productCreateErrors(body);
      if (errors.length > 0) throw validationProblem(errors);
      const input = /** @type {{ sku: string, name: string, description?: string | null, priceCents: number }} */ (body);
      const product = inventory.create(input);
      if (!product) throw new Problem('sku-conflict', `A product with SKU ${input.sku} already exists.`);
      const reply = productReply(product, 201);
      return { ...reply, headers: { ...reply.headers, location: `/products/${product.id}` } };
    },
  },
  {
    method: 'GET',
    path: /^\/products\/([^/]+)$/,
    role: 'reader',
    handle({ inventory, id: rawId }) {
      const id = validated(rawId, []);
      const product = inventory.get(id);
      if (!product) throw notFound(id);
      return productReply(product, 200);
    },
  },
  {
    method: 'PATCH',
    path: /^\/products\/([^/]+)$/,
    role: 'editor',
    hasBody: true,
    handle({ inventory, id: rawId, body, headers }) {
      const id = validated(rawId, productUpdateErrors(body));
      const ifMatch = headers['if-match'];
      let stale = '';
      const result = inventory.update(id, /** @type {object} */ (body), (current) => {
        if (ifMatch === undefined || ifMatches(ifMatch, `"${current.version}"`)) return true;
        stale = `If-Match ${ifMatch} does not match the current ETag "${current.version}".`;
        return false;
      });
      if (result === 'missing') throw notFound(id);
      if (result === 'precondition-failed') throw new Problem('precondition-failed', stale);
      return productReply(result, 200);
    },
  },
  {
    method: 'DELETE',
    path: /^\/products\/([^/]+)$/,
    role: 'editor',
    handle({ inventory, id: rawId }) {
      const id = validated(rawId, []);
      if (!inventory.delete(id)) throw notFound(id);
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    path: /^\/products\/([^/]+)\/stock-movements$/,
    role: 'reader',
    handle({ inventory, id: rawId }) {
      const id = validated(rawId, []);
      const items = inventory.history(id);
      if (!items) throw notFound(id);
      return { status: 200, body: { items } };
    },
  },
  {
    method: 'POST',
    path: /^\/products\/([^/]+)\/stock-movements$/,
    role: 'editor',
    hasBody: true,
    handle: recordMovement,
  },
];

/**
 * RFC 9110 §13.1.1 with strong comparison: `*`, or a list of entity tags.
 * @param {string} header
 * @param {string} etag
 */
function ifMatches(header, etag) {
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim() === etag);
}

/** @param {Call} call */
function recordMovement({ inventory, keys, instance, requestId, id: rawId, body, headers }) {
  const keyHeader = headers['idempotency-key'];
  const id = validated(rawId, [...movementErrors(body), ...idempotencyKeyErrors(keyHeader)]);
  if (!inventory.get(id)) throw notFound(id);
  const key = Array.isArray(keyHeader) ? keyHeader.join(', ') : keyHeader;
  const request = canonicalJson(body);
  if (key !== undefined) {
    const record = keys.find(key);
    if (record) {
      if (record.productId !== id || record.request !== request) {
        throw new Problem('idempotency-conflict', 'This Idempotency-Key was used for a different request.');
      }
      return { ...record.reply, headers: { ...record.reply.headers, 'idempotent-replayed': 'true' } };
    }
  }
  const input = /** @type {{ type: 'receive' | 'ship', quantity: number, reason: string }} */ (body);
  const result = inventory.move(id, input);
  if (!result) throw notFound(id);
  /** @type {Reply} */
  const reply =
    'refused' in result
      ? problemReply(new Problem('insufficient-stock', `Cannot ship ${input.quantity} units of product ${id}; ${result.refused} in stock.`), instance, requestId)
      : { status: 201, body: result };
  if (key !== undefined) keys.remember(key, { productId: id, request, reply });
  return reply;
}

/**
 * @param {ReadonlyMap<string, Role>} tokens
 * @param {string | undefined} header
 * @returns {{ role: Role, token: string }}
 */
function authenticate(tokens, header) {
  if (!header) throw new Problem('unauthorized', 'A bearer token is required.', { headers: { 'www-authenticate': CHALLENGE } });
  const token = BEARER.exec(header)?.[1];
  const role = token === undefined ? undefined : tokens.get(token);
  if (!role || token === undefined) {
    throw new Problem('unauthorized', 'The bearer token is not valid.', { headers: { 'www-authenticate': `${CHALLENGE}, error="invalid_token"` } });
  }
  return { role, token };
}

/**
 * @typedef {object} Service what lives as long as the server
 * @property {Readonly<Config>} config
 * @property {Inventory} inventory
 * @property {IdempotencyKeys} keys
 * @property {RateLimiter | undefined} limiter
 */

/**
 * Counts the request against its token's budget; the RateLimit headers go on whatever the answer
 * turns out to be, so they are written into `headers` rather than returned.
 * @param {Service} service
 * @param {string} token
 * @param {Record<string, string>} headers
 */
function limitRate({ config, limiter }, token, headers) {
  if (!limiter || config.rateLimit?.exempt.has(token)) return;
  const allowance = limiter.take(token);
  headers['ratelimit-limit'] = String(allowance.limit);
  headers['ratelimit-remaining'] = String(allowance.remaining);
  if (!allowance.allowed) {
    throw new Problem('rate-limited', `This token may make ${allowance.limit} requests a minute; try again in ${allowance.retryAfterSeconds} s.`, {
      headers: { 'retry-after': String(allowance.retryAfterSeconds) },
    });
  }
}

/**
 * @param {Service} service
 * @param {import('node:http').IncomingMessage} request
 * @param {{ path: string, query: string, requestId: string, headers: Record<string, string> }} target
 * @returns {Promise<Reply>}
 */
async function answer(service, request, { path, query, requestId, headers }) {
  const { config, inventory, keys } = service;
  const method = request.method ?? 'GET';
  // Read (or drain) the body first, whatever the answer: the client may still be sending it.
  const raw = await readBody(request);
  if (method === 'GET' && path === '/health') return { status: 200, body: { status: 'ok' } };

  const { role, token } = authenticate(config.tokens, request.headers.authorization);
  limitRate(service, token, headers);
  /** @type {RegExpExecArray | null} */
  let match = null;
  const operation = OPERATIONS.find((candidate) => candidate.method === method && (match = candidate.path.exec(path)) !== null);
  if (!operation || !match) throw new Problem('not-found', `There is no ${method} ${path}.`);
  if (operation.role === 'editor' && role !== 'editor') throw new Problem('forbidden', 'This operation requires the editor role.');

  const body = operation.hasBody ? jsonBody(request.headers['content-type'], raw) : undefined;
  const params = parseQuery(query);
  const idSegment = /** @type {RegExpExecArray} */ (match)[1];
  const id = idSegment === undefined ? undefined : parseId(decodeComponent(idSegment, false));
  return operation.handle({ inventory, keys, instance: path, requestId, id, params, body, headers: request.headers });
}

/**
 * @param {Readonly<Config>} config
 * @returns {import('node:http').RequestListener}
 */
export function createApp(config) {
  /** @type {Service} */
  const service = {
    config,
    inventory: new Inventory(),
    keys: new IdempotencyKeys(),
    limiter: config.rateLimit && new RateLimiter(config.rateLimit.perMinute),
  };
  return async (request, response) => {
    const { path, query } = splitTarget(request.url ?? '/');
    const requestId = requestIdOf(request.headers['x-request-id']);
    /** @type {Record<string, string>} */
    const headers = {};
    /** @type {Reply} */
    let reply;
    try {
      reply = await answer(service, request, { path, query, requestId, headers });
    } catch (error) {
      if (error instanceof Problem) {
        reply = problemReply(error, path, requestId);
      } else {
        // The id ties the client's report to this line; the details stay here, never in the answer.
        process.stderr.write(`${new Date().toISOString()} requestId=${requestId} ${request.method} ${path}: ${error instanceof Error ? error.stack : String(error)}\n`);
        reply = problemReply(INTERNAL, path, requestId);
      }
    }
    if (!response.destroyed) send(response, { ...reply, headers: { ...reply.headers, ...headers } }, requestId);
  };
}

/**
 * Requests node:http cannot parse never reach the app; answer them as problems too.
 * @param {Error & { code?: string }} error
 * @param {import('node:stream').Duplex} socket
 */
export function answerClientError(error, socket) {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const requestId = requestIdOf(undefined);
  const body = JSON.stringify(new Problem('validation', 'The request could not be parsed.', { errors: [{ field: '', message: 'is not a valid HTTP request' }] }).body('/', requestId));
  socket.end(
    `HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
  );
}
