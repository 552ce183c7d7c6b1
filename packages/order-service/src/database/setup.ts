// Prepares a database for the service: applies pending migrations, then seeds demo data once.
// Usage: DATABASE_URL=postgres://… node dist/database/setup.js
import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config/config.js';
import { createDataSource } from './data-source.js';
import { seed } from './seed.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = createDataSource(config.databaseUrl);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    const seeded = await seed(dataSource);
    console.log(`database ready: ${applied.length} migration(s) applied, ${seeded ? 'demo data seeded' : 'existing data kept'}`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `config error: ${error.message}` : error);
  process.exit(1);
});
