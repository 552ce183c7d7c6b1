// Bytes the service keeps per request: heap snapshots (reachable objects only, after a full GC)
// before and after thousands of requests, through the inspector. Each request asks for a
// different product id, as a crawler or a busy catalogue does.
import type { Probe } from '@faultline/kit';

const WARM_UP = 1000;
const MEASURED = 4000;
const CONCURRENCY = 8;
const FIRST_ID = 50_000_000;

const probe: Probe = {
  metric: { name: 'retained per request', unit: 'B/req', threshold: 50 },
  timeoutMs: 120_000,
  async run({ primary, heap, note }) {
    const pathOf = (i: number) => `/products/${FIRST_ID + i}`;
    const check = (statuses: Map<number, number>) => {
      const unexpected = [...statuses.entries()].filter(([status]) => status !== 404);
      if (unexpected.length) throw new Error(`GET /products/<unknown id> should answer 404; got ${unexpected.map(([s, n]) => `${n} × ${s}`).join(', ')}`);
    };
    check(await primary.hammer(WARM_UP, CONCURRENCY, pathOf));
    const inspector = await heap();
    const before = await inspector.retainedBytes();
    check(await primary.hammer(MEASURED / 2, CONCURRENCY, (i) => pathOf(WARM_UP + i)));
    const middle = await inspector.retainedBytes();
    check(await primary.hammer(MEASURED / 2, CONCURRENCY, (i) => pathOf(WARM_UP + MEASURED / 2 + i)));
    const after = await inspector.retainedBytes();
    const perRequest = (after - before) / MEASURED;
    note(`heap ${before} → ${middle} → ${after} bytes`);
    return {
      value: Math.round(perRequest * 10) / 10,
      evidence: `reachable heap grew by ${Math.round((after - before) / 1024)} KiB over ${MEASURED} requests (${before} → ${after} bytes, after GC)`,
      series: { retainedBytes: [[0, 0], [MEASURED / 2, middle - before], [MEASURED, after - before]] },
    };
  },
};

export default probe;
