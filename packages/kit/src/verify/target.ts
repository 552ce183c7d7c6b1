import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Exercise, FaultSpec, ServiceSpec } from '../exercises/types.js';
import { InfrastructureError, UsageError } from '../util/errors.js';

export type TargetRequest =
  | { kind: 'starter' }
  | { kind: 'fixes'; fixes: readonly FaultSpec[]; /** Extra patches (trap fixes) applied after the fixes. */ patches?: readonly string[] }
  | { kind: 'candidate'; dir: string };

export interface PreparedTarget {
  kind: 'starter' | 'fixes' | 'candidate';
  /** Folder where build, prepare and start run. */
  dir: string;
  /** What the report shows as the target. */
  label: string;
  fixes: string[];
  /** Whether node_modules must be installed before building. */
  needsInstall: boolean;
  /** Commands the target declares for itself (a candidate's package.json "faultline" field), over the exercise's. */
  commands?: Partial<Pick<ServiceSpec, 'build' | 'prepare' | 'start'>>;
  dispose(): void;
}

export const OWNER_FILE = '.faultline-owner';

/** Build output, installs and local state: never copied into a target or an exported repo. */
export const SKIP = new Set(['node_modules', 'dist', '.turbo', '.git', '.clinic', '.faultline', 'coverage', '.stryker-tmp']);

export function copyTree(from: string, to: string): void {
  cpSync(from, to, {
    recursive: true,
    filter: (source) => source === from || !SKIP.has(basename(source)),
  });
}

/** Applies a fix patch to a folder; the patch paths are relative to the package root. */
export function applyPatch(dir: string, patchFile: string, check = false): void {
  try {
    execFileSync('git', ['apply', ...(check ? ['--check'] : []), '--whitespace=nowarn', patchFile], {
      cwd: dir,
      // Keep git from treating a surrounding repository as the root for patch paths.
      env: { ...process.env, GIT_CEILING_DIRECTORIES: dirname(dir) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim() ?? String(error);
    throw new InfrastructureError(`${patchFile} does not apply to ${dir}: ${stderr}`);
  }
}

function declaresDependencies(dir: string): boolean {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, object | undefined>;
  return ['dependencies', 'devDependencies', 'optionalDependencies'].some((field) => Object.keys(pkg[field] ?? {}).length > 0);
}

function sameDependencies(a: string, b: string): boolean {
  const read = (dir: string) => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: object; devDependencies?: object };
    return JSON.stringify([pkg.dependencies ?? {}, pkg.devDependencies ?? {}]);
  };
  try {
    return read(a) === read(b);
  } catch {
    return false;
  }
}

/**
 * A copy installed on its own cannot resolve `workspace:` dependencies (the monorepo's lint
 * config, say); they are development tools the build does not need, so the copy goes without.
 */
function dropWorkspaceDependencies(file: string): void {
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string> | unknown>;
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
    const deps = pkg[field] as Record<string, string> | undefined;
    if (!deps) continue;
    for (const [name, spec] of Object.entries(deps)) if (spec.startsWith('workspace:')) delete deps[name];
  }
  writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
}

/**
 * A candidate may build and run their service differently (another layout, another language): the
 * `faultline` field of their package.json overrides the exercise's commands, e.g.
 * `"faultline": { "build": ["go", "build", "-o", "server", "."], "prepare": ["./server", "migrate"], "start": ["./server"] }`.
 */
function declaredCommands(file: string): PreparedTarget['commands'] {
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as { faultline?: Record<string, unknown> };
  if (!pkg.faultline) return undefined;
  const commands: NonNullable<PreparedTarget['commands']> = {};
  for (const step of ['build', 'prepare', 'start'] as const) {
    const value = pkg.faultline[step];
    if (value === undefined) continue;
    if (!Array.isArray(value) || value.length === 0 || !value.every((part) => typeof part === 'string' && part !== '')) {
      throw new UsageError(`${file}: "faultline.${step}" must be a command as a list of strings, e.g. ["node", "dist/server.js"]`);
    }
    commands[step] = value as string[];
  }
  return commands;
}

/** An exported repo's package is its root, `..` from the kit's folder: say so. */
function displayPath(packagePath: string): string {
  return packagePath === '..' ? 'the repository root' : packagePath;
}

export function prepareTarget(exercise: Exercise, request: TargetRequest, home: string): PreparedTarget {
  if (existsSync(join(exercise.packageDir, 'package.json')) && !existsSync(join(exercise.packageDir, 'node_modules'))) {
    throw new UsageError(`${relative(process.cwd(), exercise.packageDir) || exercise.packageDir} has no node_modules: run \`pnpm install\` at the repository root first`);
  }
  if (request.kind === 'starter') {
    return { kind: 'starter', dir: exercise.packageDir, label: displayPath(exercise.packagePath), fixes: [], needsInstall: false, dispose: () => undefined };
  }
  const workDir = join(home, 'work', `${exercise.id}-${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`);
  mkdirSync(workDir, { recursive: true });
  writeFileSync(join(workDir, OWNER_FILE), String(process.pid));
  const dispose = () => rmSync(workDir, { recursive: true, force: true });

  if (request.kind === 'fixes') {
    const dir = join(workDir, basename(exercise.packageDir));
    copyTree(exercise.packageDir, dir);
    if (existsSync(join(exercise.packageDir, 'node_modules'))) symlinkSync(join(exercise.packageDir, 'node_modules'), join(dir, 'node_modules'), 'dir');
    try {
      for (const fault of request.fixes) applyPatch(dir, fault.patchFile);
      for (const patch of request.patches ?? []) applyPatch(dir, patch);
    } catch (error) {
      dispose();
      throw error;
    }
    const fixes = request.fixes.map((f) => f.id);
    const traps = (request.patches ?? []).map((p) => relative(exercise.dir, p));
    const applied = [...fixes, ...traps.map((t) => `trap ${t}`)];
    return { kind: 'fixes', dir, label: `${displayPath(exercise.packagePath)} + ${applied.join(', ')}`, fixes: applied, needsInstall: false, dispose };
  }

  const source = resolve(request.dir);
  if (!existsSync(source)) {
    dispose();
    throw new UsageError(`--candidate ${request.dir}: no such folder; pass the path of the candidate's clone`);
  }
  if (!existsSync(join(source, 'package.json'))) {
    dispose();
    throw new UsageError(`--candidate ${request.dir}: no package.json there; pass the folder that holds the service's package.json`);
  }
  const dir = join(workDir, 'candidate');
  copyTree(source, dir);
  let needsInstall = false;
  if (existsSync(join(source, 'node_modules'))) symlinkSync(join(source, 'node_modules'), join(dir, 'node_modules'), 'dir');
  else if (!declaresDependencies(source)) {
    // nothing to install: a service with no npm dependencies (or not written for Node at all)
  }
  else if (sameDependencies(source, exercise.packageDir)) symlinkSync(join(exercise.packageDir, 'node_modules'), join(dir, 'node_modules'), 'dir');
  else {
    needsInstall = true;
    dropWorkspaceDependencies(join(dir, 'package.json'));
  }
  return { kind: 'candidate', dir, label: source, fixes: [], needsInstall, commands: declaredCommands(join(source, 'package.json')), dispose };
}
