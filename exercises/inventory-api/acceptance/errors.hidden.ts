// Hidden: every error of the catalogue in its less common shapes (R20–R25, R30, R31).
import assert from 'node:assert/strict';
import type { FunctionalCheck } from '@faultline/kit';
import { Api, uniqueSku, uniqueTag, unknownId, type Answer } from './client.js';
import { expectJson, expectNoInternals, expectProblem, expectValidation } from './expect.js';

const LIMIT = 65_536;

/** A product body of exactly `bytes` bytes, padded with insignificant white space. */
function paddedProductBody(sku: string, bytes: number): string {
  const head = `{"sku":"${sku}","name":"Padded ${sku}","priceCents":1`;
  return `${head}${' '.repeat(bytes - head.length - 1)}}`;
}

/** A 4xx problem of any type: for requests where the catalogue allows more than one. */
function expectClientProblem(answer: Answer): void {
  assert.ok(answer.status >= 400 && answer.status < 500, `${answer.label}: expected a 4xx problem, got ${answer.status} ${answer.text.slice(0, 200)}`);
  assert.match(answer.contentType, /^application\/problem\+json\s*(;|$)/i, `${answer.label}: expected Content-Type application/problem+json, got "${answer.contentType}"`);
}

const checks: FunctionalCheck[] = [
  {
    name: 'When a path or method is not in the API, then it answers 404 not-found as a problem, never 405',
    category: 'errors',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.createProduct();
      const before = await api.snapshot(product.id);
      const count = await api.countProducts();
      const answers = await Promise.all([
        api.reader('GET', '/nope'),
        api.reader('GET', `/products/${product.id}/nope`),
        api.editor('PUT', `/products/${product.id}`, { body: { sku: product.sku, name: 'Put', priceCents: 1 } }),
        api.editor('DELETE', '/products'),
        api.editor('PATCH', '/products', { body: { priceCents: 1 } }),
        api.editor('DELETE', `/products/${product.id}/stock-movements`),
      ]);
      for (const answer of answers) expectProblem(answer, 'not-found');
      await api.assertUnchanged(before, 'requests to undefined routes');
      assert.equal(await api.countProducts(), count, 'after requests to undefined routes: no product may be created or deleted');
    },
  },
  {
    name: 'When a JSON body is truncated, has a trailing comma, single quotes, bare words or is empty, then it answers 400 malformed-json and nothing changes',
    category: 'errors',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.stockedProduct(4);
      const before = await api.snapshot(product.id);
      const count = await api.countProducts();
      const tag = uniqueTag();
      const bodies = ['{"sku":', `{"sku":"${uniqueSku()}","name":"${tag}","priceCents":1,}`, `{'sku':'${uniqueSku()}','name':'${tag}','priceCents':1}`, 'hello', ''];
      const targets: Array<[string, string]> = [
        ['POST', '/products'],
        ['PATCH', `/products/${product.id}`],
        ['POST', `/products/${product.id}/stock-movements`],
      ];
      for (const [method, path] of targets) {
        const answers = await Promise.all(bodies.map((raw) => api.editor(method, path, { raw, as: `with the body ${JSON.stringify(raw)} (editor)` })));
        for (const answer of answers) expectProblem(answer, 'malformed-json');
      }
      await api.assertUnchanged(before, 'malformed JSON bodies');
      assert.equal(await api.countProducts(), count, 'after malformed JSON bodies: no product may be created');
    },
  },
  {
    name: 'When a body is form data, multipart, merge-patch, text or has no Content-Type, then it answers 415 and nothing changes',
    category: 'errors',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.stockedProduct(4);
      const before = await api.snapshot(product.id);
      const count = await api.countProducts();
      const sku = uniqueSku();
      const json = JSON.stringify({ sku, name: 'Wrong media type', priceCents: 1 });
      const withType = (method: string, path: string, contentType: string, raw: string) =>
        api.editor(method, path, { raw, headers: { 'content-type': contentType }, as: `with Content-Type: ${contentType} (editor)` });
      const answers = await Promise.all([
        withType('POST', '/products', 'application/x-www-form-urlencoded', `sku=${sku}&name=Form&priceCents=1`),
        withType('POST', '/products', 'multipart/form-data; boundary=xyz', `--xyz\r\nContent-Disposition: form-data; name="sku"\r\n\r\n${sku}\r\n--xyz--\r\n`),
        withType('POST', '/products', 'text/plain', json),
        withType('POST', '/products', 'application/jsonx', json),
        withType('PATCH', `/products/${product.id}`, 'application/merge-patch+json', '{"priceCents":1}'),
        withType('PATCH', `/products/${product.id}`, 'text/plain', '{"priceCents":1}'),
        withType('POST', `/products/${product.id}/stock-movements`, 'application/x-www-form-urlencoded', 'type=ship&quantity=1&reason=Form'),
        api.raw('POST', '/products', { headers: { authorization: `Bearer ${api.editToken}` }, body: json, as: 'with a JSON body and no Content-Type (editor)' }),
        api.raw('POST', `/products/${product.id}/stock-movements`, {
          headers: { authorization: `Bearer ${api.editToken}` },
          body: '{"type":"ship","quantity":1,"reason":"No type"}',
          as: 'with a JSON body and no Content-Type (editor)',
        }),
      ]);
      for (const answer of answers) expectProblem(answer, 'unsupported-media-type');
      await api.assertUnchanged(before, 'bodies that are not application/json');
      assert.equal(await api.countProducts(), count, 'after bodies that are not application/json: no product may be created');
    },
  },
  {
    name: 'When Content-Type is application/json with a charset parameter, then the body is accepted',
    category: 'errors',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const headers = { 'content-type': 'application/json; charset=utf-8' };
      const created = expectJson<{ id: number }>(
        await api.editor('POST', '/products', { raw: JSON.stringify({ sku: uniqueSku(), name: 'With charset', priceCents: 1 }), headers, as: 'with Content-Type: application/json; charset=utf-8 (editor)' }),
        201,
      );
      expectJson(await api.editor('PATCH', `/products/${created.id}`, { raw: '{"priceCents":2}', headers, as: 'with Content-Type: application/json; charset=utf-8 (editor)' }), 200);
      expectJson(
        await api.editor('POST', `/products/${created.id}/stock-movements`, { raw: '{"type":"receive","quantity":1,"reason":"Charset"}', headers, as: 'with Content-Type: application/json; charset=utf-8 (editor)' }),
        201,
      );
    },
  },
  {
    name: 'When a body is over 64 KiB, with Content-Length or chunked, then it answers 413 payload-too-large and nothing changes',
    category: 'errors',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.createProduct();
      const before = await api.snapshot(product.id);
      const sku = uniqueSku();
      const big = JSON.stringify({ sku, name: 'Too big', priceCents: 1, description: 'a'.repeat(100_000) });
      const sized = await api.editor('POST', '/products', { raw: big, as: 'with a 100 KB body (editor)' });
      expectProblem(sized, 'payload-too-large');
      const chunked = await api.raw('POST', '/products', {
        headers: { authorization: `Bearer ${api.editToken}`, 'content-type': 'application/json' },
        body: big,
        chunked: true,
        as: 'with a 100 KB chunked body (editor)',
      });
      expectProblem(chunked, 'payload-too-large');
      expectProblem(await api.editor('PATCH', `/products/${product.id}`, { raw: JSON.stringify({ description: 'b'.repeat(70_000) }), as: 'with a 70 KB body (editor)' }), 'payload-too-large');
      expectProblem(await api.editor('POST', '/products', { raw: paddedProductBody(uniqueSku(), LIMIT + 1), as: 'with a body of 65,537 bytes (editor)' }), 'payload-too-large');
      await api.assertNoSku(sku, `${sized.label} and ${chunked.label}`);
      await api.assertUnchanged(before, 'PATCH with a 70 KB body');
    },
  },
  {
    name: 'When a body is within 64 KiB, then it is read normally: 65,536 bytes are accepted and a 60 KiB invalid body is a 400',
    category: 'errors',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const exact = paddedProductBody(uniqueSku(), LIMIT);
      assert.equal(Buffer.byteLength(exact), LIMIT);
      expectJson(await api.editor('POST', '/products', { raw: exact, as: 'with a valid body of exactly 65,536 bytes (editor)' }), 201, '201 (65,536 bytes is not over the limit)');
      const sku = uniqueSku();
      const answer = await api.editor('POST', '/products', { body: { sku, name: 'Long description', priceCents: 1, description: 'd'.repeat(60 * 1024) }, as: 'with a 60 KiB description (editor)' });
      expectValidation(answer, ['/description']);
      await api.assertNoSku(sku, answer.label);
    },
  },
  {
    name: 'When a valid ship or receive targets a product that never existed, then it answers 404 whatever the quantity',
    category: 'errors',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const path = `/products/${unknownId()}/stock-movements`;
      expectProblem(await api.editor('POST', path, { body: { type: 'ship', quantity: 100000, reason: 'Unknown product' } }), 'not-found');
      expectProblem(await api.editor('POST', path, { body: { type: 'receive', quantity: 1, reason: 'Unknown product' } }), 'not-found');
    },
  },
  {
    name: 'When requests are refused for any reason, then no error body holds a stack trace, file path, SQL or exception name',
    category: 'errors',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.createProduct();
      const movements = `/products/${product.id}/stock-movements`;
      const nested = `${'['.repeat(5000)}${']'.repeat(5000)}`;
      const answers = await Promise.all([
        api.editor('POST', '/products', { raw: '{"sku": "A", "name": }' }),
        api.editor('POST', '/products', { body: { sku: product.sku, name: 'Duplicate', priceCents: 1 } }),
        api.editor('POST', '/products', { raw: `{"sku":"${uniqueSku()}","name":"Huge","priceCents":1e400}` }),
        api.editor('POST', '/products', { body: { sku: uniqueSku(), name: 'Nul\u0000here', priceCents: 1 } }),
        api.editor('POST', '/products', { raw: `{"sku":"${uniqueSku()}","name":${nested},"priceCents":1}` }),
        api.editor('POST', '/products', { raw: nested }),
        api.editor('PATCH', `/products/${product.id}`, { body: { id: 5, version: 'x' } }),
        api.editor('POST', movements, { body: { type: 'ship', quantity: '5', reason: 'String quantity' } }),
        api.editor('POST', movements, { body: { type: 'ship', quantity: 99999, reason: 'Too many' } }),
        api.reader('GET', '/products/99999999999999999999'),
        api.reader('GET', '/products/1%20OR%201=1'),
        api.reader('GET', `/products?sort=${encodeURIComponent('name;DROP TABLE products')}`),
        api.reader('GET', '/products?minPriceCents=1e400&limit=abc'),
        api.reader('GET', `/products?q=${encodeURIComponent("'")}&offset=-1`),
        api.reader('GET', '/no/such/route'),
        api.anonymous('GET', '/products'),
      ]);
      for (const answer of answers) {
        expectNoInternals(answer);
        expectClientProblem(answer);
      }
    },
  },
  {
    name: 'When ids or query strings are not valid percent-encoded UTF-8 or numbers are huge, then it answers 400 validation, never 5xx',
    category: 'errors',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const auth = { authorization: `Bearer ${api.readToken}` };
      const path = await api.raw('GET', '/products/%E0%A4%A', { headers: auth, as: '(reader)' });
      expectValidation(path, []);
      const query = await api.raw('GET', '/products?q=%E0%A4%A', { headers: auth, as: '(reader)' });
      expectValidation(query, []);
      const huge = await api.editor('POST', '/products', { raw: `{"sku":"${uniqueSku()}","name":"Huge price","priceCents":1e400}` });
      expectValidation(huge, ['/priceCents']);
      const product = await api.createProduct();
      const quantity = await api.editor('POST', `/products/${product.id}/stock-movements`, { raw: '{"type":"receive","quantity":1e400,"reason":"Huge"}' });
      expectValidation(quantity, ['/quantity']);
    },
  },
];

export default checks;
