// Walks the history of the customer with the most bookings, 20 per page, while the customer books
// again three times (newer bookings come first). Each page must continue after the last item of
// the page before (Q2): no item may come twice and none of the loaded bookings may be skipped.
import type { Probe } from '@faultline/kit';
import { iso } from '../../dataset/model.js';
import { oracleFor, value } from '../../grader/client.js';
import { walk } from '../../grader/correctness.js';

const probe: Probe = {
  metric: { name: 'history items repeated or skipped', unit: 'in a walk with 3 new bookings', threshold: 1 },
  timeoutMs: 120_000,
  async run(ctx) {
    const oracle = oracleFor(ctx);
    const [customerId = 1] = oracle.heaviestCustomers(1);
    const expected = oracle.history(customerId).map((item) => item.bookingId);
    const day = Date.parse('2029-09-03T10:00:00.000Z');
    let inserted = 0;
    const used = new Set<number>();
    const { items, pages } = await walk(ctx, customerId, 20, async (page) => {
      if (page !== 3 && page !== 9 && page !== 15) return;
      const start = day + inserted * 86_400_000;
      const resource = oracle.freeResource(start, start + 3_600_000, used);
      if (!resource) throw new Error('no free resource');
      used.add(resource.id);
      await value(ctx.primary, 'placeBooking', { resourceId: resource.id, customerId, start: iso(start), end: iso(start + 3_600_000), status: 'confirmed' });
      inserted++;
    });
    const seen = new Map<number, number>();
    for (const item of items) seen.set(item.bookingId, (seen.get(item.bookingId) ?? 0) + 1);
    const repeated = [...seen.values()].filter((n) => n > 1).reduce((a, n) => a + n - 1, 0);
    const skipped = expected.filter((id) => !seen.has(id)).length;
    return {
      value: repeated + skipped,
      evidence: `customer ${customerId} (${expected.length} bookings), ${pages} pages of 20, ${inserted} bookings placed during the walk: ${repeated} item(s) repeated, ${skipped} skipped`,
    };
  },
};

export default probe;
