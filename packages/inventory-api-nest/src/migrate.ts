// `node dist/migrate.js`: applies pending migrations to DATABASE_URL, then exits.
import pg from 'pg';
import { ConfigError, readDatabaseUrl } from './config/config.js';
import { MIGRATIONS } from './database/migrations/index.js';
import { migrate } from './database/migrator.js';

async function main(): Promise<void> {
  const pool = new pg.Pool({ connectionString: readDatabaseUrl(process.env), max: 1 });
  try {
    const applied = await migrate(pool, MIGRATIONS);
    console.log(`database ready: ${applied} migration(s) applied`);
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `config error: ${error.message}` : error);
  process.exit(1);
});
