// Applies pending migrations and exits: `node dist/migrate.js`.
import { ConfigError } from './config.js';
import { createPool } from './db/pool.js';
import { migrate } from './db/migrator.js';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  process.stderr.write(`inventory-api: ${new ConfigError('DATABASE_URL is required').message}\n`);
  process.exit(1);
}
const pool = createPool(databaseUrl);
try {
  const applied = await migrate(pool);
  process.stdout.write(applied.length ? `applied migrations: ${applied.join(', ')}\n` : 'no pending migrations\n');
} catch (error) {
  process.stderr.write(`migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await pool.end();
}
