// Sustained catalogue traffic, for watching memory over a run. Run: pnpm faultline load order-service sustained
// Traffic looks like a shop with crawlers: known products, ids that do not exist, order pages.

const PATHS = 20_000;
const PRODUCTS = 500;
const ORDERS = 20_000;
const UNKNOWN_FROM = 1_000;
const UNKNOWN_SPAN = 199_000;
// Prime and coprime with both spans, so k → k * STRIDE mod span gives distinct, scattered ids.
const STRIDE = 7_919;
const MB = 1024 * 1024;

/** @typedef {{ rssBytes: number, heapUsedBytes: number }} Memory */
/** @typedef {{ before: Memory, offset: number }} SustainedContext */

/**
 * Reads the service's own memory gauges from its Prometheus endpoint.
 * @param {import('@faultline/kit').Endpoint} api
 * @returns {Promise<Memory>}
 */
async function readMemory(api) {
  const response = await api.get('/metrics', { headers: { accept: 'text/plain' } });
  /** @param {string} name */
  const gauge = (name) => {
    const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(response.text);
    if (!match?.[1]) throw new Error(`GET /metrics has no ${name} (status ${response.status})`);
    return Number(match[1]);
  };
  return { rssBytes: gauge('process_resident_memory_bytes'), heapUsedBytes: gauge('nodejs_heap_size_used_bytes') };
}

/**
 * The index-th request of the plan; `offset` moves the start, so repeated runs ask for new ids.
 * @param {number} index
 * @param {number} offset
 */
function pathAt(index, offset) {
  const k = offset + Math.floor(index / 4);
  switch (index % 4) {
    case 0:
      return `/products/${1 + (k % PRODUCTS)}`;
    case 2:
      return `/orders/${1 + ((k * STRIDE) % ORDERS)}`;
    default: {
      // Slots 1 and 3 of every four: the n-th unknown id requested, n = 0, 1, 2, …
      const n = 2 * k + (index % 4 === 3 ? 1 : 0);
      return `/products/${UNKNOWN_FROM + ((n * STRIDE) % UNKNOWN_SPAN)}`;
    }
  }
}

/** @param {number} before @param {number} after bytes */
const change = (before, after) =>
  `${(before / MB).toFixed(1)} MB → ${(after / MB).toFixed(1)} MB (${after >= before ? '+' : ''}${((after - before) / MB).toFixed(1)} MB)`;

/** @type {import('@faultline/kit').LoadScenario<SustainedContext>} */
export default {
  description: 'GET /products/:id over known and unknown ids, with some GET /orders/:id',
  defaults: { connections: 10, duration: 30 },

  async setup(api) {
    await api.expect(200, 'GET', '/products/1');
    return { before: await readMemory(api), offset: Math.floor(Math.random() * UNKNOWN_SPAN) };
  },

  // The kit deals this list out round-robin across connections; at ~1,000 req/s a 30 s run wraps it
  // about once, so the second pass repeats ids the first pass already asked for.
  plan({ offset }) {
    return { requests: Array.from({ length: PATHS }, (_, i) => ({ path: pathAt(i, offset) })) };
  },

  // One run's change is mostly garbage not yet collected: the trend across repeated runs
  // against one running service (--url) says more than a single reading.
  async check(api, { before }) {
    const after = await readMemory(api);
    return [
      `resident memory ${change(before.rssBytes, after.rssBytes)}`,
      `heap used       ${change(before.heapUsedBytes, after.heapUsedBytes)}`,
    ];
  },
};
