// Loads the neutral dataset (one CSV per entity with a header row, see the dataset's manifest.json)
// in ONE transaction:
//   1. COPY each file as is into a TEMP staging table of text columns named like the CSV header
//      (HEADER MATCH: the database checks the header);
//   2. INSERT … SELECT into the real tables, converting in SQL: casts to integer, timestamptz and
//      the enum types, "12.34" to cents (money_cents), [start, end) to a tstzrange, amenity codes
//      to amenity ids.
// Nothing is checked, fixed or skipped here: a row the database refuses (a cast, a check, a NOT
// NULL, a foreign key, the exclusion constraint) fails the statement, and the rollback leaves no
// row of the dataset behind.
//
// For speed, the foreign keys, the exclusion constraint and the secondary indexes of the loaded
// tables are dropped inside the transaction and re-created after the inserts: the database then
// validates every row in one pass per constraint (SQLSTATE 23503 / 23P01 on a bad row) instead
// of once per row. If anything fails, the rollback restores them too.
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

interface Step {
  /** The dataset file, and the name of its staging table (stage_<entity>). */
  entity: string;
  /** The CSV header, in order: the staging table's columns. */
  columns: string[];
  /** The real table it goes to. */
  table: string;
  /** The INSERT … SELECT from the staging table `s`. */
  insert: string;
}

/** Each file of the dataset, in load order (a file only references rows of files before it). */
const STEPS: readonly Step[] = [
  {
    entity: 'cities', columns: ['id', 'name'], table: 'city',
    insert: 'INSERT INTO city (id, name) SELECT s.id::integer, s.name FROM stage_cities s',
  },
  {
    entity: 'venues', columns: ['id', 'city_id', 'name'], table: 'venue',
    insert: 'INSERT INTO venue (id, city_id, name) SELECT s.id::integer, s.city_id::integer, s.name FROM stage_venues s',
  },
  {
    entity: 'amenities', columns: ['code', 'label'], table: 'amenity',
    insert: 'INSERT INTO amenity (code, label) SELECT s.code, s.label FROM stage_amenities s ORDER BY s.code',
  },
  {
    entity: 'resources', columns: ['id', 'venue_id', 'name', 'capacity', 'hourly_price'], table: 'resource',
    insert: `INSERT INTO resource (id, venue_id, name, capacity, hourly_price_cents)
             SELECT s.id::integer, s.venue_id::integer, s.name, s.capacity::integer, money_cents(s.hourly_price) FROM stage_resources s`,
  },
  {
    // An unknown amenity code finds no id: the NULL breaks amenity_id's NOT NULL (23502).
    entity: 'resource_amenities', columns: ['resource_id', 'amenity_code'], table: 'resource_amenity',
    insert: `INSERT INTO resource_amenity (resource_id, amenity_id)
             SELECT s.resource_id::integer, a.id FROM stage_resource_amenities s LEFT JOIN amenity a ON a.code = s.amenity_code`,
  },
  {
    entity: 'customers', columns: ['id', 'name', 'email'], table: 'customer',
    insert: 'INSERT INTO customer (id, name, email) SELECT s.id::integer, s.name, s.email FROM stage_customers s',
  },
  {
    entity: 'bookings', columns: ['id', 'resource_id', 'customer_id', 'start', 'end', 'status', 'price', 'created_at'], table: 'booking',
    insert: `INSERT INTO booking (id, resource_id, customer_id, during, status, price_cents, created_at)
             SELECT s.id::integer, s.resource_id::integer, s.customer_id::integer,
                    tstzrange(s.start::timestamptz, s."end"::timestamptz, '[)'),
                    s.status::booking_status, money_cents(s.price), s.created_at::timestamptz
             FROM stage_bookings s`,
  },
  {
    entity: 'cancellations', columns: ['booking_id', 'reason', 'cancelled_at'], table: 'cancellation',
    insert: `INSERT INTO cancellation (booking_id, reason, cancelled_at)
             SELECT s.booking_id::integer, s.reason, s.cancelled_at::timestamptz FROM stage_cancellations s`,
  },
  {
    // The customer is copied from the booking; a payment of an unknown booking finds none, and the
    // NULL breaks customer_id's NOT NULL (23502).
    entity: 'payments', columns: ['id', 'booking_id', 'kind', 'amount', 'made_at'], table: 'payment',
    insert: `INSERT INTO payment (id, booking_id, customer_id, kind, amount_cents, made_at)
             SELECT s.id::integer, s.booking_id::integer, b.customer_id, s.kind::payment_kind, money_cents(s.amount), s.made_at::timestamptz
             FROM stage_payments s LEFT JOIN booking b ON b.id = s.booking_id::integer`,
  },
  {
    entity: 'audit_entries', columns: ['booking_id', 'seq', 'from_status', 'to_status', 'changed_at'], table: 'audit_entry',
    insert: `INSERT INTO audit_entry (booking_id, seq, from_status, to_status, changed_at)
             SELECT s.booking_id::integer, s.seq::integer, s.from_status::booking_status, s.to_status::booking_status, s.changed_at::timestamptz
             FROM stage_audit_entries s`,
  },
];

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function loadDataset(pool: pg.Pool, dir: string): Promise<Record<string, number>> {
  for (const { entity } of STEPS) {
    const file = join(dir, `${entity}.csv`);
    if (!existsSync(file)) throw new Error(`${file}: missing; is ${dir} a dataset folder (faultline dataset booking-schema --out DIR)?`);
  }
  const client = await pool.connect();
  const rows: Record<string, number> = {};
  // BOOKING_LOAD_TIMING=1 prints the time of each step to stderr.
  const started = Date.now();
  const tick = (step: string) => {
    if (process.env.BOOKING_LOAD_TIMING) process.stderr.write(`${((Date.now() - started) / 1000).toFixed(1)} s  ${step.replace(/\s+/g, ' ').slice(0, 100)}\n`);
  };
  try {
    // Staging tables live in local buffers; this only takes effect before the session's first one.
    await client.query("SET temp_buffers = '256MB'");
    await client.query('BEGIN');
    await client.query("SET LOCAL maintenance_work_mem = '256MB'");
    await client.query("SET LOCAL work_mem = '128MB'");

    for (const { entity, columns } of STEPS) {
      await client.query(`CREATE TEMP TABLE stage_${entity} (${columns.map((c) => `${quote(c)} text`).join(', ')}) ON COMMIT DROP`);
      const copy = client.query(copyFrom(`COPY stage_${entity} FROM STDIN (FORMAT csv, HEADER match)`));
      await pipeline(createReadStream(join(dir, `${entity}.csv`)), copy);
      tick(`copy ${entity}`);
    }

    const deferred = await deferConstraints(client, STEPS.map((s) => s.table));
    for (const { entity, insert } of STEPS) {
      const result = await client.query(insert);
      rows[entity] = result.rowCount ?? 0;
      tick(`insert ${entity}`);
    }
    // The database validates every loaded row against each constraint it just lost.
    for (const statement of deferred) {
      await client.query(statement);
      tick(statement);
    }

    // New bookings and payments get ids after the loaded ones.
    for (const table of ['booking', 'payment']) {
      await client.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce(max(id), 0) + 1, false) FROM ${table}`);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return rows;
}

/**
 * Drops the foreign keys, exclusion constraints and plain indexes of `tables` (in the caller's
 * transaction) and returns the statements that re-create them, indexes first.
 */
async function deferConstraints(client: pg.PoolClient, tables: string[]): Promise<string[]> {
  const constraints = await client.query<{ tbl: string; name: string; def: string }>(
    `SELECT c.conrelid::regclass::text AS tbl, c.conname AS name, pg_get_constraintdef(c.oid) AS def
     FROM pg_constraint c
     WHERE c.contype IN ('f', 'x') AND c.conrelid = ANY($1::regclass[])
     ORDER BY c.contype DESC, c.conname`,
    [tables],
  );
  const indexes = await client.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
     FROM pg_index i
     WHERE i.indrelid = ANY($1::regclass[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
     ORDER BY 1`,
    [tables],
  );
  for (const c of constraints.rows) await client.query(`ALTER TABLE ${c.tbl} DROP CONSTRAINT ${quote(c.name)}`);
  for (const i of indexes.rows) await client.query(`DROP INDEX ${i.name}`);
  return [
    ...indexes.rows.map((i) => i.def),
    ...constraints.rows.map((c) => `ALTER TABLE ${c.tbl} ADD CONSTRAINT ${quote(c.name)} ${c.def}`),
  ];
}
