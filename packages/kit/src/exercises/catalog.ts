import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { UsageError } from '../util/errors.js';
import { repoRoot } from '../util/paths.js';
import type { Activity, Exercise, ExportSpec, FaultKind, FaultSpec, Level, LevelSpec, ServiceSpec } from './types.js';
import { object, oneOf, optionalString, positiveInteger, SpecError, string, stringList } from './validate.js';

const ACTIVITIES: readonly Activity[] = ['api', 'database', 'architecture', 'debugging'];
const KINDS: readonly FaultKind[] = ['logic', 'performance', 'memory', 'concurrency', 'security', 'design', 'feature'];
const LEVELS: readonly Level[] = ['junior', 'mid', 'senior'];
const HINT_POLICIES = ['on-request', 'after-20-min', 'none'] as const;

function readYaml(file: string): unknown {
  try {
    return parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SpecError(`${file}: ${(error as Error).message}`);
  }
}

/** Hints are given live in three steps, from a nudge to the approach (`faultline hint … --step N`). */
function threeHints(hints: string[], where: string): string[] {
  if (hints.length !== 3) throw new SpecError(`${where}: needs exactly 3 hints, from a nudge to the approach; it has ${hints.length}`);
  return hints;
}

function loadFault(exerciseDir: string, id: string): FaultSpec {
  const dir = join(exerciseDir, 'faults', id);
  const file = join(dir, 'fault.yaml');
  if (!existsSync(file)) throw new SpecError(`${file}: missing (every fault listed in exercise.yaml needs a folder)`);
  const doc = object(readYaml(file), file);
  if (string(doc.id, `${file} id`) !== id) throw new SpecError(`${file}: id must be "${id}", the folder name`);
  const patchFile = join(dir, 'fix.patch');
  const probeFile = join(dir, 'probe.ts');
  for (const needed of [patchFile, probeFile]) if (!existsSync(needed)) throw new SpecError(`${needed}: missing`);
  const traps = Array.isArray(doc.traps) ? doc.traps : [];
  return {
    id,
    kind: oneOf(doc.kind, KINDS, `${file} kind`),
    title: string(doc.title, `${file} title`),
    symptom: string(doc.symptom, `${file} symptom`),
    cause: string(doc.cause, `${file} cause`),
    fix: string(doc.fix, `${file} fix`),
    verify: string(doc.verify, `${file} verify`),
    hints: threeHints(stringList(doc.hints, `${file} hints`), `${file} hints`),
    traps: traps.map((trap, index) => {
      const t = object(trap, `${file} traps[${index}]`);
      const patch = optionalString(t.patch, `${file} traps[${index}].patch`);
      const patchFile = patch ? join(dir, patch) : undefined;
      if (patchFile && !existsSync(patchFile)) throw new SpecError(`${file} traps[${index}].patch: ${patchFile} does not exist`);
      return { fix: string(t.fix, `${file} traps[${index}].fix`), why: string(t.why, `${file} traps[${index}].why`), ...(patchFile ? { patchFile } : {}) };
    }),
    variants: doc.variants === undefined ? [] : stringList(doc.variants, `${file} variants`),
    requires: doc.requires === undefined ? [] : stringList(doc.requires, `${file} requires`),
    dir,
    patchFile,
    probeFile,
  };
}

function loadService(value: unknown, where: string): ServiceSpec {
  const doc = object(value, where);
  const env = doc.env === undefined ? {} : object(doc.env, `${where}.env`);
  return {
    build: stringList(doc.build, `${where}.build`),
    prepare: stringList(doc.prepare, `${where}.prepare`),
    start: stringList(doc.start, `${where}.start`),
    ...(doc.load === undefined ? {} : { load: stringList(doc.load, `${where}.load`) }),
    health: string(doc.health, `${where}.health`),
    docs: optionalString(doc.docs, `${where}.docs`),
    env: Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)])),
  };
}

/** The candidate repo's allow-list (`export:` in exercise.yaml); every path must exist. */
export function loadExportSpec(value: unknown, file: string, root: string, dir: string): ExportSpec {
  const doc = value === undefined ? {} : object(value, `${file} export`);
  const exists = (path: string, where: string) => {
    if (path.split(/[\\/]/).includes('..') || path.startsWith('/')) throw new SpecError(`${where}: "${path}" must be a relative path inside the repository, without ..`);
    if (!existsSync(path.startsWith('exercises/') || path.startsWith('load-tests/') || path.startsWith('packages/') ? join(root, path) : join(dir, path))) {
      throw new SpecError(`${where}: ${path} does not exist`);
    }
    return path;
  };
  const docs = stringList(doc.docs ?? [], `${file} export.docs`).map((d) => exists(d, `${file} export.docs`));
  const files = (Array.isArray(doc.files) ? doc.files : []).map((entry, index) => {
    const e = object(entry, `${file} export.files[${index}]`);
    const from = string(e.from, `${file} export.files[${index}].from`);
    if (!existsSync(join(root, from))) throw new SpecError(`${file} export.files[${index}].from: ${from} does not exist (paths are relative to the repository root)`);
    return { from, to: string(e.to, `${file} export.files[${index}].to`) };
  });
  const runtime = stringList(doc.runtime ?? [], `${file} export.runtime`).map((r) => exists(r, `${file} export.runtime`));
  const functional = optionalString(doc.functional, `${file} export.functional`);
  if (functional) exists(functional, `${file} export.functional`);
  const scripts = doc.scripts === undefined ? {} : object(doc.scripts, `${file} export.scripts`);
  return { docs, files, runtime, ...(functional ? { functional } : {}), scripts: Object.fromEntries(Object.entries(scripts).map(([k, v]) => [k, String(v)])) };
}

/**
 * Loads an exercise. Exercises with several starters list them under `variants:` (the first is the
 * default); the result is the view of one variant: its package, its service and its faults.
 */
export function loadExercise(root: string, id: string, variant?: string): Exercise {
  const dir = join(root, 'exercises', id);
  const file = join(dir, 'exercise.yaml');
  if (!existsSync(file)) {
    const known = listExerciseIds(root);
    throw new UsageError(`unknown exercise "${id}": known exercises are ${known.join(', ') || '(none)'} (see \`faultline list\`)`);
  }
  const doc = object(readYaml(file), file);
  if (string(doc.id, `${file} id`) !== id) throw new SpecError(`${file}: id must be "${id}", the folder name`);
  if (isDesignOnly(doc)) {
    const short = id.replace(/^architecture-/, '');
    throw new UsageError(`${id} is a design exercise with nothing to run: read exercises/${id}/candidate/SCENARIO.md, check a design with \`faultline lint-design FILE\` and its numbers with \`faultline capacity ${short}\``);
  }
  const variantsDoc = doc.variants === undefined ? undefined : object(doc.variants, `${file} variants`);
  const variantNames = Object.keys(variantsDoc ?? {});
  if (variant !== undefined && !variantNames.includes(variant)) {
    throw new UsageError(
      variantNames.length
        ? `exercise ${id} has no variant "${variant}": its variants are ${variantNames.join(', ')}`
        : `exercise ${id} has a single starter: drop --variant`,
    );
  }
  const selected = variant ?? variantNames[0];
  const variantDoc = selected !== undefined && variantsDoc ? object(variantsDoc[selected], `${file} variants.${selected}`) : undefined;
  // Faults shared by every variant, then the selected variant's own (its planted flaws, its reference).
  const faultIds = [
    ...stringList(doc.faults ?? [], `${file} faults`),
    ...(variantDoc?.faults === undefined ? [] : stringList(variantDoc.faults, `${file} variants.${selected}.faults`)),
  ];
  // An exported repo's code already has these fixes (its level left them out): fixes that build on them need nothing more.
  const prefixed = doc.prefixed === undefined ? [] : stringList(doc.prefixed, `${file} prefixed`);
  const faults = faultIds.map((faultId) => loadFault(dir, faultId)).map((f) => ({ ...f, requires: f.requires.filter((r) => !prefixed.includes(r)) }));
  for (const fault of faults) {
    if (fault.variants.length > 0 && (selected === undefined || !fault.variants.includes(selected))) {
      throw new SpecError(`${fault.dir}/fault.yaml variants: lists ${fault.variants.join(', ')}, but exercise.yaml uses it for ${selected ?? 'the only starter'}`);
    }
    for (const r of fault.requires) {
      if (!faultIds.includes(r)) throw new SpecError(`${fault.dir}/fault.yaml requires: "${r}" is not a fault of this ${selected ? `variant (${selected})` : 'exercise'}`);
      if (faultIds.indexOf(r) > faultIds.indexOf(fault.id)) throw new SpecError(`${fault.dir}/fault.yaml requires: "${r}" must come before ${fault.id} in exercise.yaml`);
    }
  }
  // Levels name faults, so exercises whose variants have faults of their own declare them per variant.
  const levels = loadLevels(variantDoc?.levels ?? doc.levels, variantDoc?.levels ? `${file} variants.${selected}` : file, faultIds, Object.fromEntries(faults.map((f) => [f.id, f.requires])));
  const packagePath = variantDoc ? string(variantDoc.package, `${file} variants.${selected}.package`) : string(doc.package, `${file} package`);
  const serviceDoc = variantDoc?.service ?? doc.service;
  const serviceWhere = variantDoc?.service ? `${file} variants.${selected}.service` : `${file} service`;
  const benchDoc = doc.bench === undefined ? {} : object(doc.bench, `${file} bench`);
  const repeatsDoc = benchDoc.repeats === undefined ? {} : object(benchDoc.repeats, `${file} bench.repeats`);
  const bench = {
    scenarios: benchDoc.scenarios === undefined ? [] : stringList(benchDoc.scenarios, `${file} bench.scenarios`),
    repeats: Object.fromEntries(Object.entries(repeatsDoc).map(([k, v]) => {
      if (!faultIds.includes(k)) throw new SpecError(`${file} bench.repeats: unknown fault "${k}"`);
      return [k, positiveInteger(v, `${file} bench.repeats.${k}`)];
    })),
  };
  const functional = optionalString(doc.functional, `${file} functional`);
  const datasetDoc = doc.dataset === undefined ? undefined : object(doc.dataset, `${file} dataset`);
  const dataset = datasetDoc && { moduleFile: join(dir, string(datasetDoc.module, `${file} dataset.module`)), default: string(datasetDoc.default, `${file} dataset.default`) };
  if (dataset && !existsSync(dataset.moduleFile)) throw new SpecError(`${file} dataset.module: ${dataset.moduleFile} does not exist`);
  const measure = optionalString(doc.measure, `${file} measure`);
  if (measure && !existsSync(join(dir, measure))) throw new SpecError(`${file} measure: ${join(dir, measure)} does not exist`);
  return {
    id,
    title: string(doc.title, `${file} title`),
    activity: oneOf(doc.activity, ACTIVITIES, `${file} activity`),
    summary: string(doc.summary, `${file} summary`),
    stack: stringList(doc.stack, `${file} stack`),
    duration: string(doc.duration, `${file} duration`),
    packagePath,
    packageDir: resolve(root, packagePath),
    service: loadService(serviceDoc, serviceWhere),
    variant: selected,
    variants: variantNames,
    functionalGate: doc.functionalGate === undefined ? 'every-cell' : oneOf(doc.functionalGate, ['every-cell', 'all-fixes'] as const, `${file} functionalGate`),
    levels,
    functionalFile: functional ? join(dir, functional) : undefined,
    faults,
    bench,
    followUps: Object.fromEntries(
      Object.entries(doc.followUps === undefined ? {} : object(doc.followUps, `${file} followUps`)).map(([name, value]) => {
        const f = object(value, `${file} followUps.${name}`);
        const checksFile = join(dir, string(f.checks, `${file} followUps.${name}.checks`));
        if (!existsSync(checksFile)) throw new SpecError(`${file} followUps.${name}.checks: ${checksFile} does not exist`);
        const env = f.env === undefined ? {} : object(f.env, `${file} followUps.${name}.env`);
        return [name, { title: string(f.title, `${file} followUps.${name}.title`), checksFile, env: Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)])) }];
      }),
    ),
    checkSettings: doc.checkSettings === undefined ? {} : Object.fromEntries(Object.entries(object(doc.checkSettings, `${file} checkSettings`)).map(([k, v]) => [k, String(v)])),
    ...(dataset ? { dataset } : {}),
    ...(measure ? { measureFile: join(dir, measure) } : {}),
    ...(doc.loadTests === undefined ? {} : { loadTestsDir: resolve(root, string(doc.loadTests, `${file} loadTests`)) }),
    export: loadExportSpec(doc.export, file, root, dir),
    dir,
  };
}

/** A design-only architecture pack, as `faultline export` sees it: documents and capacity assumptions. */
export interface DesignPack {
  id: string;
  title: string;
  summary: string;
  duration: string;
  levels: Partial<Record<Level, LevelSpec>>;
  export: ExportSpec;
  dir: string;
}

/** Loads a design-only pack, or undefined when the exercise has something to run (use loadExercise). */
export function loadDesignPack(root: string, id: string): DesignPack | undefined {
  const dir = join(root, 'exercises', id);
  const file = join(dir, 'exercise.yaml');
  if (!existsSync(file)) return undefined;
  const doc = object(readYaml(file), file);
  if (!isDesignOnly(doc)) return undefined;
  return {
    id,
    title: string(doc.title, `${file} title`),
    summary: string(doc.summary, `${file} summary`),
    duration: string(doc.duration, `${file} duration`),
    levels: loadLevels(doc.levels, file, []),
    export: loadExportSpec(doc.export, file, root, dir),
    dir,
  };
}

function loadLevels(value: unknown, file: string, faultIds: string[], requires: Record<string, string[]> = {}): Partial<Record<Level, LevelSpec>> {
  const levelsDoc = value === undefined ? {} : object(value, `${file} levels`);
  const levels: Partial<Record<Level, LevelSpec>> = {};
  for (const [name, spec] of Object.entries(levelsDoc)) {
    const level = oneOf(name, LEVELS, `${file} levels`);
    const s = object(spec, `${file} levels.${name}`);
    const levelFaults = stringList(s.faults ?? [], `${file} levels.${name}.faults`);
    for (const f of levelFaults) if (!faultIds.includes(f)) throw new SpecError(`${file} levels.${name}.faults: unknown fault "${f}"`);
    // A fault the level leaves out is pre-fixed on export: what its fix builds on must be pre-fixed too.
    for (const f of faultIds) {
      if (levelFaults.includes(f)) continue;
      const kept = (requires[f] ?? []).filter((r) => levelFaults.includes(r));
      if (kept.length) throw new SpecError(`${file} levels.${name}.faults: leaves out ${f} (pre-fixed on export) but keeps ${kept.join(', ')}, which its fix builds on: keep ${f} too, or leave both out`);
    }
    levels[level] = { faults: levelFaults, minutes: positiveInteger(s.minutes, `${file} levels.${name}.minutes`), hints: oneOf(s.hints, HINT_POLICIES, `${file} levels.${name}.hints`) };
  }
  return levels;
}

/** An architecture pack with no current state to run: documents, capacity assumptions, no package. */
function isDesignOnly(doc: Record<string, unknown>): boolean {
  return doc.activity === 'architecture' && doc.package === undefined && doc.variants === undefined;
}

/** What `faultline list` shows of an exercise, runnable or not. */
export interface CatalogEntry {
  id: string;
  title: string;
  activity: Activity;
  duration: string;
  stack: string[];
  levels: string[];
  package: string | null;
  variants: string[];
  faults: string[];
}

export function listEntries(root = repoRoot()): CatalogEntry[] {
  return listExerciseIds(root).map((id) => {
    const file = join(root, 'exercises', id, 'exercise.yaml');
    const doc = object(readYaml(file), file);
    if (isDesignOnly(doc)) {
      return {
        id,
        title: string(doc.title, `${file} title`),
        activity: oneOf(doc.activity, ACTIVITIES, `${file} activity`),
        duration: string(doc.duration, `${file} duration`),
        stack: stringList(doc.stack, `${file} stack`),
        levels: Object.keys(loadLevels(doc.levels, file, [])),
        package: null,
        variants: [],
        faults: [],
      };
    }
    const e = loadExercise(root, id);
    return { id, title: e.title, activity: e.activity, duration: e.duration, stack: e.stack, levels: Object.keys(e.levels), package: e.packagePath, variants: e.variants, faults: e.faults.map((f) => f.id) };
  });
}

/** Exercises with something to build and run (design-only packs are left out). */
export function listRunnableIds(root = repoRoot()): string[] {
  return listExerciseIds(root).filter((id) => {
    const file = join(root, 'exercises', id, 'exercise.yaml');
    return !isDesignOnly(object(readYaml(file), file));
  });
}

export function listExerciseIds(root = repoRoot()): string[] {
  const dir = join(root, 'exercises');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'exercise.yaml')))
    .map((entry) => entry.name)
    .sort();
}

export function loadCatalog(root = repoRoot()): Exercise[] {
  return listRunnableIds(root).map((id) => loadExercise(root, id));
}

export function faultsById(exercise: Exercise, ids: readonly string[]): FaultSpec[] {
  return ids.map((id) => {
    const fault = exercise.faults.find((f) => f.id === id);
    if (!fault) throw new UsageError(`exercise ${exercise.id} has no fault "${id}": its faults are ${exercise.faults.map((f) => f.id).join(', ')}`);
    return fault;
  });
}

/** The faults to fix for `ids`, with what they require, in exercise order (the order patches apply in). */
export function withRequirements(exercise: Exercise, ids: readonly string[]): FaultSpec[] {
  const wanted = new Set<string>();
  const add = (id: string) => {
    if (wanted.has(id)) return;
    wanted.add(id);
    for (const r of faultsById(exercise, [id])[0]?.requires ?? []) add(r);
  };
  for (const id of ids) add(id);
  return exercise.faults.filter((f) => wanted.has(f.id));
}
