// The same traffic during a payment provider incident: it answers in 3 s instead of 150 ms.
// Checkout holds a database connection while it waits, so the pool of 20 runs dry and catalogue
// pages queue behind checkouts. Run: pnpm faultline load architecture-ecommerce payment-slow
import { catalogueRequests, startCheckouts, stopCheckouts } from './shop.mjs';

/** @type {import('@faultline/kit').LoadScenario<Awaited<ReturnType<typeof startCheckouts>>>} */
export default {
  description: 'GET /products?category=… (20 categories) with 15 checkouts/s arriving; payment provider at 3,000 ms',
  defaults: { connections: 10, duration: 10 },
  setup: (api) => startCheckouts(api, 3000),
  plan: () => ({ requests: catalogueRequests() }),
  check: (api, state) => stopCheckouts(api, state),
};
