// Hidden, senior extras: conditional updates with If-Match (R17, R28, R54) and idempotent stock
// movements with Idempotency-Key (R18, R29, R40, R55).
import assert from 'node:assert/strict';
import type { FunctionalCheck } from '@faultline/kit';
import { Api, randomCode, unknownId, type Answer, type MovementCreated, type Product } from './client.js';
import { expectEtag, expectJson, expectProblem, expectUnauthorized, expectValidation } from './expect.js';

const BURST = 20;
const REPLAYED = 'idempotent-replayed';

const newKey = () => `acceptance-${randomCode(16)}`;

function patchIf(api: Api, id: number, ifMatch: string, body: Record<string, unknown>): Promise<Answer> {
  return api.editor('PATCH', `/products/${id}`, { body, headers: { 'if-match': ifMatch }, as: `with If-Match: ${ifMatch} (editor)` });
}

function moveWithKey(api: Api, id: number, key: string, body: Record<string, unknown> | string): Promise<Answer> {
  const payload = typeof body === 'string' ? { raw: body } : { body };
  return api.editor('POST', `/products/${id}/stock-movements`, { ...payload, headers: { 'idempotency-key': key }, as: `with Idempotency-Key: ${key} (editor)` });
}

function expectReplayed(answer: Answer, replayed: boolean): void {
  const header = answer.headers.get(REPLAYED);
  if (replayed) assert.equal(header, 'true', `${answer.label}: a replay must carry Idempotent-Replayed: true, got ${JSON.stringify(header)}`);
  else assert.equal(header, null, `${answer.label}: an original answer must not carry Idempotent-Replayed, got ${JSON.stringify(header)}`);
}

const checks: FunctionalCheck[] = [
  {
    name: 'When If-Match holds the current ETag, *, or a list containing it, then the PATCH is applied; without If-Match it is unconditional',
    category: 'functionality',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.createProduct({ priceCents: 100 });
      const steps: Array<[string | undefined, number]> = [
        ['"1"', 2],
        ['*', 3],
        ['"1", "3"', 4],
        ['W/"9", "4", "17"', 5],
        [undefined, 6],
      ];
      for (const [ifMatch, version] of steps) {
        const body = { priceCents: 100 + version };
        const answer = ifMatch === undefined ? await api.editor('PATCH', `/products/${product.id}`, { body }) : await patchIf(api, product.id, ifMatch, body);
        const updated = expectJson<Product>(answer, 200);
        assert.deepEqual([updated.version, updated.priceCents], [version, 100 + version], `${answer.label}: expected version ${version} and priceCents ${100 + version}, got ${updated.version} and ${updated.priceCents}`);
        expectEtag(answer, version);
      }
    },
  },
  {
    name: 'When If-Match is stale, weak or unquoted, then the PATCH answers 412 precondition-failed and nothing changes',
    category: 'errors',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.stockedProduct(3);
      const before = await api.snapshot(product.id);
      const current = before.product.version;
      for (const ifMatch of [`"${current - 1}"`, `"${current + 1}"`, `W/"${current}"`, `${current}`, `"${current - 1}", W/"${current}"`]) {
        expectProblem(await patchIf(api, product.id, ifMatch, { priceCents: 1 }), 'precondition-failed');
      }
      await api.assertUnchanged(before, 'PATCHes with a non-matching If-Match');
    },
  },
  {
    name: 'When If-Match is stale but the request fails earlier, then authentication, validation and existence win over 412',
    category: 'errors',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.createProduct();
      const before = await api.snapshot(product.id);
      const stale = '"999"';
      expectValidation(await patchIf(api, product.id, stale, { priceCents: -1 }), ['/priceCents']);
      expectValidation(await patchIf(api, product.id, stale, {}), ['']);
      expectProblem(await patchIf(api, unknownId(), '"1"', { priceCents: 1 }), 'not-found');
      expectUnauthorized(await api.anonymous('PATCH', `/products/${product.id}`, { body: { priceCents: 1 }, headers: { 'if-match': stale }, as: 'with a stale If-Match and no token' }));
      expectProblem(await api.reader('PATCH', `/products/${product.id}`, { body: { priceCents: 1 }, headers: { 'if-match': stale }, as: 'with a stale If-Match (reader)' }), 'forbidden');
      await api.assertUnchanged(before, 'PATCHes refused before the If-Match check');
    },
  },
  {
    name: 'When 20 PATCHes carry the current ETag at once, then exactly one wins and the others get 412',
    category: 'concurrency',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.createProduct();
      const etag = `"${product.version}"`;
      const answers = await ctx.simultaneously(Array.from({ length: BURST }, (_, n) => () => patchIf(api, product.id, etag, { priceCents: 5000 + n })));
      const winners = answers.filter((a) => a.status === 200);
      assert.equal(winners.length, 1, `${BURST} simultaneous PATCH /products/${product.id} with If-Match: ${etag}: expected exactly one 200, got statuses ${JSON.stringify(answers.map((a) => a.status).sort())}`);
      for (const answer of answers) if (answer.status !== 200) expectProblem(answer, 'precondition-failed');
      const after = await api.product(product.id);
      assert.equal(after.version, product.version + 1, `GET /products/${product.id}: expected version ${product.version + 1} (one winner), got ${after.version}`);
      assert.deepEqual(after, winners[0]?.body, `GET /products/${product.id}: the product must hold the winner's values`);
    },
  },
  {
    name: 'When a movement is repeated with the same Idempotency-Key and an equal body, then the original answer is replayed and nothing is applied twice',
    category: 'functionality',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.stockedProduct(10);
      const key = newKey();
      const first = await moveWithKey(api, product.id, key, { type: 'receive', quantity: 5, reason: 'Purchase order PO-1184' });
      const original = expectJson<MovementCreated>(first, 201);
      expectReplayed(first, false);
      await api.move(product.id, 'ship', 2, 'Meanwhile');
      const before = await api.snapshot(product.id);
      const again = await moveWithKey(api, product.id, key, '{ "reason" : "Purchase order PO-1184",\n  "quantity" : 5, "type" : "receive" }');
      assert.deepEqual(expectJson(again, 201), original, `${again.label} (same body, other property order and spacing): expected the original body again, same movement id, createdAt and stock ${original.stock}`);
      expectReplayed(again, true);
      await api.assertUnchanged(before, `${again.label} (a replay)`);
    },
  },
  {
    name: 'When a refused ship is repeated with its Idempotency-Key after goods arrive, then the 409 is replayed',
    category: 'functionality',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.stockedProduct(1);
      const key = newKey();
      const body = { type: 'ship', quantity: 5, reason: 'Order 7001' };
      const first = await moveWithKey(api, product.id, key, body);
      const refusal = expectProblem(first, 'insufficient-stock');
      expectReplayed(first, false);
      await api.move(product.id, 'receive', 10, 'Restock');
      const before = await api.snapshot(product.id);
      const again = await moveWithKey(api, product.id, key, body);
      assert.deepEqual(expectProblem(again, 'insufficient-stock'), refusal, `${again.label}: expected the original 409 body again, even though the stock is now enough`);
      expectReplayed(again, true);
      await api.assertUnchanged(before, `${again.label} (a replayed refusal)`);
    },
  },
  {
    name: 'When a request with an Idempotency-Key is refused with 400, 403, 404 or 415, then the key is not used up',
    category: 'functionality',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.createProduct();
      const valid = { type: 'receive', quantity: 2, reason: 'After a refusal' };
      const path = `/products/${product.id}/stock-movements`;
      const refusals: Array<[string, (key: string) => Promise<Answer>, number]> = [
        ['400', (key) => moveWithKey(api, product.id, key, { ...valid, quantity: 0 }), 400],
        ['403', (key) => api.reader('POST', path, { body: valid, headers: { 'idempotency-key': key }, as: 'with an Idempotency-Key (reader)' }), 403],
        ['404', (key) => moveWithKey(api, unknownId(), key, valid), 404],
        ['415', (key) => api.editor('POST', path, { raw: JSON.stringify(valid), headers: { 'idempotency-key': key, 'content-type': 'text/plain' }, as: 'with an Idempotency-Key and text/plain (editor)' }), 415],
      ];
      let stock = 0;
      for (const [, refuse, status] of refusals) {
        const key = newKey();
        const refused = await refuse(key);
        assert.equal(refused.status, status, `${refused.label}: expected ${status}, got ${refused.status} ${refused.text.slice(0, 200)}`);
        const answer = await moveWithKey(api, product.id, key, valid);
        const created = expectJson<MovementCreated>(answer, 201, `201 (a ${status} does not store the key)`);
        expectReplayed(answer, false);
        stock += 2;
        assert.equal(created.stock, stock, `${answer.label}: expected the movement applied, stock ${stock}, got ${created.stock}`);
      }
    },
  },
  {
    name: 'When identical movements are sent without an Idempotency-Key, then each one is recorded',
    category: 'functionality',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.createProduct();
      const body = { type: 'receive', quantity: 3, reason: 'Same again' };
      const first = expectJson<MovementCreated>(await api.editor('POST', `/products/${product.id}/stock-movements`, { body }), 201);
      const second = expectJson<MovementCreated>(await api.editor('POST', `/products/${product.id}/stock-movements`, { body }), 201);
      assert.notEqual(second.movement.id, first.movement.id, 'two identical movements without a key are two movements');
      assert.equal(second.stock, 6, `the second identical receive without a key: expected stock 6, got ${second.stock}`);
      assert.equal((await api.history(product.id)).length, 2, `GET /products/${product.id}/stock-movements: expected 2 movements`);
    },
  },
  {
    name: 'When an Idempotency-Key is reused with another body or product, then it answers 422 idempotency-conflict and the original stays replayable',
    category: 'errors',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const [product, other] = await Promise.all([api.stockedProduct(4), api.stockedProduct(4)]);
      const key = newKey();
      const body = { type: 'receive', quantity: 5, reason: 'PO-1185' };
      const original = expectJson<MovementCreated>(await moveWithKey(api, product.id, key, body), 201);
      const befores = await Promise.all([api.snapshot(product.id), api.snapshot(other.id)]);
      expectProblem(await moveWithKey(api, product.id, key, { ...body, quantity: 6 }), 'idempotency-conflict');
      expectProblem(await moveWithKey(api, product.id, key, { ...body, reason: 'PO-1185 ' }), 'idempotency-conflict');
      expectProblem(await moveWithKey(api, other.id, key, body), 'idempotency-conflict');
      for (const before of befores) await api.assertUnchanged(before, 'requests reusing an Idempotency-Key');
      const replay = await moveWithKey(api, product.id, key, body);
      assert.deepEqual(expectJson(replay, 201), original, `${replay.label}: after the conflicts, the original request must still replay its answer`);
      expectReplayed(replay, true);
    },
  },
  {
    name: 'When Idempotency-Key is empty, longer than 100 characters or not printable ASCII, then it answers 400 with field Idempotency-Key and nothing is recorded',
    category: 'validation',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.createProduct();
      const before = await api.snapshot(product.id);
      const path = `/products/${product.id}/stock-movements`;
      const body = JSON.stringify({ type: 'receive', quantity: 1, reason: 'Bad key' });
      const headers = { authorization: `Bearer ${api.editToken}`, 'content-type': 'application/json' };
      const keys = ['', 'k'.repeat(101), 'tab\there', 'cl\u00e9'];
      const answers = await Promise.all(keys.map((key) => api.raw('POST', path, { headers: { ...headers, 'idempotency-key': key }, body, as: `with Idempotency-Key ${JSON.stringify(key).slice(0, 30)} (editor)` })));
      for (const answer of answers) expectValidation(answer, ['Idempotency-Key']);
      await api.assertUnchanged(before, 'movements with an invalid Idempotency-Key');
      const longest = `${randomCode(10)} ~!@#$%^&*()_+{}|:"<>?`.padEnd(100, 'k');
      expectJson(await moveWithKey(api, product.id, longest, { type: 'receive', quantity: 1, reason: 'Good key' }), 201, '201 (100 printable ASCII characters, spaces included, are a valid key)');
    },
  },
  {
    name: 'When 20 identical movements with one Idempotency-Key arrive at once, then one is recorded and the others replay it',
    category: 'concurrency',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.stockedProduct(5);
      const key = newKey();
      const answers = await ctx.simultaneously(Array.from({ length: BURST }, () => () => moveWithKey(api, product.id, key, { type: 'receive', quantity: 7, reason: 'Burst with one key' })));
      for (const answer of answers) expectJson(answer, 201, '201 (an original or a replay)');
      const bodies = new Set(answers.map((a) => JSON.stringify(a.body)));
      assert.equal(bodies.size, 1, `${BURST} simultaneous movements with Idempotency-Key ${key}: every answer must have the same body, got ${bodies.size} different ones`);
      const replayed = answers.filter((a) => a.headers.get(REPLAYED) === 'true').length;
      assert.equal(replayed, BURST - 1, `${BURST} simultaneous movements with one key: all but one answer must carry Idempotent-Replayed: true, got ${replayed}`);
      const after = await api.product(product.id);
      assert.equal(after.stock, 12, `GET /products/${product.id}: the stock must move once (5 + 7 = 12), got ${after.stock}`);
      assert.equal((await api.history(product.id)).length, 2, `GET /products/${product.id}/stock-movements: expected the set-up receive and one keyed movement`);
    },
  },
];

export default checks;
