import { listEntries } from '../exercises/catalog.js';
import { repoRoot } from '../util/paths.js';
import { parse } from './args.js';
import { color } from '../report/terminal.js';

export function listCommand(argv: string[]): number {
  const { values } = parse('list', argv, { json: { type: 'boolean', default: false } }, 'faultline list [--json]');
  const exercises = listEntries(repoRoot());
  if (values.json) {
    process.stdout.write(`${JSON.stringify(exercises, null, 2)}\n`);
    return 0;
  }
  for (const e of exercises) {
    process.stdout.write(`${color.bold(e.id)}  ${e.title}\n`);
    process.stdout.write(`  activity ${e.activity} · ${e.duration} · levels ${e.levels.join(', ') || '—'}\n`);
    process.stdout.write(`  stack ${e.stack.join(', ')} · ${e.package ? `package ${e.package}` : 'design only (lint-design, capacity)'}${e.variants.length ? ` · variants ${e.variants.join(', ')}` : ''}\n`);
    process.stdout.write(`  faults ${e.faults.join(', ') || '—'}\n\n`);
  }
  return 0;
}
