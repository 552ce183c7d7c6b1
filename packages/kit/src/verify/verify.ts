import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { openPostgres, type PostgresServer } from '../db/postgres.js';
import type { Exercise, FaultSpec } from '../exercises/types.js';
import { ensureDataset, type DatasetInfo } from '../datasets/datasets.js';
import { compileExercise, importCompiled } from '../probes/loader.js';
import type { FunctionalCheck, Measurement, Probe, ProbeMeasurement } from '../probes/types.js';
import { commitsOf } from '../report/commits.js';
import { summarise, type FaultResult, type FunctionalResult, type MeasurementSection, type VerifyReport } from '../report/report.js';
import { reapStaleProcesses } from '../supervisor/pidfiles.js';
import { messageOf, UsageError } from '../util/errors.js';
import { withTimeout } from '../util/process.js';
import { sessionRuntime, urlRuntime, type Runtime } from './runtime.js';
import { buildLogFile, buildTarget, openSession, type ServiceSession } from './session.js';
import { prepareTarget, type TargetRequest } from './target.js';

export interface VerifyOptions {
  exercise: Exercise;
  /** What to verify; `{ kind: 'url' }` runs against a server someone else started. */
  target: TargetRequest | { kind: 'url'; url: string };
  home: string;
  /** Reuse a running server (selftest); otherwise one is opened and closed here. */
  server?: PostgresServer;
  /** Follow-up tasks whose hidden checks join the functional suite (category "follow-up: <name>"). */
  followUps?: readonly string[];
  /** Stop the functional suite at its first failure (mutation testing). */
  bail?: boolean;
  /** Run the functional suite only, no probes. */
  checksOnly?: boolean;
  progress?: (message: string) => void;
  /** The dataset to grade on (exercises with a dataset); default: the exercise's. */
  size?: string;
  /** Run the exercise's measurements (and the reference's, side by side); default true. */
  measure?: boolean;
  /** Only load and measure (the bench): no functional suite, no probes. */
  measureOnly?: boolean;
}

const CHECK_TIMEOUT_MS = 20_000;
const PROBE_TIMEOUT_MS = 90_000;

export async function loadProbes(exercise: Exercise): Promise<Map<string, Probe>> {
  const compiled = await compileExercise(exercise.dir);
  const probes = new Map<string, Probe>();
  for (const fault of exercise.faults) probes.set(fault.id, await importCompiled<Probe>(exercise.dir, compiled, fault.probeFile));
  return probes;
}

export async function loadChecks(exercise: Exercise): Promise<FunctionalCheck[]> {
  if (!exercise.functionalFile) return [];
  const compiled = await compileExercise(exercise.dir);
  return importCompiled<FunctionalCheck[]>(exercise.dir, compiled, exercise.functionalFile);
}

export async function loadFollowUpChecks(exercise: Exercise, names: readonly string[]): Promise<FunctionalCheck[]> {
  if (names.length === 0) return [];
  const compiled = await compileExercise(exercise.dir);
  const checks: FunctionalCheck[] = [];
  for (const name of names) {
    const followUp = exercise.followUps[name];
    if (!followUp) {
      const known = Object.keys(exercise.followUps);
      throw new UsageError(`exercise ${exercise.id} has no follow-up "${name}"${known.length ? `: its follow-ups are ${known.join(', ')}` : ''}`);
    }
    const own = await importCompiled<FunctionalCheck[]>(exercise.dir, compiled, followUp.checksFile);
    checks.push(...own.map((check) => ({ ...check, category: `follow-up: ${name}`, hidden: true })));
  }
  return checks;
}

/** The exercise's check settings, each overridable by an environment variable of the same name. */
export function checkSettings(exercise: Exercise, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(Object.entries(exercise.checkSettings).map(([name, value]) => [name, env[name] ?? value]));
}

export async function verify(options: VerifyOptions): Promise<VerifyReport> {
  const { exercise, home } = options;
  const progress = options.progress ?? (() => undefined);
  const startedAt = new Date();
  const runId = `${startedAt.toISOString().replace(/[:.]/g, '-')}-${randomBytes(2).toString('hex')}`;
  await reapStaleProcesses(home);
  const probes = options.checksOnly || options.measureOnly ? new Map<string, Probe>() : await loadProbes(exercise);
  const checks = options.measureOnly ? [] : [...(await loadChecks(exercise)), ...(await loadFollowUpChecks(exercise, options.followUps ?? []))];
  const finish = (runtime: Runtime, target: VerifyReport['target'], database: VerifyReport['database']) =>
    runAll(exercise, probes, checks, runtime, progress, options.bail ?? false).then(({ faults, functional }) => ({
      version: 1 as const,
      exercise: exercise.id,
      target,
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - startedAt.getTime(),
      database,
      faults,
      functional,
      summary: summarise(faults),
    }));

  if (options.target.kind === 'url') {
    return finish(urlRuntime(options.target.url), { kind: 'url', path: options.target.url, fixes: [] }, 'none');
  }
  const dataset = exercise.dataset ? await ensureDataset(exercise, options.size, home, progress) : undefined;
  if (!exercise.dataset && options.size) throw new UsageError(`--size: exercise ${exercise.id} is not graded on a dataset`);
  const target = prepareTarget(exercise, options.target, home);
  let server: PostgresServer | undefined;
  let session: ServiceSession | undefined;
  let runtime: Runtime | undefined;
  try {
    await buildTarget({ exercise, target, home, progress }, buildLogFile(home, runId));
    server = options.server ?? (await openPostgres(home));
    session = await openSession({ exercise, target, server, home, runId, progress, ...(dataset ? { dataset } : {}) });
    const needed = Math.max(1, ...[...probes.values()].map((p) => p.instances ?? 1));
    for (let i = 0; i < needed; i++) await session.ensureInstance(i);
    runtime = sessionRuntime(session, server);
    const report: VerifyReport = await finish(runtime, { kind: target.kind, path: target.label, fixes: target.fixes }, server.kind);
    if (session.dataset) report.dataset = { name: session.dataset.name, rows: session.dataset.rows, loadMs: session.dataset.loadMs };
    if (options.target.kind === 'candidate') {
      const commits = commitsOf(options.target.dir);
      if (commits.length) report.commits = commits;
    }
    if (exercise.measureFile && options.measure !== false && !options.checksOnly) {
      const measurement = await loadMeasurement(exercise);
      progress(`measuring: ${measurement.title}…`);
      const own = await measureWith(measurement, runtime, exercise, progress);
      const isReference = target.kind === 'fixes' && target.fixes.length === exercise.faults.length && !(options.target.kind === 'fixes' && options.target.patches?.length);
      const reference = isReference ? undefined : await measureReference(exercise, measurement, dataset, server, home, runId, progress);
      report.measurements = mergeMeasurements(measurement.title, own, reference?.result);
      if (report.dataset && reference) report.dataset.referenceLoadMs = reference.loadMs;
      report.durationMs = Date.now() - startedAt.getTime();
    }
    return report;
  } finally {
    runtime?.dispose();
    await session?.close();
    if (!options.server) await server?.stop();
    target.dispose();
  }
}

async function loadMeasurement(exercise: Exercise): Promise<Measurement> {
  const compiled = await compileExercise(exercise.dir);
  return importCompiled<Measurement>(exercise.dir, compiled, exercise.measureFile ?? '');
}

type MeasuredRows = Awaited<ReturnType<Measurement['run']>>;

async function measureWith(measurement: Measurement, runtime: Runtime, exercise: Exercise, progress: (m: string) => void): Promise<MeasuredRows> {
  const { ctx, dispose } = await runtime.context(1, checkSettings(exercise), (m) => progress(`  ${m}`));
  try {
    return await measurement.run(ctx);
  } finally {
    dispose();
  }
}

/** The same measurement on the reference design (every fix), on its own database loaded with the same dataset. */
async function measureReference(exercise: Exercise, measurement: Measurement, dataset: DatasetInfo | undefined, server: PostgresServer, home: string, runId: string, progress: (m: string) => void): Promise<{ result: MeasuredRows; loadMs: number | undefined }> {
  const target = prepareTarget(exercise, { kind: 'fixes', fixes: exercise.faults }, home);
  let session: ServiceSession | undefined;
  let runtime: Runtime | undefined;
  try {
    progress('the reference design, for comparison:');
    await buildTarget({ exercise, target, home, progress }, buildLogFile(home, `${runId}-reference`));
    session = await openSession({ exercise, target, server, home, runId: `${runId}-reference`, progress, ...(dataset ? { dataset } : {}) });
    await session.ensureInstance(0);
    runtime = sessionRuntime(session, server);
    const result = await measureWith(measurement, runtime, exercise, progress);
    return { result, loadMs: session.dataset?.loadMs };
  } finally {
    runtime?.dispose();
    await session?.close();
    target.dispose();
  }
}

function mergeMeasurements(title: string, own: MeasuredRows, reference: MeasuredRows | undefined): MeasurementSection {
  return {
    title,
    rows: own.rows.map((row) => {
      const ref = reference?.rows.find((r) => r.key === row.key);
      return { ...row, ...(ref ? { referenceP95Ms: ref.p95Ms } : {}), ...(ref?.serverMs !== undefined ? { referenceServerMs: ref.serverMs } : {}) };
    }),
    notes: own.notes,
  };
}

async function runAll(exercise: Exercise, probes: Map<string, Probe>, checks: FunctionalCheck[], runtime: Runtime, progress: (m: string) => void, bail: boolean) {
  const settings = checkSettings(exercise);
  const functional = await runChecks(checks, runtime, settings, progress, bail);
  const faults: FaultResult[] = [];
  for (const fault of exercise.faults) {
    const probe = probes.get(fault.id);
    if (probe) faults.push(await runProbe(fault, probe, runtime, settings, progress));
  }
  return { functional, faults };
}

async function runChecks(checks: FunctionalCheck[], runtime: Runtime, settings: Record<string, string>, progress: (m: string) => void, bail = false): Promise<FunctionalResult> {
  const result: FunctionalResult = { passed: 0, failed: 0, failures: [] };
  if (checks.length === 0) return result;
  progress(`functional suite (${checks.length} checks)…`);
  const byCategory: Record<string, { passed: number; failed: number }> = {};
  for (const check of checks) {
    const tally = check.category ? (byCategory[check.category] ??= { passed: 0, failed: 0 }) : undefined;
    const { ctx, dispose } = await runtime.context(1, settings, (m) => progress(`  ${m}`));
    try {
      await withTimeout(check.run(ctx), CHECK_TIMEOUT_MS, `check "${check.name}"`);
      result.passed++;
      if (tally) tally.passed++;
    } catch (error) {
      result.failed++;
      if (tally) tally.failed++;
      result.failures.push({ name: check.name, message: messageOf(error), ...(check.category ? { category: check.category } : {}) });
      if (bail) break;
    } finally {
      dispose();
    }
  }
  if (Object.keys(byCategory).length > 0) result.byCategory = byCategory;
  return result;
}

async function runProbe(fault: FaultSpec, probe: Probe, runtime: Runtime, settings: Record<string, string>, progress: (m: string) => void): Promise<FaultResult> {
  const started = Date.now();
  progress(`probe ${fault.id}…`);
  const base = { id: fault.id, kind: fault.kind, title: fault.title };
  const metric = { name: probe.metric.name, threshold: probe.metric.threshold, unit: probe.metric.unit };
  try {
    const measured = await measureProbe(probe, runtime, progress, settings);
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
    for (let waited = 0; waited < 1000 && !runtime.anyExited(); waited += 50) await sleep(50);
    const crashed = runtime.crashed();
    const tail = crashed ? `\n--- last lines of ${crashed.logFile} ---\n${crashed.logTail(15)}` : '';
    return { ...base, verdict: 'error', metric: { ...metric, value: null }, evidence: `${messageOf(error)}${tail}`, durationMs: Date.now() - started };
  }
}

/** Runs a probe once; throws when it fails or an instance dies meanwhile. */
export async function measureProbe(probe: Probe, runtime: Runtime, progress: (m: string) => void, settings: Record<string, string> = {}): Promise<ProbeMeasurement> {
  const context = await runtime.context(probe.instances ?? 1, settings, (m) => progress(`  ${m}`));
  try {
    const measured = await withTimeout(probe.run(context.ctx), probe.timeoutMs ?? PROBE_TIMEOUT_MS, 'the probe');
    const crashed = runtime.crashed();
    if (crashed) throw new Error(`${crashed.name} ${crashed.exitReason()} during the probe`);
    return measured;
  } finally {
    context.dispose();
  }
}
