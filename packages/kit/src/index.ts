// The kit's public surface for probes and checks (types), and for tools that read reports.
export type { CopyLoad, DatabaseAccess, FunctionalCheck, Measurement, PlanSummary, Probe, ProbeContext, ProbeMeasurement, ProbeMetric, StatementUse } from './probes/types.js';
export type { Endpoint, HttpResponse, RequestOptions } from './probes/http.js';
export type { HeapInspector } from './probes/heap.js';
export type { FaultResult, FunctionalResult, Verdict, VerifyReport } from './report/report.js';
export type { Exercise, FaultSpec, Level } from './exercises/types.js';
export type { LoadPlan, LoadRequest, LoadScenario, LoadSummary } from './load/types.js';
