// Expected behaviour that is not a planted fault (EXPECTED_BEHAVIOUR.md). Passes on the starter
// and on every fix, so a "fix" that breaks the shop fails verify.
import assert from 'node:assert/strict';
import type { FunctionalCheck, HttpResponse } from '@faultline/kit';
import { createCustomer, createProduct, placeOrder, type OrderView, type ProductView } from './shop.js';

function assertProblem(response: HttpResponse, status: number, what: string): Record<string, unknown> {
  assert.equal(response.status, status, `${what}: expected ${status}, got ${response.status} ${response.text.slice(0, 200)}`);
  assert.match(response.contentType, /application\/problem\+json/, `${what}: expected application/problem+json, got "${response.contentType}"`);
  const body = response.body as Record<string, unknown>;
  for (const field of ['type', 'title', 'status', 'detail']) assert.ok(body[field] !== undefined, `${what}: problem body lacks "${field}"`);
  assert.equal(body.status, status, `${what}: problem "status" field should be ${status}`);
  return body;
}

const checks: FunctionalCheck[] = [
  {
    name: 'health answers 200 with the database up',
    async run({ primary }) {
      const body = await primary.expect<{ status: string }>(200, 'GET', '/health');
      assert.equal(body.status, 'ok');
    },
  },
  {
    name: 'the seeded catalogue is there',
    async run({ primary }) {
      const product = await primary.expect<ProductView>(200, 'GET', '/products/1');
      assert.equal(product.sku, 'SKU-00001');
      assert.equal(typeof product.priceCents, 'number');
      const page = await primary.expect<ProductView[]>(200, 'GET', '/products?limit=5&offset=10');
      assert.deepEqual(page.map((p) => p.id), [11, 12, 13, 14, 15]);
    },
  },
  {
    name: 'unknown ids get 404 problem+json',
    async run({ primary }) {
      assertProblem(await primary.get('/products/99999999'), 404, 'GET /products/99999999');
      assertProblem(await primary.get('/orders/99999999'), 404, 'GET /orders/99999999');
      assertProblem(await primary.get('/customers/99999999'), 404, 'GET /customers/99999999');
      assertProblem(await primary.get('/orders?customerId=99999999'), 404, 'GET /orders?customerId=99999999');
    },
  },
  {
    name: 'malformed ids and bodies get 400 problem+json naming the field',
    async run({ primary }) {
      assertProblem(await primary.get('/products/abc'), 400, 'GET /products/abc');
      assertProblem(await primary.get('/products/0'), 400, 'GET /products/0');
      assertProblem(await primary.get('/orders/99999999999'), 400, 'GET /orders/99999999999 (beyond an integer id)');
      assertProblem(await primary.get('/orders?customerId=99999999999'), 400, 'GET /orders?customerId=99999999999');
      const customer = await createCustomer(primary);
      const zero = assertProblem(await primary.post('/orders', { customerId: customer.id, items: [{ productId: 1, quantity: 0 }] }), 400, 'quantity 0');
      assert.ok(JSON.stringify(zero.errors ?? []).includes('quantity'), 'quantity 0: the errors list should name items.0.quantity');
      assertProblem(await primary.post('/orders', { customerId: customer.id, items: [] }), 400, 'empty items');
      assertProblem(await primary.request('POST', '/orders', { raw: '{"customerId": 1, "items": [' }), 400, 'malformed JSON');
    },
  },
  {
    name: 'ordering more than the stock is refused with 409 and the stock is untouched',
    async run({ primary }) {
      const customer = await createCustomer(primary);
      const product = await createProduct(primary, 1000, 3);
      const response = await primary.post('/orders', { customerId: customer.id, items: [{ productId: product.id, quantity: 4 }] });
      assertProblem(response, 409, 'ordering 4 of 3');
      const after = await primary.expect<ProductView>(200, 'GET', `/products/${product.id}`);
      assert.equal(after.stock, 3, 'a refused order must not change the stock');
    },
  },
  {
    name: 'an unknown coupon is refused with 422 and nothing is reserved',
    async run({ primary }) {
      const customer = await createCustomer(primary);
      const product = await createProduct(primary, 1000, 5);
      const response = await primary.post('/orders', { customerId: customer.id, couponCode: 'NOPE', items: [{ productId: product.id, quantity: 1 }] });
      assertProblem(response, 422, 'unknown coupon');
      const after = await primary.expect<ProductView>(200, 'GET', `/products/${product.id}`);
      assert.equal(after.stock, 5);
    },
  },
  {
    name: 'totals follow the worked examples away from the free-shipping line',
    async run({ primary }) {
      const customer = await createCustomer(primary);
      const fifteen = await createProduct(primary, 1500, 50);
      const sixty = await createProduct(primary, 6000, 50);
      const plain = await placeOrder(primary, customer.id, [{ productId: fifteen.id, quantity: 2 }]);
      assert.deepEqual([plain.subtotalCents, plain.discountCents, plain.shippingCents, plain.totalCents], [3000, 0, 499, 3499]);
      const withCoupon = await placeOrder(primary, customer.id, [{ productId: sixty.id, quantity: 1 }], 'welcome10');
      assert.deepEqual([withCoupon.subtotalCents, withCoupon.discountCents, withCoupon.shippingCents, withCoupon.totalCents], [6000, 600, 0, 5400]);
      assert.equal(withCoupon.couponCode, 'WELCOME10');
      const belowMinimum = await placeOrder(primary, customer.id, [{ productId: fifteen.id, quantity: 2 }], 'SPRING15');
      assert.equal(belowMinimum.discountCents, 0, 'SPRING15 needs a 40.00 subtotal');
    },
  },
  {
    name: 'a placed order reserves its stock and shows in the history, newest first',
    async run({ primary }) {
      const customer = await createCustomer(primary);
      const product = await createProduct(primary, 1234, 10, 'History item');
      const first = await placeOrder(primary, customer.id, [{ productId: product.id, quantity: 3 }]);
      const second = await placeOrder(primary, customer.id, [{ productId: product.id, quantity: 1 }, { productId: 2, quantity: 1 }]);
      const stock = await primary.expect<ProductView>(200, 'GET', `/products/${product.id}`);
      assert.equal(stock.stock, 6);
      const history = await primary.expect<OrderView[]>(200, 'GET', `/orders?customerId=${customer.id}`);
      assert.deepEqual(history.map((o) => o.id), [second.id, first.id]);
      assert.equal(history[1]?.items[0]?.productName, product.name);
      assert.equal(history[1]?.items[0]?.lineTotalCents, 3 * 1234);
      assert.equal(history[0]?.items.length, 2);
      const detail = await primary.expect<OrderView>(200, 'GET', `/orders/${first.id}`);
      assert.equal(detail.totalCents, first.totalCents);
      const page = await primary.expect<OrderView[]>(200, 'GET', `/orders?customerId=${customer.id}&limit=1&offset=1`);
      assert.deepEqual(page.map((o) => o.id), [first.id]);
    },
  },
  {
    name: 'the last unit can be sold once, then the next order gets 409',
    async run({ primary }) {
      const customer = await createCustomer(primary);
      const product = await createProduct(primary, 500, 1);
      await placeOrder(primary, customer.id, [{ productId: product.id, quantity: 1 }]);
      assertProblem(await primary.post('/orders', { customerId: customer.id, items: [{ productId: product.id, quantity: 1 }] }), 409, 'second order of the last unit');
      const after = await primary.expect<ProductView>(200, 'GET', `/products/${product.id}`);
      assert.equal(after.stock, 0);
    },
  },
  {
    name: 'metrics expose request latency histograms',
    async run({ primary }) {
      const response = await primary.get('/metrics');
      assert.equal(response.status, 200);
      assert.match(response.text, /http_request_duration_seconds_bucket\{/);
      assert.match(response.text, /nodejs_heap_size_used_bytes/);
    },
  },
];

export default checks;
