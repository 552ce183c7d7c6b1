import { randomBytes } from 'node:crypto';
import { openPostgres, type PostgresServer } from '../db/postgres.js';
import type { DatasetInfo } from '../datasets/datasets.js';
import type { Exercise } from '../exercises/types.js';
import { reapStaleProcesses } from '../supervisor/pidfiles.js';
import { buildLogFile, buildTarget, openSession, type ServiceSession } from './session.js';
import { prepareTarget, type PreparedTarget, type TargetRequest } from './target.js';

export interface Launched {
  server: PostgresServer;
  session: ServiceSession;
  target: PreparedTarget;
  close(): Promise<void>;
}

/** Builds the target, opens a fresh database and starts `instances` instances (0 = database only). */
export async function launch(
  exercise: Exercise,
  request: TargetRequest,
  home: string,
  options: { instances: number; port?: number; server?: PostgresServer; progress?: (m: string) => void; dataset?: DatasetInfo },
): Promise<Launched> {
  const progress = options.progress ?? (() => undefined);
  await reapStaleProcesses(home);
  const runId = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(2).toString('hex')}`;
  const target = prepareTarget(exercise, request, home);
  let server: PostgresServer | undefined;
  let session: ServiceSession | undefined;
  const close = async () => {
    await session?.close();
    if (!options.server) await server?.stop();
    target.dispose();
  };
  try {
    await buildTarget({ exercise, target, home, progress }, buildLogFile(home, runId));
    server = options.server ?? (await openPostgres(home));
    session = await openSession({ exercise, target, server, home, runId, progress, port: options.port, ...(options.dataset ? { dataset: options.dataset } : {}) });
    for (let i = 0; i < options.instances; i++) await session.ensureInstance(i);
    return { server, session, target, close };
  } catch (error) {
    await close();
    throw error;
  }
}
