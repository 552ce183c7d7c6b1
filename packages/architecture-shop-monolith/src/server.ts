import pg from 'pg';
import { buildApp } from './app.js';
import { readConfig } from './config.js';
import { migrate } from './migrate.js';
import { startLabPaymentProvider } from './payment-provider.js';

const config = readConfig();
const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolSize });
await migrate(pool);
let paymentUrl = config.paymentUrl;
let labProvider: Awaited<ReturnType<typeof startLabPaymentProvider>> | undefined;
if (!paymentUrl) {
  labProvider = await startLabPaymentProvider({ latencyMs: 150, failureRate: 0 });
  paymentUrl = labProvider.url;
}
const app = buildApp({ pool, paymentUrl });
// The lab provider's controls, so a load scenario can replay the provider's incidents (SCENARIO.md).
if (labProvider) {
  const provider = labProvider;
  app.put('/_lab/payment-provider', async (req, res) => {
    const answer = await fetch(`${provider.url}/config`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(req.body ?? {}) });
    res.status(answer.status).type('application/json').send(await answer.text());
  });
  app.get('/_lab/payment-provider', (_req, res) => {
    res.json(provider.behaviour);
  });
}
const server = app.listen(config.port, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  process.stdout.write(`shop listening on http://127.0.0.1:${port} (payment provider: ${paymentUrl}${labProvider ? ', lab: PUT /config there to change its latency' : ''})\n`);
});
const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
