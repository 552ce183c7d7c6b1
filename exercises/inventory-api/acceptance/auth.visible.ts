// Visible: bearer tokens and the two roles (R43, R44, R46).
import assert from 'node:assert/strict';
import type { FunctionalCheck } from '@faultline/kit';
import { Api, uniqueSku } from './client.js';
import { expectJson, expectProblem, expectUnauthorized } from './expect.js';

const checks: FunctionalCheck[] = [
  {
    name: 'When a request has no token, then it answers 401 unauthorized with WWW-Authenticate: Bearer',
    category: 'auth',
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.createProduct();
      expectUnauthorized(await api.anonymous('GET', '/products'));
      expectUnauthorized(await api.anonymous('GET', `/products/${product.id}`));
      const sku = uniqueSku();
      const create = await api.anonymous('POST', '/products', { body: { sku, name: 'No token', priceCents: 1 } });
      expectUnauthorized(create);
      await api.assertNoSku(sku, create.label);
    },
  },
  {
    name: 'When the token is unknown or the scheme is not Bearer, then it answers 401 unauthorized',
    category: 'auth',
    async run(ctx) {
      const api = new Api(ctx);
      expectUnauthorized(await api.anonymous('GET', '/products', { headers: { authorization: 'Bearer not-a-known-token' }, as: 'with an unknown bearer token' }));
      expectUnauthorized(await api.anonymous('GET', '/products', { headers: { authorization: `Basic ${Buffer.from(`editor:${api.editToken}`).toString('base64')}` }, as: 'with Basic credentials' }));
    },
  },
  {
    name: 'When a reader tries to write, then it answers 403 forbidden and nothing changes',
    category: 'auth',
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.stockedProduct(3);
      const before = await api.snapshot(product.id);
      const sku = uniqueSku();
      const create = await api.reader('POST', '/products', { body: { sku, name: 'Reader made', priceCents: 1 } });
      expectProblem(create, 'forbidden');
      await api.assertNoSku(sku, create.label);
      expectProblem(await api.reader('PATCH', `/products/${product.id}`, { body: { priceCents: 1 } }), 'forbidden');
      expectProblem(await api.reader('DELETE', `/products/${product.id}`), 'forbidden');
      expectProblem(await api.reader('POST', `/products/${product.id}/stock-movements`, { body: { type: 'ship', quantity: 1, reason: 'Reader' } }), 'forbidden');
      await api.assertUnchanged(before, 'writes with a reader token');
    },
  },
  {
    name: 'When a reader or an editor reads, then every GET endpoint answers 200',
    category: 'auth',
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.createProduct();
      for (const role of ['reader', 'editor'] as const) {
        for (const path of ['/products?limit=1', `/products/${product.id}`, `/products/${product.id}/stock-movements`]) {
          const answer = await api.send(role, 'GET', path);
          const body = expectJson<unknown>(answer, 200);
          assert.ok(body !== null && typeof body === 'object', `${answer.label}: expected a JSON object, got ${answer.text.slice(0, 200)}`);
        }
      }
    },
  },
];

export default checks;
