// Hidden: search, filters, sorting and pagination invariants of GET /products (R8–R12).
import assert from 'node:assert/strict';
import type { FunctionalCheck } from '@faultline/kit';
import { Api, randomCode, uniqueTag, type Product } from './client.js';

const ids = (items: readonly Product[]) => items.map((p) => p.id);
const byId = (a: number, b: number) => a - b;

/** Creates products one after the other, so their ids grow in this order. */
async function createInOrder(api: Api, specs: ReadonlyArray<{ name: string; priceCents?: number; stock?: number }>): Promise<Product[]> {
  const products: Product[] = [];
  for (const spec of specs) {
    products.push(await api.stockedProduct(spec.stock ?? 0, { name: spec.name, priceCents: spec.priceCents ?? 1000 }));
  }
  return products;
}

const checks: FunctionalCheck[] = [
  {
    name: 'When q is given, then it matches name or SKU as a substring, ignoring letter case',
    category: 'functionality',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const tag = uniqueTag();
      const code = randomCode(8);
      const byName = await api.createProduct({ name: `Blue MUG ${tag}` });
      const bySku = await api.createProduct({ sku: `T-${code}-MUG`, name: `Plain item ${randomCode(6)}` });
      const lower = await api.list(`q=${encodeURIComponent(`mug ${tag.toLowerCase()}`)}`);
      assert.deepEqual(ids(lower.items), [byName.id], `GET /products?q=mug ${tag.toLowerCase()}: expected the product named "Blue MUG ${tag}" (case-insensitive), got ${JSON.stringify(lower.items.map((p) => p.name))}`);
      const sku = await api.list(`q=${code.toLowerCase()}-mu`);
      assert.deepEqual(ids(sku.items), [bySku.id], `GET /products?q=${code.toLowerCase()}-mu: expected the product whose SKU is T-${code}-MUG, got ${JSON.stringify(sku.items.map((p) => p.sku))}`);
    },
  },
  {
    name: 'When q contains %, _, \\ or quotes, then they are matched literally and an empty q matches everything',
    category: 'functionality',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const tag = uniqueTag();
      const names = ['100% cotton', '1000 cotton', 'a_b', 'axb', 'back\\slash', 'backslash', `it's "quoted"`, 'its quoted'].map((n) => `${tag} ${n}`);
      const products = await Promise.all(names.map((name) => api.createProduct({ name })));
      const nameOf = new Map(products.map((p) => [p.id, p.name]));
      const cases: Array<[string, string[]]> = [
        [`${tag} 100%`, [`${tag} 100% cotton`]],
        [`${tag} a_b`, [`${tag} a_b`]],
        [`${tag} back\\s`, [`${tag} back\\slash`]],
        [`${tag} it's "q`, [`${tag} it's "quoted"`]],
        [`${tag}%`, []],
        [`${tag}_`, []],
      ];
      for (const [q, expected] of cases) {
        const page = await api.list(`q=${encodeURIComponent(q)}`);
        const found = page.items.map((p) => nameOf.get(p.id) ?? p.name).sort();
        assert.deepEqual(found, expected, `GET /products?q=${q}: q is a literal substring (%, _, \\ and quotes are ordinary characters): expected ${JSON.stringify(expected)}, got ${JSON.stringify(found)}`);
      }
      const all = await api.list('limit=1');
      const emptyQ = await api.list('q=&limit=1');
      assert.equal(emptyQ.total, all.total, `GET /products?q=: an empty q matches every product: expected total ${all.total} (as without q), got ${emptyQ.total}`);
    },
  },
  {
    name: 'When price and stock filters are combined, then the bounds are inclusive and every filter applies',
    category: 'functionality',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const tag = uniqueTag();
      const [a, b, c, d] = await createInOrder(api, [
        { name: `Filter A ${tag}`, priceCents: 100 },
        { name: `Filter B ${tag}`, priceCents: 200, stock: 5 },
        { name: `Filter C ${tag}`, priceCents: 300 },
        { name: `Filter D ${tag}`, priceCents: 400, stock: 2 },
      ]);
      assert.ok(a && b && c && d);
      const cases: Array<[string, Product[]]> = [
        ['minPriceCents=200', [b, c, d]],
        ['maxPriceCents=300', [a, b, c]],
        ['minPriceCents=200&maxPriceCents=300', [b, c]],
        ['minPriceCents=200&maxPriceCents=200', [b]],
        ['inStock=true', [b, d]],
        ['inStock=false', [a, c]],
        ['minPriceCents=200&maxPriceCents=300&inStock=true', [b]],
        ['maxPriceCents=300&inStock=false', [a, c]],
      ];
      for (const [filters, expected] of cases) {
        const page = await api.list(`q=${tag}&${filters}`);
        const want = ids(expected).sort(byId);
        assert.deepEqual(ids(page.items).sort(byId), want, `GET /products?q=${tag}&${filters}: expected ${expected.map((p) => p.name.split(' ')[1]).join(', ')}, got ${page.items.map((p) => p.name.split(' ')[1]).join(', ') || 'none'}`);
        assert.equal(page.total, expected.length, `GET /products?q=${tag}&${filters}: expected total ${expected.length}, got ${page.total}`);
      }
    },
  },
  {
    name: 'When sorting by name, then names compare by code point and ties go by id ascending in both directions',
    category: 'functionality',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const tag = uniqueTag();
      const suffixes = ['same', 'Banana', 'apple', '\uFF5E wave', 'Apple', '\u{1F600} grin', 'cherry', 'same'];
      const products = await createInOrder(api, suffixes.map((s) => ({ name: `${tag} ${s}` })));
      const [same1, banana, apple, wave, appleUpper, grin, cherry, same2] = products;
      assert.ok(same1 && banana && apple && wave && appleUpper && grin && cherry && same2);
      const ascending = [appleUpper, banana, apple, cherry, same1, same2, wave, grin];
      const descending = [grin, wave, same1, same2, cherry, apple, banana, appleUpper];
      for (const [sort, expected] of [['name', ascending], ['-name', descending]] as const) {
        const page = await api.list(`q=${tag}&sort=${sort}`);
        assert.deepEqual(
          page.items.map((p) => p.name),
          expected.map((p) => p.name),
          `GET /products?q=${tag}&sort=${sort}: expected code-point order (upper case before lower case, U+FF5E before U+1F600) with equal names by id ascending`,
        );
        assert.deepEqual(ids(page.items), ids(expected), `GET /products?q=${tag}&sort=${sort}: the two products named "same" must come by id ascending (${same1.id} then ${same2.id})`);
      }
    },
  },
  {
    name: 'When sorting by priceCents or stock, then equal values are ordered by id ascending in both directions',
    category: 'functionality',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const tag = uniqueTag();
      const [p1, p2, p3, p4] = await createInOrder(api, [
        { name: `Tie 1 ${tag}`, priceCents: 300, stock: 2 },
        { name: `Tie 2 ${tag}`, priceCents: 100, stock: 0 },
        { name: `Tie 3 ${tag}`, priceCents: 300, stock: 2 },
        { name: `Tie 4 ${tag}`, priceCents: 200, stock: 5 },
      ]);
      assert.ok(p1 && p2 && p3 && p4);
      const cases: Array<[string, Product[]]> = [
        ['priceCents', [p2, p4, p1, p3]],
        ['-priceCents', [p1, p3, p4, p2]],
        ['stock', [p2, p1, p3, p4]],
        ['-stock', [p4, p1, p3, p2]],
      ];
      for (const [sort, expected] of cases) {
        const page = await api.list(`q=${tag}&sort=${sort}`);
        assert.deepEqual(ids(page.items), ids(expected), `GET /products?q=${tag}&sort=${sort}: expected ${expected.map((p) => p.name.split(' ').slice(0, 2).join(' ')).join(', ')} (ties by id ascending), got ${page.items.map((p) => p.name.split(' ').slice(0, 2).join(' ')).join(', ')}`);
      }
    },
  },
  {
    name: 'When sorting by createdAt, then the order follows the returned timestamps with ties by id ascending',
    category: 'functionality',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const tag = uniqueTag();
      // A burst (likely equal timestamps) and a few one after the other.
      await Promise.all([1, 2, 3, 4].map((n) => api.createProduct({ name: `Burst ${n} ${tag}` })));
      await createInOrder(api, [5, 6, 7].map((n) => ({ name: `Serial ${n} ${tag}` })));
      const all = (await api.list(`q=${tag}&limit=100`)).items;
      const time = (p: Product) => Date.parse(p.createdAt);
      const ascending = [...all].sort((a, b) => time(a) - time(b) || a.id - b.id);
      const descending = [...all].sort((a, b) => time(b) - time(a) || a.id - b.id);
      for (const [sort, expected] of [['createdAt', ascending], ['-createdAt', descending]] as const) {
        const page = await api.list(`q=${tag}&sort=${sort}`);
        assert.deepEqual(
          page.items.map((p) => `${p.createdAt}#${p.id}`),
          expected.map((p) => `${p.createdAt}#${p.id}`),
          `GET /products?q=${tag}&sort=${sort}: expected the order of the returned createdAt values, equal ones by id ascending`,
        );
      }
    },
  },
  {
    name: 'When walking the pages, then every match appears exactly once in sort order and an offset past the end gives no items with the same total',
    category: 'functionality',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const tag = uniqueTag();
      await Promise.all([500, 100, 300, 100, 200, 300, 100].map((priceCents, n) => api.createProduct({ name: `Page ${n} ${tag}`, priceCents })));
      const full = await api.list(`q=${tag}&sort=priceCents&limit=100`);
      assert.equal(full.total, 7, `GET /products?q=${tag}&limit=100: expected total 7, got ${full.total}`);
      const walked: Product[] = [];
      for (let offset = 0; offset < full.total; offset += 3) {
        const page = await api.list(`q=${tag}&sort=priceCents&limit=3&offset=${offset}`);
        assert.ok(page.items.length <= 3, `GET /products?…&limit=3&offset=${offset}: expected at most 3 items, got ${page.items.length}`);
        assert.equal(page.total, 7, `GET /products?…&limit=3&offset=${offset}: total counts every match whatever limit and offset are: expected 7, got ${page.total}`);
        assert.deepEqual([page.limit, page.offset], [3, offset], `GET /products?…&limit=3&offset=${offset}: expected "limit": 3 and "offset": ${offset}`);
        walked.push(...page.items);
      }
      assert.deepEqual(ids(walked), ids(full.items), `GET /products?q=${tag}&sort=priceCents&limit=3, pages 1–3: expected every product exactly once, in the same order as one page of 100`);
      for (const offset of [7, 100]) {
        const past = await api.list(`q=${tag}&offset=${offset}`);
        assert.deepEqual([past.items.length, past.total, past.offset], [0, 7, offset], `GET /products?q=${tag}&offset=${offset}: expected "items": [] with total 7 and offset ${offset}, got ${past.items.length} items, total ${past.total}, offset ${past.offset}`);
      }
    },
  },
  {
    name: 'When the list is read without limit, offset or sort, then it gives the first 20 matches by name',
    category: 'functionality',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const tag = uniqueTag();
      const names = Array.from({ length: 22 }, (_, n) => `${tag} item ${String.fromCharCode(90 - n)}`);
      await Promise.all(names.map((name) => api.createProduct({ name })));
      const page = await api.list(`q=${tag}`);
      assert.equal(page.total, 22, `GET /products?q=${tag}: expected total 22, got ${page.total}`);
      assert.deepEqual([page.limit, page.offset], [20, 0], `GET /products?q=${tag}: expected the defaults limit 20 and offset 0, got ${page.limit} and ${page.offset}`);
      assert.deepEqual(page.items.map((p) => p.name), [...names].sort().slice(0, 20), `GET /products?q=${tag}: expected the first 20 products by name`);
    },
  },
];

export default checks;
