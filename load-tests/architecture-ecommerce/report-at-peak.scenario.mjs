// The same checkouts while finance runs its monthly sales report over and over, as it does at
// month end. The report locks the order tables in SHARE mode for a consistent view, and a SHARE
// lock blocks every INSERT: checkouts wait for each report to finish.
// Run: pnpm faultline load architecture-ecommerce report-at-peak
import { checkoutRequests, setProvider } from './shop.mjs';

/** @type {import('@faultline/kit').LoadScenario<{ running: boolean, reports: number, loop: Promise<void> }>} */
export default {
  description: 'POST /checkout (one product each), payment provider at 150 ms, the sales report running back to back',
  defaults: { connections: 10, duration: 10 },
  async setup(api) {
    await setProvider(api, 150);
    const month = new Date().toISOString().slice(0, 7);
    const state = { running: true, reports: 0, loop: Promise.resolve() };
    state.loop = (async () => {
      while (state.running) {
        await api.request('GET', `/reports/sales?month=${month}`, { timeoutMs: 60_000 });
        state.reports++;
      }
    })();
    return state;
  },
  plan: () => ({ requests: checkoutRequests() }),
  async check(_api, state) {
    state.running = false;
    await state.loop;
    return [`sales reports run alongside: ${state.reports}`];
  },
};
