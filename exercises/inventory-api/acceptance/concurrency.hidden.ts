// Hidden: bursts of at least 20 simultaneous requests on one product (R50–R53).
import assert from 'node:assert/strict';
import type { FunctionalCheck } from '@faultline/kit';
import { Api, uniqueSku, type Answer, type MovementCreated, type Product } from './client.js';
import { expectJson, expectProblem } from './expect.js';

const BURST = 20;

const count = (answers: readonly Answer[], status: number) => answers.filter((a) => a.status === status).length;
const statuses = (answers: readonly Answer[]) => JSON.stringify(answers.map((a) => a.status).sort());

/** Sends `BURST` identical ships of `quantity` at once to a product holding `stock`. */
async function shipBurst(api: Api, ctx: Parameters<FunctionalCheck['run']>[0], stock: number, quantity: number) {
  const product = await api.stockedProduct(stock);
  const path = `/products/${product.id}/stock-movements`;
  const answers = await ctx.simultaneously(
    Array.from({ length: BURST }, (_, n) => () => api.editor('POST', path, { body: { type: 'ship', quantity, reason: `Burst order ${n}` } })),
  );
  return { product, path, answers };
}

const checks: FunctionalCheck[] = [
  {
    name: 'When 20 ships of 1 hit a product with stock 5 at once, then exactly 5 succeed with stocks 4…0 and the other 15 get 409',
    category: 'concurrency',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const { product, path, answers } = await shipBurst(api, ctx, 5, 1);
      assert.equal(count(answers, 201), 5, `${BURST} simultaneous POST ${path} ship 1 with stock 5: expected exactly 5 answers 201, got statuses ${statuses(answers)}`);
      assert.equal(count(answers, 409), 15, `${BURST} simultaneous POST ${path} ship 1 with stock 5: expected exactly 15 answers 409, got statuses ${statuses(answers)}`);
      for (const answer of answers) if (answer.status === 409) expectProblem(answer, 'insufficient-stock');
      const reported = answers.filter((a) => a.status === 201).map((a) => (a.body as MovementCreated).stock).sort();
      assert.deepEqual(reported, [0, 1, 2, 3, 4], `${BURST} simultaneous ships of 1 with stock 5: the five 201 answers must report stock 4, 3, 2, 1 and 0 once each, got ${JSON.stringify(reported)}`);
      const after = await api.product(product.id);
      assert.equal(after.stock, 0, `GET /products/${product.id} after the burst: expected stock 0, got ${after.stock}`);
      assert.equal(after.version, product.version + 5, `GET /products/${product.id} after the burst: version must go up by the 5 recorded ships, expected ${product.version + 5}, got ${after.version}`);
      const ships = (await api.history(product.id)).filter((m) => m.type === 'ship');
      assert.equal(ships.length, 5, `GET ${path} after the burst: expected exactly 5 ships in the history, got ${ships.length}`);
    },
  },
  {
    name: 'When 20 ships of 4 hit a product with stock 10 at once, then exactly two succeed and stock ends at 2',
    category: 'concurrency',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const { product, path, answers } = await shipBurst(api, ctx, 10, 4);
      assert.equal(count(answers, 201), 2, `${BURST} simultaneous POST ${path} ship 4 with stock 10: expected exactly 2 answers 201, got statuses ${statuses(answers)}`);
      assert.equal(count(answers, 409), BURST - 2, `${BURST} simultaneous POST ${path} ship 4 with stock 10: every other answer must be 409, got statuses ${statuses(answers)}`);
      const reported = answers.filter((a) => a.status === 201).map((a) => (a.body as MovementCreated).stock).sort();
      assert.deepEqual(reported, [2, 6], `${BURST} simultaneous ships of 4 with stock 10: expected the 201 answers to report stock 6 and 2, got ${JSON.stringify(reported)}`);
      const after = await api.product(product.id);
      assert.equal(after.stock, 2, `GET /products/${product.id} after the burst: expected stock 2, got ${after.stock}`);
    },
  },
  {
    name: 'When receives, ships and reads run at once on one product, then every 201 counts once, every 409 not at all, and stock is never negative',
    category: 'concurrency',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.stockedProduct(20);
      const path = `/products/${product.id}/stock-movements`;
      type Kind = 'receive' | 'ship' | 'read';
      const send = async (kind: Kind, n: number): Promise<[Kind, Answer]> => [
        kind,
        kind === 'read'
          ? await api.reader('GET', `/products/${product.id}`)
          : await api.editor('POST', path, { body: { type: kind, quantity: kind === 'receive' ? 3 : 4, reason: `${kind} ${n}` } }),
      ];
      const actions: Array<() => Promise<[Kind, Answer]>> = [];
      for (let n = 0; n < 15; n++) {
        actions.push(() => send('receive', n), () => send('ship', n));
        if (n % 3 === 0) actions.push(() => send('read', n));
      }
      const results = await ctx.simultaneously(actions);
      let received = 0;
      let shipped = 0;
      let recorded = 0;
      for (const [kind, answer] of results) {
        if (kind === 'read') {
          const seen = expectJson<Product>(answer, 200);
          assert.ok(seen.stock >= 0, `${answer.label} during the burst: stock must never be negative, got ${seen.stock}`);
          continue;
        }
        if (kind === 'receive') expectJson(answer, 201, '201 (a receive is never refused)');
        if (answer.status !== 201) {
          expectProblem(answer, 'insufficient-stock');
          continue;
        }
        const created = answer.body as MovementCreated;
        assert.ok(created.stock >= 0, `${answer.label}: a 201 must never report a negative stock, got ${created.stock}`);
        recorded += 1;
        if (kind === 'receive') received += created.movement.quantity;
        else shipped += created.movement.quantity;
      }
      const after = await api.product(product.id);
      assert.equal(after.stock, 20 + received - shipped, `GET /products/${product.id}: expected stock 20 + ${received} received − ${shipped} shipped (the 201 answers) = ${20 + received - shipped}, got ${after.stock}`);
      assert.equal(after.version, product.version + recorded, `GET /products/${product.id}: version must go up by the ${recorded} answers 201, expected ${product.version + recorded}, got ${after.version}`);
      const history = await api.history(product.id);
      const sum = history.reduce((total, m) => total + (m.type === 'receive' ? m.quantity : -m.quantity), 0);
      assert.equal(history.length, 1 + recorded, `GET ${path}: expected the set-up receive and the ${recorded} recorded movements, got ${history.length}`);
      assert.equal(after.stock, sum, `GET /products/${product.id}: stock (${after.stock}) must equal receives − ships in the history (${sum})`);
    },
  },
  {
    name: 'When 20 products with the same new SKU are created at once, then exactly one is created and the others get 409 sku-conflict',
    category: 'concurrency',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const sku = uniqueSku();
      const answers = await ctx.simultaneously(Array.from({ length: BURST }, (_, n) => () => api.editor('POST', '/products', { body: { sku, name: `Racer ${n}`, priceCents: 100 + n } })));
      assert.equal(count(answers, 201), 1, `${BURST} simultaneous POST /products with SKU ${sku}: expected exactly one 201, got statuses ${statuses(answers)}`);
      for (const answer of answers) if (answer.status !== 201) expectProblem(answer, 'sku-conflict');
      const page = await api.list(`q=${sku}`);
      assert.equal(page.items.filter((p) => p.sku === sku).length, 1, `GET /products?q=${sku}: expected exactly one product with that SKU, got ${page.items.length}`);
    },
  },
  {
    name: 'When 20 PATCHes without If-Match hit one product at once, then all succeed with distinct versions and version goes up by 20',
    category: 'concurrency',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.createProduct();
      const path = `/products/${product.id}`;
      const answers = await ctx.simultaneously(Array.from({ length: BURST }, (_, n) => () => api.editor('PATCH', path, { body: { priceCents: 1000 + n } })));
      for (const answer of answers) expectJson(answer, 200);
      const versions = answers.map((a) => (a.body as Product).version).sort((a, b) => a - b);
      const expected = Array.from({ length: BURST }, (_, n) => product.version + 1 + n);
      assert.deepEqual(versions, expected, `${BURST} simultaneous PATCH ${path}: each answer must carry a different version, ${expected[0]}…${expected.at(-1)}, got ${JSON.stringify(versions)}`);
      const last = answers.find((a) => (a.body as Product).version === product.version + BURST)?.body as Product | undefined;
      const after = await api.product(product.id);
      assert.equal(after.version, product.version + BURST, `GET ${path}: expected version ${product.version + BURST}, got ${after.version}`);
      assert.equal(after.priceCents, last?.priceCents, `GET ${path}: the product must hold the values of the PATCH that got the last version`);
    },
  },
];

export default checks;
