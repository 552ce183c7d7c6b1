import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Exercise } from '../exercises/types.js';
import { compileExercise, importCompiled } from '../probes/loader.js';
import { UsageError } from '../util/errors.js';

/** What an exercise's dataset module exports by default. */
export interface DatasetModule {
  names: readonly string[];
  version: number;
  make(name: string): unknown;
  write(dataset: unknown, dir: string): Promise<{ files: Record<string, { rows: number }> }>;
}

export interface DatasetInfo {
  name: string;
  dir: string;
  rows: Record<string, number>;
}

export async function datasetModule(exercise: Exercise): Promise<DatasetModule> {
  if (!exercise.dataset) throw new UsageError(`exercise ${exercise.id} has no dataset`);
  const compiled = await compileExercise(exercise.dir);
  return importCompiled<DatasetModule>(exercise.dir, compiled, exercise.dataset.moduleFile);
}

/**
 * The named dataset, generated once and kept under the state folder. The cache key includes the
 * hash of the exercise's compiled code, so a change to the generator makes a new copy.
 */
export async function ensureDataset(exercise: Exercise, name: string | undefined, home: string, progress: (m: string) => void = () => undefined): Promise<DatasetInfo> {
  const module = await datasetModule(exercise);
  const wanted = name ?? exercise.dataset?.default ?? '';
  if (!module.names.includes(wanted)) throw new UsageError(`--size ${wanted}: exercise ${exercise.id} has datasets ${module.names.join(', ')}`);
  const compiled = await compileExercise(exercise.dir);
  const dir = join(home, 'datasets', exercise.id, `${wanted}-${basename(compiled)}`);
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) {
    progress(`generating the ${wanted} dataset (once; kept in ${dir})…`);
    const partial = `${dir}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial, { recursive: true });
    await module.write(module.make(wanted), partial);
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
  }
  const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { files: Record<string, { rows: number }> };
  return { name: wanted, dir, rows: Object.fromEntries(Object.entries(parsed.files).map(([k, v]) => [k, v.rows])) };
}
