// Hidden: malformed credentials, near-miss tokens, check order and attempts to get around
// authentication (R43–R49).
import assert from 'node:assert/strict';
import type { FunctionalCheck } from '@faultline/kit';
import { Api, randomCode, uniqueSku, uniqueTag, unknownId, type Answer } from './client.js';
import { expectJson, expectProblem, expectStatus, expectUnauthorized } from './expect.js';

/** Tokens that are almost a real one: other case, a prefix, an extension. */
function nearMisses(token: string): string[] {
  const swapped = [...token].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
  return [swapped, token.slice(0, -1), `${token}7`, `${token}=`].filter((t) => t !== token && t !== '');
}

const checks: FunctionalCheck[] = [
  {
    name: 'When the Authorization header is empty, another scheme, a bare token or has anything after the token, then it answers 401 with WWW-Authenticate: Bearer',
    category: 'auth',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const tag = uniqueTag();
      const edit = api.editToken;
      const headers = ['', 'Basic ZTo0NTY=', `Token ${edit}`, edit, 'Bearer', `Bearer ${edit} extra`, `Bearer ${edit},${api.readToken}`, `Bearer ${edit};`, `Bearer "${edit}"`];
      const answers = await Promise.all(
        headers.flatMap((authorization) => [
          api.anonymous('GET', '/products', { headers: { authorization }, as: `with "Authorization: ${authorization}"` }),
          api.anonymous('POST', '/products', { headers: { authorization }, body: { sku: uniqueSku(), name: `Bad header ${tag}`, priceCents: 1 }, as: `with "Authorization: ${authorization}"` }),
        ]),
      );
      for (const answer of answers) expectUnauthorized(answer);
      assert.equal((await api.list(`q=${tag}`)).total, 0, 'after POST /products with malformed Authorization headers: no product may be created');
    },
  },
  {
    name: 'When a token differs from a real one in letter case, by a prefix or an extension, or is a role name, then it answers 401',
    category: 'auth',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.createProduct();
      const before = await api.snapshot(product.id);
      const real = new Set([api.readToken, api.editToken]);
      const candidates = [...nearMisses(api.readToken), ...nearMisses(api.editToken), 'editor', 'reader', 'Bearer'].filter((t) => !real.has(t));
      const answers = await Promise.all(
        candidates.flatMap((token) => [
          api.anonymous('GET', `/products/${product.id}`, { headers: { authorization: `Bearer ${token}` }, as: `with the near-miss token "${token}"` }),
          api.anonymous('DELETE', `/products/${product.id}`, { headers: { authorization: `Bearer ${token}` }, as: `with the near-miss token "${token}"` }),
        ]),
      );
      for (const answer of answers) expectUnauthorized(answer);
      await api.assertUnchanged(before, 'DELETE with near-miss tokens');
    },
  },
  {
    name: 'When the token is sent in the query string, X-Api-Key or a cookie, then it answers 401',
    category: 'auth',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.createProduct();
      const before = await api.snapshot(product.id);
      const edit = encodeURIComponent(api.editToken);
      const answers = await Promise.all([
        api.anonymous('GET', `/products?access_token=${edit}`),
        api.anonymous('DELETE', `/products/${product.id}?access_token=${edit}`),
        api.anonymous('GET', '/products', { headers: { 'x-api-key': api.editToken }, as: 'with X-Api-Key' }),
        api.anonymous('DELETE', `/products/${product.id}`, { headers: { 'x-api-key': api.editToken }, as: 'with X-Api-Key' }),
        api.anonymous('GET', '/products', { headers: { cookie: `token=${api.editToken}; access_token=${api.editToken}; Authorization=Bearer%20${edit}` }, as: 'with the token in a cookie' }),
        api.anonymous('DELETE', `/products/${product.id}`, { headers: { cookie: `token=${api.editToken}; access_token=${api.editToken}` }, as: 'with the token in a cookie' }),
      ]);
      for (const answer of answers) expectUnauthorized(answer);
      await api.assertUnchanged(before, 'DELETE with the token outside the Authorization header');
    },
  },
  {
    name: 'When any product endpoint is called without a token, then it answers 401 and nothing changes',
    category: 'auth',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.stockedProduct(3);
      const before = await api.snapshot(product.id);
      const path = `/products/${product.id}`;
      const answers = await Promise.all([
        api.anonymous('GET', '/products'),
        api.anonymous('POST', '/products', { body: { sku: uniqueSku(), name: 'Anonymous', priceCents: 1 } }),
        api.anonymous('GET', path),
        api.anonymous('PATCH', path, { body: { priceCents: 1 } }),
        api.anonymous('DELETE', path),
        api.anonymous('GET', `${path}/stock-movements`),
        api.anonymous('POST', `${path}/stock-movements`, { body: { type: 'ship', quantity: 1, reason: 'Anonymous' } }),
        api.anonymous('GET', path, { headers: { authorization: '' }, as: 'with an empty Authorization header' }),
      ]);
      for (const answer of answers) expectUnauthorized(answer);
      await api.assertUnchanged(before, 'requests without a token');
    },
  },
  {
    name: 'When the scheme is written bearer or BEARER, then the token is accepted',
    category: 'auth',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.createProduct();
      expectJson(await api.anonymous('GET', `/products/${product.id}`, { headers: { authorization: `bearer ${api.readToken}` }, as: '(reader, "bearer")' }), 200);
      expectJson(await api.anonymous('PATCH', `/products/${product.id}`, { body: { priceCents: 7 }, headers: { authorization: `BEARER ${api.editToken}` }, as: '(editor, "BEARER")' }), 200);
      expectJson(
        await api.anonymous('POST', `/products/${product.id}/stock-movements`, { body: { type: 'receive', quantity: 1, reason: 'Mixed case' }, headers: { authorization: `bEaReR ${api.editToken}` }, as: '(editor, "bEaReR")' }),
        201,
      );
    },
  },
  {
    name: 'When a request has no valid token, then it is a 401 whatever else is wrong with it',
    category: 'auth',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const missing = unknownId();
      const answers = await Promise.all([
        api.anonymous('GET', `/products/${missing}`),
        api.anonymous('GET', '/products/abc'),
        api.anonymous('GET', '/products?limit=0&sort=nope'),
        api.anonymous('POST', '/products', { raw: '{"sku":' }),
        api.anonymous('POST', '/products', { raw: JSON.stringify({ description: 'x'.repeat(100_000) }), as: 'with a 100 KB body and no token' }),
        api.anonymous('POST', '/products', { raw: 'hello', headers: { 'content-type': 'text/plain' }, as: 'with text/plain and no token' }),
        api.anonymous('PATCH', '/products/abc', { body: {} }),
        api.anonymous('DELETE', `/products/${missing}`),
        api.anonymous('POST', `/products/${missing}/stock-movements`, { body: { type: 'ship', quantity: 0 } }),
        api.anonymous('GET', `/products/${missing}`, { headers: { authorization: 'Basic ZTo0NTY=' }, as: 'with Basic credentials' }),
      ]);
      for (const answer of answers) expectUnauthorized(answer);
    },
  },
  {
    name: 'When a reader writes, then it is a 403 whatever the body, id or content type, even for unknown products',
    category: 'auth',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.stockedProduct(2);
      const before = await api.snapshot(product.id);
      const missing = unknownId();
      const answers = await Promise.all([
        api.reader('POST', '/products', { raw: '{"sku":' }),
        api.reader('POST', '/products', { body: {} }),
        api.reader('POST', '/products', { raw: JSON.stringify({ description: 'x'.repeat(100_000) }), as: 'with a 100 KB body (reader)' }),
        api.reader('POST', '/products', { raw: 'hello', headers: { 'content-type': 'text/plain' }, as: 'with text/plain (reader)' }),
        api.reader('PATCH', '/products/abc', { body: { priceCents: 1 } }),
        api.reader('PATCH', `/products/${product.id}`, { body: {} }),
        api.reader('PATCH', `/products/${missing}`, { body: { priceCents: 1 } }),
        api.reader('DELETE', `/products/${missing}`),
        api.reader('DELETE', '/products/0'),
        api.reader('POST', `/products/${missing}/stock-movements`, { body: { type: 'ship', quantity: 1, reason: 'Reader' } }),
        api.reader('POST', `/products/${product.id}/stock-movements`, { body: { type: 'ship', quantity: 99, reason: 'Reader' } }),
      ]);
      for (const answer of answers) expectProblem(answer, 'forbidden');
      await api.assertUnchanged(before, 'writes by a reader');
    },
  },
  {
    name: 'When paths are disguised (trailing or doubled slashes, case, dot segments, encoded slashes, HEAD, rewrite headers), then nothing answers 2xx without a token',
    category: 'auth',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.stockedProduct(2);
      const before = await api.snapshot(product.id);
      const count = await api.countProducts();
      const id = product.id;
      const tag = uniqueTag();
      const body = JSON.stringify({ sku: uniqueSku(), name: `Sneaked in ${tag}`, priceCents: 1 });
      const json = { 'content-type': 'application/json' };
      const answers: Answer[] = await Promise.all([
        ...['/products/', '/PRODUCTS', '/Products', '//products', `//products/${id}`, `/products/${id}/`, `/PRODUCTS/${id}`, `/products%2F${id}`, `/products/${id}/stock-movements/`].map((path) => api.anonymous('GET', path)),
        ...['/health/../products', `/health/../products/${id}`, '/health/%2e%2e/products', '/./products', `/products/./${id}`, '/health/..%2Fproducts'].map((path) => api.raw('GET', path, { as: 'without a token' })),
        api.anonymous('HEAD', '/products'),
        api.anonymous('HEAD', `/products/${id}`),
        api.anonymous('GET', '/products', { headers: { 'x-original-url': '/health', 'x-rewrite-url': '/health' }, as: 'with X-Original-URL/X-Rewrite-URL: /health' }),
        api.anonymous('GET', '/products', { headers: { 'x-http-method-override': 'HEAD' }, as: 'with X-HTTP-Method-Override: HEAD' }),
        ...['/products/', '//products', '/PRODUCTS'].map((path) => api.anonymous('POST', path, { raw: body })),
        api.raw('POST', '/health/../products', { headers: json, body, as: 'without a token' }),
        api.anonymous('POST', '/health', { raw: body, headers: { ...json, 'x-original-url': '/products', 'x-rewrite-url': '/products' }, as: 'with X-Original-URL: /products' }),
        ...[`/products/${id}/`, `//products/${id}`, `/PRODUCTS/${id}`].map((path) => api.anonymous('DELETE', path)),
        api.raw('DELETE', `/health/../products/${id}`, { as: 'without a token' }),
        api.anonymous('POST', `/products/${id}`, { headers: { 'x-http-method-override': 'DELETE' }, as: 'with X-HTTP-Method-Override: DELETE' }),
        api.anonymous('GET', `/products/${id}`, { headers: { 'x-http-method-override': 'DELETE' }, as: 'with X-HTTP-Method-Override: DELETE' }),
        api.anonymous('GET', '/health', { headers: { 'x-http-method-override': 'DELETE', 'x-original-url': `/products/${id}`, 'x-rewrite-url': `/products/${id}` }, as: `with X-Original-URL: /products/${id}` }),
        ...[`/products/${id}/stock-movements/`, `//products/${id}/stock-movements`, `/PRODUCTS/${id}/stock-movements`].map((path) =>
          api.anonymous('POST', path, { body: { type: 'ship', quantity: 1, reason: 'Sneaky' } }),
        ),
      ]);
      for (const answer of answers) {
        if (answer.path === '/health') {
          // /health is public; the rewrite headers must not turn it into a product endpoint.
          const health = answer.body as Record<string, unknown> | null;
          assert.ok(!(health && typeof health === 'object' && ('items' in health || 'sku' in health || 'id' in health)), `${answer.label}: must answer as /health, not with products: ${answer.text.slice(0, 200)}`);
          continue;
        }
        assert.ok(answer.status < 200 || answer.status >= 300, `${answer.label}: a product endpoint must not answer 2xx without a valid token, got ${answer.status} ${answer.text.slice(0, 200)}`);
      }
      await api.assertUnchanged(before, 'disguised requests without a token');
      assert.equal(await api.countProducts(), count, 'after disguised POSTs without a token: no product may be created');
    },
  },
  {
    name: 'When X-HTTP-Method-Override is sent with a valid token, then it is ignored: a reader GET stays a GET',
    category: 'auth',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.createProduct();
      const read = await api.reader('GET', `/products/${product.id}`, { headers: { 'x-http-method-override': 'DELETE' }, as: 'with X-HTTP-Method-Override: DELETE (reader)' });
      assert.deepEqual(expectJson(read, 200, '200 (a plain GET)'), product, `${read.label}: expected the product, as for a plain GET`);
      const post = await api.editor('POST', `/products/${product.id}`, { body: {}, headers: { 'x-http-method-override': 'DELETE' }, as: 'with X-HTTP-Method-Override: DELETE (editor)' });
      expectProblem(post, 'not-found');
      const patch = await api.editor('POST', `/products/${product.id}`, { body: { priceCents: 1 }, headers: { 'x-http-method-override': 'PATCH' }, as: 'with X-HTTP-Method-Override: PATCH (editor)' });
      expectProblem(patch, 'not-found');
      assert.deepEqual(await api.product(product.id), product, `GET /products/${product.id}: the product must still exist, unchanged, after requests with X-HTTP-Method-Override`);
    },
  },
  {
    name: 'When any answer is sent, then it never echoes the token of the request, valid or not',
    category: 'auth',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.createProduct();
      const bogus = `tok-${randomCode(12)}`;
      const extended = `${api.editToken}Q${randomCode(4)}`;
      const sent: Array<[string, Promise<Answer>]> = [
        [api.readToken, api.reader('GET', `/products/${product.id}`)],
        [api.readToken, api.reader('DELETE', `/products/${product.id}`)],
        [api.readToken, api.reader('GET', '/products/abc')],
        [api.editToken, api.editor('GET', `/products/${unknownId()}`)],
        [api.editToken, api.editor('POST', '/products', { raw: '{"sku":' })],
        [api.editToken, api.editor('GET', '/nope')],
        [bogus, api.anonymous('GET', '/products', { headers: { authorization: `Bearer ${bogus}` }, as: 'with an unknown token' })],
        [extended, api.anonymous('PATCH', `/products/${product.id}`, { body: { priceCents: 1 }, headers: { authorization: `Bearer ${extended}` }, as: 'with an extended token' })],
        [bogus, api.anonymous('GET', '/products', { headers: { authorization: `Token ${bogus}` }, as: 'with another scheme' })],
        [bogus, api.anonymous('GET', `/products?access_token=${bogus}`)],
      ];
      for (const [token, pending] of sent) {
        const answer = await pending;
        // A token this short could occur by chance; the suite only looks for distinctive ones.
        if (token.length < 6) continue;
        assert.ok(!answer.text.includes(token), `${answer.label}: the body must not echo the token that was sent, got ${answer.text.slice(0, 200)}`);
        answer.headers.forEach((value, name) => {
          assert.ok(!value.includes(token), `${answer.label}: the header ${name} must not echo the token that was sent`);
        });
      }
      expectStatus(await api.reader('GET', `/products/${product.id}`), 200);
    },
  },
];

export default checks;
