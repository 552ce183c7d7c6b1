// Hidden: the depth of body validation (R32–R37, R41, R42).
import assert from 'node:assert/strict';
import type { FunctionalCheck } from '@faultline/kit';
import { Api, randomCode, uniqueSku, uniqueTag, type Answer, type Product } from './client.js';
import { assertProduct, expectJson, expectValidation } from './expect.js';

const MISSING = Symbol('missing');

/** `base` with `field` set to `value`, or without it for MISSING. */
function withField(base: Record<string, unknown>, field: string, value: unknown): Record<string, unknown> {
  const body = { ...base };
  if (value === MISSING) delete body[field];
  else body[field] = value;
  return body;
}

const show = (value: unknown) => (value === MISSING ? 'missing' : JSON.stringify(value)?.slice(0, 40));

/** POSTs one product per refused value, expects each to be a 400 naming the field, and no product created. */
async function expectRefusedOnCreate(api: Api, field: string, values: readonly unknown[]): Promise<void> {
  const tag = uniqueTag();
  const bodies = values.map((value) => withField({ sku: uniqueSku(), name: `Refused ${tag}`, priceCents: 100 }, field, value));
  const answers = await Promise.all(bodies.map((body, i) => api.editor('POST', '/products', { body, as: `with ${field} ${show(values[i])} (editor)` })));
  for (const answer of answers) expectValidation(answer, [`/${field}`]);
  // Every refused body carries the tag in its name or a fresh SKU: neither may be found.
  assert.equal((await api.list(`q=${tag}`)).total, 0, `after POST /products with invalid ${field}: no product may be created`);
  await Promise.all(bodies.map((body) => (typeof body.sku === 'string' && field !== 'sku' ? api.assertNoSku(body.sku, `POST /products with invalid ${field}`) : undefined)));
}

/** POSTs one product per accepted value; returns what was stored. */
async function expectAcceptedOnCreate(api: Api, field: string, values: readonly unknown[]): Promise<Product[]> {
  const answers = await Promise.all(
    values.map((value) => api.editor('POST', '/products', { body: withField({ sku: uniqueSku(), name: `Accepted ${randomCode(6)}`, priceCents: 100 }, field, value), as: `with ${field} ${show(value)} (editor)` })),
  );
  return answers.map((answer) => {
    const product = expectJson<Product>(answer, 201, '201 (a valid value)');
    assertProduct(product, answer.label);
    return product;
  });
}

const HOSTILE = [`Robert'); DROP TABLE products;--`, '<script>alert(1)</script>', '{{7*7}}', '${7*7}', '../../etc/passwd'];

const checks: FunctionalCheck[] = [
  {
    name: 'When sku is missing, not a string or breaks its pattern, then POST /products answers 400 with field /sku; 3 and 32 characters are valid',
    category: 'validation',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      await expectRefusedOnCreate(api, 'sku', [MISSING, null, 42, 'ab', 'AB', 'mug-1', '-MUG', ' MUG-1', 'MUG-1 ', 'MUG_1', `X${randomCode(32)}`]);
      const [long] = await expectAcceptedOnCreate(api, 'sku', [`X${randomCode(31)}`]);
      assert.equal(long?.sku.length, 32);
      const short = await api.editor('POST', '/products', { body: { sku: randomCode(3), name: 'Short SKU', priceCents: 1 }, as: 'with a 3-character sku (editor)' });
      assert.ok(short.status === 201 || short.status === 409, `${short.label}: a 3-character SKU is valid: expected 201 (or 409 if an earlier run took it), got ${short.status} ${short.text.slice(0, 200)}`);
    },
  },
  {
    name: 'When name is missing, blank, too long or has control characters, then it answers 400 with field /name; lengths count code points',
    category: 'validation',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      await expectRefusedOnCreate(api, 'name', [MISSING, null, 7, '', '   ', 'n'.repeat(201), 'é'.repeat(201), 'a\u0000b', 'tab\there', 'line\nbreak', 'del\u007F']);
      const stored = await expectAcceptedOnCreate(api, 'name', ['é'.repeat(200), '\u{1F600}'.repeat(200), 'x']);
      assert.deepEqual(stored.map((p) => p.name), ['é'.repeat(200), '\u{1F600}'.repeat(200), 'x'], 'names of 200 code points (é, emoji) and of 1 character are stored as sent');
    },
  },
  {
    name: 'When description is not a string or null, too long or has control characters, then it answers 400 with field /description',
    category: 'validation',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      await expectRefusedOnCreate(api, 'description', [5, true, {}, ['a'], 'd'.repeat(2001), 'bell\u0007', 'nul\u0000']);
      const accepted = [null, '', 'tab\there, line\nfeed, return\r', 'd'.repeat(2000), 'é'.repeat(2000)];
      const stored = await expectAcceptedOnCreate(api, 'description', accepted);
      assert.deepEqual(stored.map((p) => p.description), accepted, 'null, "", tab/line feed/carriage return and 2000 characters are valid descriptions, stored as sent');
    },
  },
  {
    name: 'When priceCents is missing, not an integer or out of 0–100000000, then it answers 400 with field /priceCents',
    category: 'validation',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      await expectRefusedOnCreate(api, 'priceCents', [MISSING, null, -1, 100_000_001, 12.5, '1299', true, [1299]]);
      const stored = await expectAcceptedOnCreate(api, 'priceCents', [0, 100_000_000]);
      assert.deepEqual(stored.map((p) => p.priceCents), [0, 100_000_000], 'priceCents 0 and 100000000 are valid');
    },
  },
  {
    name: 'When a POST body lacks every field or has several invalid ones, then errors lists each of them',
    category: 'validation',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      expectValidation(await api.editor('POST', '/products', { body: {} }), ['/sku', '/name', '/priceCents']);
      expectValidation(await api.editor('POST', '/products', { body: { sku: 'x', name: '', description: 5, priceCents: -1 } }), ['/sku', '/name', '/description', '/priceCents']);
    },
  },
  {
    name: 'When PATCH breaks the field rules, then it answers 400 naming the field and the product is unchanged',
    category: 'validation',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.stockedProduct(2, { description: 'Before' });
      const before = await api.snapshot(product.id);
      const path = `/products/${product.id}`;
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ name: '' }, '/name'],
        [{ name: '   ' }, '/name'],
        [{ name: 7 }, '/name'],
        [{ name: 'n'.repeat(201) }, '/name'],
        [{ name: 'tab\there' }, '/name'],
        [{ name: null }, '/name'],
        [{ priceCents: -1 }, '/priceCents'],
        [{ priceCents: 100_000_001 }, '/priceCents'],
        [{ priceCents: 12.5 }, '/priceCents'],
        [{ priceCents: '1299' }, '/priceCents'],
        [{ priceCents: null }, '/priceCents'],
        [{ description: 5 }, '/description'],
        [{ description: 'bell\u0007' }, '/description'],
        [{ description: 'd'.repeat(2001) }, '/description'],
        [{ priceCents: 200, name: '' }, '/name'],
      ];
      const answers = await Promise.all(cases.map(([body]) => api.editor('PATCH', path, { body, as: `with ${JSON.stringify(body).slice(0, 60)} (editor)` })));
      answers.forEach((answer, i) => expectValidation(answer, [cases[i]?.[1] ?? '']));
      await api.assertUnchanged(before, 'invalid PATCH bodies');
    },
  },
  {
    name: 'When a body has unknown or read-only properties, sku on PATCH or an empty PATCH, then it answers 400 pointing at them and nothing changes',
    category: 'validation',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const tag = uniqueTag();
      const base = { name: `Closed body ${tag}`, priceCents: 100 };
      const extras: Array<[string, unknown]> = [['id', 1], ['stock', 100], ['version', 7], ['createdAt', '2025-01-01T00:00:00.000Z'], ['updatedAt', '2025-01-01T00:00:00.000Z'], ['colour', 'blue']];
      const created = await Promise.all(extras.map(([key, value]) => api.editor('POST', '/products', { body: { ...base, sku: uniqueSku(), [key]: value }, as: `with "${key}" (editor)` })));
      created.forEach((answer, i) => expectValidation(answer, [`/${extras[i]?.[0]}`]));
      assert.equal((await api.list(`q=${tag}`)).total, 0, 'after POST /products with read-only or unknown properties: no product may be created');

      const product = await api.createProduct();
      const before = await api.snapshot(product.id);
      const path = `/products/${product.id}`;
      const cases: Array<[Record<string, unknown>, string]> = [
        [{}, ''],
        [{ stock: 100 }, '/stock'],
        [{ version: 9 }, '/version'],
        [{ id: product.id + 1 }, '/id'],
        [{ sku: product.sku }, '/sku'],
        [{ sku: uniqueSku(), priceCents: 5 }, '/sku'],
        [{ priceCents: 5, colour: 'red' }, '/colour'],
        [{ 'a/b': 1 }, '/a~1b'],
      ];
      const answers = await Promise.all(cases.map(([body]) => api.editor('PATCH', path, { body, as: `with ${JSON.stringify(body)} (editor)` })));
      answers.forEach((answer, i) => expectValidation(answer, [cases[i]?.[1] ?? '']));
      await api.assertUnchanged(before, 'PATCH bodies with unknown, read-only or immutable properties');
    },
  },
  {
    name: 'When a body is valid JSON but not an object, or there is no body at all, then it answers 400 with field ""',
    category: 'validation',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.stockedProduct(3);
      const before = await api.snapshot(product.id);
      const count = await api.countProducts();
      const targets: Array<[string, string]> = [
        ['POST', '/products'],
        ['PATCH', `/products/${product.id}`],
        ['POST', `/products/${product.id}/stock-movements`],
      ];
      const answers: Answer[] = [];
      for (const [method, path] of targets) {
        answers.push(...(await Promise.all(['[]', '"x"', '42', 'true', 'null', '[{"priceCents":1}]'].map((raw) => api.editor(method, path, { raw, as: `with the body ${raw} (editor)` })))));
        answers.push(await api.editor(method, path, { as: 'with no body at all (editor)' }));
      }
      for (const answer of answers) expectValidation(answer, ['']);
      await api.assertUnchanged(before, 'bodies that are not objects');
      assert.equal(await api.countProducts(), count, 'after bodies that are not objects: no product may be created');
    },
  },
  {
    name: 'When a stock movement breaks the field rules, then it answers 400 naming the field, before any stock check, and nothing changes',
    category: 'validation',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const [stocked, empty] = await Promise.all([api.stockedProduct(5), api.createProduct()]);
      const befores = await Promise.all([api.snapshot(stocked.id), api.snapshot(empty.id)]);
      const base = { type: 'ship', quantity: 1, reason: 'Order 1' };
      const cases: Array<[string, unknown]> = [
        ['type', MISSING], ['type', 'RECEIVE'], ['type', 'adjust'], ['type', 1], ['type', null],
        ['quantity', MISSING], ['quantity', 0], ['quantity', -1], ['quantity', 1.5], ['quantity', '5'], ['quantity', 100_001], ['quantity', null],
        ['reason', MISSING], ['reason', ''], ['reason', '   '], ['reason', 'r'.repeat(201)], ['reason', null], ['reason', 'nul\u0000'], ['reason', 7],
        ['note', 'extra'], ['productId', stocked.id],
      ];
      for (const product of [stocked, empty]) {
        const path = `/products/${product.id}/stock-movements`;
        const answers = await Promise.all(cases.map(([field, value]) => api.editor('POST', path, { body: withField(base, field, value), as: `with ${field} ${show(value)} (editor)` })));
        answers.forEach((answer, i) => expectValidation(answer, [`/${cases[i]?.[0]}`]));
      }
      const bigShip = await api.editor('POST', `/products/${empty.id}/stock-movements`, { body: { type: 'ship', quantity: 10, reason: '' } });
      expectValidation(bigShip, ['/reason']);
      for (const before of befores) await api.assertUnchanged(before, 'invalid stock movements');
    },
  },
  {
    name: 'When text holds SQL, markup or template syntax, then it is stored, searched and returned exactly and has no other effect',
    category: 'validation',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const bystander = await api.stockedProduct(4);
      const before = await api.snapshot(bystander.id);
      const tag = uniqueTag();
      for (const text of HOSTILE) {
        const answer = await api.editor('POST', '/products', { body: { sku: uniqueSku(), name: `  ${tag} ${text}  `, description: text, priceCents: 1 }, as: `with ${JSON.stringify(text)} in name and description (editor)` });
        const product = expectJson<Product>(answer, 201);
        assert.deepEqual([product.name, product.description], [`${tag} ${text}`, text], `${answer.label}: expected name and description exactly as sent (name trimmed)`);
        assert.deepEqual(await api.product(product.id), product, `GET /products/${product.id}: expected ${JSON.stringify(text)} returned exactly as stored`);
        const moved = await api.move(product.id, 'receive', 1, `  ${text}  `);
        assert.equal(moved.movement.reason, text, `POST /products/${product.id}/stock-movements with reason ${JSON.stringify(text)}: expected the reason exactly as sent, trimmed`);
        const found = await api.list(`q=${encodeURIComponent(`${tag} ${text}`)}`);
        assert.deepEqual(found.items.map((p) => p.id), [product.id], `GET /products?q=${tag} ${text}: expected exactly the product holding that text`);
      }
      await api.assertUnchanged(before, 'products with hostile text');
      assert.equal((await api.list(`q=${tag}`)).total, HOSTILE.length, `GET /products?q=${tag}: expected the ${HOSTILE.length} products created, and the list still working`);
    },
  },
  {
    name: 'When a body has __proto__, constructor or prototype properties, then it is refused with 400 and later requests behave normally',
    category: 'validation',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.stockedProduct(2);
      const before = await api.snapshot(product.id);
      const tag = uniqueTag();
      const fields = `"sku":"${uniqueSku()}","name":"Polluted ${tag}","priceCents":1`;
      const requests: Array<[string, string, string]> = [
        ['POST', '/products', `{"__proto__":{"stock":100,"isAdmin":true},${fields}}`],
        ['POST', '/products', `{"constructor":{"prototype":{"polluted":true}},${fields}}`],
        ['POST', '/products', `{"prototype":{"polluted":true},${fields}}`],
        ['PATCH', `/products/${product.id}`, '{"__proto__":{"version":1},"priceCents":5}'],
        ['PATCH', `/products/${product.id}`, '{"constructor":{"prototype":{"polluted":true}},"priceCents":6}'],
        ['POST', `/products/${product.id}/stock-movements`, '{"__proto__":{"quantity":100000},"type":"receive","quantity":1,"reason":"Proto"}'],
      ];
      const answers = await Promise.all(requests.map(([method, path, raw]) => api.editor(method, path, { raw, as: `with ${raw.slice(0, 50)}… (editor)` })));
      for (const answer of answers) {
        assert.equal(answer.status, 400, `${answer.label}: expected 400 (validation or malformed-json), got ${answer.status} ${answer.text.slice(0, 200)}`);
        const type = (answer.body as { type?: unknown }).type;
        assert.ok(
          type === 'https://faultline.dev/problems/inventory/validation' || type === 'https://faultline.dev/problems/inventory/malformed-json',
          `${answer.label}: expected type validation or malformed-json, got ${JSON.stringify(type)}`,
        );
      }
      await api.assertUnchanged(before, 'prototype-pollution bodies');
      assert.equal((await api.list(`q=${tag}`)).total, 0, 'after prototype-pollution bodies: no product may be created');
      const fresh = await api.createProduct();
      assertProduct(fresh, 'POST /products after prototype-pollution bodies');
      assert.deepEqual([fresh.stock, fresh.version], [0, 1], 'POST /products after prototype-pollution bodies: a new product still starts at stock 0 and version 1');
    },
  },
];

export default checks;
