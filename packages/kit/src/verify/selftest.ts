import { basename } from 'node:path';
import { openPostgres } from '../db/postgres.js';
import { withRequirements } from '../exercises/catalog.js';
import type { Exercise } from '../exercises/types.js';
import type { VerifyReport } from '../report/report.js';
import { messageOf } from '../util/errors.js';
import { verify } from './verify.js';

export interface MatrixCell {
  name: string;
  fixes: string[];
  /** Trap-fix patches applied on top: a plausible wrong fix the probes must still catch. */
  patches: string[];
  /** Faults that must read `fixed`; every other fault must read `present`. */
  expectFixed: string[];
  /** false where the starter is unfinished by design (functionalGate all-fixes). Default true. */
  functionalMustPass?: boolean;
}

export interface CellResult {
  cell: MatrixCell;
  ok: boolean;
  problems: string[];
  report?: VerifyReport;
  durationMs: number;
}

/** The fault contract: starter, each fix alone, all fixes; then each trap fix, which must leave every fault present. */
export function faultMatrix(exercise: Exercise): MatrixCell[] {
  const ids = exercise.faults.map((f) => f.id);
  const traps = exercise.faults.flatMap((fault) =>
    fault.traps.flatMap((trap) => (trap.patchFile ? [{ name: `trap ${fault.id}/${basename(trap.patchFile, '.patch')}`, fixes: [], patches: [trap.patchFile], expectFixed: [] }] : [])),
  );
  const partial = exercise.functionalGate === 'every-cell';
  return [
    { name: 'starter', fixes: [], patches: [], expectFixed: [], functionalMustPass: partial },
    ...ids.map((id) => {
      const fixes = withRequirements(exercise, [id]).map((f) => f.id);
      const name = fixes.length > 1 ? `fix ${id} (+ ${fixes.filter((f) => f !== id).join(', ')})` : `fix ${id}`;
      return { name, fixes, patches: [], expectFixed: fixes, functionalMustPass: partial };
    }),
    { name: 'all fixes', fixes: ids, patches: [], expectFixed: ids, functionalMustPass: true },
    ...traps.map((trap) => ({ ...trap, functionalMustPass: partial })),
  ];
}

export function judgeCell(cell: MatrixCell, report: VerifyReport): string[] {
  const problems: string[] = [];
  for (const fault of report.faults) {
    const expected = cell.expectFixed.includes(fault.id) ? 'fixed' : 'present';
    if (fault.verdict !== expected) problems.push(`${fault.id} ${fault.verdict}, expected ${expected} (${fault.evidence.split('\n')[0]})`);
  }
  const gated = cell.functionalMustPass ?? true;
  if (gated) for (const failure of report.functional.failures) problems.push(`functional "${failure.name}" failed: ${failure.message}`);
  return problems;
}

export async function selftest(
  exercise: Exercise,
  home: string,
  onCell: (result: CellResult) => void,
  progress?: (message: string) => void,
): Promise<CellResult[]> {
  const server = await openPostgres(home);
  const results: CellResult[] = [];
  try {
    for (const cell of faultMatrix(exercise)) {
      const started = Date.now();
      let result: CellResult;
      try {
        const fixes = exercise.faults.filter((f) => cell.fixes.includes(f.id));
        const report = await verify({
          exercise,
          home,
          server,
          target: fixes.length || cell.patches.length ? { kind: 'fixes', fixes, patches: cell.patches } : { kind: 'starter' },
          progress,
          // The matrix judges verdicts; timings are the bench's job.
          measure: false,
        });
        const problems = judgeCell(cell, report);
        result = { cell, ok: problems.length === 0, problems, report, durationMs: Date.now() - started };
      } catch (error) {
        result = { cell, ok: false, problems: [messageOf(error)], durationMs: Date.now() - started };
      }
      results.push(result);
      onCell(result);
    }
  } finally {
    await server.stop();
  }
  return results;
}
