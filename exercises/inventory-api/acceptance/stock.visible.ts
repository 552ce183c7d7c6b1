// Visible: receiving, shipping and the movement history (R13–R15).
import assert from 'node:assert/strict';
import type { FunctionalCheck } from '@faultline/kit';
import { Api, type MovementCreated } from './client.js';
import { assertMovement, expectJson } from './expect.js';

const checks: FunctionalCheck[] = [
  {
    name: 'When goods are received and then shipped, then each answers 201 with the movement and the new stock',
    category: 'functionality',
    async run(ctx) {
      const api = new Api(ctx);
      const product = await api.createProduct();
      const path = `/products/${product.id}/stock-movements`;

      const receive = await api.editor('POST', path, { body: { type: 'receive', quantity: 24, reason: 'Purchase order PO-1183' } });
      const received = expectJson<MovementCreated>(receive, 201);
      assertMovement(received.movement, `${receive.label} movement`);
      assert.deepEqual(
        { productId: received.movement.productId, type: received.movement.type, quantity: received.movement.quantity, reason: received.movement.reason },
        { productId: product.id, type: 'receive', quantity: 24, reason: 'Purchase order PO-1183' },
        `${receive.label}: the movement must echo the product id, type, quantity and reason`,
      );
      assert.equal(received.stock, 24, `${receive.label}: expected "stock": 24 (0 + 24), got ${received.stock}`);

      const ship = await api.editor('POST', path, { body: { type: 'ship', quantity: 12, reason: 'Order 5521' } });
      const shipped = expectJson<MovementCreated>(ship, 201);
      assertMovement(shipped.movement, `${ship.label} movement`);
      assert.equal(shipped.stock, 12, `${ship.label}: expected "stock": 12 (24 − 12), got ${shipped.stock}`);
      assert.ok(shipped.movement.id > received.movement.id, `${ship.label}: a newer movement has a larger id`);

      const after = await api.product(product.id);
      assert.equal(after.stock, 12, `GET /products/${product.id}: expected stock 12 after receiving 24 and shipping 12, got ${after.stock}`);
      assert.equal(after.version, 3, `GET /products/${product.id}: each movement adds 1 to version: expected 3, got ${after.version}`);
    },
  },
  {
    name: 'When the movement history is read, then it lists every movement of this product, newest first',
    category: 'functionality',
    async run(ctx) {
      const api = new Api(ctx);
      const [product, other] = await Promise.all([api.createProduct(), api.createProduct()]);
      const path = `/products/${product.id}/stock-movements`;
      const empty = expectJson<{ items?: unknown }>(await api.reader('GET', path), 200);
      assert.deepEqual(empty.items, [], `GET ${path} before any movement: expected {"items": []}, got ${JSON.stringify(empty)}`);

      const first = await api.move(product.id, 'receive', 5);
      await api.move(other.id, 'receive', 7);
      const second = await api.move(product.id, 'ship', 2);
      const answer = await api.reader('GET', path);
      const history = expectJson<{ items: unknown[] }>(answer, 200);
      assert.deepEqual(history.items, [second.movement, first.movement], `${answer.label}: expected this product's two movements, newest first, as their 201 answers returned them; got ${answer.text.slice(0, 400)}`);
    },
  },
];

export default checks;
