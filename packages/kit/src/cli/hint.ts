import { faultsById, loadExercise } from '../exercises/catalog.js';
import type { Level } from '../exercises/types.js';
import { color } from '../report/terminal.js';
import { UsageError } from '../util/errors.js';
import { repoRoot } from '../util/paths.js';
import { integerFlag, parse } from './args.js';

const USAGE = 'faultline hint <exercise> <fault-id> [--step 1|2|3] [--variant V] [--level junior|mid|senior]';

const POLICY: Record<string, string> = {
  'after-20-min': 'offer step 1 after 20 minutes stuck on it; later steps when asked',
  'on-request': 'give the next step only when asked, and note it in the scorecard',
  none: 'no hints at this level: note it if the candidate asks',
};

/** Prints one step of a fault's progressive hints, for the interviewer to give live. */
export async function hintCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse('hint', argv, { step: { type: 'string' }, variant: { type: 'string' }, level: { type: 'string' } }, USAGE);
  const [id, faultId, ...extra] = positionals;
  if (!id || !faultId || extra.length) throw new UsageError(`hint needs an exercise id and a fault id\nusage: ${USAGE}`);
  const exercise = loadExercise(repoRoot(), id, values.variant);
  const [fault] = faultsById(exercise, [faultId]);
  if (!fault) throw new UsageError(`exercise ${id} has no fault "${faultId}"`);
  const step = integerFlag(values.step, '--step', 1, fault.hints.length) ?? 1;
  const lines = [`${color.bold(`${fault.id}`)} — ${fault.title}`, `hint ${step} of ${fault.hints.length}: ${fault.hints[step - 1] ?? ''}`];
  if (values.level) {
    const level = values.level as Level;
    const spec = exercise.levels[level];
    if (!spec) throw new UsageError(`--level ${values.level}: exercise ${id} has levels ${Object.keys(exercise.levels).join(', ') || '(none)'}`);
    if (!spec.faults.includes(fault.id)) lines.push(color.yellow(`note: ${fault.id} is not among the ${level} level's faults (exercise.yaml levels.${level}.faults): a ${level} candidate is not asked to find it`));
    lines.push(color.dim(`${level} policy: ${POLICY[spec.hints] ?? spec.hints}`));
  }
  // From an exported interviewer repo, `pnpm hint <fault>` is how it was called.
  const again = process.env.npm_lifecycle_event === 'hint' ? 'pnpm hint' : `faultline hint ${id}`;
  if (step < fault.hints.length) lines.push(color.dim(`next: ${again} ${fault.id} --step ${step + 1}${values.variant ? ` --variant ${values.variant}` : ''}`));
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
