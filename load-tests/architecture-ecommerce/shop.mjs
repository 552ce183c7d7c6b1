// Shared by the e-commerce scenarios: the catalogue traffic autocannon sends, and checkouts sent
// alongside it at a steady concurrency for as long as the run lasts, as on a normal day.

const CATEGORIES = 20;
/** Checkouts arrive at a steady rate whatever the latency (an open model, as real shoppers do). */
const CHECKOUTS_PER_SECOND = 15;
/** Shoppers give up beyond this many checkouts waiting: the run stays bounded during an incident. */
const MAX_IN_FLIGHT = 80;

/**
 * Sets the lab payment provider's latency and starts checkouts arriving in the background.
 * @param {import('@faultline/kit').Endpoint} api
 * @param {number} latencyMs
 */
export async function startCheckouts(api, latencyMs) {
  const set = await api.request('PUT', '/_lab/payment-provider', { body: { latencyMs, failureRate: 0 } });
  if (set.status !== 200) throw new Error(`could not set the lab payment provider (PUT /_lab/payment-provider answered ${set.status}); is this the shop monolith with its lab provider?`);
  const state = { ok: 0, failed: 0, abandoned: 0, inFlight: new Set(), timer: /** @type {NodeJS.Timeout | undefined} */ (undefined) };
  let n = 0;
  const arrive = () => {
    if (state.inFlight.size >= MAX_IN_FLIGHT) {
      state.abandoned++;
      return;
    }
    n++;
    const body = { customerId: 1 + (n % 5000), items: [{ productId: 1 + ((n * 7) % 2000), quantity: 1 }] };
    const request = api.request('POST', '/checkout', { body, timeoutMs: 60_000 }).then(
      (response) => (response.status === 201 ? state.ok++ : state.failed++),
      () => state.failed++,
    );
    state.inFlight.add(request);
    void request.finally(() => state.inFlight.delete(request));
  };
  state.timer = setInterval(arrive, 1000 / CHECKOUTS_PER_SECOND);
  // Let checkouts take their share of the pool before the catalogue traffic starts.
  await new Promise((resolve) => setTimeout(resolve, Math.min(3000, latencyMs + 500)));
  return state;
}

/**
 * @param {import('@faultline/kit').Endpoint} api
 * @param {Awaited<ReturnType<typeof startCheckouts>>} state
 */
export async function stopCheckouts(api, state) {
  clearInterval(state.timer);
  await Promise.all([...state.inFlight]);
  await api.request('PUT', '/_lab/payment-provider', { body: { latencyMs: 150, failureRate: 0 } });
  return [`checkouts alongside (${CHECKOUTS_PER_SECOND}/s arriving): ${state.ok} paid, ${state.failed} failed, ${state.abandoned} abandoned with ${MAX_IN_FLIGHT} waiting`];
}

export function catalogueRequests() {
  return Array.from({ length: CATEGORIES }, (_, i) => ({ path: `/products?category=category-${i + 1}` }));
}

/**
 * @param {import('@faultline/kit').Endpoint} api
 * @param {number} latencyMs
 */
export async function setProvider(api, latencyMs) {
  const set = await api.request('PUT', '/_lab/payment-provider', { body: { latencyMs, failureRate: 0 } });
  if (set.status !== 200) throw new Error(`could not set the lab payment provider (PUT /_lab/payment-provider answered ${set.status}); is this the shop monolith with its lab provider?`);
}

export function checkoutRequests() {
  return Array.from({ length: 200 }, (_, i) => ({
    method: /** @type {const} */ ('POST'),
    path: '/checkout',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ customerId: 1 + i, items: [{ productId: 1 + ((i * 7) % 2000), quantity: 1 }] }),
  }));
}
