import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createServiceDatabase, type PostgresServer, type ServiceDatabase } from '../db/postgres.js';
import type { Exercise } from '../exercises/types.js';
import { startService, type ServiceInstance } from '../supervisor/service.js';
import { runStep } from '../supervisor/step.js';
import { buildEnv, serviceEnv } from './environment.js';
import type { PreparedTarget } from './target.js';

export const STEP_TIMEOUTS = Object.freeze({ installMs: 300_000, buildMs: 120_000, prepareMs: 120_000, startMs: 45_000 });

/** A built target on its own fresh database, with any number of running instances. */
export interface ServiceSession {
  readonly database: ServiceDatabase;
  readonly instances: ServiceInstance[];
  readonly logDir: string;
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
      port: index === 0 ? options.port : undefined,
    });
    instances[index] = instance;
    return instance;
  };

  return {
    database,
    instances,
    logDir,
    ensureInstance,
    async close() {
      await Promise.all(instances.map((instance) => instance.stop()));
      await database.drop().catch(() => undefined);
    },
  };
}
