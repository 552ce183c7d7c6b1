import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { bench, type BenchReport } from '../bench/bench.js';
import { loadExercise } from '../exercises/catalog.js';
import { color } from '../report/terminal.js';
import { UsageError } from '../util/errors.js';
import { repoRoot, stateHome } from '../util/paths.js';
import { parse } from './args.js';

const USAGE = 'faultline bench <exercise> [--variant V] [--size NAME] [--json FILE]';

function format(value: number): string {
  if (!Number.isFinite(value)) return '∞';
  return Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) >= 100 ? 0 : 2);
}

export function renderBench(report: BenchReport): string {
  const header = ['metric', 'unit', 'starter', 'all fixes', 'ratio'];
  const rows = report.rows.map((r) => [r.metric, r.unit, format(r.starter), format(r.fixed), `${format(r.ratio)}×`]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ');
  return [color.bold(`faultline bench ${report.exercise}`) + color.dim(`  (${(report.durationMs / 1000).toFixed(0)} s)`), '', color.dim(line(header)), ...rows.map(line), '', color.dim('ratio: how many times better the fixed service is on that metric (∞ when it reads 0)')].join('\n');
}

export async function benchCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse('bench', argv, {
    variant: { type: 'string' }, json: { type: 'string' }, size: { type: 'string' } }, USAGE);
  const [id, ...extra] = positionals;
  if (!id || extra.length) throw new UsageError(`bench needs exactly one exercise id\nusage: ${USAGE}`);
  const root = repoRoot();
  const home = stateHome(root);
  const exercise = loadExercise(root, id, values.variant);
  const report = await bench(exercise, home, root, (m) => process.stderr.write(color.dim(`· ${m}\n`)), values.size);
  process.stdout.write(`${renderBench(report)}\n`);
  const file = resolve(values.json ?? join(home, 'bench', `${exercise.id}.json`));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(color.dim(`written to ${file}\n`));
  return 0;
}
