// Bursts of simultaneous overlapping placeBooking calls on one resource: exactly one may win
// (FR9). Plus overlapping active bookings in a dataset, which the database must refuse (I5).
import type { Probe } from '@faultline/kit';
import { iso } from '../../dataset/model.js';
import { call, oracleFor } from '../../grader/client.js';
import { loadBadRows, OVERLAPS } from '../../grader/integrity.js';

const ROUNDS = 20;
const CALLS = 20;
const HOUR = 3_600_000;

const probe: Probe = {
  metric: { name: 'double bookings', unit: `in ${ROUNDS} bursts of ${CALLS} + ${OVERLAPS.length} datasets`, threshold: 1 },
  timeoutMs: 120_000,
  async run(ctx) {
    const oracle = oracleFor(ctx);
    const day = Date.parse('2028-01-03T00:00:00.000Z');
    const used = new Set<number>();
    let excess = 0;
    let roundsDoubled = 0;
    const perRound: Array<[number, number]> = [];
    for (let round = 0; round < ROUNDS; round++) {
      const start = day + round * 24 * HOUR + 9 * HOUR;
      const resource = oracle.freeResource(start, start + 4 * HOUR, used);
      if (!resource) throw new Error('no free resource for the burst');
      used.add(resource.id);
      // Every range overlaps every other: they all contain [start + 1h, start + 2h).
      const outcomes = await ctx.simultaneously(
        Array.from({ length: CALLS }, (_, k) => () =>
          call(ctx.primary, 'placeBooking', { resourceId: resource.id, customerId: 1 + k, start: iso(start + k * 60_000), end: iso(start + 2 * HOUR + k * 60_000), status: 'confirmed' }),
        ),
      );
      const won = outcomes.filter((o) => o.ok).length;
      const other = outcomes.filter((o) => !o.ok && o.code !== 'overlap');
      if (other[0] && !other[0].ok) throw new Error(`round ${round + 1}: a call was refused with "${other[0].code}" (${other[0].detail}); overlapping calls must be refused with "overlap"`);
      if (won === 0) throw new Error(`round ${round + 1}: all ${CALLS} calls were refused; exactly one must succeed`);
      excess += won - 1;
      if (won > 1) roundsDoubled++;
      perRound.push([round + 1, won - 1]);
    }
    const loads = await loadBadRows(ctx, OVERLAPS, 'overlaps');
    return {
      value: excess + loads.accepted.length,
      evidence: `${ROUNDS} bursts of ${CALLS} simultaneous overlapping placeBooking calls: ${roundsDoubled} burst(s) booked the resource more than once (${excess} extra bookings); ${loads.evidence}`,
      series: { extra: perRound },
    };
  },
};

export default probe;
