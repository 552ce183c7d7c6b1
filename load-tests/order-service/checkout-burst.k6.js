// A flash sale: 50 shoppers check out 1 unit of a product with 10 in stock, all at once.
// Run: k6 run -e BASE_URL=http://127.0.0.1:3000 load-tests/order-service/checkout-burst.k6.js
import { check } from 'k6';
import http from 'k6/http';
import { Counter } from 'k6/metrics';

const BASE_URL = __ENV.BASE_URL || 'http://127.0.0.1:3000';
const INITIAL_STOCK = 10;
const SHOPPERS = 50;
const JSON_HEADERS = { 'Content-Type': 'application/json' };

const accepted = new Counter('checkouts_accepted');
const refused = new Counter('checkouts_refused');

/** @type {import('k6/options').Options} */
export const options = {
  scenarios: {
    burst: { executor: 'per-vu-iterations', vus: SHOPPERS, iterations: 1, maxDuration: '10s' },
  },
  thresholds: {
    // The shop cannot accept more orders than it has units: every 201 beyond the stock is oversold.
    checkouts_accepted: [`count<=${INITIAL_STOCK}`],
    // 409 (not enough stock) is a correct answer here; anything else is a failure.
    http_req_failed: ['rate<0.01'],
  },
};

/** @typedef {{ customerId: number, productId: number }} Burst */

/**
 * @param {string} path
 * @param {unknown} body
 * @returns {number} the id of the created resource
 */
function create(path, body) {
  const response = http.post(`${BASE_URL}${path}`, JSON.stringify(body), { headers: JSON_HEADERS });
  if (response.status !== 201) throw new Error(`POST ${path}: expected 201, got ${response.status} ${response.body}`);
  return Number(response.json('id'));
}

// A fresh customer and product per run, so runs against the same database do not interfere.
/** @returns {Burst} */
export function setup() {
  const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return {
    customerId: create('/customers', { name: `Burst ${run}`, email: `burst-${run}@example.com` }),
    productId: create('/products', { sku: `BURST-${run}`, name: `Flash sale item ${run}`, priceCents: 1500, stock: INITIAL_STOCK }),
  };
}

/** @param {Burst} burst */
export default function ({ customerId, productId }) {
  const response = http.post(`${BASE_URL}/orders`, JSON.stringify({ customerId, items: [{ productId, quantity: 1 }] }), {
    headers: JSON_HEADERS,
    responseCallback: http.expectedStatuses(201, 409),
  });
  if (response.status === 201) accepted.add(1);
  if (response.status === 409) refused.add(1);
  check(response, { '201 placed or 409 out of stock': (r) => r.status === 201 || r.status === 409 });
}

// What the shop sees afterwards: the orders on record and the stock left.
/** @param {Burst} burst */
export function teardown({ customerId, productId }) {
  const orders = http.get(`${BASE_URL}/orders?customerId=${customerId}&limit=100`).json();
  const placed = Array.isArray(orders) ? orders.length : 0;
  const stockLeft = Number(http.get(`${BASE_URL}/products/${productId}`).json('stock'));
  const oversold = placed - INITIAL_STOCK;
  console.log(`stock at start ${INITIAL_STOCK} · orders on record ${placed} · stock left ${stockLeft} · oversold: ${oversold > 0 ? `${oversold} units` : 'none'}`);
  check(placed, { [`no more orders than the ${INITIAL_STOCK} units in stock`]: (n) => n <= INITIAL_STOCK });
}
