// How many bookings a selective availability search reads for each resource it considers, from
// the plans PostgreSQL ran (auto_explain): rows read from large tables by any scan, including rows
// its filters threw away, divided by the resources that match city, capacity and amenities. A
// search that can ask "does this resource have an active booking overlapping this range?" reads
// about one row per resource; a sequential scan, or an index that only finds a resource's
// bookings, reads all of them.
import type { Probe } from '@faultline/kit';
import { iso } from '../../dataset/model.js';
import { oracleFor, value } from '../../grader/client.js';

const SEARCHES = 10;
const AMENITIES = ['projector', 'whiteboard'];

const probe: Probe = {
  metric: { name: 'bookings read per candidate resource', unit: 'rows per search', threshold: 10 },
  timeoutMs: 120_000,
  async run(ctx) {
    const database = ctx.database;
    if (!database) throw new Error('this probe needs the kit to own the database: run verify without --url');
    const oracle = oracleFor(ctx);
    const { data } = oracle;
    const bookings = data.bookings.length;
    const [city = ''] = oracle.cities();
    const cityIds = new Set(data.cities.filter((c) => c.name === city).map((c) => c.id));
    const venues = new Set(data.venues.filter((v) => cityIds.has(v.cityId)).map((v) => v.id));
    const amenitiesOf = new Map<number, Set<string>>();
    for (const ra of data.resourceAmenities) amenitiesOf.set(ra.resourceId, (amenitiesOf.get(ra.resourceId) ?? new Set()).add(ra.code));
    const candidates = data.resources.filter((r) => venues.has(r.venueId) && r.capacity >= 8 && AMENITIES.every((a) => amenitiesOf.get(r.id)?.has(a))).length;
    const searches = Array.from({ length: SEARCHES }, (_, i) => {
      const start = Date.UTC(2025, i % 12, 3 + i, 9 + (i % 3) * 4);
      return { city, minCapacity: 8, amenities: AMENITIES, start: iso(start), end: iso(start + (1 + (i % 4)) * 3_600_000) };
    });
    for (const search of searches) await value(ctx.primary, 'searchAvailability', search);
    const use = await database.measure(async () => {
      for (const search of searches) await value(ctx.primary, 'searchAvailability', search);
    });
    const [plans = []] = await database.plansDuring([
      async () => {
        for (const search of searches) await value(ctx.primary, 'searchAvailability', search);
      },
    ]);
    // Tables at least a tenth the size of the bookings: the bookings table under whatever name, or anything as large.
    const large = plans.flatMap((p) => p.scans).filter((s) => (s.tableRows ?? 0) >= bookings / 10);
    const rows = large.reduce((a, s) => a + s.rows, 0) / SEARCHES;
    const how = [...new Set(large.map((s) => `${s.node} on ${s.table}`))].join(', ');
    return {
      value: Math.round((10 * rows) / Math.max(1, candidates)) / 10,
      evidence: `${SEARCHES} searches in ${city} (capacity ≥ 8, ${AMENITIES.join(' and ')}, 1–4 h; ${candidates} matching resources): ${Math.round(rows).toLocaleString('en')} booking rows read per search${how ? ` (${how})` : ''} of ${bookings.toLocaleString('en')}; ${Math.round(use.blocks / SEARCHES).toLocaleString('en')} shared buffers and ${(use.statements / SEARCHES).toFixed(1)} statements per search`,
    };
  },
};

export default probe;
