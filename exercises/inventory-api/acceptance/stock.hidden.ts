// Hidden: the details of stock movements and the stock invariant (R5, R13–R16, R27).
import assert from 'node:assert/strict';
import type { FunctionalCheck } from '@faultline/kit';
import { Api, type MovementCreated, type Movement } from './client.js';
import { assertMovement, expectEtag, expectJson, expectProblem } from './expect.js';

const checks: FunctionalCheck[] = [
  {
    name: 'When a movement is recorded, then its reason is trimmed, it has exactly six members and the product gets a new version and updatedAt',
    category: 'functionality',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.createProduct();
      const answer = await api.editor('POST', `/products/${product.id}/stock-movements`, { body: { type: 'receive', quantity: 100000, reason: '   Container 7   ' } });
      const created = expectJson<MovementCreated>(answer, 201);
      assertMovement(created.movement, `${answer.label} movement`);
      assert.equal(created.movement.reason, 'Container 7', `${answer.label}: the reason is stored trimmed, got ${JSON.stringify(created.movement.reason)}`);
      assert.equal(created.movement.quantity, 100000, `${answer.label}: a quantity of 100000 is valid`);
      assert.equal(created.stock, 100000, `${answer.label}: expected "stock": 100000, got ${created.stock}`);
      const after = await api.product(product.id);
      assert.equal(after.version, product.version + 1, `GET /products/${product.id}: a movement adds exactly 1 to version: expected ${product.version + 1}, got ${after.version}`);
      assert.ok(Date.parse(after.updatedAt) >= Date.parse(product.updatedAt), `GET /products/${product.id}: updatedAt must be set by the movement, not go back`);
      assert.equal(after.createdAt, product.createdAt, `GET /products/${product.id}: createdAt must not change`);
    },
  },
  {
    name: 'When the whole stock is shipped, then stock is 0 and the next ship is refused with 409',
    category: 'functionality',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.stockedProduct(6);
      const all = await api.move(product.id, 'ship', 6, 'Everything');
      assert.equal(all.stock, 0, `POST /products/${product.id}/stock-movements ship 6 of 6: expected "stock": 0, got ${all.stock}`);
      const before = await api.snapshot(product.id);
      const answer = await api.editor('POST', `/products/${product.id}/stock-movements`, { body: { type: 'ship', quantity: 1, reason: 'One too many' } });
      expectProblem(answer, 'insufficient-stock');
      await api.assertUnchanged(before, `${answer.label} ship 1 of 0`);
    },
  },
  {
    name: 'When several products have movements and some ships are refused, then each history holds only its own recorded movements',
    category: 'functionality',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const [first, second] = await Promise.all([api.createProduct(), api.createProduct()]);
      const mine: Movement[] = [];
      mine.push((await api.move(first.id, 'receive', 3)).movement);
      await api.move(second.id, 'receive', 50);
      const refused = await api.editor('POST', `/products/${first.id}/stock-movements`, { body: { type: 'ship', quantity: 4, reason: 'Too many' } });
      expectProblem(refused, 'insufficient-stock');
      mine.push((await api.move(first.id, 'ship', 3)).movement);
      await api.move(second.id, 'ship', 1);
      const history = await api.history(first.id);
      history.forEach((m, i) => assertMovement(m, `GET /products/${first.id}/stock-movements item ${i}`));
      assert.deepEqual(history, [...mine].reverse(), `GET /products/${first.id}/stock-movements: expected only this product's 2 recorded movements, newest first (no refused ship, nothing of product ${second.id})`);
      assert.ok(history.every((m) => m.productId === first.id), `GET /products/${first.id}/stock-movements: every item must have productId ${first.id}`);
    },
  },
  {
    name: 'When patches and movements alternate, then stock is the sum of the history and version is 1 + patches + movements',
    category: 'functionality',
    hidden: true,
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.createProduct();
      const path = `/products/${product.id}`;
      const steps: Array<['patch', number] | ['receive' | 'ship', number]> = [
        ['receive', 10],
        ['patch', 1100],
        ['ship', 4],
        ['receive', 7],
        ['patch', 1200],
        ['ship', 13],
        ['receive', 2],
      ];
      for (const [kind, value] of steps) {
        if (kind === 'patch') expectJson(await api.editor('PATCH', path, { body: { priceCents: value } }), 200);
        else await api.move(product.id, kind, value);
      }
      const answer = await api.reader('GET', path);
      const after = expectJson<{ stock: number; version: number }>(answer, 200);
      const history = await api.history(product.id);
      const sum = history.reduce((total, m) => total + (m.type === 'receive' ? m.quantity : -m.quantity), 0);
      assert.equal(history.length, 5, `GET ${path}/stock-movements: expected the 5 recorded movements, got ${history.length}`);
      assert.equal(after.stock, 2, `${answer.label}: expected stock 10 − 4 + 7 − 13 + 2 = 2, got ${after.stock}`);
      assert.equal(after.stock, sum, `${answer.label}: stock (${after.stock}) must equal receives − ships in the history (${sum})`);
      assert.equal(after.version, 1 + 2 + 5, `${answer.label}: version must be 1 + 2 patches + 5 movements = 8, got ${after.version}`);
      expectEtag(answer, 8);
    },
  },
];

export default checks;
