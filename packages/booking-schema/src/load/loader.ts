// Loads the neutral dataset (one CSV per entity, see the dataset's manifest.json) with COPY, in one
// transaction: a row the database refuses fails the whole load and leaves nothing behind.
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
    for (const { file, table, columns } of TABLES) {
      const copy = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN (FORMAT csv, HEADER true)`));
      await pipeline(createReadStream(join(dir, file)), copy);
      rows[file.replace(/\.csv$/, '')] = Number(copy.rowCount ?? 0);
    }
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
