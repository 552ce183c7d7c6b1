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
  /** The target's database, for exercises graded on a dataset (absent with --url). */
  readonly database?: DatabaseAccess;
}

/** What a load of a dataset into a fresh, migrated copy of the target's database left behind. */
export interface CopyLoad {
  /** The loader exited non-zero (its message), or null. */
  failure: string | null;
  /** SQLSTATEs of the errors the server logged for that database during the load: the database's own refusals. */
  sqlstates: string[];
  /** Rows in the copy after the load, beyond those the migrations wrote. */
  rowsLeft: number;
  durationMs: number;
}

export interface StatementUse {
  statements: number;
  /** Shared buffers hit + read by those statements: work done, independent of timing. */
  blocks: number;
  /** Time the server spent executing them (pg_stat_statements total_exec_time), in ms. */
  execMs: number;
}

export interface DatabaseAccess {
  /** Runs SQL as the server's admin in the target's database. */
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /** Statements and buffers the target used during `action`, from pg_stat_statements (its database and role). */
  measure(action: () => Promise<unknown>): Promise<StatementUse>;
  /** The dataset loaded into the target's database. */
  readonly dataset: { name: string; dir: string; rows: Record<string, number>; loadMs: number };
  /** Loads `dir` with the target's loader into a fresh copy of its migrated, empty database. */
  loadIntoCopy(dir: string): Promise<CopyLoad>;
  /** A folder the probe may write to (datasets with planted rows); removed after the run. */
  readonly scratchDir: string;
  /**
   * Plans of the statements the target ran during each action (auto_explain with ANALYZE and
   * BUFFERS), one list per action; restarts the target's instances to turn it on and off.
   */
  plansDuring(actions: ReadonlyArray<() => Promise<unknown>>): Promise<PlanSummary[][]>;
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

/** What an exercise's `measure:` module exports: timings per operation, measured on a target and on the reference. */
export interface Measurement {
  title: string;
  run(ctx: ProbeContext): Promise<{ rows: Array<{ key: string; label: string; calls: number; p50Ms: number; p95Ms: number; serverMs?: number; targetMs?: number; notes: string[] }>; notes: string[] }>;
}

/** One statement's plan summary, from auto_explain. */
export interface PlanSummary {
  query: string;
  durationMs: number;
  /** Sequential scans: table and rows it read. */
  seqScans: Array<{ table: string; rows: number; tableRows?: number }>;
  /** Every node that read a table (any scan type): rows it read, including those its filters removed. */
  scans: Array<{ node: string; table: string; rows: number; tableRows?: number }>;
  /** Nodes whose estimated rows are ≥ 10× off the actual rows. */
  misestimates: Array<{ node: string; estimated: number; actual: number }>;
}
