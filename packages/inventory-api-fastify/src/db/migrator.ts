import { inTransaction, type Pool } from './pool.js';
import { MIGRATIONS } from './migrations/index.js';

// Any fixed number works; it keeps two processes from migrating at the same time.
const MIGRATION_LOCK = 74_201;

/** Applies the migrations not yet recorded in schema_migrations; returns the ids it applied. */
export async function migrate(pool: Pool): Promise<string[]> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = await client.query<{ id: string }>('SELECT id FROM schema_migrations');
    const applied = new Set(done.rows.map((row) => row.id));
    const pending = MIGRATIONS.filter((migration) => !applied.has(migration.id));
    for (const migration of pending) {
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (id) VALUES ($1)', [migration.id]);
    }
    return pending.map((migration) => migration.id);
  });
}
