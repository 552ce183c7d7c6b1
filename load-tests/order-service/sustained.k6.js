// Sustained catalogue traffic, for watching memory over a run; traffic looks like a shop with
// crawlers: known products, ids that do not exist, order pages.
// Run: k6 run -e BASE_URL=http://127.0.0.1:3000 load-tests/order-service/sustained.k6.js
import { check } from 'k6';
import exec from 'k6/execution';
import http from 'k6/http';

const BASE_URL = __ENV.BASE_URL || 'http://127.0.0.1:3000';
const PRODUCTS = 500;
const ORDERS = 20_000;
const UNKNOWN_FROM = 1_000;
const UNKNOWN_SPAN = 199_000;
// Prime and coprime with both spans, so k → k * STRIDE mod span gives distinct, scattered ids.
const STRIDE = 7_919;
const MB = 1024 * 1024;
// Unknown product ids answer 404: expected here, not a failed request.
const PRODUCT_STATUSES = http.expectedStatuses(200, 404);

/** @type {import('k6/options').Options} */
export const options = {
  scenarios: {
    sustained: { executor: 'constant-vus', vus: 10, duration: '30s' },
  },
  thresholds: {
    http_req_failed: ['rate<0.01'],
  },
};

/** @typedef {{ rssBytes: number, heapUsedBytes: number }} Memory */
/** @typedef {{ before: Memory, offset: number }} Sustained */

/** @returns {Memory} the service's own memory gauges, from its Prometheus endpoint */
function readMemory() {
  const text = String(http.get(`${BASE_URL}/metrics`, { headers: { Accept: 'text/plain' } }).body);
  /** @param {string} name */
  const gauge = (name) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { rssBytes: gauge('process_resident_memory_bytes'), heapUsedBytes: gauge('nodejs_heap_size_used_bytes') };
}

/** @param {number} before @param {number} after bytes */
const change = (before, after) =>
  `${(before / MB).toFixed(1)} MB → ${(after / MB).toFixed(1)} MB (${after >= before ? '+' : ''}${((after - before) / MB).toFixed(1)} MB)`;

// A random start, so repeated runs against one service ask for new ids.
/** @returns {Sustained} */
export function setup() {
  return { before: readMemory(), offset: Math.floor(Math.random() * UNKNOWN_SPAN) };
}

/** @param {Sustained} data */
export default function ({ offset }) {
  // iterationInTest is unique across VUs, so no two requests share a path unless the ids wrap.
  const index = exec.scenario.iterationInTest;
  const k = offset + Math.floor(index / 4);
  let response;
  switch (index % 4) {
    case 0:
      response = http.get(`${BASE_URL}/products/${1 + (k % PRODUCTS)}`, { tags: { name: 'GET /products/:id' } });
      break;
    case 2:
      response = http.get(`${BASE_URL}/orders/${1 + ((k * STRIDE) % ORDERS)}`, { tags: { name: 'GET /orders/:id' } });
      break;
    default: {
      // Slots 1 and 3 of every four: the n-th unknown id requested, n = 0, 1, 2, …
      const n = 2 * k + (index % 4 === 3 ? 1 : 0);
      response = http.get(`${BASE_URL}/products/${UNKNOWN_FROM + ((n * STRIDE) % UNKNOWN_SPAN)}`, {
        tags: { name: 'GET /products/:id' },
        responseCallback: PRODUCT_STATUSES,
      });
    }
  }
  check(response, { 'status 200 or 404': (r) => r.status === 200 || r.status === 404 });
}

// One run's change is mostly garbage not yet collected: compare repeated runs against one service.
/** @param {Sustained} data */
export function teardown({ before }) {
  const after = readMemory();
  console.log(`resident memory ${change(before.rssBytes, after.rssBytes)}`);
  console.log(`heap used       ${change(before.heapUsedBytes, after.heapUsedBytes)}`);
}
