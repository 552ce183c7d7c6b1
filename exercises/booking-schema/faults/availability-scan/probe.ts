// How much of the bookings a selective availability search reads: the plans PostgreSQL ran
// (auto_explain) for ten searches, counting rows read by sequential scans of large tables, plus
// the shared buffers the searches touched (pg_stat_statements).
import type { Probe } from '@faultline/kit';
import { iso } from '../../dataset/model.js';
import { oracleFor, value } from '../../grader/client.js';

const SEARCHES = 10;

const probe: Probe = {
  metric: { name: 'rows scanned sequentially per search', unit: '% of the bookings', threshold: 10 },
  timeoutMs: 120_000,
  async run(ctx) {
    const database = ctx.database;
    if (!database) throw new Error('this probe needs the kit to own the database: run verify without --url');
    const oracle = oracleFor(ctx);
    const bookings = oracle.data.bookings.length;
    const [city = ''] = oracle.cities();
    const searches = Array.from({ length: SEARCHES }, (_, i) => {
      const start = Date.UTC(2025, i % 12, 3 + i, 9 + (i % 3) * 4);
      return { city, minCapacity: 8, amenities: ['projector', 'whiteboard'], start: iso(start), end: iso(start + (1 + (i % 4)) * 3_600_000) };
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
    // Sequential scans of tables at least a tenth the size of the bookings: the bookings table
    // itself, under whatever name, or anything as large.
    const scanned = plans.flatMap((p) => p.seqScans).filter((s) => (s.tableRows ?? s.rows) >= bookings / 10);
    const rows = scanned.reduce((a, s) => a + s.rows, 0) / SEARCHES;
    const tables = [...new Set(scanned.map((s) => s.table))];
    return {
      value: Math.round((1000 * rows) / bookings) / 10,
      evidence: `${SEARCHES} searches in ${city} (capacity ≥ 8, projector and whiteboard, 1–4 h): ${Math.round(rows).toLocaleString('en')} rows per search read by sequential scans${tables.length ? ` of ${tables.join(', ')}` : ''} (${bookings.toLocaleString('en')} bookings); ${Math.round(use.blocks / SEARCHES).toLocaleString('en')} shared buffers and ${(use.statements / SEARCHES).toFixed(1)} statements per search`,
    };
  },
};

export default probe;
