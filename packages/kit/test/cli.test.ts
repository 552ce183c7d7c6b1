import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { reapStale } from '../src/db/embedded.js';
import { reapStaleProcesses } from '../src/supervisor/pidfiles.js';
import { isAlive } from '../src/util/process.js';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));
const home = () => {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-cli-test-'));
  chmodSync(dir, 0o755); // as root, postgres runs as its own user and must reach the data folder
  return dir;
};

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FAULTLINE_HOME: home(), ...env }, timeout: 180_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('wrong use gets one line saying what to do, and exit 2', () => {
  it('When the exercise is unknown, then the known ones are listed', () => {
    const { code, stderr } = run(['verify', 'no-such-exercise']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('unknown exercise "no-such-exercise"');
    expect(stderr).toContain('order-service');
  });

  it('When the candidate folder does not exist, then the flag is named', () => {
    const { code, stderr } = run(['verify', 'order-service', '--candidate', '/no/such/dir']);
    expect(code).toBe(2);
    expect(stderr).toContain('--candidate /no/such/dir: no such folder');
  });

  it('When the command or a flag is unknown, then usage is shown', () => {
    expect(run(['frobnicate']).code).toBe(2);
    const { code, stderr } = run(['verify', 'order-service', '--frob']);
    expect(code).toBe(2);
    expect(stderr).toContain('usage: faultline verify');
  });

  it('When --with-fixes names an unknown fault, then the real fault ids are listed', () => {
    const { code, stderr } = run(['verify', 'order-service', '--with-fixes', 'logic,nope']);
    expect(code).toBe(2);
    expect(stderr).toContain('has no fault "nope": its faults are logic, n-plus-one, memory-leak, race');
  });
});

describe('list', () => {
  it('When asked for JSON, then each exercise has its activity, levels, stack and faults', () => {
    const { code, stdout } = run(['list', '--json']);
    expect(code).toBe(0);
    const list = JSON.parse(stdout) as Array<{ id: string; activity: string; levels: string[]; faults: string[] }>;
    const orders = list.find((e) => e.id === 'order-service');
    expect(orders).toMatchObject({ activity: 'debugging', levels: ['junior', 'mid', 'senior'], faults: ['logic', 'n-plus-one', 'memory-leak', 'race'] });
  });
});

function candidateCopy(mutate: (dir: string) => void): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'faultline-candidate-')), 'order-service');
  cpSync(join(root, 'packages/order-service'), dir, { recursive: true, filter: (src) => !/node_modules|dist/.test(src.slice(root.length)) });
  mutate(dir);
  return dir;
}

describe('the inventory acceptance suite is black-box', () => {
  it('When it runs against a node:http implementation it was not written with, through --url and other tokens, then every check passes', async () => {
    const { freePort } = await import('../src/util/ports.js');
    const port = await freePort();
    const server = spawn(process.execPath, [join(root, 'exercises/inventory-api/reference-node-http/server.mjs')], {
      env: { PATH: process.env.PATH, PORT: String(port), API_TOKENS: 'reader:other-reader-77,editor:other-editor-88' },
      stdio: 'ignore',
    });
    try {
      for (let i = 0; i < 50; i++) {
        const up = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
        if (up) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const { code, stdout } = run(['verify', 'inventory-api', '--url', `http://127.0.0.1:${port}`, '--checks-only', '--quiet'], { READ_TOKEN: 'other-reader-77', EDIT_TOKEN: 'other-editor-88' });
      expect(stdout).toMatch(/functional suite: (\d+) passed, 0 failed/);
      expect(Number(/functional suite: (\d+) passed/.exec(stdout)?.[1])).toBeGreaterThanOrEqual(80);
      expect(code).toBe(0);
    } finally {
      server.kill();
    }
  }, 60_000);
});

describe('candidates in another stack', () => {
  it('When a candidate declares its own commands in package.json, then verify builds, prepares and starts it with them', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'faultline-other-stack-')), 'their-api');
    cpSync(join(root, 'exercises/inventory-api/reference-node-http'), dir, { recursive: true });
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'their-api', private: true, faultline: { build: ['node', '-e', '0'], prepare: ['node', '-e', '0'], start: ['node', 'server.mjs'] } }),
    );
    const { code, stdout } = run(['verify', 'inventory-api', '--candidate', dir, '--checks-only', '--quiet']);
    expect(stdout).toMatch(/functional suite: \d+ passed, 0 failed/);
    expect(code).toBe(0);
  }, 120_000);
});

describe('candidates that do not build or crash', () => {
  it('When the candidate does not compile, then verify says the build failed, shows the compiler output and exits 2', () => {
    const dir = candidateCopy((d) => writeFileSync(join(d, 'src/orders/pricing.ts'), 'export const broken: number = "text";\n'));
    const { code, stderr } = run(['verify', 'order-service', '--candidate', dir, '--quiet']);
    expect(code).toBe(2);
    expect(stderr).toContain('build failed with exit code');
    expect(stderr).toMatch(/pricing\.ts.*TS2322/);
  }, 120_000);

  it('When the candidate crashes during a probe, then that probe reads error with the log tail and verify does not hang', () => {
    const dir = candidateCopy((d) => {
      const file = join(d, 'src/orders/orders.service.ts');
      const source = readFileSync(file, 'utf8').replace(
        'await this.customers.get(customerId);',
        "await this.customers.get(customerId);\n    if (customerId > 2000) setImmediate(() => { throw new Error('history exploded'); });",
      );
      writeFileSync(file, source);
    });
    const reportFile = join(home(), 'report.json');
    const { code } = run(['verify', 'order-service', '--candidate', dir, '--quiet', '--json', reportFile]);
    expect(code).toBe(1);
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { faults: Array<{ id: string; verdict: string; evidence: string }> };
    const nPlusOne = report.faults.find((f) => f.id === 'n-plus-one');
    expect(nPlusOne?.verdict).toBe('error');
    expect(nPlusOne?.evidence).toContain('history exploded');
    expect(report.faults.find((f) => f.id === 'logic')?.verdict).toBe('present');
  }, 180_000);
});

describe('start and Ctrl-C', () => {
  it('When start is interrupted with SIGINT, then the service and postgres are gone and the exit code is 130', async () => {
    const stateHome = home();
    const child = spawn(process.execPath, [cli, 'start', 'order-service'], { env: { ...process.env, NO_COLOR: '1', FAULTLINE_HOME: stateHome }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`start did not report running: ${out}`)), 90_000);
        child.stdout.on('data', () => out.includes('Ctrl-C') && (clearTimeout(timer), resolve()));
        child.on('exit', (code) => reject(new Error(`start exited ${code}: ${out}`)));
      });
      expect(out).toMatch(/service\s+http:\/\/127\.0\.0\.1:\d+/);
      expect(out).toMatch(/docs\s+http:\/\/127\.0\.0\.1:\d+\/docs/);
      const servicePids = readdirSync(join(stateHome, 'pids')).map((f) => Number(f.split('-')[1]?.replace('.json', '')));
      const pgOwner = readdirSync(join(stateHome, 'pg')).map((d) => JSON.parse(readFileSync(join(stateHome, 'pg', d, 'faultline-owner.json'), 'utf8')) as { postgresPid: number });
      expect(servicePids.length).toBe(1);
      child.kill('SIGINT');
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(130);
      for (const pid of servicePids) expect(isAlive(pid)).toBe(false);
      for (const owner of pgOwner) expect(isAlive(owner.postgresPid)).toBe(false);
      expect(existsSync(join(stateHome, 'pg')) ? readdirSync(join(stateHome, 'pg')) : []).toEqual([]);
    } finally {
      if (child.exitCode === null) child.kill('SIGTERM');
    }
  }, 120_000);

  it('When start is killed with SIGKILL, then the next run reaps the orphaned service and postgres', async () => {
    const stateHome = home();
    const child = spawn(process.execPath, [cli, 'start', 'order-service'], { env: { ...process.env, NO_COLOR: '1', FAULTLINE_HOME: stateHome }, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`start did not report running: ${out}`)), 90_000);
        child.stdout.on('data', () => out.includes('Ctrl-C') && (clearTimeout(timer), resolve()));
      });
      const servicePids = readdirSync(join(stateHome, 'pids')).map((f) => Number(f.split('-')[1]?.replace('.json', '')));
      const postgresPids = readdirSync(join(stateHome, 'pg')).map((d) => (JSON.parse(readFileSync(join(stateHome, 'pg', d, 'faultline-owner.json'), 'utf8')) as { postgresPid: number }).postgresPid);
      child.kill('SIGKILL');
      await new Promise((resolve) => child.on('exit', resolve));
      for (const pid of postgresPids) expect(isAlive(pid)).toBe(true); // orphaned: SIGKILL cannot be caught
      await reapStaleProcesses(stateHome);
      await reapStale(stateHome);
      for (const pid of [...servicePids, ...postgresPids]) expect(isAlive(pid)).toBe(false);
      expect(readdirSync(join(stateHome, 'pg'))).toEqual([]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 120_000);
});
