// Starts the API: `node dist/server.js` (run dist/migrate.js first).
import { createApp } from './app.js';
import { ConfigError } from './config.error.js';
import { readConfig, type Config } from './config.js';
import { createPool } from './db/pool.js';
import { createLogger } from './logger.js';
import { PgProductRepository } from './products/product.repository.js';

let config: Config;
try {
  config = readConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`inventory-api: ${error.message}\n`);
  process.exit(1);
}

const logger = createLogger(config.logLevel);
const pool = createPool(config.databaseUrl);
pool.on('error', (error) => logger.error(`idle database connection failed: ${error.message}`));

const app = createApp({ tokens: config.tokens, products: new PgProductRepository(pool), logger });
const server = app.listen(config.port, config.host, () => {
  process.stdout.write(`inventory-api listening on http://${config.host}:${config.port} (docs at /docs)\n`);
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    server.close(() => void pool.end().finally(() => process.exit(0)));
    server.closeAllConnections();
  });
}
