// Assertions on answers, each message saying what was expected and what came back.
import assert from 'node:assert/strict';
import type { Answer, Movement, Product } from './client.js';

export const PROBLEM_BASE = 'https://faultline.dev/problems/inventory/';

/** REQUIREMENTS.md, "Problem types": name → [status, title]. */
export const CATALOGUE = {
  validation: [400, 'Validation failed'],
  'malformed-json': [400, 'Malformed JSON'],
  unauthorized: [401, 'Unauthorized'],
  forbidden: [403, 'Forbidden'],
  'not-found': [404, 'Not found'],
  'sku-conflict': [409, 'SKU already exists'],
  'insufficient-stock': [409, 'Insufficient stock'],
  'precondition-failed': [412, 'Precondition failed'],
  'payload-too-large': [413, 'Payload too large'],
  'unsupported-media-type': [415, 'Unsupported media type'],
  'idempotency-conflict': [422, 'Idempotency key reused'],
  internal: [500, 'Internal server error'],
} as const;

export type ProblemName = keyof typeof CATALOGUE;

export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: FieldError[];
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const PRODUCT_KEYS = ['createdAt', 'description', 'id', 'name', 'priceCents', 'sku', 'stock', 'updatedAt', 'version'];
const MOVEMENT_KEYS = ['createdAt', 'id', 'productId', 'quantity', 'reason', 'type'];

/** "got 200 (application/json) {…}" */
export function got(answer: Answer): string {
  return `got ${answer.status}${answer.contentType ? ` (${answer.contentType})` : ''} ${answer.text.slice(0, 300)}`.trimEnd();
}

export function expectStatus(answer: Answer, status: number, expected = `${status}`): void {
  assert.equal(answer.status, status, `${answer.label}: expected ${expected}, ${got(answer)}`);
}

/** A success with a JSON body (R3: `application/json`, a charset parameter is fine). */
export function expectJson<T>(answer: Answer, status: number, expected = `${status}`): T {
  expectStatus(answer, status, expected);
  assert.match(answer.contentType, /^application\/json\s*(;|$)/i, `${answer.label}: expected Content-Type application/json, got "${answer.contentType}"`);
  return answer.body as T;
}

/** What `instance` may be: the path as sent, or (for percent-encoded paths) its decoded form. */
function instances(path: string): string[] {
  const bare = path.split('?')[0] ?? path;
  try {
    return [bare, decodeURIComponent(bare)];
  } catch {
    return [bare];
  }
}

/** R19: an `application/problem+json` body with the catalogue's type, title and status. */
export function expectProblem(answer: Answer, name: ProblemName): ProblemBody {
  const [status, title] = CATALOGUE[name];
  expectStatus(answer, status, `${status} ${name}`);
  assert.match(answer.contentType, /^application\/problem\+json\s*(;|$)/i, `${answer.label}: expected Content-Type application/problem+json, got "${answer.contentType}"`);
  const body = answer.body as Partial<ProblemBody> | null;
  assert.ok(body !== null && typeof body === 'object' && !Array.isArray(body), `${answer.label}: expected a JSON object problem body, got ${answer.text.slice(0, 200)}`);
  assert.equal(body.type, PROBLEM_BASE + name, `${answer.label}: expected "type": "${PROBLEM_BASE + name}", got ${JSON.stringify(body.type)}`);
  assert.equal(body.title, title, `${answer.label}: expected "title": "${title}" (the catalogue title), got ${JSON.stringify(body.title)}`);
  assert.equal(body.status, status, `${answer.label}: expected "status": ${status} (an integer), got ${JSON.stringify(body.status)}`);
  assert.ok(typeof body.detail === 'string' && body.detail.trim() !== '', `${answer.label}: expected a non-empty "detail" string, got ${JSON.stringify(body.detail)}`);
  assert.ok(
    typeof body.instance === 'string' && instances(answer.path).includes(body.instance),
    `${answer.label}: expected "instance": "${instances(answer.path)[0]}" (the request path without the query string), got ${JSON.stringify(body.instance)}`,
  );
  if (name !== 'validation') assert.equal(body.errors, undefined, `${answer.label}: only validation problems carry "errors", got ${JSON.stringify(body.errors)}`);
  return body as ProblemBody;
}

/** R32: a 400 validation problem whose `errors` name every one of `fields`. */
export function expectValidation(answer: Answer, fields: readonly string[]): FieldError[] {
  const problem = expectProblem(answer, 'validation');
  const errors = problem.errors;
  assert.ok(Array.isArray(errors) && errors.length > 0, `${answer.label}: expected a non-empty "errors" array, got ${JSON.stringify(errors)}`);
  for (const entry of errors) {
    assert.ok(
      entry !== null && typeof entry === 'object' && typeof entry.field === 'string' && typeof entry.message === 'string' && entry.message.trim() !== '',
      `${answer.label}: each entry of "errors" must be {"field": string, "message": non-empty string}, got ${JSON.stringify(entry)}`,
    );
  }
  const named = errors.map((entry) => entry.field);
  for (const field of fields) {
    assert.ok(named.includes(field), `${answer.label}: expected "errors" to name the field ${JSON.stringify(field)}, got fields ${JSON.stringify(named)}`);
  }
  return errors;
}

function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
}

/** R3: exactly the nine members, with their types. */
export function assertProduct(value: unknown, where: string): asserts value is Product {
  assert.ok(value !== null && typeof value === 'object' && !Array.isArray(value), `${where}: expected a product object, got ${JSON.stringify(value)?.slice(0, 200)}`);
  const product = value as Record<string, unknown>;
  assert.deepEqual(Object.keys(product).sort(), PRODUCT_KEYS, `${where}: a product has exactly the members ${PRODUCT_KEYS.join(', ')}, got ${Object.keys(product).sort().join(', ')}`);
  for (const key of ['id', 'priceCents', 'stock', 'version']) {
    assert.ok(Number.isInteger(product[key]), `${where}: "${key}" must be an integer, got ${JSON.stringify(product[key])}`);
  }
  for (const key of ['sku', 'name']) assert.equal(typeof product[key], 'string', `${where}: "${key}" must be a string, got ${JSON.stringify(product[key])}`);
  assert.ok(product.description === null || typeof product.description === 'string', `${where}: "description" must be a string or null, got ${JSON.stringify(product.description)}`);
  for (const key of ['createdAt', 'updatedAt']) {
    assert.ok(isTimestamp(product[key]), `${where}: "${key}" must be an RFC 3339 UTC timestamp ending in Z (2025-05-12T09:30:00.000Z), got ${JSON.stringify(product[key])}`);
  }
  assert.ok(
    Date.parse(product.updatedAt as string) >= Date.parse(product.createdAt as string),
    `${where}: "updatedAt" (${String(product.updatedAt)}) must not be before "createdAt" (${String(product.createdAt)})`,
  );
}

/** R13: exactly id, productId, type, quantity, reason and createdAt. */
export function assertMovement(value: unknown, where: string): asserts value is Movement {
  assert.ok(value !== null && typeof value === 'object' && !Array.isArray(value), `${where}: expected a movement object, got ${JSON.stringify(value)?.slice(0, 200)}`);
  const movement = value as Record<string, unknown>;
  assert.deepEqual(Object.keys(movement).sort(), MOVEMENT_KEYS, `${where}: a movement has exactly the members ${MOVEMENT_KEYS.join(', ')}, got ${Object.keys(movement).sort().join(', ')}`);
  assert.ok(Number.isInteger(movement.id) && (movement.id as number) >= 1, `${where}: "id" must be an integer >= 1, got ${JSON.stringify(movement.id)}`);
  assert.ok(isTimestamp(movement.createdAt), `${where}: "createdAt" must be an RFC 3339 UTC timestamp ending in Z, got ${JSON.stringify(movement.createdAt)}`);
}

/** R2, R5, R6: the version as a strong entity tag. */
export function expectEtag(answer: Answer, version: number): void {
  assert.equal(answer.headers.get('etag'), `"${version}"`, `${answer.label}: expected ETag: "${version}" (the version, quoted, not weak), got ${JSON.stringify(answer.headers.get('etag'))}`);
}

/** R44: the challenge that goes with every 401. */
export function expectUnauthorized(answer: Answer): void {
  expectProblem(answer, 'unauthorized');
  const challenge = answer.headers.get('www-authenticate') ?? '';
  assert.match(challenge, /^bearer\b/i, `${answer.label}: expected 401 with WWW-Authenticate: Bearer …, got WWW-Authenticate: ${JSON.stringify(answer.headers.get('www-authenticate'))}`);
}

const INTERNALS: ReadonlyArray<[RegExp, string]> = [
  [/\bat\s+(?:async\s+)?[\w$.<>[\]]+\s+\([^)]*:\d+:\d+\)/, 'a stack trace'],
  [/\bat\s+(?:file:\/\/)?\/[^\s"]*:\d+:\d+/, 'a stack trace'],
  [/\/src\/|node_modules|\.js:|\.ts:/, 'a file path'],
  [/\bSELECT\b|\bINSERT INTO\b/, 'SQL'],
  [/duplicate key value|violates [\w\s"-]*constraint|syntax error at or near|invalid input syntax|relation "/i, 'a database message'],
  [/\b[A-Z][A-Za-z]*(?:Error|Exception)\b/, 'an exception class name'],
];

/** R30: no stack trace, file path, SQL, driver message or exception class in an error body. */
export function expectNoInternals(answer: Answer): void {
  assert.ok(answer.status < 500, `${answer.label}: a client mistake must not cause a ${answer.status}, ${got(answer)}`);
  if (answer.status < 400) return;
  const body = answer.text;
  for (const [pattern, what] of INTERNALS) {
    const found = pattern.exec(body);
    assert.equal(found, null, `${answer.label}: the error body must not contain ${what}, found ${JSON.stringify(found?.[0])} in ${body.slice(0, 300)}`);
  }
}
