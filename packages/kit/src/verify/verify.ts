import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { openPostgres, type PostgresServer } from '../db/postgres.js';
import type { Exercise, FaultSpec } from '../exercises/types.js';
import { HeapInspector } from '../probes/heap.js';
import { Endpoint } from '../probes/http.js';
import { compileExercise, importCompiled } from '../probes/loader.js';
import { StatementCounter } from '../probes/statements.js';
import type { FunctionalCheck, Probe, ProbeContext, ProbeMeasurement } from '../probes/types.js';
import { summarise, type FaultResult, type FunctionalResult, type VerifyReport } from '../report/report.js';
import { reapStaleProcesses } from '../supervisor/pidfiles.js';
import type { ServiceInstance } from '../supervisor/service.js';
import { messageOf } from '../util/errors.js';
import { withTimeout } from '../util/process.js';
import { buildTarget, openSession, type ServiceSession } from './session.js';
import { prepareTarget, type TargetRequest } from './target.js';

export interface VerifyOptions {
  exercise: Exercise;
  target: TargetRequest;
  home: string;
  /** Reuse a running server (selftest); otherwise one is opened and closed here. */
  server?: PostgresServer;
  progress?: (message: string) => void;
}

const CHECK_TIMEOUT_MS = 20_000;
const PROBE_TIMEOUT_MS = 90_000;

export async function loadProbes(exercise: Exercise, home: string): Promise<Map<string, Probe>> {
  const compiled = await compileExercise(exercise.dir, home);
  const probes = new Map<string, Probe>();
  for (const fault of exercise.faults) probes.set(fault.id, await importCompiled<Probe>(exercise.dir, compiled, fault.probeFile));
  return probes;
}

export async function loadChecks(exercise: Exercise, home: string): Promise<FunctionalCheck[]> {
  if (!exercise.functionalFile) return [];
  const compiled = await compileExercise(exercise.dir, home);
  return importCompiled<FunctionalCheck[]>(exercise.dir, compiled, exercise.functionalFile);
}

export async function verify(options: VerifyOptions): Promise<VerifyReport> {
  const { exercise, home } = options;
  const progress = options.progress ?? (() => undefined);
  const startedAt = new Date();
  const runId = `${startedAt.toISOString().replace(/[:.]/g, '-')}-${randomBytes(2).toString('hex')}`;
  await reapStaleProcesses(home);
  const probes = await loadProbes(exercise, home);
  const checks = await loadChecks(exercise, home);

  const target = prepareTarget(exercise, options.target, home);
  const server = options.server ?? (await openPostgres(home));
  let session: ServiceSession | undefined;
  try {
    await buildTarget({ exercise, target, home, progress }, join(home, `build-${runId}.log`));
    session = await openSession({ exercise, target, server, home, runId, progress });
    const needed = Math.max(1, ...[...probes.values()].map((p) => p.instances ?? 1));
    for (let i = 0; i < needed; i++) await session.ensureInstance(i);

    const functional = await runChecks(checks, session, server, progress);
    const faults: FaultResult[] = [];
    for (const fault of exercise.faults) {
      const probe = probes.get(fault.id);
      if (probe) faults.push(await runProbe(fault, probe, session, server, progress));
    }
    return {
      version: 1,
      exercise: exercise.id,
      target: { kind: target.kind, path: target.label, fixes: target.fixes },
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - startedAt.getTime(),
      database: server.kind,
      faults,
      functional,
      summary: summarise(faults),
    };
  } finally {
    await session?.close();
    if (!options.server) await server.stop();
    target.dispose();
  }
}

async function contextFor(session: ServiceSession, server: PostgresServer, count: number, progress: (m: string) => void): Promise<{ ctx: ProbeContext; dispose: () => void }> {
  const running: ServiceInstance[] = [];
  for (let i = 0; i < count; i++) running.push(await session.ensureInstance(i));
  const endpoints = running.map((instance) => new Endpoint(instance.name, instance.url));
  const counter = new StatementCounter(server.adminUrl, session.database.database, session.database.role);
  let inspector: HeapInspector | undefined;
  const primary = endpoints[0];
  if (!primary) throw new Error('no running instance');
  const ctx: ProbeContext = {
    instances: endpoints,
    primary,
    countStatements: (action) => {
      if (!server.statementStats) {
        throw new Error('pg_stat_statements is not available on this PostgreSQL server: preload it (shared_preload_libraries) or unset DATABASE_URL to use the embedded server');
      }
      return counter.countDuring(action);
    },
    heap: async () => {
      const url = running[0]?.inspectorUrl;
      if (!url) throw new Error('the primary instance has no inspector (its start command must be `node …`)');
      inspector ??= await HeapInspector.connect(url);
      return inspector;
    },
    simultaneously: (actions) => Promise.all(actions.map((action) => action())),
    note: (message) => progress(`  ${message}`),
  };
  return { ctx, dispose: () => inspector?.close() };
}

async function runChecks(checks: FunctionalCheck[], session: ServiceSession, server: PostgresServer, progress: (m: string) => void): Promise<FunctionalResult> {
  const result: FunctionalResult = { passed: 0, failed: 0, failures: [] };
  if (checks.length === 0) return result;
  progress(`functional suite (${checks.length} checks)…`);
  for (const check of checks) {
    const { ctx, dispose } = await contextFor(session, server, 1, progress);
    try {
      await withTimeout(check.run(ctx), CHECK_TIMEOUT_MS, `check "${check.name}"`);
      result.passed++;
    } catch (error) {
      result.failed++;
      result.failures.push({ name: check.name, message: messageOf(error) });
    } finally {
      dispose();
    }
  }
  return result;
}

async function runProbe(fault: FaultSpec, probe: Probe, session: ServiceSession, server: PostgresServer, progress: (m: string) => void): Promise<FaultResult> {
  const started = Date.now();
  progress(`probe ${fault.id}…`);
  const base = { id: fault.id, kind: fault.kind, title: fault.title };
  const metric = { name: probe.metric.name, threshold: probe.metric.threshold, unit: probe.metric.unit };
  try {
    const measured = await measureProbe(probe, session, server, progress);
    return {
      ...base,
      verdict: measured.value >= probe.metric.threshold ? 'present' : 'fixed',
      metric: { ...metric, value: measured.value },
      evidence: measured.evidence,
      durationMs: Date.now() - started,
      ...(measured.series ? { series: measured.series } : {}),
    };
  } catch (error) {
    // A crash shows first as a failed request; give the exit event a moment to arrive.
    for (let waited = 0; waited < 1000 && !session.instances.some((i) => i.exitReason()); waited += 50) await sleep(50);
    const crashed = session.instances.find((instance) => instance.exitReason());
    const tail = crashed ? `\n--- last lines of ${crashed.logFile} ---\n${crashed.logTail(15)}` : '';
    return { ...base, verdict: 'error', metric: { ...metric, value: null }, evidence: `${messageOf(error)}${tail}`, durationMs: Date.now() - started };
  }
}

/** Runs a probe once against a running session; throws when it fails or an instance dies. */
export async function measureProbe(probe: Probe, session: ServiceSession, server: PostgresServer, progress: (m: string) => void): Promise<ProbeMeasurement> {
  const context = await contextFor(session, server, probe.instances ?? 1, progress);
  try {
    const measured = await withTimeout(probe.run(context.ctx), probe.timeoutMs ?? PROBE_TIMEOUT_MS, 'the probe');
    const crashed = session.instances.find((instance) => instance.exitReason());
    if (crashed) throw new Error(`${crashed.name} ${crashed.exitReason()} during the probe`);
    return measured;
  } finally {
    context.dispose();
  }
}
