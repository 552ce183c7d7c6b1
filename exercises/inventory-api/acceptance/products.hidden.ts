// Hidden: what create, update and delete store, beyond the main path (R2–R8).
import assert from 'node:assert/strict';
import type { FunctionalCheck } from '@faultline/kit';
import { Api, uniqueTag, type Product } from './client.js';
import { assertProduct, expectEtag, expectJson, expectProblem, expectStatus } from './expect.js';

const checks: FunctionalCheck[] = [
  {
    name: 'When text has surrounding spaces, quotes, markup or non-ASCII characters, then name is trimmed and everything else is stored exactly',
    category: 'functionality',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const tag = uniqueTag();
      const name = `Crème brûlée "deluxe" <b>${tag}</b> ' OR 1=1 -- 日本`;
      const description = '  Keeps its spaces,\ttabs\nand "quotes" <i>as sent</i>  ';
      const answer = await api.editor('POST', '/products', { body: { sku: `T-${tag}`, name: `   ${name}   `, description, priceCents: 0 } });
      const created = expectJson<Product>(answer, 201);
      assertProduct(created, answer.label);
      assert.equal(created.name, name, `${answer.label}: expected the name trimmed and otherwise as sent, got ${JSON.stringify(created.name)}`);
      assert.equal(created.description, description, `${answer.label}: the description is stored exactly as sent (not trimmed), got ${JSON.stringify(created.description)}`);
      assert.equal(created.priceCents, 0, `${answer.label}: a price of 0 is valid and kept`);
      assert.deepEqual(await api.product(created.id), created, `GET /products/${created.id}: expected the text exactly as the 201 returned it`);

      const emptyAnswer = await api.editor('POST', '/products', { body: { sku: `T-${tag}-E`, name: `Empty description ${tag}`, description: '', priceCents: 1 } });
      const empty = expectJson<Product>(emptyAnswer, 201);
      assert.equal(empty.description, '', `${emptyAnswer.label}: a description "" stays "", got ${JSON.stringify(empty.description)}`);
    },
  },
  {
    name: 'When a PATCH sends the current values or clears the description, then version still goes up by exactly 1 each time',
    category: 'functionality',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const created = await api.createProduct({ description: 'To be cleared', priceCents: 500 });
      const path = `/products/${created.id}`;
      let previous = created;
      const steps: Array<[Record<string, unknown>, Partial<Product>]> = [
        [{ priceCents: 500 }, { priceCents: 500, description: 'To be cleared' }],
        [{ description: null }, { description: null, priceCents: 500 }],
        [{ name: `  ${created.name}  `, description: 'Back again' }, { name: created.name, description: 'Back again' }],
      ];
      for (const [body, expected] of steps) {
        const answer = await api.editor('PATCH', path, { body });
        const updated = expectJson<Product>(answer, 200);
        assertProduct(updated, answer.label);
        const label = `${answer.label} with ${JSON.stringify(body)}`;
        for (const [key, value] of Object.entries(expected)) {
          assert.deepEqual(updated[key as keyof Product], value, `${label}: expected "${key}": ${JSON.stringify(value)}, got ${JSON.stringify(updated[key as keyof Product])}`);
        }
        assert.equal(updated.version, previous.version + 1, `${label}: version must go up by exactly 1 (even when nothing changes): expected ${previous.version + 1}, got ${updated.version}`);
        assert.ok(Date.parse(updated.updatedAt) >= Date.parse(previous.updatedAt), `${label}: updatedAt must not go back (${previous.updatedAt} → ${updated.updatedAt})`);
        assert.equal(updated.createdAt, created.createdAt, `${label}: createdAt must not change`);
        expectEtag(answer, updated.version);
        previous = updated;
      }
      assert.deepEqual(await api.product(created.id), previous, `GET ${path}: expected the product as the last PATCH returned it`);
    },
  },
  {
    name: 'When a product with stock and movements is deleted, then every endpoint answers 404 for it and its SKU can be reused with a new id',
    category: 'functionality',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.stockedProduct(7);
      const path = `/products/${product.id}`;
      expectStatus(await api.editor('DELETE', path), 204, '204 (a delete works whatever the stock)');
      expectProblem(await api.reader('GET', path), 'not-found');
      expectProblem(await api.editor('PATCH', path, { body: { priceCents: 1 } }), 'not-found');
      expectProblem(await api.editor('DELETE', path), 'not-found');
      expectProblem(await api.editor('POST', `${path}/stock-movements`, { body: { type: 'receive', quantity: 1, reason: 'After delete' } }), 'not-found');
      expectProblem(await api.reader('GET', `${path}/stock-movements`), 'not-found');
      const page = await api.list(`q=${product.sku}`);
      assert.equal(page.items.some((p) => p.id === product.id), false, `GET /products?q=${product.sku}: a deleted product must not be listed`);

      const again = await api.editor('POST', '/products', { body: { sku: product.sku, name: 'Same SKU, new product', priceCents: 1 } });
      const reborn = expectJson<Product>(again, 201, '201 (the SKU of a deleted product is free)');
      assert.notEqual(reborn.id, product.id, `${again.label}: ids are never reused: expected a different id than ${product.id}`);
      assert.equal(reborn.stock, 0, `${again.label}: the new product starts at stock 0, got ${reborn.stock}`);
    },
  },
  {
    name: 'When the list has unknown query parameters, then they are ignored',
    category: 'functionality',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const tag = uniqueTag();
      await Promise.all([1, 2].map((n) => api.createProduct({ name: `Ignored params ${n} ${tag}` })));
      const plain = await api.list(`q=${tag}`);
      const noisy = await api.list(`q=${tag}&colour=blue&page=7&sortBy=price&empty=`);
      assert.deepEqual(noisy, plain, `GET /products?q=${tag}&colour=blue&page=7&sortBy=price&empty=: unknown parameters must be ignored, expected the same answer as without them`);
    },
  },
];

export default checks;
