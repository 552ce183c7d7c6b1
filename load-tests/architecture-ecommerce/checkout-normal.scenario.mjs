// Checkouts alone, on a normal day (payment provider at 150 ms): the baseline for report-at-peak.
// Run: pnpm faultline load architecture-ecommerce checkout-normal
import { checkoutRequests, setProvider } from './shop.mjs';

/** @type {import('@faultline/kit').LoadScenario<null>} */
export default {
  description: 'POST /checkout (one product each), payment provider at 150 ms, no report running',
  defaults: { connections: 10, duration: 10 },
  async setup(api) {
    await setProvider(api, 150);
    return null;
  },
  plan: () => ({ requests: checkoutRequests() }),
};
