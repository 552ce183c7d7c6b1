// Applies pending migrations, then exits: `node dist/migrate.js` (needs DATABASE_URL only).
import { MIGRATIONS } from './db/migrations/index.js';
import { migrate } from './db/migrator.js';
import { createPool } from './db/pool.js';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  process.stderr.write('inventory-api: DATABASE_URL is required, e.g. DATABASE_URL=postgres://user:pass@127.0.0.1:5432/inventory\n');
  process.exit(1);
}

const pool = createPool(databaseUrl);
try {
  const applied = await migrate(pool, MIGRATIONS);
  process.stdout.write(applied.length ? `applied ${applied.length} migration(s): ${applied.join(', ')}\n` : 'database is up to date\n');
} catch (error) {
  process.stderr.write(`inventory-api: migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await pool.end();
}
