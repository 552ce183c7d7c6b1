// A flash sale: many shoppers check out the same scarce product at once.
// Run: pnpm faultline load order-service checkout-burst

const INITIAL_STOCK = 10;
const CHECKOUTS = 50;

/** @typedef {{ customerId: number, productId: number, initialStock: number }} BurstContext */
/** @typedef {{ id: number, stock: number }} Created */

/** @type {import('@faultline/kit').LoadScenario<BurstContext>} */
export default {
  description: `${CHECKOUTS} simultaneous checkouts of 1 unit of a product with ${INITIAL_STOCK} in stock`,
  defaults: { connections: CHECKOUTS, duration: 10 },

  // A fresh customer and product per run, so runs against the same database do not interfere.
  async setup(api) {
    const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    /** @type {Created} */
    const customer = await api.expect(201, 'POST', '/customers', { body: { name: `Burst ${run}`, email: `burst-${run}@example.com` } });
    /** @type {Created} */
    const product = await api.expect(201, 'POST', '/products', {
      body: { sku: `BURST-${run}`, name: `Flash sale item ${run}`, priceCents: 1500, stock: INITIAL_STOCK },
    });
    return { customerId: customer.id, productId: product.id, initialStock: product.stock };
  },

  plan({ customerId, productId }) {
    const body = JSON.stringify({ customerId, items: [{ productId, quantity: 1 }] });
    return { requests: [{ method: 'POST', path: '/orders', body }], amount: CHECKOUTS };
  },

  async check(api, { productId, initialStock }, summary) {
    /** @type {Created} */
    const product = await api.expect(200, 'GET', `/products/${productId}`);
    const accepted = summary.statusCounts['201'] ?? 0;
    const refused = summary.statusCounts['409'] ?? 0;
    const oversold = Math.max(0, accepted - initialStock);
    return [
      `stock at start  ${initialStock} (product ${productId})`,
      `accepted (201)  ${accepted}`,
      `refused (409)   ${refused}`,
      `stock left      ${product.stock}`,
      oversold > 0 ? `oversold: ${oversold} units` : 'oversold: none',
    ];
  },
};
