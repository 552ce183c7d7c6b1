// Hidden checks of the follow-up `request-id` (request-id.md): an X-Request-Id on every answer, a
// safe incoming id echoed and anything else replaced, and problem bodies carrying the same id.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FunctionalCheck } from '@faultline/kit';
import { Api, randomCode, uniqueSku, unknownId, type Answer } from '../acceptance/client.js';
import { assertProduct, expectJson, expectProblem, got, type ProblemName } from '../acceptance/expect.js';

const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;
const OVER_LIMIT_BYTES = 70 * 1024;

/** The answer's X-Request-Id; asserts it is there and safe to log. */
function requestIdOf(answer: Answer): string {
  const id = answer.headers.get('x-request-id');
  assert.ok(id !== null, `${answer.label} (${answer.status}): every answer carries X-Request-Id, got none`);
  assert.match(id, SAFE_ID, `${answer.label}: X-Request-Id must be 1–64 characters of A–Z a–z 0–9 . _ -, got ${JSON.stringify(id)}`);
  return id;
}

/** A problem of the catalogue whose body carries `requestId` equal to the X-Request-Id header. */
function expectProblemWithId(answer: Answer, name: ProblemName): string {
  const body = expectProblem(answer, name) as unknown as Record<string, unknown>;
  const id = requestIdOf(answer);
  assert.equal(body.requestId, id, `${answer.label}: the problem body carries "requestId" equal to the X-Request-Id header (${JSON.stringify(id)}), got ${JSON.stringify(body.requestId)}`);
  return id;
}

/** An id no other request sends: a fresh one echoed proves the echo. */
const clientId = (prefix: string) => `${prefix}-${randomCode(10)}`;

/** POST /products with a body over 64 KiB, through node:http so the exact bytes go out. */
function oversized(api: Api, headers: Record<string, string>): Promise<Answer> {
  const body = JSON.stringify({ sku: uniqueSku(), name: 'Too big', priceCents: 1, description: 'x'.repeat(OVER_LIMIT_BYTES) });
  return api.raw('POST', '/products', { headers: { authorization: `Bearer ${api.editToken}`, 'content-type': 'application/json', ...headers }, body, as: '(editor, 70 KiB body)' });
}

const checks: FunctionalCheck[] = [
  {
    name: 'When any request is answered, success or error, then the answer carries a new X-Request-Id of 1–64 safe characters',
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.createProduct();
      const answers = await Promise.all([
        api.anonymous('GET', '/health'),
        api.reader('GET', '/products?limit=1'),
        api.reader('GET', `/products/${product.id}`),
        api.reader('GET', `/products/${product.id}/stock-movements`),
        api.editor('POST', '/products', { body: { sku: uniqueSku(), name: 'Request id item', priceCents: 5 } }),
        api.reader('GET', `/products/${unknownId()}`),
        api.anonymous('GET', '/products'),
        api.reader('DELETE', `/products/${product.id}`),
        api.editor('POST', '/products', { body: { sku: 'bad', name: '', priceCents: -1 } }),
        api.editor('POST', '/products', { raw: '{"sku":', as: '(editor, truncated JSON)' }),
        api.editor('POST', '/products', { raw: 'hello', headers: { 'content-type': 'text/plain' }, as: '(editor, text/plain)' }),
        api.reader('GET', '/nope'),
        oversized(api, {}),
      ]);
      answers.push(await api.editor('DELETE', `/products/${product.id}`));
      assert.deepEqual(
        answers.map((a) => a.status),
        [200, 200, 200, 200, 201, 404, 401, 403, 400, 400, 415, 404, 413, 204],
        `set-up: expected the statuses 200, 200, 200, 200, 201, 404, 401, 403, 400, 400, 415, 404, 413 and 204, got ${JSON.stringify(answers.map((a) => a.status))}`,
      );
      const idsSeen = answers.map(requestIdOf);
      assert.equal(new Set(idsSeen).size, idsSeen.length, `${answers.length} requests without X-Request-Id: each answer carries a fresh id, got ${JSON.stringify(idsSeen)}`);
    },
  },
  {
    name: 'When a request carries a valid X-Request-Id, then the answer echoes it exactly and success bodies stay as they were',
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.createProduct();
      const longest = `L${randomCode(20)}${'a.b_c-9'.repeat(7)}`.slice(0, 64);
      const cases: Array<[string, (headers: Record<string, string>) => Promise<Answer>]> = [
        [clientId('health'), (headers) => api.anonymous('GET', '/health', { headers })],
        [clientId('A.b_C-9'), (headers) => api.reader('GET', `/products/${product.id}`, { headers })],
        [longest, (headers) => api.reader('GET', '/products?limit=1', { headers })],
        [randomUUID(), (headers) => api.editor('PATCH', `/products/${product.id}`, { body: { priceCents: 4321 }, headers })],
        [`.${randomCode(1)}`, (headers) => api.reader('GET', `/products/${unknownId()}`, { headers })],
        [clientId('anon'), (headers) => api.anonymous('GET', '/products', { headers })],
      ];
      const answers = await Promise.all(
        cases.map(async ([sent, send]) => {
          const answer = await send({ 'x-request-id': sent });
          assert.equal(answer.headers.get('x-request-id'), sent, `${answer.label} with X-Request-Id: ${sent}: expected the same id back, got ${JSON.stringify(answer.headers.get('x-request-id'))}`);
          return answer;
        }),
      );
      const [health, read, list, patch, missing, anonymous] = answers as [Answer, Answer, Answer, Answer, Answer, Answer];
      assert.equal(expectJson<{ status?: unknown }>(health, 200).status, 'ok', `${health.label}: expected {"status":"ok"}, ${got(health)}`);
      assertProduct(expectJson(read, 200), read.label);
      assertProduct(expectJson(patch, 200), patch.label);
      const page = expectJson<Record<string, unknown>>(list, 200);
      assert.equal(page.requestId, undefined, `${list.label}: only problem bodies carry "requestId", got ${JSON.stringify(page.requestId)}`);
      expectProblemWithId(missing, 'not-found');
      expectProblemWithId(anonymous, 'unauthorized');
    },
  },
  {
    name: 'When X-Request-Id is empty, too long or has other characters, then the answer carries a fresh safe id instead',
    async run(ctx) {
      const api = new Api(ctx);
      const invalid = ['', 'a'.repeat(65), 'has space', 'semi;colon', 'a/b', 'a,b', '<script>', '%0d%0aSet-Cookie:x=1', 'caf\u00e9', '"quoted"'];
      for (const sent of invalid) {
        const path = `/products/${unknownId()}`;
        const [first, second] = await Promise.all([
          api.reader('GET', path, { headers: { 'x-request-id': sent } }),
          api.reader('GET', path, { headers: { 'x-request-id': sent } }),
        ]);
        assert.ok(first && second);
        const label = `${first.label} with X-Request-Id: ${JSON.stringify(sent)}`;
        const ids = [expectProblemWithId(first, 'not-found'), expectProblemWithId(second, 'not-found')];
        assert.ok(!ids.includes(sent), `${label}: an id outside 1–64 characters of A–Z a–z 0–9 . _ - must be replaced, not echoed`);
        assert.notEqual(ids[0], ids[1], `${label}, sent twice: each replacement is a fresh id, got ${JSON.stringify(ids[0])} both times`);
      }
      const health = await api.anonymous('GET', '/health', { headers: { 'x-request-id': 'a'.repeat(65) } });
      assert.notEqual(requestIdOf(health), 'a'.repeat(65), `${health.label} with a 65-character X-Request-Id: expected a fresh id, got the one sent`);
    },
  },
  {
    name: 'When the answer is a problem, then its body carries requestId equal to the X-Request-Id header, with or without an incoming id',
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.stockedProduct(1);
      const withId = (id: string) => ({ 'x-request-id': id });
      const cases: Array<[Promise<Answer>, ProblemName, string | undefined]> = [
        [api.editor('POST', '/products', { body: { sku: 'x', name: 'Bad', priceCents: 1 }, headers: withId('val-1') }), 'validation', 'val-1'],
        [api.editor('POST', '/products', { body: { sku: 'x', name: 'Bad', priceCents: 1 } }), 'validation', undefined],
        [api.editor('PATCH', `/products/${product.id}`, { raw: '{"name":', headers: withId('json.2') }), 'malformed-json', 'json.2'],
        [api.anonymous('GET', `/products/${product.id}`, { headers: withId('auth_3') }), 'unauthorized', 'auth_3'],
        [api.anonymous('GET', `/products/${product.id}`, { headers: { authorization: 'Bearer nobody-knows-me' } }), 'unauthorized', undefined],
        [api.reader('POST', '/products', { body: { sku: uniqueSku(), name: 'No', priceCents: 1 }, headers: withId('role-4') }), 'forbidden', 'role-4'],
        [api.reader('GET', '/nope', { headers: withId('route-5') }), 'not-found', 'route-5'],
        [api.editor('POST', '/products', { body: { sku: product.sku, name: 'Twin', priceCents: 1 }, headers: withId('sku-6') }), 'sku-conflict', 'sku-6'],
        [api.editor('POST', `/products/${product.id}/stock-movements`, { body: { type: 'ship', quantity: 5, reason: 'Too many' } }), 'insufficient-stock', undefined],
        [api.editor('PATCH', `/products/${product.id}`, { raw: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded', ...withId('media-7') } }), 'unsupported-media-type', 'media-7'],
        [oversized(api, withId('size-8')), 'payload-too-large', 'size-8'],
        [oversized(api, {}), 'payload-too-large', undefined],
      ];
      await Promise.all(
        cases.map(async ([pending, name, sent]) => {
          const answer = await pending;
          const id = expectProblemWithId(answer, name);
          if (sent !== undefined) assert.equal(id, sent, `${answer.label} with X-Request-Id: ${sent}: expected the id echoed in the header and in "requestId", got ${JSON.stringify(id)}`);
        }),
      );
    },
  },
];

export default checks;
