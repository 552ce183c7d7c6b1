// N4/N5: each method called one call at a time, warm-up then timed calls with parameters drawn
// from the skewed data (busy cities, peak hours, the heaviest customers and their deepest pages);
// p50/p95 of the whole call as the caller sees it; then one round with auto_explain to summarise
// the plans. The kit runs this on the target and on the reference design, side by side.
import type { Measurement, PlanSummary, ProbeContext } from '@faultline/kit';
import { iso } from '../dataset/model.js';
import { call, oracleFor, value } from './client.js';

const HOUR = 3_600_000;

interface Op {
  key: string;
  label: string;
  targetMs: number;
  warmup: number;
  calls: number;
  /** The argument object of call i (0-based, warm-up calls first). */
  args(i: number): unknown;
  method: string;
  /** Calls that may be refused by design (e.g. an overlap): the time still counts. */
  mayRefuse?: boolean;
  /** Where to keep the ids of placed bookings (for confirm and cancel). */
  record?: number[];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

async function operations(ctx: ProbeContext): Promise<Op[]> {
  const oracle = oracleFor(ctx);
  const cities = oracle.cities();
  const heavy = oracle.heaviestCustomers(5);
  // Cursors of the deepest pages of the heaviest customer: walked once, untimed.
  const cursors: Array<string | null> = [null];
  let cursor: string | null = null;
  do {
    const page: { nextCursor: string | null } = await value(ctx.primary, 'customerHistory', { customerId: heavy[0] ?? 1, limit: 20, cursor });
    cursor = page.nextCursor;
    if (cursor) cursors.push(cursor);
  } while (cursor);
  const deep = cursors.slice(-10);
  // Writes go to 2030, one fresh slot per call.
  const writeDay = Date.parse('2030-01-07T00:00:00.000Z');
  const resources = oracle.data.resources;
  const placed: number[] = [];
  const bookingIds = oracle.bookingIds(() => true);
  const month = (i: number) => `${2024 + Math.floor((i % 24) / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
  const monthRange = (i: number) => ({ start: iso(Date.UTC(2024, i % 24, 1)), end: iso(Date.UTC(2024, (i % 24) + 1, 1)) });
  const ops: Op[] = [
    {
      key: 'Q1', label: 'searchAvailability, selective (capacity ≥ 8, 2 amenities)', method: 'searchAvailability', targetMs: 50, warmup: 10, calls: 100,
      args: (i) => {
        const start = Date.UTC(2024 + (i % 2), (i * 5) % 12, 1 + ((i * 7) % 27), [9, 10, 17, 18, 8][i % 5] ?? 9);
        return { city: cities[i % Math.min(3, cities.length)] ?? '', minCapacity: 8, amenities: [['projector', 'whiteboard'], ['projector', 'video'], ['whiteboard', 'accessible']][i % 3], start: iso(start), end: iso(start + (1 + (i % 4)) * HOUR) };
      },
    },
    {
      key: 'Q1b', label: 'searchAvailability, broad (any capacity, ≤ 1 amenity)', method: 'searchAvailability', targetMs: 50, warmup: 10, calls: 50,
      args: (i) => {
        const start = Date.UTC(2024 + (i % 2), (i * 3) % 12, 2 + ((i * 5) % 26), [9, 10, 17, 18, 8][i % 5] ?? 9);
        return { city: cities[i % Math.min(3, cities.length)] ?? '', minCapacity: [1, 4][i % 2], amenities: [[], ['projector'], ['video']][i % 3], start: iso(start), end: iso(start + (1 + (i % 4)) * HOUR) };
      },
    },
    {
      key: 'Q2', label: 'customerHistory (heaviest customers, first and deepest pages)', method: 'customerHistory', targetMs: 10, warmup: 10, calls: 100,
      args: (i) => (i % 2 === 0 ? { customerId: heavy[0], limit: 20, cursor: deep[i % deep.length] ?? null } : { customerId: heavy[i % heavy.length], limit: 20, cursor: null }),
    },
    {
      key: 'Q3', label: 'placeBooking (a free slot each call)', method: 'placeBooking', targetMs: 20, warmup: 10, calls: 100, record: placed,
      args: (i) => {
        const resource = resources[(i * 37) % resources.length];
        const start = writeDay + Math.floor(i / 2) * 24 * HOUR + (i % 2) * 12 * HOUR;
        return { resourceId: resource?.id ?? 1, customerId: 1 + (i % 50), start: iso(start), end: iso(start + 2 * HOUR), status: 'held' };
      },
    },
    {
      key: 'Q3c', label: 'confirmBooking', method: 'confirmBooking', targetMs: 20, warmup: 5, calls: 50, mayRefuse: true,
      args: (i) => ({ bookingId: placed[i] ?? 1 }),
    },
    {
      key: 'Q4', label: 'cancelBooking', method: 'cancelBooking', targetMs: 20, warmup: 5, calls: 50, mayRefuse: true,
      args: (i) => ({ bookingId: placed[55 + i] ?? 1, reason: 'Plans changed' }),
    },
    {
      key: 'Q5', label: 'occupancy (one month, every venue)', method: 'occupancy', targetMs: 1000, warmup: 2, calls: 10,
      args: (i) => ({ month: month(i * 5), city: null }),
    },
    {
      key: 'Q6r', label: 'revenue (one month)', method: 'revenue', targetMs: 100, warmup: 5, calls: 50,
      args: (i) => monthRange(i * 7),
    },
    {
      key: 'Q6t', label: 'topCustomers (one month)', method: 'topCustomers', targetMs: 500, warmup: 5, calls: 30,
      args: (i) => ({ ...monthRange(i * 5), limit: 10 }),
    },
    {
      key: 'Q7', label: 'auditTrail', method: 'auditTrail', targetMs: 5, warmup: 10, calls: 100,
      args: (i) => ({ bookingId: bookingIds[(i * 7919) % bookingIds.length] ?? 1 }),
    },
  ];
  return ops;
}

function planNotes(plans: PlanSummary[]): string[] {
  const notes = new Set<string>();
  for (const plan of plans) {
    for (const scan of plan.seqScans) {
      if ((scan.tableRows ?? 0) > 100_000) notes.add(`seq scan of ${scan.table} (${(scan.tableRows ?? 0).toLocaleString('en')} rows)`);
    }
    for (const m of plan.misestimates) notes.add(`${m.node}: estimated ${m.estimated.toLocaleString('en')} rows, actual ${m.actual.toLocaleString('en')}`);
  }
  return [...notes].slice(0, 4);
}

const measurement: Measurement = {
  title: 'Performance (N4, N5): p95 per call, one call at a time',
  async run(ctx) {
    const ops = await operations(ctx);
    const rows: Array<{ key: string; label: string; calls: number; p50Ms: number; p95Ms: number; serverMs?: number; targetMs: number; notes: string[] }> = [];
    for (const op of ops) {
      const times: number[] = [];
      const once = async (i: number) => {
        const outcome = await call<{ bookingId?: number }>(ctx.primary, op.method, op.args(i));
        if (!outcome.ok && !op.mayRefuse) throw new Error(`${op.method}(${JSON.stringify(op.args(i))}) was refused: ${outcome.code}: ${outcome.detail}`);
        if (outcome.ok && typeof outcome.value.bookingId === 'number') op.record?.push(outcome.value.bookingId);
        if (i >= op.warmup) times.push(outcome.ms);
      };
      for (let i = 0; i < op.warmup; i++) await once(i);
      const timed = async () => {
        for (let i = op.warmup; i < op.warmup + op.calls; i++) await once(i);
      };
      // The database's own execution time for the timed calls, when the kit owns the database.
      const use = ctx.database ? await ctx.database.measure(timed) : (await timed(), undefined);
      times.sort((a, b) => a - b);
      rows.push({ key: op.key, label: op.label, calls: times.length, p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), ...(use ? { serverMs: round(use.execMs / op.calls) } : {}), targetMs: op.targetMs, notes: [] });
      ctx.note(`${op.label}: p95 ${round(percentile(times, 95))} ms`);
    }
    // Plans: one more call of each read method with auto_explain on.
    const notes: string[] = [];
    const database = ctx.database;
    if (database) {
      const reads = ops.filter((o) => !['Q3', 'Q3c', 'Q4'].includes(o.key));
      const plans = await database.plansDuring(reads.map((op) => () => call(ctx.primary, op.method, op.args(op.warmup))));
      reads.forEach((op, i) => {
        const row = rows.find((r) => r.key === op.key);
        if (row) row.notes = planNotes(plans[i] ?? []);
      });
    } else {
      notes.push('plans need the kit to own the database (run verify without --url)');
    }
    return { rows, notes };
  },
};

export default measurement;
