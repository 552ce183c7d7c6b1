// Money answers compared with exact arithmetic: revenue of every month of the dataset, the top
// customers of six months, and the price of bookings whose exact price ends in a half cent (FR6).
import type { Probe } from '@faultline/kit';
import { iso, money, priceCents } from '../../dataset/model.js';
import { call, difference, oracleFor } from '../../grader/client.js';

const MONTHS = Array.from({ length: 24 }, (_, i) => [Date.UTC(2024, i, 1), Date.UTC(2024, i + 1, 1)] as const);

const probe: Probe = {
  metric: { name: 'money answers off', unit: 'of 34 (24 revenues, 6 rankings, 4 prices)', threshold: 1 },
  timeoutMs: 120_000,
  async run(ctx) {
    const oracle = oracleFor(ctx);
    const wrong: string[] = [];
    for (const [start, end] of MONTHS) {
      const period = { start: iso(start), end: iso(end) };
      const outcome = await call<{ revenue: string }>(ctx.primary, 'revenue', period);
      const expected = oracle.revenue(period).revenue;
      if (!outcome.ok) throw new Error(`revenue(${JSON.stringify(period)}) was refused: ${outcome.code}: ${outcome.detail}`);
      if (outcome.value.revenue !== expected) wrong.push(`revenue ${period.start.slice(0, 7)}: ${outcome.value.revenue} instead of ${expected}`);
    }
    for (const [start, end] of MONTHS.filter((_, i) => i % 4 === 1)) {
      const query = { start: iso(start), end: iso(end), limit: 10 };
      const outcome = await call(ctx.primary, 'topCustomers', query);
      if (!outcome.ok) throw new Error(`topCustomers(${JSON.stringify(query)}) was refused: ${outcome.code}: ${outcome.detail}`);
      const d = difference(outcome.value, oracle.topCustomers(query));
      if (d) wrong.push(`topCustomers ${query.start.slice(0, 7)}: ${d}`);
    }
    // 25 minutes at 55.50/h is 23.125 and 61 minutes at 35.00/h is 35.5833…: exact halves and thirds.
    const day = Date.parse('2029-06-04T08:00:00.000Z');
    const cases = [[5550, 25], [3500, 61], [5550, 85], [1250, 3]] as const;
    const used = new Set<number>();
    for (const [k, [hourly, minutes]] of cases.entries()) {
      const resource = oracle.data.resources.find((r) => r.hourlyCents === hourly && !used.has(r.id)) ?? oracle.data.resources.find((r) => !used.has(r.id));
      if (!resource) throw new Error('no resource for the price cases');
      used.add(resource.id);
      const start = day + k * 86_400_000;
      const end = start + minutes * 60_000;
      const outcome = await call<{ price: string }>(ctx.primary, 'placeBooking', { resourceId: resource.id, customerId: 3, start: iso(start), end: iso(end) });
      if (!outcome.ok) throw new Error(`placeBooking on resource ${resource.id} was refused: ${outcome.code}: ${outcome.detail}`);
      const expected = money(priceCents(resource.hourlyCents, start, end));
      if (outcome.value.price !== expected) wrong.push(`price of ${minutes} min at ${money(resource.hourlyCents)}/h: ${outcome.value.price} instead of ${expected}`);
    }
    return {
      value: wrong.length,
      evidence: wrong.length === 0 ? '24 monthly revenues, 6 monthly top-customer rankings and 4 booking prices are exact to the cent' : `${wrong.length} money answers differ from exact arithmetic, e.g. ${wrong.slice(0, 3).join('; ')}`,
    };
  },
};

export default probe;
