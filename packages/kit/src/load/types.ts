import type { Endpoint } from '../probes/http.js';

/** One autocannon request template (see autocannon's `requests` option). */
export interface LoadRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadPlan {
  /** Requests dealt out round-robin across all connections: each is sent once per cycle of the list. */
  requests: LoadRequest[];
  /** Stop after this many requests in total (otherwise after the duration). */
  amount?: number;
}

/**
 * A load scenario file, `load-tests/<exercise>/<name>.scenario.mjs`, default-exports this.
 * `setup` creates what the scenario needs through the public API; `check` reads the outcome
 * afterwards (e.g. stock left versus orders accepted) and returns lines for the summary.
 */
export interface LoadScenario<Context = unknown> {
  description: string;
  defaults: { connections: number; duration: number };
  setup(api: Endpoint): Promise<Context>;
  plan(context: Context): LoadPlan;
  check?(api: Endpoint, context: Context, result: LoadSummary): Promise<string[]>;
}

export interface LoadSummary {
  scenario: string;
  url: string;
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCounts: Record<string, number>;
}
