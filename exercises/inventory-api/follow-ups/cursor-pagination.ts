// Hidden checks of the follow-up `cursor-pagination` (cursor-pagination.md): `nextCursor` on every
// list answer, walks that see every product once in sort order even when products are created and
// deleted between pages, invalid cursors refused as validation problems, offset still working.
import assert from 'node:assert/strict';
import type { FunctionalCheck } from '@faultline/kit';
import { Api, uniqueTag, type Product, type ProductPage } from '../acceptance/client.js';
import { expectJson, expectValidation } from '../acceptance/expect.js';

interface CursorPage extends ProductPage {
  nextCursor: string | null;
}

const SORTS = ['name', '-name', 'priceCents', '-priceCents', 'createdAt', '-createdAt', 'stock', '-stock'] as const;
/** More pages than any walk here needs: a cursor that never ends is a failure, not a hang. */
const MAX_PAGES = 20;

const ids = (items: readonly Product[]) => items.map((p) => p.id);
const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** GET /products?{query} as the reader; asserts 200 and a `nextCursor` that is null or a non-empty string. */
async function listPage(api: Api, query: string): Promise<CursorPage> {
  const answer = await api.reader('GET', `/products?${query}`);
  const page = expectJson<CursorPage>(answer, 200);
  assert.ok(Array.isArray(page.items), `${answer.label}: expected {"items": [...], …}, got ${answer.text.slice(0, 200)}`);
  assert.ok(
    Object.hasOwn(page, 'nextCursor') && (page.nextCursor === null || (typeof page.nextCursor === 'string' && page.nextCursor !== '')),
    `${answer.label}: every list answer carries "nextCursor", a non-empty string or null, got ${Object.hasOwn(page, 'nextCursor') ? JSON.stringify(page.nextCursor) : 'no "nextCursor" member'}`,
  );
  return page;
}

/** Follows `nextCursor` from the first page (no cursor) until it is null; `between` runs after each page. */
async function walk(api: Api, query: string, between?: (pageNumber: number) => Promise<void>): Promise<CursorPage[]> {
  const pages: CursorPage[] = [];
  let cursor: string | null = null;
  do {
    const page = await listPage(api, cursor === null ? query : `${query}&cursor=${encodeURIComponent(cursor)}`);
    pages.push(page);
    cursor = page.nextCursor;
    if (cursor !== null && between) await between(pages.length);
  } while (cursor !== null && pages.length < MAX_PAGES);
  assert.equal(cursor, null, `GET /products?${query}, following nextCursor: expected a page with "nextCursor": null within ${MAX_PAGES} pages`);
  return pages;
}

const checks: FunctionalCheck[] = [
  {
    name: 'When the list is walked with nextCursor, then every match appears exactly once in sort order, for every sort, ties included',
    async run(ctx) {
      const api = new Api(ctx);
      const tag = uniqueTag();
      // Created at once, so several share createdAt; names, prices and stocks repeat too.
      const specs = [
        { suffix: 'same', priceCents: 300, stock: 0 },
        { suffix: 'Apple', priceCents: 100, stock: 2 },
        { suffix: 'same', priceCents: 300, stock: 0 },
        { suffix: 'banana', priceCents: 200, stock: 5 },
        { suffix: 'same', priceCents: 300, stock: 2 },
        { suffix: 'Zed', priceCents: 100, stock: 0 },
        { suffix: 'apple', priceCents: 200, stock: 2 },
      ];
      await Promise.all(specs.map((s) => api.stockedProduct(s.stock, { name: `${tag} ${s.suffix}`, priceCents: s.priceCents })));
      for (const sort of SORTS) {
        const query = `q=${tag}&sort=${sort}`;
        const full = await listPage(api, `${query}&limit=100`);
        assert.equal(full.total, specs.length, `GET /products?${query}&limit=100: expected total ${specs.length}, got ${full.total}`);
        assert.equal(full.nextCursor, null, `GET /products?${query}&limit=100: all ${specs.length} matches fit on the page, so "nextCursor" must be null, got ${JSON.stringify(full.nextCursor)}`);
        const pages = await walk(api, `${query}&limit=2`);
        assert.deepEqual(
          pages.map((p) => p.items.length),
          [2, 2, 2, 1],
          `GET /products?${query}&limit=2, following nextCursor: expected pages of 2, 2, 2 and 1 products (the last with "nextCursor": null), got ${JSON.stringify(pages.map((p) => p.items.length))}`,
        );
        for (const page of pages) {
          assert.deepEqual([page.total, page.limit], [specs.length, 2], `GET /products?${query}&limit=2&cursor=…: expected "total": ${specs.length} and "limit": 2 on every page, got ${page.total} and ${page.limit}`);
        }
        assert.deepEqual(
          ids(pages.flatMap((p) => p.items)),
          ids(full.items),
          `GET /products?${query}&limit=2, following nextCursor: expected every product exactly once, in the order of one page of 100 (ties by id ascending)`,
        );
      }
    },
  },
  {
    name: 'When a page ends exactly at the last match, then its nextCursor is null, and a list with no match has no cursor',
    async run(ctx) {
      const api = new Api(ctx);
      const tag = uniqueTag();
      await Promise.all([600, 100, 500, 200, 400, 300].map((priceCents, n) => api.createProduct({ name: `${tag} Exact ${n}`, priceCents })));
      const query = `q=${tag}&sort=-priceCents`;
      const threes = await walk(api, `${query}&limit=3`);
      assert.deepEqual(
        threes.map((p) => p.items.map((i) => i.priceCents)),
        [
          [600, 500, 400],
          [300, 200, 100],
        ],
        `GET /products?${query}&limit=3 with 6 matches: expected two pages, the second ending the walk with "nextCursor": null (no empty third page)`,
      );
      const whole = await listPage(api, `${query}&limit=6`);
      assert.equal(whole.nextCursor, null, `GET /products?${query}&limit=6 with 6 matches: expected "nextCursor": null, got ${JSON.stringify(whole.nextCursor)}`);
      const none = await listPage(api, `q=${uniqueTag()}&limit=5`);
      assert.deepEqual([none.items.length, none.total, none.nextCursor], [0, 0, null], `GET /products?q=<no match>: expected no items, "total": 0 and "nextCursor": null`);
    },
  },
  {
    name: 'When products are created and deleted between pages, then each product that existed before the walk is seen exactly once, in sort order',
    async run(ctx) {
      const api = new Api(ctx);
      const tag = uniqueTag();
      const originals: Product[] = [];
      for (const priceCents of [200, 300, 400, 500, 600, 700, 800]) originals.push(await api.createProduct({ name: `${tag} Keyset ${priceCents}`, priceCents }));
      const query = `q=${tag}&sort=priceCents&limit=3`;
      const pages = await walk(api, query, async (pageNumber) => {
        if (pageNumber === 1) {
          // One product before the position reached (offset-based paging would now repeat one), one after it.
          await api.createProduct({ name: `${tag} Keyset early 100`, priceCents: 100 });
          await api.createProduct({ name: `${tag} Keyset late 650`, priceCents: 650 });
        }
        if (pageNumber === 2) {
          // A product already seen goes away (offset-based paging would now skip one).
          const seen = originals[0];
          assert.ok(seen);
          const gone = await api.editor('DELETE', `/products/${seen.id}`);
          assert.equal(gone.status, 204, `${gone.label}: expected 204, got ${gone.status}`);
        }
      });
      const walked = pages.flatMap((p) => p.items);
      const seenIds = ids(walked);
      const repeated = seenIds.filter((id, index) => seenIds.indexOf(id) !== index);
      assert.deepEqual(repeated, [], `GET /products?${query}, following nextCursor while products were created and deleted: no product may appear twice, got ${walked.map((p) => p.priceCents).join(', ')}`);
      const originalIds = new Set(ids(originals));
      assert.deepEqual(
        ids(walked.filter((p) => originalIds.has(p.id))),
        ids(originals),
        `GET /products?${query}, following nextCursor: expected the 7 products that existed before the walk exactly once each, at 200…800, got prices ${walked.map((p) => p.priceCents).join(', ')}`,
      );
      const prices = walked.map((p) => p.priceCents);
      assert.deepEqual(prices, [...prices].sort((a, b) => a - b), `GET /products?${query}, following nextCursor: products created meanwhile may show up only in their place in the sort order, got prices ${prices.join(', ')}`);
    },
  },
  {
    name: 'When a cursor is malformed, forged, repeated, reused with another sort or combined with offset, then it answers 400 validation naming cursor',
    async run(ctx) {
      const api = new Api(ctx);
      const tag = uniqueTag();
      await Promise.all([1, 2, 3].map((n) => api.createProduct({ name: `${tag} Cursor ${n}`, priceCents: 100 * n })));
      const first = await listPage(api, `q=${tag}&sort=name&limit=1`);
      const issued = first.nextCursor;
      assert.ok(issued !== null, `GET /products?q=${tag}&sort=name&limit=1 with 3 matches: expected a "nextCursor" string, got null`);
      const cursor = encodeURIComponent(issued);
      const refused = [
        `q=${tag}&cursor=${encodeURIComponent('not a cursor')}`,
        `q=${tag}&cursor=`,
        `q=${tag}&cursor=${base64url('{"hello":"world"}')}`,
        `q=${tag}&cursor=${base64url('[]')}`,
        `q=${tag}&cursor=${base64url('null')}`,
        `q=${tag}&cursor=${'A'.repeat(2000)}`,
        `q=${tag}&cursor=%00`,
        `q=${tag}&sort=name&cursor=${cursor}&cursor=${cursor}`,
        `q=${tag}&sort=-priceCents&cursor=${cursor}`,
        `q=${tag}&sort=name&offset=0&cursor=${cursor}`,
      ];
      for (const query of refused) expectValidation(await api.reader('GET', `/products?${query}`), ['cursor']);
      const next = await listPage(api, `q=${tag}&sort=name&limit=1&cursor=${cursor}`);
      assert.equal(next.items.length, 1, `GET /products?q=${tag}&sort=name&limit=1&cursor=<the issued cursor>: after the refusals the cursor still works, expected 1 product, got ${next.items.length}`);
    },
  },
  {
    name: 'When offset is used instead of a cursor, then it still pages by position and its nextCursor continues after that page',
    async run(ctx) {
      const api = new Api(ctx);
      const tag = uniqueTag();
      await Promise.all([7, 3, 5, 1, 6, 2, 4].map((n) => api.createProduct({ name: `${tag} Offset ${n}`, priceCents: n * 100 })));
      const query = `q=${tag}&sort=name`;
      const full = await listPage(api, `${query}&limit=100`);
      const page = await listPage(api, `${query}&limit=3&offset=2`);
      assert.deepEqual([page.total, page.limit, page.offset], [7, 3, 2], `GET /products?${query}&limit=3&offset=2: expected "total": 7, "limit": 3, "offset": 2, got ${page.total}, ${page.limit}, ${page.offset}`);
      assert.deepEqual(ids(page.items), ids(full.items.slice(2, 5)), `GET /products?${query}&limit=3&offset=2: expected products 3 to 5 of the full list`);
      assert.ok(page.nextCursor !== null, `GET /products?${query}&limit=3&offset=2: two matches follow the page, so "nextCursor" must be a string, got null`);
      const rest = await listPage(api, `${query}&limit=3&cursor=${encodeURIComponent(page.nextCursor)}`);
      assert.deepEqual(ids(rest.items), ids(full.items.slice(5)), `GET /products?${query}&limit=3&cursor=<nextCursor of offset 2>: expected products 6 and 7 of the full list`);
      assert.equal(rest.nextCursor, null, `GET /products?${query}&limit=3&cursor=…: the last page must have "nextCursor": null, got ${JSON.stringify(rest.nextCursor)}`);
      const tail = await listPage(api, `${query}&limit=3&offset=6`);
      assert.deepEqual([ids(tail.items), tail.nextCursor], [ids(full.items.slice(6)), null], `GET /products?${query}&limit=3&offset=6: expected the last product and "nextCursor": null`);
    },
  },
];

export default checks;
