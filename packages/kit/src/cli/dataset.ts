import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureDataset } from '../datasets/datasets.js';
import { loadExercise } from '../exercises/catalog.js';
import { color } from '../report/terminal.js';
import { UsageError } from '../util/errors.js';
import { repoRoot, stateHome } from '../util/paths.js';
import { parse } from './args.js';

const USAGE = 'faultline dataset <exercise> [--size NAME] [--out DIR]';

/** Generates (or reuses) an exercise's seeded dataset; with --out, copies it to DIR. */
export async function datasetCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse('dataset', argv, { size: { type: 'string' }, out: { type: 'string' } }, USAGE);
  const [id, ...extra] = positionals;
  if (!id || extra.length) throw new UsageError(`dataset needs exactly one exercise id\nusage: ${USAGE}`);
  const root = repoRoot();
  const exercise = loadExercise(root, id);
  if (!exercise.dataset) throw new UsageError(`exercise ${id} has no dataset`);
  const info = await ensureDataset(exercise, values.size, stateHome(root), (m) => process.stderr.write(color.dim(`· ${m}\n`)));
  let dir = info.dir;
  if (values.out) {
    dir = resolve(values.out);
    if (existsSync(dir) && readdirSync(dir).length > 0) throw new UsageError(`--out ${values.out}: the folder exists and is not empty; choose a new folder or empty it`);
    mkdirSync(dir, { recursive: true });
    cpSync(info.dir, dir, { recursive: true });
  }
  process.stdout.write(`${info.name} dataset in ${dir}\n`);
  for (const [file, rows] of Object.entries(info.rows)) process.stdout.write(`  ${`${file}.csv`.padEnd(24)} ${rows.toLocaleString('en').padStart(10)} rows\n`);
  return 0;
}
