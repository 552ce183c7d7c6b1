// Catalogue pages while checkouts run, on a normal day: the payment provider answers in 150 ms.
// Run: pnpm faultline load architecture-ecommerce catalog-normal
import { catalogueRequests, startCheckouts, stopCheckouts } from './shop.mjs';

/** @type {import('@faultline/kit').LoadScenario<Awaited<ReturnType<typeof startCheckouts>>>} */
export default {
  description: 'GET /products?category=… (20 categories) with 15 checkouts/s arriving; payment provider at 150 ms',
  defaults: { connections: 10, duration: 10 },
  setup: (api) => startCheckouts(api, 150),
  plan: () => ({ requests: catalogueRequests() }),
  check: (api, state) => stopCheckouts(api, state),
};
