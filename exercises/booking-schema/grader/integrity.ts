// Integrity probes: datasets that are good except for one row the database itself must refuse
// (REQUIREMENTS.md I1–I6). Each is loaded with the design's own loader into a fresh copy of its
// migrated database; refused means the server logged an error of class 22 or 23 for that database
// and no row of the dataset remained.
import type { ProbeContext } from '@faultline/kit';
import { join } from 'node:path';
import { fixture } from '../dataset/fixture.js';
import { writeDataset, type ExtraRows } from '../dataset/write.js';

export interface BadRow {
  rule: string;
  what: string;
  rows: ExtraRows;
}

const T = (text: string) => `2025-${text.replace(' ', 'T')}:00.000Z`;
const booking = (over: Partial<Record<'id' | 'resource' | 'customer' | 'start' | 'end' | 'status' | 'price', string | number>>) => [
  over.id ?? 200, over.resource ?? 10, over.customer ?? 1, over.start ?? T('05-02 09:00'), over.end ?? T('05-02 10:00'), over.status ?? 'confirmed', over.price ?? '40.00', T('04-01 08:00'),
];

export const ORPHANS: BadRow[] = [
  { rule: 'I3', what: 'a booking of resource 999999', rows: { bookings: [booking({ resource: 999999 })] } },
  { rule: 'I3', what: 'a booking by customer 999999', rows: { bookings: [booking({ customer: 999999 })] } },
  { rule: 'I3', what: 'a resource of venue 999999', rows: { resources: [[99, 999999, 'Ghost room', 4, '10.00']] } },
  { rule: 'I3', what: 'a venue in city 999999', rows: { venues: [[99, 999999, 'Ghost venue']] } },
  { rule: 'I3', what: 'resource 10 with amenity "sauna", which does not exist', rows: { resource_amenities: [[10, 'sauna']] } },
  { rule: 'I3', what: 'a payment for booking 999999', rows: { payments: [[99, 999999, 'charge', '10.00', T('03-10 08:00')]] } },
  { rule: 'I3', what: 'a cancellation of booking 999999', rows: { cancellations: [[999999, 'Plans changed', T('03-10 08:00')]] } },
  { rule: 'I3', what: 'an audit entry of booking 999999', rows: { audit_entries: [[999999, 1, null, 'confirmed', T('03-10 08:00')]] } },
];

export const BAD_VALUES: BadRow[] = [
  { rule: 'I1', what: 'a booking whose end equals its start', rows: { bookings: [booking({ start: T('05-02 10:00'), end: T('05-02 10:00') })] } },
  { rule: 'I1', what: 'a booking whose end is before its start', rows: { bookings: [booking({ start: T('05-02 11:00'), end: T('05-02 10:00') })] } },
  { rule: 'I2', what: 'a resource with hourly price -1.00', rows: { resources: [[99, 1, 'Cheap room', 4, '-1.00']] } },
  { rule: 'I2', what: 'a booking with price -5.00', rows: { bookings: [booking({ price: '-5.00' })] } },
  { rule: 'I2', what: 'a payment of 0.00', rows: { payments: [[99, 100, 'refund', '0.00', T('03-10 08:00')]] } },
  { rule: 'I2', what: 'a payment of -3.00', rows: { payments: [[99, 100, 'charge', '-3.00', T('03-10 08:00')]] } },
  { rule: 'I4', what: 'a booking with status "pending"', rows: { bookings: [booking({ status: 'pending' })] } },
  { rule: 'I4', what: 'a booking with status "CONFIRMED"', rows: { bookings: [booking({ status: 'CONFIRMED' })] } },
  { rule: 'I4', what: 'a payment of kind "chargeback"', rows: { payments: [[99, 100, 'chargeback', '10.00', T('03-10 08:00')]] } },
  { rule: 'I6', what: 'a resource with capacity 0', rows: { resources: [[99, 1, 'Broom cupboard', 0, '10.00']] } },
];

export const OVERLAPS: BadRow[] = [
  { rule: 'I5', what: 'a confirmed booking of resource 10 at 09:30–10:30 on 03-14, over confirmed booking 100', rows: { bookings: [booking({ resource: 10, start: T('03-14 09:30'), end: T('03-14 10:30') })] } },
  { rule: 'I5', what: 'a held booking of resource 21 at 12:00–12:30 on 03-14, inside held booking 102', rows: { bookings: [booking({ resource: 21, status: 'held', start: T('03-14 12:00'), end: T('03-14 12:30') })] } },
];

export interface IntegrityResult {
  accepted: BadRow[];
  evidence: string;
}

/** Loads the fixture once (it must load) and once per bad row (each must be refused). */
export async function loadBadRows(ctx: ProbeContext, bad: readonly BadRow[], label: string): Promise<IntegrityResult> {
  const database = ctx.database;
  if (!database) throw new Error('integrity probes need the kit to own the database: run verify without --url');
  const good = join(database.scratchDir, `${label}-good`);
  await writeDataset(fixture(), good);
  const control = await database.loadIntoCopy(good);
  if (control.failure !== null || control.rowsLeft === 0) {
    throw new Error(`the loader failed on a good dataset (the fixture of REQUIREMENTS.md), so refusals cannot be judged: ${control.failure ?? 'it loaded no rows'}`);
  }
  const accepted: BadRow[] = [];
  const details: string[] = [];
  for (const [index, row] of bad.entries()) {
    const dir = join(database.scratchDir, `${label}-${index}`);
    await writeDataset(fixture(), dir, row.rows);
    const outcome = await database.loadIntoCopy(dir);
    const byDatabase = outcome.sqlstates.some((state) => state.startsWith('22') || state.startsWith('23'));
    const refused = byDatabase && outcome.rowsLeft === 0;
    ctx.note(`${row.rule} ${row.what}: ${refused ? `refused (SQLSTATE ${outcome.sqlstates.join(', ')})` : 'ACCEPTED'}`);
    if (!refused) {
      accepted.push(row);
      details.push(`${row.rule} ${row.what}: ${outcome.failure === null ? 'loaded' : !byDatabase ? `the loader failed, but the database raised no class 22/23 error (${outcome.sqlstates.join(', ') || 'no error logged'})` : `${outcome.rowsLeft} rows remained`}`);
    }
  }
  return {
    accepted,
    evidence: `${bad.length - accepted.length} of ${bad.length} datasets with one bad row were refused by the database${details.length ? `; accepted: ${details.join('; ')}` : ''}`,
  };
}
