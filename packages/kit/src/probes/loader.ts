import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transform } from '@swc/core';
import { SpecError } from '../exercises/validate.js';

function filesOf(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesOf(path, keep);
    return keep(entry.name) ? [path] : [];
  });
}

const typeScriptFiles = (dir: string) => filesOf(dir, (name) => name.endsWith('.ts') && !name.endsWith('.d.ts'));
/** Data files probes may read next to themselves (the spec, fixtures). */
const dataFiles = (dir: string) => filesOf(dir, (name) => /\.(ya?ml|json)$/.test(name));

/**
 * Compiles an exercise's TypeScript (probes, checks and their helpers) with swc into the state
 * folder, keeping the layout so relative imports work. Probes import only types from the kit
 * (erased), Node built-ins and each other.
 */
/**
 * Compiled probes live in the kit's own node_modules/.cache, wherever the state folder is, so
 * their imports (fast-check, yaml) resolve through the kit's dependencies.
 */
const COMPILED = fileURLToPath(new URL('../../node_modules/.cache/faultline/compiled', import.meta.url));

const compiledThisRun = new Map<string, Promise<string>>();

/** Compiles once per process: probes, checks and follow-ups of one verify share the result. */
export function compileExercise(exerciseDir: string): Promise<string> {
  let compiled = compiledThisRun.get(exerciseDir);
  if (!compiled) {
    compiled = compile(exerciseDir);
    compiledThisRun.set(exerciseDir, compiled);
  }
  return compiled;
}

async function compile(exerciseDir: string): Promise<string> {
  const files = typeScriptFiles(exerciseDir).sort();
  const data = dataFiles(exerciseDir).sort();
  const hash = createHash('sha256');
  for (const file of [...files, ...data]) hash.update(relative(exerciseDir, file)).update(readFileSync(file));
  const out = join(COMPILED, `${basename(exerciseDir)}-${hash.digest('hex').slice(0, 12)}`);
  if (existsSync(join(out, 'package.json'))) return out;
  for (const file of files) {
    let code: string;
    try {
      ({ code } = await transform(readFileSync(file, 'utf8'), {
        filename: file,
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      }));
    } catch (error) {
      throw new SpecError(`${file}: does not compile: ${String(error)}`);
    }
    const target = join(out, relative(exerciseDir, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, code);
  }
  for (const file of data) {
    const target = join(out, relative(exerciseDir, file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
  writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
  return out;
}

export async function importCompiled<T>(exerciseDir: string, compiledDir: string, file: string): Promise<T> {
  const target = join(compiledDir, relative(exerciseDir, file)).replace(/\.ts$/, '.js');
  const module = (await import(pathToFileURL(target).href)) as { default?: T };
  if (!module.default) throw new SpecError(`${file}: needs a default export`);
  return module.default;
}
