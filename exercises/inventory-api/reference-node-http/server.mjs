// The inventory API on node:http alone, with in-memory storage. It exists to prove that the
// acceptance suite is framework-agnostic; it is not a starter and keeps nothing across restarts.
//
//   API_TOKENS=reader:r-123,editor:e-456 PORT=3000 node server.mjs
//
// It also implements the three follow-ups (../follow-ups/): cursors and request ids always, rate
// limiting only with RATE_LIMIT_PER_MINUTE (and RATE_LIMIT_EXEMPT_TOKENS), so the acceptance
// suite runs unchanged without them.
import { createServer } from 'node:http';
import { createApp, answerClientError } from './app.mjs';
import { ConfigError, readConfig } from './config.mjs';

/** @type {ReturnType<typeof readConfig>} */
let config;
try {
  config = readConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`inventory-api: ${error.message}\n`);
  process.exit(1);
}

const server = createServer(createApp(config));
server.on('clientError', answerClientError);
server.listen(config.port, config.host, () => {
  process.stdout.write(`inventory-api listening on http://${config.host}:${config.port}\n`);
});

for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT'])) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
