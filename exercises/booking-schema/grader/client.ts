// How checks and probes talk to a design: POST /rpc/<method> with the argument object, through the
// design's own server and connection pool, and the reference answers for the loaded dataset.
import type { Endpoint, ProbeContext } from '@faultline/kit';
import { make, type DatasetName } from '../dataset/index.js';
import { Oracle } from './oracle.js';

export type Outcome<T> = { ok: true; value: T; ms: number } | { ok: false; status: number; code: string; detail: string; ms: number };

export async function call<T>(endpoint: Endpoint, method: string, args: unknown, timeoutMs = 30_000): Promise<Outcome<T>> {
  const response = await endpoint.post<unknown>(`/rpc/${method}`, args, { timeoutMs });
  if (response.status === 200) return { ok: true, value: response.body as T, ms: response.ms };
  const body = (typeof response.body === 'object' && response.body !== null ? response.body : {}) as { code?: unknown; detail?: unknown; title?: unknown };
  return { ok: false, status: response.status, code: typeof body.code === 'string' ? body.code : `(no code; HTTP ${response.status})`, detail: String(body.detail ?? body.title ?? response.text.slice(0, 300)), ms: response.ms };
}

/** The method's result, or an error naming the call and what came back. */
export async function value<T>(endpoint: Endpoint, method: string, args: unknown): Promise<T> {
  const outcome = await call<T>(endpoint, method, args);
  if (!outcome.ok) throw new Error(`${method}(${JSON.stringify(args)}) was refused: ${outcome.code}: ${outcome.detail}`);
  return outcome.value;
}

/** The call must be refused with `code`. */
export async function refused(endpoint: Endpoint, method: string, args: unknown, code: string): Promise<void> {
  const outcome = await call(endpoint, method, args);
  if (outcome.ok) throw new Error(`${method}(${JSON.stringify(args)}) succeeded; it must be refused with "${code}"`);
  if (outcome.code !== code) throw new Error(`${method}(${JSON.stringify(args)}) was refused with "${outcome.code}" (${outcome.detail}); it must be "${code}"`);
}

const oracles = new Map<string, Oracle>();

/** The reference answers for the dataset the kit loaded. */
export function oracleFor(ctx: ProbeContext): Oracle {
  const name = datasetName(ctx);
  let oracle = oracles.get(name);
  if (!oracle) {
    oracle = new Oracle(make(name));
    oracles.set(name, oracle);
  }
  return oracle;
}

export function datasetName(ctx: ProbeContext): DatasetName {
  if (!ctx.database) throw new Error('this check needs the kit to load the dataset: run verify without --url');
  return ctx.database.dataset.name as DatasetName;
}

/** A readable first difference between two JSON values. */
export function difference(actual: unknown, expected: unknown, path = ''): string | null {
  if (Object.is(actual, expected)) return null;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path || 'result'}: expected a list, got ${JSON.stringify(actual)?.slice(0, 120)}`;
    for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
      if (i >= actual.length) return `${path}[${i}]: missing; expected ${JSON.stringify(expected[i])?.slice(0, 200)} (got ${actual.length} rows, expected ${expected.length})`;
      if (i >= expected.length) return `${path}[${i}]: unexpected ${JSON.stringify(actual[i])?.slice(0, 200)} (got ${actual.length} rows, expected ${expected.length})`;
      const d = difference(actual[i], expected[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null) return `${path || 'result'}: expected an object, got ${JSON.stringify(actual)?.slice(0, 120)}`;
    for (const key of Object.keys(expected)) {
      const d = difference((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
      if (d) return d;
    }
    return null;
  }
  return `${path || 'result'}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

export function assertSame(actual: unknown, expected: unknown, what: string): void {
  const d = difference(actual, expected);
  if (d) throw new Error(`${what}: ${d}`);
}
