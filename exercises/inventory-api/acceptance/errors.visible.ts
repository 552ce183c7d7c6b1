// Visible: the main errors (R21, R23, R24, R26, R27), each a problem that changes nothing.
import assert from 'node:assert/strict';
import type { FunctionalCheck } from '@faultline/kit';
import { Api, uniqueSku, unknownId } from './client.js';
import { expectProblem } from './expect.js';

const checks: FunctionalCheck[] = [
  {
    name: 'When a product id does not exist, then reading, patching and deleting it answer 404 not-found',
    category: 'errors',
    async run(ctx) {
      const api = new Api(ctx);
      const id = unknownId();
      expectProblem(await api.reader('GET', `/products/${id}`), 'not-found');
      expectProblem(await api.editor('PATCH', `/products/${id}`, { body: { priceCents: 100 } }), 'not-found');
      expectProblem(await api.editor('DELETE', `/products/${id}`), 'not-found');
      expectProblem(await api.reader('GET', `/products/${id}/stock-movements`), 'not-found');
    },
  },
  {
    name: 'When a SKU is already taken, then POST /products answers 409 sku-conflict and the existing product is unchanged',
    category: 'errors',
    async run(ctx) {
      const api = new Api(ctx);
      const existing = await api.createProduct({ name: 'The original' });
      const before = await api.snapshot(existing.id);
      const answer = await api.editor('POST', '/products', { body: { sku: existing.sku, name: 'Another mug', priceCents: 999 } });
      expectProblem(answer, 'sku-conflict');
      await api.assertUnchanged(before, answer.label);
      const page = await api.list(`q=${existing.sku}`);
      assert.equal(page.items.filter((p) => p.sku === existing.sku).length, 1, `after ${answer.label}: exactly one product may have SKU ${existing.sku}`);
    },
  },
  {
    name: 'When a ship exceeds the stock, then it answers 409 insufficient-stock and nothing changes',
    category: 'errors',
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.stockedProduct(12);
      const before = await api.snapshot(product.id);
      const answer = await api.editor('POST', `/products/${product.id}/stock-movements`, { body: { type: 'ship', quantity: 13, reason: 'Order 5522' } });
      expectProblem(answer, 'insufficient-stock');
      await api.assertUnchanged(before, answer.label);
    },
  },
  {
    name: 'When the JSON body is malformed, then it answers 400 malformed-json and nothing is created',
    category: 'errors',
    async run(ctx) {
      const api = new Api(ctx);
      const sku = uniqueSku();
      const answer = await api.editor('POST', '/products', { raw: `{"sku":"${sku}","name":"Trailing comma","priceCents":100,}` });
      expectProblem(answer, 'malformed-json');
      await api.assertNoSku(sku, answer.label);
    },
  },
  {
    name: 'When a body is not declared as application/json, then it answers 415 unsupported-media-type and nothing is created',
    category: 'errors',
    async run(ctx) {
      const api = new Api(ctx);
      const sku = uniqueSku();
      const answer = await api.editor('POST', '/products', {
        raw: JSON.stringify({ sku, name: 'Sent as text', priceCents: 100 }),
        headers: { 'content-type': 'text/plain' },
        as: 'with Content-Type: text/plain (editor)',
      });
      expectProblem(answer, 'unsupported-media-type');
      await api.assertNoSku(sku, answer.label);
    },
  },
];

export default checks;
