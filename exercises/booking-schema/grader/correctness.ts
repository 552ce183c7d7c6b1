// Correctness of the sample queries (REQUIREMENTS.md Q1–Q7) against the reference answers computed
// in memory from the same dataset. Judges results, never names: any schema passes if its answers
// are right. Money aggregates, concurrency and integrity are measured by the probes (faults/).
import assert from 'node:assert/strict';
import type { FunctionalCheck, ProbeContext } from '@faultline/kit';
import { CANCELLED, CONFIRMED, HELD, iso, money, priceCents } from '../dataset/model.js';
import { assertSame, call, oracleFor, refused, value } from './client.js';
import type { AuditEntry, Available, HistoryItem, OccupancyRow } from './oracle.js';

const HOUR = 3_600_000;
const at = (text: string) => Date.parse(text);

interface Page {
  items: HistoryItem[];
  nextCursor: string | null;
}

/** Walks every page of a customer's history. */
export async function walk(ctx: ProbeContext, customerId: number, limit: number, between?: (page: number) => Promise<void>): Promise<{ items: HistoryItem[]; pages: number }> {
  const items: HistoryItem[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: Page = await value<Page>(ctx.primary, 'customerHistory', { customerId, limit, cursor });
    pages++;
    assert.ok(page.items.length <= limit, `customerHistory returned ${page.items.length} items with limit ${limit}`);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (cursor !== null && between) await between(pages);
    if (pages > 100_000) throw new Error('customerHistory never returned nextCursor null');
  } while (cursor !== null);
  return { items, pages };
}

const checks: FunctionalCheck[] = [
  {
    name: 'Q1 availability search matches the reference on 16 searches (cities, capacities, amenities, boundaries)',
    category: 'Q1 availability',
    async run(ctx) {
      const oracle = oracleFor(ctx);
      const cities = oracle.cities();
      const [big = '', second = '', third = ''] = cities;
      const small = cities[cities.length - 1] ?? '';
      const searches: Array<Record<string, unknown>> = [
        { city: big, minCapacity: 1, amenities: [], start: '2025-03-10T09:00:00.000Z', end: '2025-03-10T11:00:00.000Z' },
        { city: big, minCapacity: 8, amenities: ['projector'], start: '2025-03-10T09:00:00.000Z', end: '2025-03-10T10:30:00.000Z' },
        { city: big, minCapacity: 4, amenities: ['projector', 'whiteboard'], start: '2024-11-05T17:00:00.000Z', end: '2024-11-05T19:00:00.000Z', limit: 5 },
        { city: big, minCapacity: 1, amenities: ['video', 'accessible'], start: '2025-06-02T08:00:00.000Z', end: '2025-06-02T12:00:00.000Z', limit: 200 },
        { city: big, minCapacity: 1, amenities: ['projector', 'projector'], start: '2024-05-14T10:00:00.000Z', end: '2024-05-14T11:00:00.000Z' },
        { city: second, minCapacity: 10, amenities: [], start: '2025-01-20T13:00:00.000Z', end: '2025-01-20T15:00:00.000Z' },
        { city: second, minCapacity: 1, amenities: ['daylight'], start: '2024-09-30T23:00:00.000Z', end: '2024-10-01T01:00:00.000Z' },
        { city: third, minCapacity: 2, amenities: ['whiteboard'], start: '2025-12-31T20:00:00.000Z', end: '2025-12-31T23:00:00.000Z' },
        { city: small, minCapacity: 1, amenities: [], start: '2024-02-29T09:00:00.000Z', end: '2024-02-29T10:00:00.000Z' },
        { city: big, minCapacity: 1, amenities: ['projector', 'sauna'], start: '2025-03-10T09:00:00.000Z', end: '2025-03-10T11:00:00.000Z' },
        { city: 'Atlantis', minCapacity: 1, amenities: [], start: '2025-03-10T09:00:00.000Z', end: '2025-03-10T11:00:00.000Z' },
        { city: big, minCapacity: 1000, amenities: [], start: '2025-03-10T09:00:00.000Z', end: '2025-03-10T11:00:00.000Z' },
        { city: big.toUpperCase() === big ? `${big}x` : big.toUpperCase(), minCapacity: 1, amenities: [], start: '2025-03-10T09:00:00.000Z', end: '2025-03-10T11:00:00.000Z' },
      ];
      // Boundaries: a range that starts exactly when an active booking ends is free of it; one
      // that starts a minute earlier is not.
      const busiest = oracle.history(oracle.heaviestCustomers(1)[0] ?? 1).find((item) => item.status !== 'cancelled' && item.start.slice(0, 4) === '2025');
      if (busiest) {
        const venueCity = busiest.city;
        const end = Date.parse(busiest.end);
        searches.push({ city: venueCity, minCapacity: 1, amenities: [], start: iso(end), end: iso(end + HOUR) });
        searches.push({ city: venueCity, minCapacity: 1, amenities: [], start: iso(end - 60_000), end: iso(end + HOUR - 60_000), limit: 200 });
        searches.push({ city: venueCity, minCapacity: 1, amenities: [], start: iso(Date.parse(busiest.start) - HOUR), end: busiest.start, limit: 200 });
      }
      for (const search of searches) {
        const actual = await value<Available[]>(ctx.primary, 'searchAvailability', search);
        assertSame(actual, oracle.searchAvailability(search as Parameters<typeof oracle.searchAvailability>[0]), `searchAvailability(${JSON.stringify(search)})`);
      }
    },
  },
  {
    name: 'Q1 refuses a range whose end is not after its start, and a limit out of 1–200',
    category: 'Q1 availability',
    async run({ primary }) {
      const base = { city: 'Lyon', minCapacity: 1, amenities: [] };
      await refused(primary, 'searchAvailability', { ...base, start: '2025-03-10T10:00:00.000Z', end: '2025-03-10T10:00:00.000Z' }, 'invalid-argument');
      await refused(primary, 'searchAvailability', { ...base, start: '2025-03-10T11:00:00.000Z', end: '2025-03-10T10:00:00.000Z' }, 'invalid-argument');
      await refused(primary, 'searchAvailability', { ...base, start: '2025-03-10T10:00:00.000Z', end: '2025-03-10T11:00:00.000Z', limit: 0 }, 'invalid-argument');
      await refused(primary, 'searchAvailability', { ...base, start: '2025-03-10T10:00:00.000Z', end: '2025-03-10T11:00:00.000Z', limit: 201 }, 'invalid-argument');
    },
  },
  {
    name: 'Q2 history: first pages and a full walk match the reference, newest first, no duplicates',
    category: 'Q2 history',
    async run(ctx) {
      const oracle = oracleFor(ctx);
      const [heavy = 1] = oracle.heaviestCustomers(1);
      const customers = [heavy, 42, 1999, 7];
      for (const customerId of customers) {
        const page = await value<Page>(ctx.primary, 'customerHistory', { customerId });
        const expected = oracle.history(customerId);
        assertSame(page.items, expected.slice(0, 20), `customerHistory({customerId: ${customerId}}) first page`);
        assert.equal(page.nextCursor === null, expected.length <= 20, `customer ${customerId} has ${expected.length} bookings: nextCursor must be ${expected.length <= 20 ? 'null' : 'a string'} after the first 20, got ${JSON.stringify(page.nextCursor)}`);
      }
      // A full walk, 7 per page, of a customer with a few dozen bookings.
      const walked = oracle.heaviestCustomers(400).find((id) => oracle.bookingCount(id) >= 30 && oracle.bookingCount(id) <= 100) ?? heavy;
      const { items } = await walk(ctx, walked, 7);
      assertSame(items, oracle.history(walked), `walking customerHistory({customerId: ${walked}, limit: 7})`);
      // A customer whose bookings fill exactly whole pages ends with nextCursor null, not an empty page after it.
      const exact = await value<Page>(ctx.primary, 'customerHistory', { customerId: walked, limit: Math.min(100, oracle.bookingCount(walked)) });
      assert.equal(exact.nextCursor, null, `customer ${walked} has ${oracle.bookingCount(walked)} bookings; a page of that size is the last one (nextCursor must be null)`);
    },
  },
  {
    name: 'Q2 refuses an unknown customer (not-found), a limit out of 1–100 and a cursor it did not issue',
    category: 'Q2 history',
    async run({ primary }) {
      await refused(primary, 'customerHistory', { customerId: 987654321 }, 'not-found');
      await refused(primary, 'customerHistory', { customerId: 1, limit: 0 }, 'invalid-argument');
      await refused(primary, 'customerHistory', { customerId: 1, limit: 101 }, 'invalid-argument');
      await refused(primary, 'customerHistory', { customerId: 1, cursor: 'not-a-cursor!' }, 'invalid-argument');
    },
  },
  {
    name: 'Q5 occupancy per venue per day matches the reference (a whole month, every venue; a leap February in one city)',
    category: 'Q5 occupancy',
    async run(ctx) {
      const oracle = oracleFor(ctx);
      const all = await value<OccupancyRow[]>(ctx.primary, 'occupancy', { month: '2025-03', city: null });
      assertSame(all, oracle.occupancy('2025-03', null), 'occupancy({month: "2025-03", city: null})');
      const city = oracle.cities()[0] ?? '';
      const feb = await value<OccupancyRow[]>(ctx.primary, 'occupancy', { month: '2024-02', city });
      assertSame(feb, oracle.occupancy('2024-02', city), `occupancy({month: "2024-02", city: "${city}"})`);
      const empty = await value<OccupancyRow[]>(ctx.primary, 'occupancy', { month: '2031-01', city });
      assertSame(empty, oracle.occupancy('2031-01', city), `occupancy({month: "2031-01", city: "${city}"}) (no bookings: every row 0.0000)`);
      await refused(ctx.primary, 'occupancy', { month: '2025-13', city: null }, 'invalid-argument');
      await refused(ctx.primary, 'occupancy', { month: 'March', city: null }, 'invalid-argument');
    },
  },
  {
    name: 'Q7 audit trails of 40 bookings (held, confirmed, cancelled with reason) match the reference',
    category: 'Q7 audit',
    async run(ctx) {
      const oracle = oracleFor(ctx);
      const sample = (ids: number[], n: number) => ids.filter((_, i) => i % Math.max(1, Math.floor(ids.length / n)) === 0).slice(0, n);
      const ids = [
        ...sample(oracle.bookingIds((s) => s === CANCELLED), 15),
        ...sample(oracle.bookingIds((s) => s === HELD), 10),
        ...sample(oracle.bookingIds((s) => s === CONFIRMED), 15),
      ];
      for (const bookingId of ids) {
        assertSame(await value<AuditEntry[]>(ctx.primary, 'auditTrail', { bookingId }), oracle.auditTrail(bookingId), `auditTrail({bookingId: ${bookingId}})`);
      }
      await refused(ctx.primary, 'auditTrail', { bookingId: 987654321 }, 'not-found');
    },
  },
  {
    name: 'Q3/Q4 place, confirm, cancel and rebook: prices, statuses, audit entries, database times, and refusals that change nothing',
    category: 'Q3/Q4 writes',
    async run(ctx) {
      const oracle = oracleFor(ctx);
      const { primary } = ctx;
      // Writes go to 2027, after the dataset's span, so reads of 2024–2025 stay comparable.
      const day = at('2027-03-15T00:00:00.000Z');
      const resource = oracle.freeResource(day, day + 24 * HOUR);
      assert.ok(resource, 'no resource in the dataset');
      const customerId = 1999;
      const range = (fromHour: number, toHour: number) => ({ start: iso(day + fromHour * HOUR), end: iso(day + toHour * HOUR) });
      const before = Date.now();
      const first = await value<{ bookingId: number; status: string; price: string; createdAt: string }>(primary, 'placeBooking', { resourceId: resource.id, customerId, ...range(10, 12), status: 'confirmed' });
      const after = Date.now();
      assert.equal(first.status, 'confirmed');
      assert.equal(first.price, money(priceCents(resource.hourlyCents, day + 10 * HOUR, day + 12 * HOUR)), 'placeBooking price (FR6)');
      const created = Date.parse(first.createdAt);
      assert.ok(created >= before - 1000 && created <= after + 1000, `createdAt ${first.createdAt} is not the time of the call (FR14)`);
      // Adjacent ranges do not overlap.
      const held = await value<{ bookingId: number; status: string }>(primary, 'placeBooking', { resourceId: resource.id, customerId, ...range(12, 13) });
      assert.equal(held.status, 'held', 'placeBooking without a status places a held booking');
      // Overlaps are refused, and change nothing.
      const trailBefore = await value<AuditEntry[]>(primary, 'auditTrail', { bookingId: held.bookingId });
      await refused(primary, 'placeBooking', { resourceId: resource.id, customerId, start: iso(day + 11.5 * HOUR), end: iso(day + 12.5 * HOUR) }, 'overlap');
      await refused(primary, 'placeBooking', { resourceId: resource.id, customerId, ...range(9, 15), status: 'confirmed' }, 'overlap');
      assertSame(await value<AuditEntry[]>(primary, 'auditTrail', { bookingId: held.bookingId }), trailBefore, 'auditTrail after a refused placeBooking');
      // Confirm, then confirming again is an invalid transition.
      const confirmed = await value<HistoryItem>(primary, 'confirmBooking', { bookingId: held.bookingId });
      assert.equal(confirmed.status, 'confirmed');
      assert.equal(confirmed.bookingId, held.bookingId);
      await refused(primary, 'confirmBooking', { bookingId: held.bookingId }, 'invalid-transition');
      // Cancel frees the range for a new booking.
      await refused(primary, 'cancelBooking', { bookingId: first.bookingId, reason: '' }, 'invalid-argument');
      const cancelled = await value<HistoryItem>(primary, 'cancelBooking', { bookingId: first.bookingId, reason: 'Client postponed, "again"' });
      assert.equal(cancelled.status, 'cancelled');
      await refused(primary, 'cancelBooking', { bookingId: first.bookingId, reason: 'twice' }, 'invalid-transition');
      await refused(primary, 'confirmBooking', { bookingId: first.bookingId }, 'invalid-transition');
      const rebooked = await value<{ bookingId: number; status: string }>(primary, 'placeBooking', { resourceId: resource.id, customerId: 42, ...range(10, 12), status: 'confirmed' });
      // Audit trails (FR10), with the reason on the entry to cancelled and database times.
      const trail = await value<AuditEntry[]>(primary, 'auditTrail', { bookingId: first.bookingId });
      assertSame(trail.map(({ changedAt: _, ...e }) => e), [
        { seq: 1, fromStatus: null, toStatus: 'confirmed', reason: null },
        { seq: 2, fromStatus: 'confirmed', toStatus: 'cancelled', reason: 'Client postponed, "again"' },
      ], `auditTrail(${first.bookingId})`);
      for (const entry of trail) assert.ok(Date.parse(entry.changedAt) >= before - 1000 && Date.parse(entry.changedAt) <= Date.now() + 1000, `audit entry time ${entry.changedAt} is not the time of the change (FR14)`);
      assertSame((await value<AuditEntry[]>(primary, 'auditTrail', { bookingId: held.bookingId })).map(({ changedAt: _, ...e }) => e), [
        { seq: 1, fromStatus: null, toStatus: 'held', reason: null },
        { seq: 2, fromStatus: 'held', toStatus: 'confirmed', reason: null },
      ], `auditTrail(${held.bookingId})`);
      assertSame((await value<AuditEntry[]>(primary, 'auditTrail', { bookingId: rebooked.bookingId })).map(({ changedAt: _, ...e }) => e), [{ seq: 1, fromStatus: null, toStatus: 'confirmed', reason: null }], `auditTrail(${rebooked.bookingId})`);
      // The history shows the new bookings first (2027 is after every loaded booking).
      const page = await value<Page>(primary, 'customerHistory', { customerId, limit: 2 });
      assertSame(page.items.map((i) => [i.bookingId, i.status]), [[held.bookingId, 'confirmed'], [first.bookingId, 'cancelled']], `customerHistory(${customerId}) after the writes`);
      // The search sees the writes (FR12).
      const venueCity = (await value<Page>(primary, 'customerHistory', { customerId: 42, limit: 1 })).items[0]?.city ?? '';
      const found = await value<Available[]>(primary, 'searchAvailability', { city: venueCity, minCapacity: 1, amenities: [], ...range(11, 12), limit: 200 });
      assert.ok(!found.some((r) => r.resourceId === resource.id), `searchAvailability still offers resource ${resource.id} for a range it has a confirmed booking in`);
      // Refusals.
      await refused(primary, 'placeBooking', { resourceId: 987654321, customerId, ...range(20, 21) }, 'not-found');
      await refused(primary, 'placeBooking', { resourceId: resource.id, customerId: 987654321, ...range(20, 21) }, 'not-found');
      await refused(primary, 'placeBooking', { resourceId: resource.id, customerId, ...range(20, 20) }, 'invalid-argument');
      await refused(primary, 'confirmBooking', { bookingId: 987654321 }, 'not-found');
      await refused(primary, 'cancelBooking', { bookingId: 987654321, reason: 'x' }, 'not-found');
      const outcome = await call(primary, 'placeBooking', { resourceId: resource.id, customerId, ...range(21, 22), status: 'cancelled' });
      assert.ok(!outcome.ok && outcome.code === 'invalid-argument', 'placeBooking with status "cancelled" must be refused with invalid-argument');
    },
  },
];

export default checks;
