import { listRunnableIds, loadExercise } from '../exercises/catalog.js';
import { color } from '../report/terminal.js';
import { UsageError } from '../util/errors.js';
import { repoRoot, stateHome } from '../util/paths.js';
import { selftest } from '../verify/selftest.js';
import { parse } from './args.js';

const USAGE = 'faultline selftest [<exercise>] [--variant V] [--verbose]';

export async function selftestCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse('selftest', argv, { verbose: { type: 'boolean', default: false }, variant: { type: 'string' } }, USAGE);
  if (positionals.length > 1) throw new UsageError(`selftest takes at most one exercise id\nusage: ${USAGE}`);
  const root = repoRoot();
  const ids = positionals.length ? positionals : listRunnableIds(root).filter((id) => loadExercise(root, id).faults.length > 0);
  let failed = 0;
  const targets = ids.flatMap((id) => {
    const variants = values.variant ? [values.variant] : loadExercise(root, id).variants;
    return variants.length ? variants.map((variant) => loadExercise(root, id, variant)) : [loadExercise(root, id)];
  });
  for (const exercise of targets) {
    const id = exercise.variant ? `${exercise.id} (${exercise.variant})` : exercise.id;
    process.stdout.write(color.bold(`selftest ${id}: the fault matrix (starter, each fix alone, all fixes, trap fixes)\n`));
    const started = Date.now();
    const progress = values.verbose ? (m: string) => process.stderr.write(color.dim(`· ${m}\n`)) : undefined;
    const results = await selftest(exercise, stateHome(root), (result) => {
      const verdicts = result.report?.faults.map((f) => `${f.id}=${f.verdict}`).join(' ') ?? '';
      const line = `${result.ok ? color.green('pass') : color.red('FAIL')}  ${result.cell.name.padEnd(36)} ${color.dim(`${(result.durationMs / 1000).toFixed(1)} s`)}  ${verdicts}`;
      process.stdout.write(`${line}\n`);
      for (const problem of result.problems) process.stdout.write(color.red(`      ${problem}\n`));
    }, progress);
    const bad = results.filter((r) => !r.ok).length;
    failed += bad;
    process.stdout.write(`${bad === 0 ? color.green('all cells pass') : color.red(`${bad} cell(s) wrong`)} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  }
  return failed === 0 ? 0 : 1;
}
