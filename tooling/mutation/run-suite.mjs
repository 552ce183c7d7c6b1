// Stryker's test command: start the (mutated) reference in the current folder on a free port, run
// the acceptance suite against it with `verify --url --bail`, exit with the suite's verdict
// (0 = every check passed = the mutant survived).
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const port = await new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = /** @type {import('node:net').AddressInfo} */ (server.address());
    server.close(() => resolve(free));
  });
});
const tokens = { READ_TOKEN: 'read-token-0001', EDIT_TOKEN: 'edit-token-0001' };
const server = spawn(process.execPath, ['server.mjs'], {
  env: {
    PATH: process.env.PATH,
    PORT: String(port),
    API_TOKENS: `reader:${tokens.READ_TOKEN},editor:${tokens.EDIT_TOKEN}`,
    // Stryker compiles every mutant into the code and picks the active one from these variables.
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('__STRYKER'))),
  },
  stdio: 'ignore',
});
let code = 1;
try {
  let up = false;
  for (let i = 0; i < 50 && !up; i++) {
    up = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
    if (!up) await new Promise((r) => setTimeout(r, 100));
  }
  if (up) {
    const result = spawnSync(process.execPath, [`${repo}/packages/kit/dist/cli.js`, 'verify', 'inventory-api', '--url', `http://127.0.0.1:${port}`, '--checks-only', '--bail', '--quiet'], {
      env: { ...process.env, ...tokens, NO_COLOR: '1', FAULTLINE_ROOT: `${repo}/.faultline/mutation/root`, FAULTLINE_HOME: `${repo}/.faultline/mutation/home` },
      stdio: 'ignore',
      timeout: 55_000,
    });
    code = result.status ?? 1;
  }
} finally {
  server.kill('SIGKILL');
}
process.exit(code);
