// Benchmark (not a test): a reference's GET /products/{id} side by side with the fastify + pg floor,
// on the same database and row, in one run. Usage: node load-tests/inventory-api/bench.mjs [variant] [seconds]
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const variant = process.argv[2] ?? 'fastify';
const seconds = Number(process.argv[3] ?? 10);
const root = fileURLToPath(new URL('../..', import.meta.url));
const editToken = 'edit-token-0001';
const readToken = 'read-token-0001';

/** @param {string[]} args @param {Record<string, string>} env */
function child(args, env = {}) {
  return spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
}

/** @param {import('node:child_process').ChildProcess} proc @param {RegExp} pattern */
function waitFor(proc, pattern) {
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout?.on('data', (chunk) => {
      out += chunk;
      const match = pattern.exec(out);
      if (match) resolve(match);
    });
    proc.on('exit', (code) => reject(new Error(`exited ${code} before printing ${pattern}: ${out}`)));
  });
}

/** @param {string} url @param {Record<string, string>} headers */
async function measure(url, headers) {
  const result = await autocannon({ url, connections: 20, duration: seconds, headers });
  return { rps: Math.round(result.requests.average), p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

const reference = child(['packages/kit/dist/cli.js', 'start', 'inventory-api', '--variant', variant, '--with-fixes', 'all'], { NO_COLOR: '1' });
try {
  const [, serviceUrl, databaseUrl] = await waitFor(reference, /service\s+(http:\/\/\S+)[\s\S]*DATABASE_URL=(\S+)/);
  const created = await fetch(`${serviceUrl}/products`, {
    method: 'POST',
    headers: { authorization: `Bearer ${editToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sku: `BENCH-${Date.now().toString(36).toUpperCase()}`, name: 'Benchmark row', priceCents: 1999 }),
  });
  const { id } = /** @type {{ id: number }} */ (await created.json());
  const floorPort = String(40000 + Math.floor(Math.random() * 20000));
  const floor = child(['load-tests/inventory-api/floor-server.mjs'], { DATABASE_URL: databaseUrl, PORT: floorPort });
  try {
    for (let i = 0; i < 50 && !(await fetch(`http://127.0.0.1:${floorPort}/products/${id}`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
    const referenceResult = await measure(`${serviceUrl}/products/${id}`, { authorization: `Bearer ${readToken}` });
    const floorResult = await measure(`http://127.0.0.1:${floorPort}/products/${id}`, {});
    console.log(`GET /products/{id}, 20 connections, ${seconds} s each, same database and row`);
    console.log(`  ${variant} reference  ${referenceResult.rps} req/s  p99 ${referenceResult.p99} ms  non-2xx ${referenceResult.non2xx}`);
    console.log(`  fastify + pg floor  ${floorResult.rps} req/s  p99 ${floorResult.p99} ms  non-2xx ${floorResult.non2xx}`);
    console.log(`  reference / floor = ${(referenceResult.rps / floorResult.rps).toFixed(2)}`);
  } finally {
    floor.kill();
  }
} finally {
  reference.kill('SIGINT');
}
