import type { FaultKind } from '../exercises/types.js';

export type Verdict = 'present' | 'fixed' | 'error';

export interface FaultResult {
  id: string;
  kind: FaultKind;
  title: string;
  verdict: Verdict;
  metric: { name: string; value: number | null; threshold: number; unit: string };
  evidence: string;
  durationMs: number;
  series?: Record<string, Array<[number, number]>>;
}

export interface FunctionalResult {
  passed: number;
  failed: number;
  failures: Array<{ name: string; message: string; category?: string }>;
  /** Present when the checks declare rubric categories. */
  byCategory?: Record<string, { passed: number; failed: number }>;
}

/** The versioned JSON report; other tools read it, so fields are only ever added. */
export interface VerifyReport {
  version: 1;
  exercise: string;
  target: { kind: 'starter' | 'fixes' | 'candidate' | 'url'; path: string; fixes: string[] };
  startedAt: string;
  durationMs: number;
  database: 'embedded' | 'external' | 'none';
  faults: FaultResult[];
  functional: FunctionalResult;
  summary: { present: number; fixed: number; errors: number };
  /** Exercises graded on a dataset: which one, and how long the target's loader took. */
  dataset?: { name: string; rows: Record<string, number>; loadMs: number; referenceLoadMs?: number };
  /** Measured figures that inform but do not decide (performance next to the reference). */
  measurements?: MeasurementSection;
  /** A candidate folder that is a git clone: its commits, oldest first (what landed when). */
  commits?: CommitRecord[];
}

export interface CommitRecord {
  hash: string;
  /** ISO 8601 author date. */
  at: string;
  subject: string;
  filesChanged: number;
  insertions: number;
  deletions: number;
  /** The exercise as `faultline export` handed it out (its author), not the candidate's work. */
  handedOut?: boolean;
}

export interface MeasurementRow {
  key: string;
  label: string;
  calls: number;
  p50Ms: number;
  p95Ms: number;
  /** The reference design's p95 in the same run, when it was measured. */
  referenceP95Ms?: number;
  /** Mean time the database server spent executing the call's statements (no network, no application). */
  serverMs?: number;
  referenceServerMs?: number;
  /** A provisional target; over it is reported, not failed. */
  targetMs?: number;
  /** Plan findings: sequential scans of big tables, row estimates far off. */
  notes: string[];
}

export interface MeasurementSection {
  title: string;
  rows: MeasurementRow[];
  notes: string[];
}

export function summarise(faults: readonly FaultResult[]): VerifyReport['summary'] {
  return {
    present: faults.filter((f) => f.verdict === 'present').length,
    fixed: faults.filter((f) => f.verdict === 'fixed').length,
    errors: faults.filter((f) => f.verdict === 'error').length,
  };
}

/** 0 when the expectation holds and the functional suite is green, 1 otherwise. */
export function exitCodeFor(report: VerifyReport, expect: 'fixed' | 'present'): 0 | 1 {
  if (report.functional.failed > 0) return 1;
  return report.faults.every((f) => f.verdict === expect) ? 0 : 1;
}
