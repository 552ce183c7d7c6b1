import { relative, resolve } from 'node:path';
import type { Level } from '../exercises/types.js';
import { exportExercise } from '../export/export.js';
import { color } from '../report/terminal.js';
import { UsageError } from '../util/errors.js';
import { repoRoot } from '../util/paths.js';
import { parse } from './args.js';

const USAGE = 'faultline export <exercise> --out DIR [--level junior|mid|senior] [--company NAME] [--variant V] [--no-lockfile]';
const LEVELS = ['junior', 'mid', 'senior'];

/** Writes DIR/candidate and DIR/interviewer, two git repositories that stand alone. */
export async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse('export', argv, {
    out: { type: 'string' },
    level: { type: 'string' },
    company: { type: 'string' },
    variant: { type: 'string' },
    'no-lockfile': { type: 'boolean', default: false },
  }, USAGE);
  const [id, ...extra] = positionals;
  if (!id || extra.length) throw new UsageError(`export needs exactly one exercise id\nusage: ${USAGE}`);
  if (!values.out) throw new UsageError(`export needs --out DIR: the folder to write candidate/ and interviewer/ into\nusage: ${USAGE}`);
  if (values.level && !LEVELS.includes(values.level)) throw new UsageError(`--level must be one of ${LEVELS.join(', ')}, got "${values.level}"`);
  if (values.company !== undefined && !values.company.trim()) throw new UsageError('--company: give the company name as candidates should read it, e.g. --company "Acme Retail"');
  const out = resolve(values.out);
  const result = exportExercise(repoRoot(), id, {
    out,
    ...(values.level ? { level: values.level as Level } : {}),
    ...(values.company ? { company: values.company.trim() } : {}),
    ...(values.variant ? { variant: values.variant } : {}),
    lockfile: !values['no-lockfile'],
    progress: (m) => process.stderr.write(color.dim(`· ${m}\n`)),
  });
  const show = (p: string) => relative(process.cwd(), p) || '.';
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
    `  cd ${show(result.interviewerDir)} && pnpm install && pnpm verify --candidate ../candidate`,
    '  push each to its own private repository: git remote add origin URL && git push -u origin --all', '');
  process.stdout.write(lines.join('\n'));
  return 0;
}
