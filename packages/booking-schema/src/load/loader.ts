// Loads the neutral dataset (one CSV per entity, see the dataset's manifest.json) with COPY, in one
// transaction: a row the database refuses fails the whole load and leaves nothing behind.
//
// As pg_restore does, foreign keys, exclusion constraints and plain indexes are dropped before the
// COPYs and created again after them, in the same transaction: checking a million rows at once is
// far cheaper than checking them one by one, and re-creating a constraint validates every row, so
// the database still refuses what it must. Primary keys, unique and check constraints stay.
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** Each file of the dataset, in load order, and the columns its CSV columns go to. */
const TABLES: ReadonlyArray<{ file: string; table: string; columns: string[] }> = [
  { file: 'cities.csv', table: 'cities', columns: ['id', 'name'] },
  { file: 'venues.csv', table: 'venues', columns: ['id', 'city_id', 'name'] },
  { file: 'amenities.csv', table: 'amenities', columns: ['code', 'label'] },
  { file: 'resources.csv', table: 'resources', columns: ['id', 'venue_id', 'name', 'capacity', 'hourly_price'] },
  { file: 'resource_amenities.csv', table: 'resource_amenities', columns: ['resource_id', 'amenity_code'] },
  { file: 'customers.csv', table: 'customers', columns: ['id', 'name', 'email'] },
  { file: 'bookings.csv', table: 'bookings', columns: ['id', 'resource_id', 'customer_id', 'start_at', 'end_at', 'status', 'price', 'created_at'] },
  { file: 'cancellations.csv', table: 'cancellations', columns: ['booking_id', 'reason', 'cancelled_at'] },
  { file: 'payments.csv', table: 'payments', columns: ['id', 'booking_id', 'kind', 'amount', 'made_at'] },
  { file: 'audit_entries.csv', table: 'audit_entries', columns: ['booking_id', 'seq', 'from_status', 'to_status', 'changed_at'] },
];

export async function loadDataset(pool: pg.Pool, dir: string): Promise<Record<string, number>> {
  for (const { file } of TABLES) {
    if (!existsSync(join(dir, file))) throw new Error(`${join(dir, file)}: missing; is ${dir} a dataset folder (faultline dataset booking-schema --out DIR)?`);
  }
  const client = await pool.connect();
  const rows: Record<string, number> = {};
  try {
    await client.query('BEGIN');
    await client.query("SET LOCAL maintenance_work_mem = '512MB'");
    const deferred = await dropDeferrable(client, TABLES.map((t) => t.table));
    for (const { file, table, columns } of TABLES) {
      const copy = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN (FORMAT csv, HEADER true)`));
      await pipeline(createReadStream(join(dir, file)), copy);
      rows[file.replace(/\.csv$/, '')] = Number(copy.rowCount ?? 0);
    }
    for (const statement of deferred) await client.query(statement);
    // New bookings and payments get ids after the loaded ones.
    await client.query("SELECT setval(pg_get_serial_sequence('bookings', 'id'), coalesce(max(id), 0) + 1, false) FROM bookings");
    await client.query("SELECT setval(pg_get_serial_sequence('payments', 'id'), coalesce(max(id), 0) + 1, false) FROM payments");
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return rows;
}

/** Drops foreign keys, exclusion constraints and indexes that back no constraint; returns the statements that re-create them. */
async function dropDeferrable(client: pg.PoolClient, tables: string[]): Promise<string[]> {
  const constraints = await client.query<{ table: string; name: string; definition: string; kind: string }>(
    `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS definition, contype AS kind
       FROM pg_constraint
      WHERE conrelid = ANY ($1::regclass[]) AND contype IN ('f', 'x')
      ORDER BY contype = 'f' DESC, conname`,
    [tables],
  );
  const indexes = await client.query<{ name: string; definition: string }>(
    `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS definition
       FROM pg_index
      WHERE indrelid = ANY ($1::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = pg_index.indexrelid)
      ORDER BY 1`,
    [tables],
  );
  for (const c of constraints.rows) await client.query(`ALTER TABLE ${c.table} DROP CONSTRAINT ${quote(c.name)}`);
  for (const i of indexes.rows) await client.query(`DROP INDEX ${i.name}`);
  // Indexes first, then constraints: exclusion constraints build their own index, foreign keys come last.
  return [
    ...indexes.rows.map((i) => i.definition),
    ...[...constraints.rows].sort((a, b) => (a.kind === 'f' ? 1 : 0) - (b.kind === 'f' ? 1 : 0)).map((c) => `ALTER TABLE ${c.table} ADD CONSTRAINT ${quote(c.name)} ${c.definition}`),
  ];
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
