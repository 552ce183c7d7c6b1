import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Exercise } from '../exercises/types.js';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { Endpoint } from '../probes/http.js';
import { UsageError } from '../util/errors.js';
import type { LoadScenario, LoadSummary } from './types.js';

const SUFFIX = '.scenario.mjs';

/** Where an exercise's scenarios live: load-tests/<exercise>/, or `loadTests:` in exercise.yaml (exported repos). */
export function scenarioDir(root: string, exercise: Pick<Exercise, 'id' | 'loadTestsDir'>): string {
  return exercise.loadTestsDir ?? join(root, 'load-tests', exercise.id);
}

export function scenarioNames(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(SUFFIX)).map((f) => f.slice(0, -SUFFIX.length)).sort();
}

export async function loadScenario(root: string, exercise: Pick<Exercise, 'id' | 'loadTestsDir'>, name: string): Promise<LoadScenario> {
  const dir = scenarioDir(root, exercise);
  const file = join(dir, `${name}${SUFFIX}`);
  if (!existsSync(file)) {
    const known = scenarioNames(dir);
    throw new UsageError(`no load scenario "${name}" for ${exercise.id}: known scenarios are ${known.join(', ') || '(none)'} (files ${relative(process.cwd(), dir) || '.'}/*${SUFFIX})`);
  }
  const module = (await import(pathToFileURL(file).href)) as { default?: LoadScenario };
  if (!module.default?.plan) throw new UsageError(`${file}: must default-export a scenario with setup() and plan()`);
  return module.default;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

export interface RunOptions {
  name: string;
  url: string;
  connections: number;
  durationSeconds: number;
  onTick?: (second: number, requestsSoFar: number) => void;
}

/** Runs one scenario with autocannon against `url`; latencies are collected per response for exact percentiles. */
export async function runScenario(scenario: LoadScenario, options: RunOptions): Promise<{ summary: LoadSummary; checks: string[] }> {
  const api = new Endpoint('target', options.url, 30_000);
  const context = await scenario.setup(api);
  const plan = scenario.plan(context);
  if (plan.requests.length === 0) throw new Error(`scenario ${options.name} planned no requests`);
  const templates = plan.requests.map((r) => ({
    method: r.method ?? 'GET',
    path: r.path,
    headers: { accept: 'application/json', ...(r.body ? { 'content-type': 'application/json' } : {}), ...r.headers },
    ...(r.body ? { body: r.body } : {}),
  }));
  let cursor = 0;
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  let second = 0;
  let total = 0;
  let resolveResult: (result: autocannon.Result) => void = () => undefined;
  let rejectResult: (error: Error) => void = () => undefined;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    resolveResult = resolve;
    rejectResult = reject;
  });
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    ...(plan.amount ? { amount: plan.amount } : {}),
    // One template whose setupRequest hands out the plan's requests round-robin across all
    // connections (autocannon would otherwise start every connection at the first entry, so
    // C connections would repeat each path C times).
    requests: [
      {
        setupRequest: (request: autocannon.Request) => ({ ...request, ...templates[cursor++ % templates.length] }) as autocannon.Request,
      },
    ],
    timeout: 10,
  }, (error, result) => (error ? rejectResult(error) : resolveResult(result)));
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
  });
  (instance as unknown as NodeJS.EventEmitter).on('tick', (tick: { counter: number }) => {
    second++;
    total += tick.counter;
    if (second <= options.durationSeconds) options.onTick?.(second, total);
  });
  const result = await finished;
  latencies.sort((a, b) => a - b);
  const requests = latencies.length;
  const elapsed = Math.max(0.001, result.duration);
  const summary: LoadSummary = {
    scenario: options.name,
    url: options.url,
    connections: options.connections,
    durationSeconds: Math.round(elapsed * 10) / 10,
    requests,
    requestsPerSecond: Math.round((requests / elapsed) * 10) / 10,
    latencyMs: {
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies[latencies.length - 1] ?? 0),
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCounts,
  };
  const checks = scenario.check ? await scenario.check(api, context, summary) : [];
  return { summary, checks };
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export function renderSummary(summary: LoadSummary, checks: string[]): string {
  const statuses = Object.entries(summary.statusCounts).map(([s, n]) => `${n} × ${s}`).join(', ') || 'none';
  return [
    `scenario ${summary.scenario} against ${summary.url}: ${summary.connections} connections, ${summary.durationSeconds} s`,
    `  requests   ${summary.requests} (${summary.requestsPerSecond} req/s)`,
    `  latency    p50 ${summary.latencyMs.p50} ms · p95 ${summary.latencyMs.p95} ms · p99 ${summary.latencyMs.p99} ms · max ${summary.latencyMs.max} ms`,
    `  statuses   ${statuses}`,
    `  errors     ${summary.errors} (timeouts ${summary.timeouts}) · non-2xx ${summary.non2xx}`,
    ...checks.map((line) => `  ${line}`),
  ].join('\n');
}
