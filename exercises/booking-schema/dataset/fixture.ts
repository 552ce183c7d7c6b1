// The small fixture of REQUIREMENTS.md ("Sample queries"): the worked examples run against it.
import { AMENITIES } from './generate.js';
import { CANCELLED, CHARGE, CONFIRMED, HELD, REFUND, emptyAudit, emptyBookings, emptyCancellations, emptyPayments, type Dataset } from './model.js';

const t = (text: string) => Date.parse(`2025-${text.replace(' ', 'T')}:00.000Z`);

export function fixture(): Dataset {
  const resources = [
    { id: 10, venueId: 1, name: 'Room A', capacity: 8, hourlyCents: 4000, amenities: ['projector', 'whiteboard'] },
    { id: 11, venueId: 1, name: 'Room B', capacity: 12, hourlyCents: 5550, amenities: ['projector', 'video'] },
    { id: 12, venueId: 1, name: 'Studio', capacity: 4, hourlyCents: 2500, amenities: ['whiteboard'] },
    { id: 20, venueId: 2, name: 'Salle 1', capacity: 10, hourlyCents: 4000, amenities: ['projector', 'whiteboard', 'video'] },
    { id: 21, venueId: 2, name: 'Salle 2', capacity: 16, hourlyCents: 3500, amenities: ['projector', 'whiteboard'] },
    { id: 30, venueId: 3, name: 'Sala Rio', capacity: 20, hourlyCents: 3000, amenities: ['projector'] },
  ];
  // booking, resource, customer, start, end, status, price, created, life (statuses in order)
  const rows: Array<[number, number, number, string, string, number, number, number[]]> = [
    [100, 10, 1, '03-14 09:00', '03-14 10:00', CONFIRMED, 4000, [CONFIRMED]],
    [101, 20, 2, '03-14 11:30', '03-14 12:30', CANCELLED, 4000, [HELD, CANCELLED]],
    [102, 21, 3, '03-14 11:59', '03-14 13:00', HELD, 3558, [HELD]],
    [103, 11, 1, '03-20 14:00', '03-20 16:00', CONFIRMED, 11100, [CONFIRMED]],
    [104, 30, 1, '03-20 14:00', '03-20 15:00', CANCELLED, 3000, [CONFIRMED, CANCELLED]],
    [105, 12, 1, '02-01 10:00', '02-01 11:00', CONFIRMED, 2500, [CONFIRMED]],
    [106, 11, 2, '03-14 23:00', '03-15 01:00', CONFIRMED, 11100, [CONFIRMED]],
    [107, 12, 3, '03-14 12:00', '03-14 14:00', HELD, 5000, [HELD]],
    [108, 10, 2, '03-31 22:00', '04-01 02:00', CONFIRMED, 16000, [HELD, CONFIRMED]],
    [109, 12, 3, '03-25 10:00', '03-25 10:25', CONFIRMED, 1042, [CONFIRMED]],
  ];
  const bookings = emptyBookings(rows.length);
  const audit = emptyAudit(rows.length * 3);
  const cancellations = emptyCancellations(rows.length);
  rows.forEach(([id, resourceId, customerId, start, end, status, price, life], i) => {
    bookings.id[i] = id;
    bookings.resourceId[i] = resourceId;
    bookings.customerId[i] = customerId;
    bookings.start[i] = t(start);
    bookings.end[i] = t(end);
    bookings.status[i] = status;
    bookings.priceCents[i] = price;
    bookings.createdAt[i] = t('01-15 09:00');
    bookings.length++;
    life.forEach((to, k) => {
      const e = audit.length++;
      audit.bookingId[e] = id;
      audit.seq[e] = k + 1;
      audit.from[e] = k === 0 ? -1 : (life[k - 1] ?? -1);
      audit.to[e] = to;
      audit.at[e] = t('01-15 09:00') + k * 3_600_000;
    });
    if (status === CANCELLED) {
      const c = cancellations.length++;
      cancellations.bookingId[c] = id;
      cancellations.reason[c] = 'Plans changed';
      cancellations.at[c] = t('01-15 09:00') + (life.length - 1) * 3_600_000;
    }
  });
  const paymentRows: Array<[number, number, number, number, string]> = [
    [1, 100, CHARGE, 4000, '03-10 08:00'],
    [2, 103, CHARGE, 11100, '03-12 09:00'],
    [3, 103, REFUND, 5550, '03-21 10:00'],
    [4, 106, CHARGE, 10, '03-14 20:00'],
    [5, 106, CHARGE, 20, '03-14 20:05'],
    [6, 107, CHARGE, 5000, '03-31 23:59'],
    [7, 108, CHARGE, 16000, '04-01 00:00'],
  ];
  const payments = emptyPayments(paymentRows.length);
  paymentRows.forEach(([id, bookingId, kind, amount, at], i) => {
    payments.id[i] = id;
    payments.bookingId[i] = bookingId;
    payments.kind[i] = kind;
    payments.cents[i] = amount;
    payments.at[i] = t(at) + (id === 6 ? 59_000 : 0);
    payments.length++;
  });
  return {
    name: 'fixture',
    seed: 0,
    cities: [{ id: 1, name: 'Lyon' }, { id: 2, name: 'Porto' }],
    venues: [{ id: 1, cityId: 1, name: 'Quai 9' }, { id: 2, cityId: 1, name: 'Atelier Nord' }, { id: 3, cityId: 2, name: 'Casa Ribeira' }],
    amenities: AMENITIES,
    resources: resources.map(({ amenities: _, ...r }) => r),
    resourceAmenities: resources.flatMap((r) => r.amenities.map((code) => ({ resourceId: r.id, code }))),
    customers: [{ id: 1, name: 'Ana', email: 'ana@example.test' }, { id: 2, name: 'Ben', email: 'ben@example.test' }, { id: 3, name: 'Chloé', email: 'chloe@example.test' }],
    bookings,
    cancellations,
    payments,
    audit,
  };
}
