import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { reapStale } from '../src/db/embedded.js';
import { createServiceDatabase, openPostgres, type PostgresServer } from '../src/db/postgres.js';
import { StatementCounter } from '../src/probes/statements.js';
import { isAlive } from '../src/util/process.js';

const home = mkdtempSync(join(tmpdir(), 'faultline-pg-test-'));
chmodSync(home, 0o755); // as root, postgres runs as its own user and must reach the data folder

describe('embedded postgres and statement counting', () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await openPostgres(home, '');
  }, 30_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('When a service runs 7 statements on its own database, then exactly 7 are counted, none of the admin’s', async () => {
    const db = await createServiceDatabase(server, 'count-test');
    const counter = new StatementCounter(server.adminUrl, db.database, db.role);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
        await client.query('CREATE TABLE t (id int)');
        const counted = await counter.countDuring(async () => {
          for (let i = 0; i < 5; i++) await client.query('INSERT INTO t VALUES ($1)', [i]);
          await client.query('SELECT count(*) FROM t');
          await client.query('SELECT 1');
        });
        expect(server.statementStats).toBe(true);
        expect(counted).toBe(7);
    } finally {
      await client.end();
      await db.drop();
    }
  });
});

describe('the reaper', () => {
  it('When the process that started postgres is killed with SIGKILL, then the next start stops postgres and removes its data', async () => {
    const script = `
      const { openPostgres } = await import(${JSON.stringify(new URL('../dist/db/postgres.js', import.meta.url).href)});
      const server = await openPostgres(${JSON.stringify(home)}, '');
      console.log('ready');
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
      child.on('exit', (code) => reject(new Error(`child exited ${code}`)));
    });
    try {
      const { readdirSync, readFileSync } = await import('node:fs');
      const dirs = readdirSync(join(home, 'pg')).map((d) => join(home, 'pg', d));
      const owned = dirs.map((d) => JSON.parse(readFileSync(join(d, 'faultline-owner.json'), 'utf8')) as { ownerPid: number; postgresPid: number }).find((o) => o.ownerPid === child.pid);
      expect(owned).toBeDefined();
      child.kill('SIGKILL');
      await new Promise((resolve) => child.on('exit', resolve));
      await sleep(200);
      expect(isAlive(owned!.postgresPid)).toBe(true); // orphaned, as SIGKILL leaves it
      const reaped = await reapStale(home);
      expect(reaped).toBeGreaterThanOrEqual(1);
      expect(isAlive(owned!.postgresPid)).toBe(false);
      expect(dirs.filter((d) => existsSync(d))).toEqual([]);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});
