import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { copyDatabase, createServiceDatabase, withClient, type PostgresServer, type ServiceDatabase } from '../db/postgres.js';
import type { DatasetInfo } from '../datasets/datasets.js';
import { countRows } from '../probes/database.js';
import type { Exercise } from '../exercises/types.js';
import { startService, type ServiceInstance } from '../supervisor/service.js';
import { runStep } from '../supervisor/step.js';
import { buildEnv, serviceEnv } from './environment.js';
import type { PreparedTarget } from './target.js';

export const STEP_TIMEOUTS = Object.freeze({ installMs: 300_000, buildMs: 120_000, prepareMs: 120_000, startMs: 45_000, loadMs: 300_000 });

/** A built target on its own fresh database, with any number of running instances. */
export interface ServiceSession {
  readonly database: ServiceDatabase;
  readonly instances: ServiceInstance[];
  readonly logDir: string;
  /** The dataset loaded after the migrations, and how long the target's loader took. */
  readonly dataset?: DatasetInfo & { loadMs: number };
  /** Loads `dir` into a fresh copy of the migrated, empty database (integrity probes); the copy is dropped after `inspect`. */
  loadIntoCopy?<T>(dir: string, inspect: (outcome: LoadOutcome) => Promise<T>): Promise<T>;
  /** Starts (or restarts) instance `index`; instance 0 runs under the inspector. */
  ensureInstance(index: number): Promise<ServiceInstance>;
  close(): Promise<void>;
}

export interface SessionOptions {
  exercise: Exercise;
  target: PreparedTarget;
  server: PostgresServer;
  home: string;
  runId: string;
  progress: (message: string) => void;
  port?: number;
  /** Load this dataset after the migrations, with the exercise's `service.load` command. */
  dataset?: DatasetInfo;
}

/** What happened when the target's loader ran on a fresh copy. */
export interface LoadOutcome {
  /** null when the loader exited 0. */
  failure: string | null;
  database: ServiceDatabase;
  durationMs: number;
  /** Rows the migrations wrote (e.g. their own bookkeeping table), before any load. */
  emptyRows: number;
}

export function buildLogFile(home: string, runId: string): string {
  const dir = join(home, 'logs', runId);
  mkdirSync(dir, { recursive: true });
  return join(dir, 'build.log');
}

export async function buildTarget(options: Pick<SessionOptions, 'exercise' | 'target' | 'home' | 'progress'>, logFile: string): Promise<void> {
  const { exercise, target, home, progress } = options;
  if (target.needsInstall) {
    progress('installing the target’s dependencies (pnpm install)…');
    await runStep('install', ['pnpm', 'install', '--prefer-offline', '--ignore-workspace'], { cwd: target.dir, env: buildEnv(), timeoutMs: STEP_TIMEOUTS.installMs, logFile, home });
  }
  progress(`building ${target.label}…`);
  await runStep('build', target.commands?.build ?? exercise.service.build, { cwd: target.dir, env: buildEnv(), timeoutMs: STEP_TIMEOUTS.buildMs, logFile, home });
}

export async function openSession(options: SessionOptions): Promise<ServiceSession> {
  const { exercise, target, server, home, runId, progress } = options;
  const logDir = join(home, 'logs', runId);
  mkdirSync(logDir, { recursive: true });
  const database = await createServiceDatabase(server, exercise.id);
  const env = serviceEnv(database.url, exercise.service.env);
  const instances: ServiceInstance[] = [];
  try {
    progress('migrating and seeding a fresh database…');
    await runStep('prepare', target.commands?.prepare ?? exercise.service.prepare, { cwd: target.dir, env, timeoutMs: STEP_TIMEOUTS.prepareMs, logFile: join(logDir, 'prepare.log'), home });
  } catch (error) {
    await database.drop().catch(() => undefined);
    throw error;
  }
  let template: ServiceDatabase | undefined;
  let emptyRows = 0;
  let loaded: (DatasetInfo & { loadMs: number }) | undefined;
  const loadCommand = exercise.service.load;
  try {
    if (options.dataset && loadCommand) {
      emptyRows = await countRows(database.adminUrl);
      template = await copyWhenIdle(database, 'tmpl');
      progress(`loading the ${options.dataset.name} dataset with the target's loader…`);
      const started = Date.now();
      await runStep('load', [...loadCommand, options.dataset.dir], { cwd: target.dir, env, timeoutMs: STEP_TIMEOUTS.loadMs, logFile: join(logDir, 'load.log'), home });
      loaded = { ...options.dataset, loadMs: Date.now() - started };
      progress(`loaded in ${(loaded.loadMs / 1000).toFixed(1)} s; VACUUM ANALYZE…`);
      await withClient(database.adminUrl, (client) => client.query('VACUUM ANALYZE'));
    }
  } catch (error) {
    await template?.drop().catch(() => undefined);
    await database.drop().catch(() => undefined);
    throw error;
  }
  let copies = 0;
  const loadIntoCopy = template && loadCommand
    ? async <T>(dir: string, inspect: (outcome: LoadOutcome) => Promise<T>): Promise<T> => {
        const copy = await copyWhenIdle(template as ServiceDatabase, `c${++copies}`);
        const started = Date.now();
        let failure: string | null = null;
        try {
          await runStep('load', [...loadCommand, dir], { cwd: target.dir, env: serviceEnv(copy.url, exercise.service.env), timeoutMs: STEP_TIMEOUTS.loadMs, logFile: join(logDir, 'integrity-loads.log'), home });
        } catch (error) {
          failure = error instanceof Error ? error.message : String(error);
        }
        try {
          return await inspect({ failure, database: copy, durationMs: Date.now() - started, emptyRows });
        } finally {
          await copy.drop().catch(() => undefined);
        }
      }
    : undefined;

  const ensureInstance = async (index: number): Promise<ServiceInstance> => {
    const existing = instances[index];
    if (existing && !existing.exitReason()) return existing;
    const name = `${exercise.id}#${index + 1}`;
    progress(`${existing ? 'restarting' : 'starting'} ${name}…`);
    const instance = await startService({
      name,
      cwd: target.dir,
      command: target.commands?.start ?? exercise.service.start,
      env,
      healthPath: exercise.service.health,
      logFile: join(logDir, `instance-${index + 1}.log`),
      home,
      startTimeoutMs: STEP_TIMEOUTS.startMs,
      inspect: index === 0,
      // A restart keeps the port, so clients that hold the instance's URL keep working.
      port: existing ? Number(new URL(existing.url).port) : index === 0 ? options.port : undefined,
    });
    instances[index] = instance;
    return instance;
  };

  return {
    database,
    instances,
    logDir,
    ...(loaded ? { dataset: loaded } : {}),
    ...(loadIntoCopy ? { loadIntoCopy } : {}),
    ensureInstance,
    async close() {
      await Promise.all(instances.map((instance) => instance.stop()));
      await template?.drop().catch(() => undefined);
      await database.drop().catch(() => undefined);
    },
  };
}

/** CREATE DATABASE … TEMPLATE needs the source idle; backends of a process that just exited may linger a moment. */
export async function copyWhenIdle(base: ServiceDatabase, suffix: string): Promise<ServiceDatabase> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await copyDatabase(base, suffix);
    } catch (error) {
      if (attempt >= 50 || !/being accessed by other users/.test(String(error))) throw error;
      await sleep(100);
    }
  }
}
