import type { Exercise } from '../exercises/types.js';
import { openPostgres } from '../db/postgres.js';
import { loadScenario, runScenario } from '../load/run.js';
import type { LoadSummary } from '../load/types.js';
import type { ProbeMeasurement } from '../probes/types.js';
import { launch } from '../verify/launch.js';
import { sessionRuntime } from '../verify/runtime.js';
import type { VerifyReport } from '../report/report.js';
import { checkSettings, loadProbes, measureProbe, verify } from '../verify/verify.js';

export interface BenchRow {
  metric: string;
  unit: string;
  starter: number;
  fixed: number;
  /** How many times better the fixed target is (∞ when the fixed value is 0). */
  ratio: number;
  better: 'lower' | 'higher';
}

export interface BenchReport {
  version: 1;
  exercise: string;
  startedAt: string;
  durationMs: number;
  rows: BenchRow[];
  raw: Record<'starter' | 'fixed', { probes: Record<string, ProbeMeasurement[]>; scenarios: Record<string, LoadSummary> }>;
  /** Dataset exercises: the full measurement table (starter, with the reference's p95) and the dataset. */
  measurements?: VerifyReport['measurements'];
  dataset?: VerifyReport['dataset'];
}

type Side = BenchReport['raw']['starter'];

function ratio(starter: number, fixed: number, better: 'lower' | 'higher'): number {
  const [worse, best] = better === 'lower' ? [starter, fixed] : [fixed, starter];
  if (best === 0) return worse === 0 ? 1 : Number.POSITIVE_INFINITY;
  return Math.round((worse / best) * 10) / 10;
}

/** Runs the probes and bench scenarios against the starter and against all fixes, in one run. */
export async function bench(exercise: Exercise, home: string, root: string, progress: (m: string) => void, size?: string): Promise<BenchReport> {
  if (exercise.measureFile && exercise.dataset) return benchMeasurements(exercise, home, progress, size ?? 'large');
  const started = Date.now();
  const probes = await loadProbes(exercise);
  const instances = Math.max(1, ...[...probes.values()].map((p) => p.instances ?? 1));
  const server = await openPostgres(home);
  const raw = {} as BenchReport['raw'];
  try {
    for (const side of ['starter', 'fixed'] as const) {
      const launched = await launch(exercise, side === 'starter' ? { kind: 'starter' } : { kind: 'fixes', fixes: exercise.faults }, home, { instances, server, progress });
      const result: Side = { probes: {}, scenarios: {} };
      try {
        for (const fault of exercise.faults) {
          const probe = probes.get(fault.id);
          if (!probe) continue;
          const runs = exercise.bench.repeats[fault.id] ?? 1;
          result.probes[fault.id] = [];
          for (let i = 0; i < runs; i++) {
            progress(`${side}: probe ${fault.id}${runs > 1 ? ` ${i + 1}/${runs}` : ''}`);
            result.probes[fault.id]?.push(await measureProbe(probe, sessionRuntime(launched.session, server), progress, checkSettings(exercise)));
          }
        }
        for (const name of exercise.bench.scenarios) {
          const scenario = await loadScenario(root, exercise, name);
          progress(`${side}: load scenario ${name} (${scenario.defaults.connections} connections, ${scenario.defaults.duration} s)`);
          const url = launched.session.instances[0]?.url ?? '';
          result.scenarios[name] = (await runScenario(scenario, { name, url, connections: scenario.defaults.connections, durationSeconds: scenario.defaults.duration })).summary;
        }
      } finally {
        await launched.close();
      }
      raw[side] = result;
    }
  } finally {
    await server.stop();
  }
  return { version: 1, exercise: exercise.id, startedAt: new Date(started).toISOString(), durationMs: Date.now() - started, rows: rowsFrom(exercise, probes, raw), raw };
}

function rowsFrom(exercise: Exercise, probes: Awaited<ReturnType<typeof loadProbes>>, raw: BenchReport['raw']): BenchRow[] {
  const rows: BenchRow[] = [];
  const add = (metric: string, unit: string, starter: number, fixed: number, better: 'lower' | 'higher' = 'lower') =>
    rows.push({ metric, unit, starter, fixed, ratio: ratio(starter, fixed, better), better });
  for (const fault of exercise.faults) {
    const probe = probes.get(fault.id);
    const s = raw.starter.probes[fault.id] ?? [];
    const f = raw.fixed.probes[fault.id] ?? [];
    if (!probe || !s.length || !f.length) continue;
    for (const [series, points] of Object.entries(s[0]?.series ?? {})) {
      if (points.length > 4) continue; // per-round series are summarised by the value rows below
      for (const [x, y] of points) {
        const fixedPoint = f[0]?.series?.[series]?.find(([fx]) => fx === x);
        if (fixedPoint && x !== 0) add(`${fault.id}: ${series} at ${x}`, '', y, fixedPoint[1]);
      }
    }
    if (s.length === 1) {
      add(`${fault.id}: ${probe.metric.name}`, probe.metric.unit, s[0]?.value ?? 0, f[0]?.value ?? 0);
    } else {
      const present = (runs: ProbeMeasurement[]) => runs.filter((m) => m.value >= probe.metric.threshold).length;
      const total = (runs: ProbeMeasurement[]) => runs.reduce((sum, m) => sum + m.value, 0);
      add(`${fault.id}: runs with the fault (of ${s.length})`, 'runs', present(s), present(f));
      add(`${fault.id}: ${probe.metric.name}, all runs`, probe.metric.unit.replace(/^in \d+ rounds$/, `in ${s.length} runs`), total(s), total(f));
    }
  }
  for (const name of exercise.bench.scenarios) {
    const s = raw.starter.scenarios[name];
    const f = raw.fixed.scenarios[name];
    if (!s || !f) continue;
    add(`${name}: p95 latency`, 'ms', s.latencyMs.p95, f.latencyMs.p95);
    add(`${name}: p50 latency`, 'ms', s.latencyMs.p50, f.latencyMs.p50);
    add(`${name}: throughput`, 'req/s', s.requestsPerSecond, f.requestsPerSecond, 'higher');
  }
  return rows;
}

/**
 * Exercises graded on a dataset: the starter's measurements next to the reference design's, on the
 * same dataset (large by default), measured one after the other in one run.
 */
async function benchMeasurements(exercise: Exercise, home: string, progress: (m: string) => void, size: string): Promise<BenchReport> {
  const started = Date.now();
  const report = await verify({ exercise, home, target: { kind: 'starter' }, progress, size, measureOnly: true });
  const rows: BenchRow[] = [];
  if (report.dataset?.referenceLoadMs !== undefined) {
    rows.push({ metric: `load ${report.dataset.name} dataset`, unit: 's', starter: report.dataset.loadMs / 1000, fixed: report.dataset.referenceLoadMs / 1000, ratio: ratio(report.dataset.loadMs, report.dataset.referenceLoadMs, 'lower'), better: 'lower' });
  }
  for (const row of report.measurements?.rows ?? []) {
    if (row.referenceP95Ms === undefined) continue;
    rows.push({ metric: `${row.label} p95`, unit: 'ms', starter: row.p95Ms, fixed: row.referenceP95Ms, ratio: ratio(row.p95Ms, row.referenceP95Ms, 'lower'), better: 'lower' });
    if (row.serverMs !== undefined && row.referenceServerMs !== undefined) {
      rows.push({ metric: `  same, database time per call (mean)`, unit: 'ms', starter: Math.round(row.serverMs * 100) / 100, fixed: Math.round(row.referenceServerMs * 100) / 100, ratio: ratio(row.serverMs, row.referenceServerMs, 'lower'), better: 'lower' });
    }
  }
  return { version: 1, exercise: exercise.id, startedAt: report.startedAt, durationMs: Date.now() - started, rows, raw: { starter: { probes: {}, scenarios: {} }, fixed: { probes: {}, scenarios: {} } }, measurements: report.measurements, dataset: report.dataset };
}
