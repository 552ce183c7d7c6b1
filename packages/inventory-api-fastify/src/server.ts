// Reads the configuration, checks the database and listens: `node dist/server.js`.
import { buildApp } from './app.js';
import { ConfigError, readConfig, type Config } from './config.js';
import { createPool } from './db/pool.js';

let config: Config;
try {
  config = readConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`inventory-api: ${error.message}\n`);
  process.exit(1);
}

const pool = createPool(config.databaseUrl);
// Fail at start-up, not on the first request, when the database is unreachable.
await pool.query('SELECT 1');
const app = await buildApp({ config, pool });
await app.listen({ port: config.port, host: config.host });

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void app.close().then(() => pool.end()).then(() => process.exit(0));
  });
}
