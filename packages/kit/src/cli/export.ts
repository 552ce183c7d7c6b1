import { relative, resolve } from 'node:path';
import type { Level } from '../exercises/types.js';
import { checkExport } from '../export/check.js';
import { exportExercise } from '../export/export.js';
import { loadDesignPack, loadExercise } from '../exercises/catalog.js';
import { color } from '../report/terminal.js';
import { UsageError } from '../util/errors.js';
import { repoRoot } from '../util/paths.js';
import { parse } from './args.js';

const USAGE = 'faultline export <exercise> --out DIR [--level junior|mid|senior] [--company NAME] [--variant V] [--no-lockfile] [--check]';
const LEVELS = ['junior', 'mid', 'senior'];

/** Writes DIR/candidate and DIR/interviewer, two git repositories that stand alone. */
export async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse('export', argv, {
    out: { type: 'string' },
    level: { type: 'string' },
    company: { type: 'string' },
    variant: { type: 'string' },
    'no-lockfile': { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
  }, USAGE);
  const [id, ...extra] = positionals;
  if (!id || extra.length) throw new UsageError(`export needs exactly one exercise id\nusage: ${USAGE}`);
  if (!values.out) throw new UsageError(`export needs --out DIR: the folder to write candidate/ and interviewer/ into\nusage: ${USAGE}`);
  if (values.level && !LEVELS.includes(values.level)) throw new UsageError(`--level must be one of ${LEVELS.join(', ')}, got "${values.level}"`);
  if (values.company !== undefined && !values.company.trim()) throw new UsageError('--company: give the company name as candidates should read it, e.g. --company "Acme Retail"');
  const out = resolve(values.out);
  if (values.check && values['no-lockfile']) throw new UsageError('--check installs with the lockfile the export writes: drop --no-lockfile');
  const root = repoRoot();
  const result = exportExercise(root, id, {
    out,
    ...(values.level ? { level: values.level as Level } : {}),
    ...(values.company ? { company: values.company.trim() } : {}),
    ...(values.variant ? { variant: values.variant } : {}),
    lockfile: !values['no-lockfile'],
    progress: (m) => process.stderr.write(color.dim(`· ${m}\n`)),
  });
  const show = (p: string) => (relative(process.cwd(), p).startsWith('..') ? p : relative(process.cwd(), p) || '.');
  const lines = [
    '',
    `${color.bold(id)}${result.level ? ` at ${result.level} level` : ''}: exported, leak check clean`,
    `  candidate    ${show(result.candidateDir)}   (git, 1 commit on main${result.lockfile ? ', pnpm-lock.yaml' : ''})`,
    `  interviewer  ${show(result.interviewerDir)}   (git, main + solution: ${result.solution.length} commit${result.solution.length === 1 ? '' : 's'})`,
    `  faults       ${result.faults.join(', ') || '(none)'}`,
  ];
  if (result.prefixed.length) lines.push(`  pre-fixed    ${result.prefixed.join(', ')} (the level leaves them out)`);
  for (const c of result.solution) lines.push(color.dim(`    solution   ${c}`));
  lines.push('', 'Next:',
    `  cd ${show(result.candidateDir)} && pnpm install && pnpm test     # what the candidate gets`,
    result.faults.length
      ? `  cd ${show(result.interviewerDir)} && pnpm install && pnpm verify --candidate ../candidate`
      : `  cd ${show(result.interviewerDir)} && pnpm install && pnpm faultline lint-design ../candidate/design.md`,
    '  push each to its own private repository: git remote add origin URL && git push -u origin --all', '');
  process.stdout.write(lines.join('\n'));
  if (!values.check) return 0;
  process.stdout.write(`\n${color.bold('checking the export')} in its own folders (install, test, verify the candidate repo and the solution branch)…\n`);
  const hasDataset = !loadDesignPack(root, id) && loadExercise(root, id, values.variant).dataset !== undefined;
  const steps = checkExport(result, { verifyArgs: hasDataset ? ['--no-measure'] : [], progress: (m) => process.stderr.write(color.dim(`· ${m}\n`)) });
  for (const s of steps) process.stdout.write(`  ${s.ok ? color.green('✓') : color.red('✗')} ${s.step}  ${color.dim(`${(s.ms / 1000).toFixed(1)} s`)}${s.ok && s.detail && !s.detail.includes('\n') ? color.dim(`  (${s.detail})`) : ''}\n`);
  const failed = steps.filter((s) => !s.ok);
  for (const s of failed) process.stdout.write(`\n${color.red(s.step)}\n${s.detail}\n`);
  process.stdout.write(failed.length ? `\n${failed.length} check(s) failed\n` : '\nexport checked: it stands alone, and verify tells the starter from the solution\n');
  return failed.length ? 1 : 0;
}
