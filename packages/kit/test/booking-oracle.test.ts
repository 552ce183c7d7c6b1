// The booking grader's reference answers reproduce every worked example of
// exercises/booking-schema/candidate/REQUIREMENTS.md on its fixture: the oracle is the spec.
import { describe, expect, it } from '@jest/globals';
import { fixture } from '../../../exercises/booking-schema/dataset/fixture.js';
import { generate } from '../../../exercises/booking-schema/dataset/generate.js';
import { money, priceCents } from '../../../exercises/booking-schema/dataset/model.js';
import { csvField } from '../../../exercises/booking-schema/dataset/write.js';
import { Oracle, ratio } from '../../../exercises/booking-schema/grader/oracle.js';

const T = (text: string) => `2025-${text.replace(' ', 'T')}:00.000Z`;
const oracle = new Oracle(fixture());

describe('REQUIREMENTS.md worked examples', () => {
  it('When Q1 example 1 searches Lyon, capacity 8, projector and whiteboard, 10:00–12:00, then rooms 10 and 20 at 80.00, lower id first', () => {
    expect(oracle.searchAvailability({ city: 'Lyon', minCapacity: 8, amenities: ['projector', 'whiteboard'], start: T('03-14 10:00'), end: T('03-14 12:00') })).toEqual([
      { resourceId: 10, resourceName: 'Room A', venueId: 1, venueName: 'Quai 9', capacity: 8, hourlyPrice: '40.00', price: '80.00' },
      { resourceId: 20, resourceName: 'Salle 1', venueId: 2, venueName: 'Atelier Nord', capacity: 10, hourlyPrice: '40.00', price: '80.00' },
    ]);
  });

  it('When Q1 example 2 searches Lyon 12:00–13:00 with no filters, then 10, 20, 11 (12 and 21 are held)', () => {
    const rows = oracle.searchAvailability({ city: 'Lyon', minCapacity: 1, amenities: [], start: T('03-14 12:00'), end: T('03-14 13:00') });
    expect(rows.map((r) => [r.resourceId, r.hourlyPrice])).toEqual([[10, '40.00'], [20, '40.00'], [11, '55.50']]);
  });

  it('When Q1 example 3 asks for an unknown amenity, then nothing matches', () => {
    expect(oracle.searchAvailability({ city: 'Lyon', minCapacity: 1, amenities: ['projector', 'sauna'], start: T('03-14 10:00'), end: T('03-14 12:00') })).toEqual([]);
  });

  it('When Q2 pages customer 1 two at a time, then 104 and 103 (same start, higher id first), then 100 and 105', () => {
    const history = oracle.history(1).map((i) => i.bookingId);
    expect(history).toEqual([104, 103, 100, 105]);
  });

  it('When Q5 computes March 2025 in Lyon, then 62 rows with the example values, midnight-spanning bookings split by day', () => {
    const rows = oracle.occupancy('2025-03', 'Lyon');
    expect(rows).toHaveLength(62);
    const venue1 = (day: string) => rows.find((r) => r.venueId === 1 && r.day === day);
    expect(venue1('2025-03-14')).toMatchObject({ bookedHours: '2.0000', bookableHours: 72, occupancy: '0.0278' });
    expect(venue1('2025-03-15')).toMatchObject({ bookedHours: '1.0000', occupancy: '0.0139' });
    expect(venue1('2025-03-16')).toMatchObject({ bookedHours: '0.0000', occupancy: '0.0000' });
    expect(venue1('2025-03-20')).toMatchObject({ bookedHours: '2.0000', occupancy: '0.0278' });
    expect(venue1('2025-03-25')).toMatchObject({ bookedHours: '0.4167', occupancy: '0.0058' });
    expect(venue1('2025-03-31')).toMatchObject({ bookedHours: '2.0000', occupancy: '0.0278' });
    expect(rows.filter((r) => r.venueId === 2).every((r) => r.occupancy === '0.0000' && r.bookableHours === 48)).toBe(true);
  });

  it('When Q6 sums March 2025, then revenue is exactly 145.80 and 0.10 + 0.20 is 0.30', () => {
    const march = { start: T('03-01 00:00'), end: T('04-01 00:00') };
    expect(oracle.revenue(march)).toEqual({ revenue: '145.80' });
    expect(oracle.topCustomers(march)).toEqual([
      { customerId: 1, customerName: 'Ana', revenue: '95.50' },
      { customerId: 3, customerName: 'Chloé', revenue: '50.00' },
      { customerId: 2, customerName: 'Ben', revenue: '0.30' },
    ]);
    const april = { start: T('04-01 00:00'), end: T('05-01 00:00') };
    expect(oracle.revenue(april)).toEqual({ revenue: '160.00' });
    expect(oracle.topCustomers(april)).toEqual([{ customerId: 2, customerName: 'Ben', revenue: '160.00' }]);
  });

  it('When FR6 prices odd durations, then halves round up: 23.125 → 23.13, 35.583 → 35.58, 10.416 → 10.42', () => {
    const at = (m: number) => Date.parse(T('03-14 10:00')) + m * 60_000;
    expect(money(priceCents(5550, at(0), at(25)))).toBe('23.13');
    expect(money(priceCents(3500, at(0), at(61)))).toBe('35.58');
    expect(money(priceCents(2500, at(0), at(25)))).toBe('10.42');
    expect(money(priceCents(4000, at(0), at(20)))).toBe('13.33');
    expect(ratio(25 * 60_000, 3_600_000, 4)).toBe('0.4167');
  });

  it('When a field holds a comma, a quote or a newline, then the CSV quotes it; NULL is an empty field', () => {
    expect(csvField('Team offsite, moved to "Room B"')).toBe('"Team offsite, moved to ""Room B"""');
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('""');
    expect(csvField(12)).toBe('12');
  });
});

describe('the generated dataset', () => {
  it('When generated twice with the same seed, then it is the same; active bookings of a resource never overlap', () => {
    const a = generate('small');
    const b = generate('small');
    expect(Buffer.from(a.bookings.start.buffer).equals(Buffer.from(b.bookings.start.buffer))).toBe(true);
    expect(a.customers).toEqual(b.customers);
    const byResource = new Map<number, Array<[number, number]>>();
    for (let i = 0; i < a.bookings.length; i++) {
      if (a.bookings.status[i] === 2) continue;
      const list = byResource.get(a.bookings.resourceId[i] ?? 0) ?? [];
      list.push([a.bookings.start[i] ?? 0, a.bookings.end[i] ?? 0]);
      byResource.set(a.bookings.resourceId[i] ?? 0, list);
    }
    let overlaps = 0;
    for (const list of byResource.values()) {
      list.sort((x, y) => x[0] - y[0]);
      for (let k = 1; k < list.length; k++) if ((list[k]?.[0] ?? 0) < (list[k - 1]?.[1] ?? 0)) overlaps++;
    }
    expect(overlaps).toBe(0);
  });

  it('When the small dataset is generated, then it is skewed: heavy customers and a busiest venue', () => {
    const d = generate('small');
    const perCustomer = new Map<number, number>();
    for (let i = 0; i < d.bookings.length; i++) perCustomer.set(d.bookings.customerId[i] ?? 0, (perCustomer.get(d.bookings.customerId[i] ?? 0) ?? 0) + 1);
    const counts = [...perCustomer.values()].sort((x, y) => y - x);
    const median = counts[Math.floor(counts.length / 2)] ?? 0;
    expect(counts[0]).toBeGreaterThan(20 * median);
    expect(d.bookings.length).toBeGreaterThan(9_000);
  });
});
