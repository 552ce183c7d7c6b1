export type Activity = 'api' | 'database' | 'architecture' | 'debugging';
export type FaultKind = 'logic' | 'performance' | 'memory' | 'concurrency' | 'security' | 'design' | 'feature';
export type Level = 'junior' | 'mid' | 'senior';

export interface LevelSpec {
  /** Faults a candidate at this level gets; the others are pre-fixed on export. */
  faults: string[];
  minutes: number;
  hints: 'on-request' | 'after-20-min' | 'none';
}

export interface ServiceSpec {
  /** Commands are argv arrays run in the target folder; `node` means the kit's own Node. */
  build: string[];
  prepare: string[];
  start: string[];
  /** Loads a dataset: the kit appends the dataset folder (exercises with a `dataset:`). */
  load?: string[];
  health: string;
  docs?: string;
  env: Record<string, string>;
}

export interface FaultSpec {
  id: string;
  kind: FaultKind;
  title: string;
  symptom: string;
  cause: string;
  fix: string;
  verify: string;
  hints: string[];
  /** Plausible wrong fixes; those with a patch are proven by the selftest to leave the fault present. */
  traps: { fix: string; why: string; patchFile?: string }[];
  /** Variants (starters) the fault is planted in; empty = every variant. */
  variants: string[];
  /** Faults whose fixes this fix builds on (capabilities built in steps); applied first, in exercise order. */
  requires: string[];
  dir: string;
  patchFile: string;
  probeFile: string;
}

export interface Exercise {
  id: string;
  title: string;
  activity: Activity;
  summary: string;
  stack: string[];
  duration: string;
  /** The starter selected (exercises with several starters), and all of them. */
  variant: string | undefined;
  variants: string[];
  /** When the functional suite must pass in the selftest: in every cell, or only with all fixes (starters that are unfinished by design). */
  functionalGate: 'every-cell' | 'all-fixes';
  /** Absolute path of the package that is the starter. */
  packageDir: string;
  packagePath: string;
  service: ServiceSpec;
  levels: Partial<Record<Level, LevelSpec>>;
  functionalFile: string | undefined;
  faults: FaultSpec[];
  bench: BenchSpec;
  /** Small improvements asked for live in the review, each with hidden checks (`verify --follow-up`). */
  followUps: Record<string, { title: string; checksFile: string; /** Service environment the follow-up needs (e.g. a rate limit). */ env: Record<string, string> }>;
  /** Values handed to checks and probes as ctx.settings (e.g. API tokens); env vars of the same name override. */
  checkSettings: Record<string, string>;
  /** Exercises graded on a generated dataset: the module that makes it, and the size verify uses by default. */
  dataset?: DatasetSpec;
  /** A module whose default export measures a report section (e.g. performance), compared with the reference. */
  measureFile?: string;
  /** Load scenarios folder when not load-tests/<id>/ (exported repos keep them at their top level). */
  loadTestsDir?: string;
  /** What `faultline export` copies into a candidate repo (the allow-list); the package itself always goes. */
  export: ExportSpec;
  dir: string;
}

export interface ExportSpec {
  /** Candidate documents (exercise-relative files), copied to docs/ with the company's name in a header. */
  docs: string[];
  /** Repository-relative files or folders copied into the candidate repo: `from` → `to`. */
  files: Array<{ from: string; to: string }>;
  /** Exercise files the candidate's copy of the runtime needs (dataset generator, visible checks), exercise-relative. */
  runtime: string[];
  /** The visible checks candidates run (`pnpm faultline verify <id>`), exercise-relative; none if absent. */
  functional?: string;
  /** Scripts added to the candidate's package.json, e.g. acceptance: faultline verify inventory-api --checks-only. */
  scripts: Record<string, string>;
}

export interface DatasetSpec {
  /** Default export: { names, version, make(name), write(dataset, dir) }. */
  moduleFile: string;
  default: string;
}

export interface BenchSpec {
  /** Load scenarios (load-tests/<exercise>/<name>.scenario.mjs) run against each target. */
  scenarios: string[];
  /** How many times to run a probe per target (default 1), e.g. race: 20. */
  repeats: Record<string, number>;
}
