import type { HeapInspector } from './heap.js';
import type { Endpoint } from './http.js';

/** What a probe reports, judged by the kit: `present` when value >= threshold. */
export interface ProbeMetric {
  name: string;
  unit: string;
  threshold: number;
}

export interface ProbeMeasurement {
  value: number;
  /** One or two sentences a reviewer can check: the numbers behind the value. */
  evidence: string;
  /** Points for charts in the HTML report, keyed by series name: [x, y]. */
  series?: Record<string, Array<[number, number]>>;
}

export interface ProbeContext {
  /** Every running instance of the target, all on the same database. */
  readonly instances: readonly Endpoint[];
  /** The first instance; it runs under the inspector. */
  readonly primary: Endpoint;
  /** Values the exercise declares for its checks (e.g. API tokens), overridable from the environment. */
  readonly settings: Readonly<Record<string, string>>;
  /** SQL statements the service ran during `action`, from pg_stat_statements (its database and role only). */
  countStatements(action: () => Promise<unknown>): Promise<number>;
  /** The inspector of the primary instance (heap snapshots). */
  heap(): Promise<HeapInspector>;
  /** Starts every action in the same tick and waits for all of them. */
  simultaneously<T>(actions: ReadonlyArray<() => Promise<T>>): Promise<T[]>;
  /** A line of progress, shown with --verbose and kept in the log. */
  note(message: string): void;
}

export interface Probe {
  metric: ProbeMetric;
  /** Instances of the service the probe needs running (2 for cross-instance races). */
  instances?: number;
  timeoutMs?: number;
  run(ctx: ProbeContext): Promise<ProbeMeasurement>;
}

/** A check of expected behaviour that is not a fault: must pass on the starter and on every fix. */
export interface FunctionalCheck {
  name: string;
  /** Rubric category the report groups by (e.g. functionality, errors, validation, auth, concurrency). */
  category?: string;
  /** Interviewer-only checks are left out of candidate repos; they run in verify all the same. */
  hidden?: boolean;
  run(ctx: ProbeContext): Promise<void>;
}
