import { loadExercise, withRequirements } from '../exercises/catalog.js';
import { color } from '../report/terminal.js';
import { applyToWorkingTree, createSolutionBranch } from '../solution/solution.js';
import { UsageError } from '../util/errors.js';
import { repoRoot } from '../util/paths.js';
import { parse } from './args.js';

const USAGE = 'faultline solution <exercise> [--variant V] [--fault <fault-id>] [--branch [NAME]]';

export async function solutionCommand(argv: string[]): Promise<number> {
  // `--branch` may come without a name: it then means the default solution/<exercise>.
  const normalised = argv.flatMap((arg, i) => (arg === '--branch' && (i === argv.length - 1 || argv[i + 1]?.startsWith('--')) ? ['--branch='] : [arg]));
  const { values, positionals } = parse('solution', normalised, {
    variant: { type: 'string' }, fault: { type: 'string' }, branch: { type: 'string' } }, USAGE);
  const [id, ...extra] = positionals;
  if (!id || extra.length) throw new UsageError(`solution needs exactly one exercise id\nusage: ${USAGE}`);
  const root = repoRoot();
  const exercise = loadExercise(root, id, values.variant);
  const faults = values.fault ? withRequirements(exercise, [values.fault]) : exercise.faults;
  if (values.branch !== undefined) {
    const branch = values.branch || `solution/${exercise.id}${values.variant ? `-${values.variant}` : ''}`;
    const commits = createSolutionBranch(root, exercise, faults, branch);
    process.stdout.write(`${color.green(`created branch ${branch}`)} from HEAD with ${commits.length} commit(s):\n${commits.map((c) => `  ${c}`).join('\n')}\n`);
    process.stdout.write(color.dim(`your working tree is unchanged; see it with: git log --stat ${branch}\n`));
    return 0;
  }
  applyToWorkingTree(exercise, faults);
  process.stdout.write(`${color.green('applied')} ${faults.map((f) => f.id).join(', ')} to ${exercise.packagePath}\n`);
  process.stdout.write(color.dim(`review with: git diff -- ${exercise.packagePath}; undo with: git checkout -- ${exercise.packagePath}\n`));
  return 0;
}
