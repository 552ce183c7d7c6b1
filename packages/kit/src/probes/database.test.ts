import { describe, expect, it } from '@jest/globals';
import { loggedErrors, parsePlans } from './database.js';

// The shape PostgreSQL writes to stderr with log_line_prefix '%m [%p] db=%d sqlstate=%e ' and
// auto_explain.log_format = json: continuation lines of a message start with a tab.
const plan = (db: string, ms: string, body: object) =>
  `2026-12-04 20:00:00.123 UTC [42] db=${db} sqlstate=00000 LOG:  duration: ${ms} ms  plan:\n${JSON.stringify(body, null, 2).split('\n').map((l) => `\t${l}`).join('\n')}`;

const log = [
  '2026-12-04 19:59:59.000 UTC [40] db=[unknown] sqlstate=00000 LOG:  connection received: host=127.0.0.1',
  plan('fl_booking_1', '12.500', {
    'Query Text': 'select *\n  from bookings where status <> $1',
    Plan: {
      'Node Type': 'Hash Join', 'Plan Rows': 1, 'Actual Rows': 137, 'Actual Loops': 1,
      Plans: [
        { 'Node Type': 'Seq Scan', 'Relation Name': 'bookings', 'Plan Rows': 100000, 'Actual Rows': 90000, 'Actual Loops': 1, 'Rows Removed by Filter': 30000 },
        { 'Node Type': 'Index Scan', 'Relation Name': 'resources', 'Plan Rows': 5, 'Actual Rows': 4, 'Actual Loops': 1 },
      ],
    },
  }),
  plan('fl_other_2', '1.000', { 'Query Text': 'select 1', Plan: { 'Node Type': 'Seq Scan', 'Relation Name': 'bookings', 'Plan Rows': 1, 'Actual Rows': 1000, 'Actual Loops': 1 } }),
  '2026-12-04 20:00:01.000 UTC [43] db=fl_booking_1_c3 sqlstate=23503 ERROR:  insert or update on table "bookings" violates foreign key constraint "bookings_resource_fk"',
  '2026-12-04 20:00:01.000 UTC [43] db=fl_booking_1_c3 sqlstate=23503 DETAIL:  Key (resource_id)=(999999) is not present in table "resources".',
  '2026-12-04 20:00:01.000 UTC [44] db=fl_booking_1_c4 sqlstate=22P02 ERROR:  invalid input syntax for type integer: "x"',
].join('\n');

describe('parsePlans', () => {
  it('When auto_explain logged plans for several databases, then only the target database is summarised, with its seq scans and misestimates', () => {
    const plans = parsePlans(log, 'fl_booking_1', new Map([['bookings', 120000], ['resources', 1780]]));
    expect(plans).toHaveLength(1);
    expect(plans[0]).toEqual({
      query: 'select * from bookings where status <> $1',
      durationMs: 12.5,
      seqScans: [{ table: 'bookings', rows: 120000, tableRows: 120000 }],
      scans: [
        { node: 'Seq Scan', table: 'bookings', rows: 120000, tableRows: 120000 },
        { node: 'Index Scan', table: 'resources', rows: 4, tableRows: 1780 },
      ],
      misestimates: [{ node: 'Hash Join', estimated: 1, actual: 137 }],
    });
  });

  it('When the log holds no plan for the database, then the summary is empty', () => {
    expect(parsePlans(log, 'fl_nothing', new Map())).toEqual([]);
  });
});

describe('loggedErrors', () => {
  it('When the server logged errors, then the SQLSTATEs of that database only are returned, not those of its copies', () => {
    expect(loggedErrors(log, 'fl_booking_1_c3')).toEqual(['23503']);
    expect(loggedErrors(log, 'fl_booking_1_c4')).toEqual(['22P02']);
    expect(loggedErrors(log, 'fl_booking_1')).toEqual([]);
  });
});
