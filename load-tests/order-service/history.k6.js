// Order history of the shop's regulars under load, with the latency the shop requires.
// Run: k6 run -e BASE_URL=http://127.0.0.1:3000 load-tests/order-service/history.k6.js
import { check, fail } from 'k6';
import http from 'k6/http';

const BASE_URL = __ENV.BASE_URL || 'http://127.0.0.1:3000';
// Customers 1–50 are the seed's regulars, with 200 orders of 2–7 lines each.
const REGULARS = 50;
const PAGE = 50;

/** @type {import('k6/options').Options} */
export const options = {
  scenarios: {
    history: { executor: 'constant-vus', vus: 20, duration: '10s' },
  },
  thresholds: {
    // The shop's requirement for this page; setup's request is left out.
    'http_req_duration{scenario:history}': ['p(95)<150'],
    http_req_failed: ['rate<0.01'],
  },
};

/** @param {number} customerId */
const pageOf = (customerId) => http.get(`${BASE_URL}/orders?customerId=${customerId}&limit=${PAGE}`, {
  // One name for all 50 URLs keeps k6's own results grouped by endpoint.
  tags: { name: 'GET /orders?customerId&limit' },
});

// Fail before the run, not with thousands of 404s, when the database was not seeded.
export function setup() {
  const body = pageOf(1).json();
  if (!Array.isArray(body) || body.length < PAGE) fail(`customer 1 should have at least ${PAGE} orders: is the database seeded?`);
}

export default function () {
  // Every VU walks the regulars from a different starting point.
  const response = pageOf(1 + ((__VU + __ITER) % REGULARS));
  check(response, {
    'status 200': (r) => r.status === 200,
    [`a full page of ${PAGE} orders`]: (r) => {
      const body = r.json();
      return Array.isArray(body) && body.length === PAGE;
    },
  });
}
