import type pg from 'pg';
import { MIGRATIONS } from './migrations.js';

/** Applies, in order, every migration not recorded in schema_migration yet; each in its own transaction. */
export async function migrate(pool: pg.Pool): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('CREATE TABLE IF NOT EXISTS schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    for (const migration of MIGRATIONS) {
      await client.query('BEGIN');
      try {
        // One migrator at a time: a second `migrate` waits here, then finds the migration done.
        await client.query('LOCK TABLE schema_migration IN EXCLUSIVE MODE');
        const done = await client.query('SELECT 1 FROM schema_migration WHERE name = $1', [migration.name]);
        if (done.rowCount === 0) {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migration (name) VALUES ($1)', [migration.name]);
          applied.push(migration.name);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
    }
  } finally {
    client.release();
  }
  return applied;
}
