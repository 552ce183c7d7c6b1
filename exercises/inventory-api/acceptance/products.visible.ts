// Visible: the main paths of the product endpoints (R1–R8, R11, R12).
import assert from 'node:assert/strict';
import type { FunctionalCheck } from '@faultline/kit';
import { Api, uniqueSku, uniqueTag, type Product, type ProductPage } from './client.js';
import { assertProduct, expectEtag, expectJson, expectProblem, expectStatus } from './expect.js';

const checks: FunctionalCheck[] = [
  {
    name: 'When GET /health is called with or without a token, then it answers 200 {"status":"ok"}',
    category: 'functionality',
    async run(ctx) {
      const api = new Api(ctx);
      const answers = await Promise.all([
        api.anonymous('GET', '/health'),
        api.reader('GET', '/health'),
        api.editor('GET', '/health'),
        api.anonymous('GET', '/health', { headers: { authorization: 'Bearer not-a-real-token' }, as: 'with an unknown token' }),
      ]);
      for (const answer of answers) {
        const body = expectJson<{ status?: unknown }>(answer, 200);
        assert.equal(body.status, 'ok', `${answer.label}: expected {"status":"ok"}, got ${answer.text.slice(0, 200)}`);
      }
    },
  },
  {
    name: 'When an editor creates a product, then it answers 201 with the product, its Location and ETag "1"',
    category: 'functionality',
    async run(ctx) {
      const api = new Api(ctx);
      const sku = uniqueSku();
      const answer = await api.editor('POST', '/products', { body: { sku, name: '  Blue mug  ', priceCents: 1299 } });
      const product = expectJson<Product>(answer, 201);
      assertProduct(product, answer.label);
      assert.ok(product.id >= 1, `${answer.label}: expected an id >= 1, got ${product.id}`);
      assert.equal(product.sku, sku, `${answer.label}: expected the sku as sent`);
      assert.equal(product.name, 'Blue mug', `${answer.label}: expected the name trimmed to "Blue mug", got ${JSON.stringify(product.name)}`);
      assert.equal(product.description, null, `${answer.label}: an omitted description is stored as null, got ${JSON.stringify(product.description)}`);
      assert.equal(product.priceCents, 1299, `${answer.label}: expected priceCents 1299, got ${product.priceCents}`);
      assert.equal(product.stock, 0, `${answer.label}: a new product has stock 0, got ${product.stock}`);
      assert.equal(product.version, 1, `${answer.label}: a new product has version 1, got ${product.version}`);
      assert.equal(product.updatedAt, product.createdAt, `${answer.label}: createdAt must equal updatedAt on creation`);
      const location = answer.headers.get('location') ?? '';
      assert.match(location, new RegExp(`^(https?://[^/]+)?/products/${product.id}$`), `${answer.label}: expected Location: /products/${product.id}, got ${JSON.stringify(location)}`);
      expectEtag(answer, 1);
    },
  },
  {
    name: 'When a product is read, then it answers 200 with the product as created and its ETag',
    category: 'functionality',
    async run(ctx) {
      const api = new Api(ctx);
      const created = await api.createProduct({ description: 'Stoneware, 350 ml.' });
      const answer = await api.reader('GET', `/products/${created.id}`);
      const product = expectJson<Product>(answer, 200);
      assertProduct(product, answer.label);
      assert.deepEqual(product, created, `${answer.label}: expected the product exactly as the 201 of its creation returned it`);
      expectEtag(answer, 1);
    },
  },
  {
    name: 'When a product is patched, then the sent fields change, the others stay, version goes up by 1 and a GET shows the same',
    category: 'functionality',
    async run(ctx) {
      const api = new Api(ctx);
      const created = await api.createProduct({ description: 'Stoneware, 350 ml.', priceCents: 1299 });
      const answer = await api.editor('PATCH', `/products/${created.id}`, { body: { priceCents: 1499, name: '  Renamed mug  ' } });
      const updated = expectJson<Product>(answer, 200);
      assertProduct(updated, answer.label);
      assert.equal(updated.priceCents, 1499, `${answer.label}: expected priceCents 1499, got ${updated.priceCents}`);
      assert.equal(updated.name, 'Renamed mug', `${answer.label}: expected the name trimmed to "Renamed mug", got ${JSON.stringify(updated.name)}`);
      assert.equal(updated.description, created.description, `${answer.label}: a description left out must keep its value`);
      assert.equal(updated.version, created.version + 1, `${answer.label}: version must go up by exactly 1, got ${created.version} → ${updated.version}`);
      for (const key of ['id', 'sku', 'stock', 'createdAt'] as const) {
        assert.equal(updated[key], created[key], `${answer.label}: "${key}" must not change, got ${JSON.stringify(created[key])} → ${JSON.stringify(updated[key])}`);
      }
      assert.ok(Date.parse(updated.updatedAt) >= Date.parse(created.updatedAt), `${answer.label}: updatedAt must not go back`);
      expectEtag(answer, updated.version);
      assert.deepEqual(await api.product(created.id), updated, `GET /products/${created.id} after the PATCH: expected the product the PATCH returned`);
    },
  },
  {
    name: 'When a product is deleted, then it answers 204 with no body and the product is gone',
    category: 'functionality',
    async run(ctx) {
      const api = new Api(ctx);
      const created = await api.createProduct();
      const answer = await api.editor('DELETE', `/products/${created.id}`);
      expectStatus(answer, 204);
      assert.equal(answer.text, '', `${answer.label}: a 204 has no body, got ${answer.text.slice(0, 200)}`);
      expectProblem(await api.reader('GET', `/products/${created.id}`), 'not-found');
    },
  },
  {
    name: 'When products are listed with q, then the answer holds the matching products with total, limit 20 and offset 0',
    category: 'functionality',
    async run(ctx) {
      const api = new Api(ctx);
      const tag = uniqueTag();
      const mine = await Promise.all(['Cup', 'Bowl', 'Plate'].map((word) => api.createProduct({ name: `${word} ${tag}` })));
      await api.createProduct({ name: `Unrelated ${uniqueTag()}` });
      const answer = await api.reader('GET', `/products?q=${tag}`);
      const page = expectJson<ProductPage>(answer, 200);
      assert.ok(Array.isArray(page.items) && ['total', 'limit', 'offset'].every((key) => Number.isInteger(page[key as keyof ProductPage])), `${answer.label}: expected {items: [...], total, limit, offset}, got ${answer.text.slice(0, 200)}`);
      for (const item of page.items) assertProduct(item, `${answer.label} item`);
      const expected = mine.map((p) => p.id).sort((a, b) => a - b);
      assert.deepEqual(page.items.map((p) => p.id).sort((a, b) => a - b), expected, `${answer.label}: expected exactly the 3 products named with ${tag}`);
      assert.equal(page.total, 3, `${answer.label}: expected total 3, got ${page.total}`);
      assert.equal(page.limit, 20, `${answer.label}: expected the default limit 20, got ${page.limit}`);
      assert.equal(page.offset, 0, `${answer.label}: expected the default offset 0, got ${page.offset}`);
      assert.deepEqual(page.items.map((p) => p.name), [`Bowl ${tag}`, `Cup ${tag}`, `Plate ${tag}`], `${answer.label}: expected the default sort by name`);
    },
  },
  {
    name: 'When products are listed with sort=-priceCents and limit=2, then the most expensive come first, page by page',
    category: 'functionality',
    async run(ctx) {
      const api = new Api(ctx);
      const tag = uniqueTag();
      await Promise.all([100, 300, 200].map((priceCents) => api.createProduct({ name: `Priced ${priceCents} ${tag}`, priceCents })));
      const first = await api.list(`q=${tag}&sort=-priceCents&limit=2`);
      assert.deepEqual(first.items.map((p) => p.priceCents), [300, 200], `GET /products?q=${tag}&sort=-priceCents&limit=2: expected prices [300, 200], got ${JSON.stringify(first.items.map((p) => p.priceCents))}`);
      assert.equal(first.total, 3, `GET /products?q=${tag}&sort=-priceCents&limit=2: total counts every match whatever the limit: expected 3, got ${first.total}`);
      assert.equal(first.limit, 2, `GET /products?…&limit=2: expected "limit": 2, got ${first.limit}`);
      const second = await api.list(`q=${tag}&sort=-priceCents&limit=2&offset=2`);
      assert.deepEqual(second.items.map((p) => p.priceCents), [100], `GET /products?q=${tag}&sort=-priceCents&limit=2&offset=2: expected prices [100], got ${JSON.stringify(second.items.map((p) => p.priceCents))}`);
      assert.equal(second.offset, 2, `GET /products?…&offset=2: expected "offset": 2, got ${second.offset}`);
    },
  },
];

export default checks;
