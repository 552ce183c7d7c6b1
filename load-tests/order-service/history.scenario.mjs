// Order history of the shop's regulars under load. Run: pnpm faultline load order-service history
// Customers 1–50 are the seed's regulars (200 orders of 2–7 lines each); customer 2000 orders now and then.

const REGULARS = 50;
const PAGE = 50;
const LARGEST_PAGE = 100;
const OCCASIONAL_CUSTOMER = 2000;

/** @typedef {{ regulars: number }} HistoryContext */

/**
 * Median time of `times` sequential requests for the largest history page, and how many orders it held.
 * @param {import('@faultline/kit').Endpoint} api
 * @param {number} customerId
 */
async function timePage(api, customerId, times = 5) {
  const ms = [];
  let orders = 0;
  for (let i = 0; i < times; i++) {
    const response = await api.get(`/orders?customerId=${customerId}&limit=${LARGEST_PAGE}`);
    ms.push(response.ms);
    orders = Array.isArray(response.body) ? response.body.length : 0;
  }
  ms.sort((a, b) => a - b);
  return { orders, ms: Math.round((ms[Math.floor(ms.length / 2)] ?? 0) * 10) / 10 };
}

/** @type {import('@faultline/kit').LoadScenario<HistoryContext>} */
export default {
  description: `GET /orders?customerId=N&limit=${PAGE} cycling through the ${REGULARS} regular customers`,
  defaults: { connections: 20, duration: 10 },

  async setup(api) {
    // Fail before the run, not with thousands of 404s, when the database was not seeded.
    const page = await api.expect(200, 'GET', `/orders?customerId=1&limit=${PAGE}`);
    if (!Array.isArray(page) || page.length < PAGE) {
      throw new Error(`customer 1 should have at least ${PAGE} orders: is the database seeded?`);
    }
    return { regulars: REGULARS };
  },

  plan({ regulars }) {
    return {
      requests: Array.from({ length: regulars }, (_, i) => ({ path: `/orders?customerId=${i + 1}&limit=${PAGE}` })),
    };
  },

  // Unloaded, one request at a time: a regular's page next to an occasional customer's.
  async check(api) {
    const regular = await timePage(api, 1);
    const occasional = await timePage(api, OCCASIONAL_CUSTOMER);
    return [
      `one page, no load: customer 1 (${regular.orders} orders shown) ${regular.ms} ms · customer ${OCCASIONAL_CUSTOMER} (${occasional.orders} orders shown) ${occasional.ms} ms`,
    ];
  },
};
