import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { loadDesignPack, loadExercise, withRequirements, type DesignPack } from '../exercises/catalog.js';
import type { Exercise, ExportSpec, FaultSpec, Level, LevelSpec } from '../exercises/types.js';
import { EXPORT_AUTHOR } from '../report/commits.js';
import { commitMessage, git as gitIn } from '../solution/solution.js';
import { InfrastructureError, UsageError } from '../util/errors.js';
import { standaloneEnv } from '../verify/environment.js';
import { applyPatch, copyTree, SKIP } from '../verify/target.js';
import { findLeaks, secretsOf, type Leak } from './leaks.js';

export interface ExportOptions {
  out: string;
  level?: Level;
  company?: string;
  variant?: string;
  /** Resolve dependencies into a pnpm-lock.yaml (needs pnpm and the registry); on by default. */
  lockfile?: boolean;
  progress?: (message: string) => void;
}

export interface ExportResult {
  candidateDir: string;
  interviewerDir: string;
  level: Level | undefined;
  /** Faults the candidate gets. */
  faults: string[];
  /** Faults fixed before the candidate sees the code (the level leaves them out). */
  prefixed: string[];
  /** The interviewer repo's solution branch, oldest first: "<sha> <subject>". */
  solution: string[];
  lockfile: boolean;
}

/** The folder, inside each exported repo, that holds the kit and the exercise definition. */
export const RUNTIME = 'faultline';
const KIT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PNPM = 'pnpm@10.34.9';
const AUTHOR = ['-c', 'user.name=faultline export', '-c', `user.email=${EXPORT_AUTHOR}`];
/** What the kit needs at run time in an exported repo (mermaid and Chromium only for design checks). */
const RUNTIME_DEPENDENCIES = ['@swc/core', 'autocannon', 'fast-check', 'pg', 'ws', 'yaml'];
const DESIGN_DEPENDENCIES = ['mermaid', 'playwright-core'];

function git(cwd: string, args: string[]): string {
  return gitIn(cwd, args, true);
}

function copy(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  copyTree(from, to);
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

function writeJson(file: string, value: unknown): void {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

export function slug(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'company';
}

/** Which level to export: the one asked for, or the one with the most faults (the whole exercise). */
function pickLevel(levels: Partial<Record<Level, LevelSpec>>, asked: Level | undefined, id: string): [Level | undefined, LevelSpec | undefined] {
  const names = Object.keys(levels) as Level[];
  if (asked) {
    const spec = levels[asked];
    if (!spec) throw new UsageError(`--level ${asked}: exercise ${id} has ${names.length ? `levels ${names.join(', ')}` : 'no levels'} (exercise.yaml levels:)`);
    return [asked, spec];
  }
  if (names.length === 0) return [undefined, undefined];
  const widest = names.reduce((a, b) => ((levels[b]?.faults.length ?? 0) > (levels[a]?.faults.length ?? 0) ? b : a));
  return [widest, levels[widest]];
}

/**
 * Text written for the monorepo, made true in a standalone repo: the package is the repository
 * root, candidate documents are in docs/, load scenarios in load-tests/, and `pnpm faultline …`
 * runs the copy of the kit in faultline/.
 */
export function standaloneText(text: string, exercise: { id: string }, packagePath: string | undefined, packageName: string | undefined): string {
  let out = text;
  if (packageName) out = out.replaceAll(`pnpm --filter ${packageName} `, 'pnpm ');
  if (packagePath) {
    out = out.replace(new RegExp(`^[ \\t]*cd ${escape(packagePath)}[ \\t]*(#.*)?\\n`, 'gm'), '');
    out = out.replaceAll(`${packagePath}/README.md`, 'README.md');
    out = out.replaceAll(`/${packagePath}`, ''); // e.g. PATH_TO_THEIR_CLONE/packages/x: the clone is the package
    out = out.replaceAll(`\`${packagePath}\``, 'this repository');
    out = out.replaceAll(`In ${packagePath},`, 'In this repository,');
    out = out.replaceAll(`${packagePath}/`, '');
    out = out.replaceAll(packagePath, 'this repository');
  }
  out = out.replaceAll(`exercises/${exercise.id}/candidate/`, 'docs/');
  out = out.replaceAll(`load-tests/${exercise.id}/`, 'load-tests/');
  return out;
}

/**
 * Candidate documents mark what belongs to one fault (a report of its symptom) with
 * `<!-- level: <fault-id> -->` … `<!-- /level -->`: the block goes when the level pre-fixes the
 * fault, and the markers always go, so no fault id reaches the candidate.
 */
export function levelBlocks(text: string, prefixed: readonly string[]): string {
  return text.replace(/<!-- level: ([\w-]+) -->\n([\s\S]*?)<!-- \/level -->\n?(\n?)/g, (_all, id: string, body: string, gap: string) => (prefixed.includes(id) ? '' : `${body}${gap}`));
}

/**
 * Text true only in one place: `<!-- monorepo -->…<!-- /monorepo -->` is dropped on export, and
 * `<!-- exported … -->` (a comment, so invisible in the monorepo) is revealed.
 */
export function placeBlocks(text: string): string {
  return text
    .replace(/<!-- monorepo -->\n?[\s\S]*?<!-- \/monorepo -->\n?/g, '')
    .replace(/<!-- exported\n([\s\S]*?)\n?-->/g, (_all, body: string) => body.replace(/\n$/, ''));
}

/** Everything export does to a document: the standalone paths, this level's blocks, this place's blocks. */
function forExport(ctx: Context, text: string): string {
  return placeBlocks(levelBlocks(standaloneText(text, { id: ctx.id }, ctx.packagePath, ctx.packageName), ctx.prefixed));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A line under a document's title naming the company, the level and the time box. */
function withHeader(text: string, header: string | undefined): string {
  if (!header) return text;
  const lines = text.split('\n');
  const title = lines.findIndex((l) => l.startsWith('# '));
  if (title < 0) return `> ${header}\n\n${text}`;
  lines.splice(title + 1, 0, '', `> ${header}`);
  return lines.join('\n');
}

function filesUnder(dir: string): string[] {
  if (!statSync(dir).isDirectory()) return [dir];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (SKIP.has(e.name) ? [] : e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

interface Context {
  root: string;
  id: string;
  title: string;
  activity: string;
  company: string | undefined;
  level: Level | undefined;
  levelSpec: LevelSpec | undefined;
  duration: string;
  spec: ExportSpec;
  exerciseDir: string;
  packagePath: string | undefined;
  packageName: string | undefined;
  scenarios: string[];
  /** Faults the level leaves out (fixed before the candidate sees the code). */
  prefixed: string[];
  progress: (message: string) => void;
}

function header(ctx: Context): string | undefined {
  const parts = [
    ctx.company ? `Work sample for ${ctx.company}` : 'Work sample',
    ctx.level && ctx.levelSpec ? `${ctx.level} level, ${ctx.levelSpec.minutes} minutes` : ctx.duration,
  ];
  return parts.join(' · ');
}

/** Copies the allow-listed documents and files, rewritten for a standalone repo. */
function copyCandidateContent(ctx: Context, dir: string): string[] {
  const written: string[] = [];
  const place = (from: string, to: string) => {
    mkdirSync(dirname(to), { recursive: true });
    if (/\.(md|txt)$/.test(from)) {
      const text = forExport(ctx, readFileSync(from, 'utf8'));
      writeFileSync(to, to.startsWith(join(dir, 'docs')) ? withHeader(text, header(ctx)) : text);
    } else {
      cpSync(from, to);
    }
    written.push(relative(dir, to));
  };
  for (const doc of ctx.spec.docs) {
    const from = join(ctx.exerciseDir, doc);
    for (const file of filesUnder(from)) place(file, join(dir, 'docs', statSync(from).isDirectory() ? relative(from, file) : basename(file)));
  }
  for (const { from, to } of ctx.spec.files) {
    const source = join(ctx.root, from);
    for (const file of filesUnder(source)) place(file, join(dir, to, statSync(source).isDirectory() ? relative(source, file) : ''));
  }
  return written;
}

/** The kit, compiled, as the exported repos run it: faultline/kit/. */
function copyKit(dir: string): void {
  const dist = join(KIT_ROOT, 'dist');
  if (!existsSync(join(dist, 'cli.js'))) throw new InfrastructureError(`${dist}/cli.js is missing: build the kit first (pnpm build)`);
  for (const file of filesUnder(dist)) {
    if (!file.endsWith('.js') || file.endsWith('.test.js')) continue;
    const to = join(dir, RUNTIME, 'kit', relative(dist, file));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(file, to);
  }
}

function runtimePackage(ctx: Context, dir: string): void {
  const kit = readJson<{ dependencies: Record<string, string>; optionalDependencies?: Record<string, string> }>(join(KIT_ROOT, 'package.json'));
  const names = [...RUNTIME_DEPENDENCIES, ...(ctx.activity === 'architecture' ? DESIGN_DEPENDENCIES : [])];
  writeJson(join(dir, RUNTIME, 'package.json'), {
    name: 'faultline-runtime',
    private: true,
    type: 'module',
    description: 'The faultline kit this repository runs with: an embedded PostgreSQL, the service supervisor, load scenarios and checks.',
    dependencies: Object.fromEntries(names.map((n) => [n, kit.dependencies[n] ?? '*'])),
    optionalDependencies: kit.optionalDependencies ?? {},
  });
  // The kit finds its root by walking up to a folder with exercises/ and a package.json.
  const workspace = parse(readFileSync(join(ctx.root, 'pnpm-workspace.yaml'), 'utf8')) as { allowBuilds?: Record<string, boolean> };
  writeFileSync(join(dir, 'pnpm-workspace.yaml'), [
    '# The service is the root package; faultline/ holds the kit it runs with (pnpm start, pnpm load, …).',
    stringify({ packages: [RUNTIME], allowBuilds: workspace.allowBuilds ?? {} }),
  ].join('\n'));
}

/**
 * The exercise definition the exported kit reads: the package is the repository root, load
 * scenarios are in load-tests/, and only the faults in `faults` (none for candidates) exist.
 */
function exerciseYaml(ctx: Context, exercise: Exercise | undefined, faults: readonly string[], audience: 'candidate' | 'interviewer'): string {
  const doc = parse(readFileSync(join(ctx.exerciseDir, 'exercise.yaml'), 'utf8')) as Record<string, unknown>;
  delete doc.export;
  if (ctx.scenarios.length) doc.loadTests = '../load-tests';
  const keep = (list: unknown) => (Array.isArray(list) ? list.filter((f) => faults.includes(String(f))) : list);
  if (doc.faults !== undefined) doc.faults = keep(doc.faults);
  if (doc.package !== undefined) doc.package = '..';
  if (doc.variants !== undefined && exercise?.variant) {
    const variant = (doc.variants as Record<string, Record<string, unknown>>)[exercise.variant] ?? {};
    variant.package = '..';
    if (variant.faults !== undefined) variant.faults = keep(variant.faults);
    if (ctx.level && variant.levels) variant.levels = { [ctx.level]: { ...(variant.levels as Record<string, object>)[ctx.level], faults } };
    else delete variant.levels;
    doc.variants = { [exercise.variant]: variant };
  }
  if (ctx.level && doc.levels) doc.levels = { [ctx.level]: { ...(doc.levels as Record<string, object>)[ctx.level], faults } };
  else delete doc.levels;
  if (doc.bench && typeof doc.bench === 'object') {
    const bench = doc.bench as { repeats?: Record<string, number> };
    if (bench.repeats) bench.repeats = Object.fromEntries(Object.entries(bench.repeats).filter(([k]) => faults.includes(k)));
  }
  if (audience === 'interviewer' && ctx.prefixed.length) doc.prefixed = ctx.prefixed;
  if (audience === 'candidate') {
    // The summary names every fault's symptom; the candidate's documents say what their level has.
    doc.summary = doc.title;
    for (const key of ['levels', 'followUps', 'measure', 'bench', 'functionalGate']) delete doc[key];
    if (doc.variants) for (const v of Object.values(doc.variants as Record<string, Record<string, unknown>>)) delete v.levels;
    if (ctx.spec.functional) doc.functional = ctx.spec.functional;
    else delete doc.functional;
    if (doc.dataset && !ctx.spec.runtime.some((r) => String((doc.dataset as { module: string }).module).startsWith(r))) delete doc.dataset;
  }
  const note = audience === 'candidate'
    ? '# What `pnpm start`, `pnpm load` and `pnpm faultline …` run: the service at the repository root.'
    : `# The exercise as graded here${ctx.level ? ` (${ctx.level} level)` : ''}: the service at the repository root, the faults of this level.`;
  return `${note}\n${stringify(doc, { lineWidth: 0 })}`;
}

function packageJson(ctx: Context, dir: string, audience: 'candidate' | 'interviewer', exercise: Exercise | undefined): void {
  const file = join(dir, 'package.json');
  const kit = `node ${RUNTIME}/kit/cli.js`;
  const pkg: Record<string, unknown> = existsSync(file)
    ? readJson<Record<string, unknown>>(file)
    : { name: ctx.id, version: '1.0.0', private: true, type: 'module', description: ctx.title };
  pkg.name = `${ctx.company ? `${slug(ctx.company)}-` : ''}${ctx.id}`;
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
    const deps = pkg[field] as Record<string, string> | undefined;
    if (deps) for (const [name, spec] of Object.entries(deps)) if (spec.startsWith('workspace:')) delete deps[name];
  }
  const own = { ...((pkg.scripts as Record<string, string> | undefined) ?? {}) };
  // The monorepo's lint config does not travel; typecheck and the tests do.
  for (const [name, script] of Object.entries(own)) if (script.includes('eslint-faultline')) delete own[name];
  const scripts: Record<string, string> = { faultline: kit };
  if (exercise) {
    scripts.start = `${kit} start ${ctx.id}`;
    if (own.start && !own.start.startsWith(kit)) own['start:own-database'] = own.start;
    delete own.start;
    if (ctx.scenarios.length) scripts.load = `${kit} load ${ctx.id}`;
  }
  for (const [name, script] of Object.entries(ctx.spec.scripts)) scripts[name] = script.replace(/^faultline /, `${kit} `);
  if (audience === 'interviewer' && exercise) {
    scripts.verify = `${kit} verify ${ctx.id}`;
    scripts.hint = `${kit} hint ${ctx.id}`;
    scripts.selftest = `${kit} selftest ${ctx.id}`;
  }
  pkg.scripts = { ...own, ...scripts };
  pkg.packageManager = PNPM;
  pkg.engines = { node: '>=20.11' };
  writeJson(file, pkg);
}

function gitignore(dir: string): void {
  writeFileSync(join(dir, '.gitignore'), ['node_modules', 'dist', '.clinic', `${RUNTIME}/.faultline`, `${RUNTIME}/node_modules`, '*.cpuprofile', '*.heapsnapshot', '*.tsbuildinfo', 'data/', ''].join('\n'));
}

/** docker-compose.yml for people who prefer containers: PostgreSQL, and the service built from this folder. */
function compose(ctx: Context, dir: string, exercise: Exercise): void {
  const { build, prepare, start, env } = exercise.service;
  const sh = (argv: string[]) => argv.map((a) => (/^[\w./=:-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`)).join(' ');
  writeFileSync(join(dir, 'Dockerfile'), [
    '# Builds the service in this folder; docker-compose.yml runs it next to PostgreSQL.',
    'FROM node:20-bookworm-slim',
    `RUN npm install -g ${PNPM}`,
    'WORKDIR /app',
    'COPY . .',
    `RUN pnpm install --frozen-lockfile && ${sh(build)}`,
    'ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000',
    'EXPOSE 3000',
    `CMD ["sh", "-c", ${JSON.stringify(`${sh(prepare)} && exec ${sh(start)}`)}]`,
    '',
  ].join('\n'));
  writeFileSync(join(dir, '.dockerignore'), 'node_modules\ndist\n.git\nfaultline/node_modules\nfaultline/.faultline\n');
  const service = {
    build: { context: '.' },
    environment: { DATABASE_URL: 'postgres://app:app@postgres:5432/app', HOST: '0.0.0.0', PORT: '3000', ...env },
    ports: ['127.0.0.1:3000:3000'],
    depends_on: { postgres: { condition: 'service_healthy' } },
  };
  writeFileSync(join(dir, 'docker-compose.yml'), [
    '# `pnpm start` needs no Docker: it runs an embedded PostgreSQL. With Docker instead:',
    '#   docker compose up --build        # PostgreSQL on 127.0.0.1:5432, the service on http://127.0.0.1:3000',
    stringify({
      services: {
        postgres: {
          image: 'postgres:18.1-bookworm',
          environment: { POSTGRES_USER: 'app', POSTGRES_PASSWORD: 'app', POSTGRES_DB: 'app' },
          command: ['postgres', '-c', 'shared_preload_libraries=pg_stat_statements'],
          ports: ['127.0.0.1:5432:5432'],
          healthcheck: { test: ['CMD-SHELL', 'pg_isready -U app -d app'], interval: '2s', timeout: '3s', retries: 30 },
        },
        [ctx.id]: service,
      },
    }),
  ].join('\n'));
}

function readme(ctx: Context, dir: string, audience: 'candidate' | 'interviewer', exercise: Exercise | undefined, faults: FaultSpec[]): void {
  const existing = existsSync(join(dir, 'README.md')) ? readFileSync(join(dir, 'README.md'), 'utf8') : '';
  const docs = existsSync(join(dir, 'docs')) ? readdirSync(join(dir, 'docs')).filter((f) => f.endsWith('.md')).sort() : [];
  const scripts = (readJson<{ scripts: Record<string, string> }>(join(dir, 'package.json'))).scripts;
  const lines = [`# ${ctx.title}`, '', `> ${header(ctx) ?? ''}`, ''];
  if (audience === 'interviewer') {
    lines.push('**Interviewer repository: keep it private.** The candidate gets the repository made next to it (`candidate/`), which has none of the files under `faultline/exercises/*/faults`, `interviewer/` or this section.', '');
  }
  lines.push('## Start here', '', '```sh', 'pnpm install          # Node 20.11+ and pnpm 10 (corepack enable, or npm install -g pnpm@10)');
  if (exercise) lines.push('pnpm start            # builds the service, starts PostgreSQL (embedded, no Docker), prints the URL; Ctrl-C stops all');
  if (scripts.test) lines.push(`pnpm test             # ${ctx.activity === 'architecture' && !exercise ? 'checks capacity.yaml and prints the sizing it implies' : 'the unit tests (green on the code as you receive it)'}`);
  if (scripts.acceptance) lines.push('pnpm acceptance       # the visible acceptance checks against a fresh server (red until the API is built)');
  if (scripts['check-design']) lines.push('pnpm check-design     # is design.md complete: sections, mermaid diagrams, numbers');
  if (scripts.load) for (const s of ctx.scenarios) lines.push(`pnpm load ${`${s} `.padEnd(16)}# load scenario load-tests/${s}.scenario.mjs (--url URL to use a running server)`);
  if (ctx.id === 'booking-schema') lines.push('pnpm faultline dataset booking-schema --size small --out data/small   # the dataset, as CSV files');
  lines.push('```', '');
  const first = ['BRIEF.md', 'SCENARIO.md', 'REQUIREMENTS.md'].find((d) => docs.includes(d));
  if (docs.length) {
    lines.push('## Documents', '');
    if (first) lines.push(`Read [docs/${first}](docs/${first}) first: the situation, what to deliver and what done means.`, '');
    lines.push(...docs.map((d) => `- [docs/${d}](docs/${d})`), '');
  }
  if (audience === 'candidate') {
    lines.push('## Handing in', '',
      'Commit as you go, one commit per change, with messages that say what and why: your reviewer reads the history.',
      'When the time box ends, push to the repository you were given, or make one file of it and send that:', '',
      '```sh', 'git bundle create ../work-sample.bundle --all     # outside the repository, so it is never committed', '```', '');
  }
  if (audience === 'interviewer') {
    if (faults.length) {
      lines.push('## Grading', '', '```sh',
        'pnpm verify --candidate ../their-clone     # the scorecard for a candidate\'s returned repository (exit 0: all fixed, 1: something present)',
        'pnpm verify --candidate ../their-clone --html report.html --json report.json',
        'git checkout solution && pnpm verify       # the reference: every fault of this level reads fixed',
        'pnpm hint <fault> --step 1                 # a hint to give live (steps 1 to 3)',
        '```', '');
    } else {
      lines.push('## Grading', '', '```sh',
        'pnpm faultline lint-design ../their-clone/design.md   # sections, mermaid diagrams, numbers: what is missing, by section',
        'pnpm faultline capacity ' + ctx.id.replace(/^architecture-/, '') + ' --assumptions ../their-clone/capacity.yaml   # their numbers, arithmetic shown',
        'git checkout solution                                  # design.md becomes the reference design',
        '```', '',
        'The rubric, the questions to ask and the weak answers to listen for are in `interviewer/GUIDE.md`.', '');
    }
    if (faults.length) {
      lines.push('## The faults of this level', '', '| fault | kind | title |', '|---|---|---|', ...faults.map((f) => `| \`${f.id}\` | ${f.kind} | ${f.title.replaceAll('|', '\\|')} |`), '');
      lines.push('The branch `solution` fixes them one commit each, in this order; each message says the symptom, the cause, the fix and how to check it. The interviewer guide is `interviewer/GUIDE.md`.', '');
    }
  }
  // The package's own `start` (which needs a DATABASE_URL) is `start:own-database` here.
  let own = scripts['start:own-database'] ? existing.replace(/\bpnpm start(?![:\w-])/g, 'pnpm start:own-database') : existing;
  // The monorepo's lint setup does not travel, so neither do the lines that mention it.
  if (!scripts.lint) own = own.split('\n').filter((l) => !/\bpnpm lint\b/.test(l)).join('\n');
  const body = own ? `\n---\n\n${standaloneText(own, { id: ctx.id }, ctx.packagePath, ctx.packageName).replace(/^# .*\n/, '## About the service\n')}` : '';
  writeFileSync(join(dir, 'README.md'), `${lines.join('\n')}${body}`);
}

function lock(dir: string, progress: (m: string) => void): boolean {
  progress(`resolving dependencies into ${relative(process.cwd(), join(dir, 'pnpm-lock.yaml'))}`);
  try {
    execFileSync('pnpm', ['install', '--lockfile-only', '--ignore-scripts', '--prefer-offline', '--reporter=silent'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: standaloneEnv(),
    });
    return true;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim() ?? String(error);
    throw new InfrastructureError(`pnpm could not resolve the exported repo's dependencies (pass --no-lockfile to export without a lockfile): ${stderr.split('\n').slice(-5).join(' ')}`);
  }
}

function commitAll(dir: string, message: string): string {
  git(dir, ['add', '--all']);
  git(dir, [...AUTHOR, 'commit', '--quiet', '--no-verify', '-m', message]);
  return git(dir, ['rev-parse', '--short', 'HEAD']);
}

/**
 * Exports an exercise as two git repositories under `out`: candidate/ (one commit: the code at the
 * level, the candidate's documents, tests, load scenarios and the runtime) and interviewer/ (the
 * same plus the probes, hidden checks and guide; branch `solution` fixes the level's faults one
 * commit each). A leak check of candidate/ runs before anything is returned.
 */
export function exportExercise(root: string, id: string, options: ExportOptions): ExportResult {
  const progress = options.progress ?? (() => undefined);
  const pack = loadDesignPack(root, id);
  const exercise = pack ? undefined : loadExercise(root, id, options.variant);
  if (pack && options.variant) throw new UsageError(`--variant: ${id} is a design exercise and has no variants`);
  const source: Exercise | DesignPack = exercise ?? (pack as DesignPack);
  const [level, levelSpec] = pickLevel(source.levels, options.level, id);
  const all = exercise?.faults ?? [];
  const faults = levelSpec ? all.filter((f) => levelSpec.faults.includes(f.id)) : all;
  const prefixed = all.filter((f) => !faults.includes(f));
  if (existsSync(options.out) && readdirSync(options.out).length > 0) {
    throw new UsageError(`--out ${options.out}: the folder is not empty; pass a new or empty folder`);
  }
  const packageName = exercise ? readJson<{ name: string }>(join(exercise.packageDir, 'package.json')).name : undefined;
  const scenarioDir = join(root, 'load-tests', id);
  const ctx: Context = {
    root, id, title: source.title, activity: exercise?.activity ?? 'architecture', company: options.company, level, levelSpec,
    duration: source.duration, spec: source.export, exerciseDir: source.dir, packagePath: exercise?.packagePath, packageName,
    scenarios: exercise && existsSync(scenarioDir) ? readdirSync(scenarioDir).filter((f) => f.endsWith('.scenario.mjs')).map((f) => f.replace('.scenario.mjs', '')).sort() : [],
    prefixed: prefixed.map((f) => f.id),
    progress,
  };
  if (ctx.scenarios.length && !ctx.spec.files.some((f) => f.from === `load-tests/${id}`)) {
    throw new UsageError(`exercise ${id} has load scenarios in load-tests/${id} but its export.files does not list them`);
  }

  const candidate = join(options.out, 'candidate');
  const interviewer = join(options.out, 'interviewer');
  mkdirSync(candidate, { recursive: true });
  progress(`candidate repo: ${relative(process.cwd(), candidate) || candidate}`);
  if (exercise) {
    copy(exercise.packageDir, candidate);
    // Faults this level leaves out are fixed before the candidate sees the code.
    for (const fault of withRequirements(exercise, prefixed.map((f) => f.id))) applyPatch(candidate, fault.patchFile);
    rmSync(join(candidate, 'Dockerfile'), { force: true });
  }
  copyCandidateContent(ctx, candidate);
  copyKit(candidate);
  runtimePackage(ctx, candidate);
  const runtimeExercise = join(candidate, RUNTIME, 'exercises', id);
  mkdirSync(runtimeExercise, { recursive: true });
  for (const r of [...ctx.spec.runtime, ...(ctx.spec.functional ? [ctx.spec.functional] : [])]) copy(join(ctx.exerciseDir, r), join(runtimeExercise, r));
  writeFileSync(join(runtimeExercise, 'exercise.yaml'), exerciseYaml(ctx, exercise, [], 'candidate'));
  if (ctx.activity === 'architecture') copy(join(root, 'exercises', 'architecture-shared', 'DESIGN_TEMPLATE.md'), join(candidate, RUNTIME, 'exercises', 'architecture-shared', 'DESIGN_TEMPLATE.md'));
  writeFileSync(join(candidate, RUNTIME, 'README.md'), `# ${RUNTIME}/\n\nThe tooling this repository runs with (\`pnpm start\`, \`pnpm load\`, \`pnpm faultline …\`): the faultline kit, compiled, and the exercise's definition. You do not need to read or change it.\n`);
  packageJson(ctx, candidate, 'candidate', exercise);
  if (exercise) compose(ctx, candidate, exercise);
  readme(ctx, candidate, 'candidate', exercise, faults);
  gitignore(candidate);
  const lockfile = options.lockfile !== false && lock(candidate, progress);

  // The interviewer repo: the candidate's files, then what only interviewers get.
  copy(candidate, interviewer);
  const fullExercise = join(interviewer, RUNTIME, 'exercises', id);
  for (const entry of readdirSync(ctx.exerciseDir, { withFileTypes: true })) {
    if (['interviewer', 'faults'].includes(entry.name)) continue;
    copy(join(ctx.exerciseDir, entry.name), join(fullExercise, entry.name));
  }
  for (const fault of faults) copy(fault.dir, join(fullExercise, 'faults', fault.id));
  if (existsSync(join(ctx.exerciseDir, 'interviewer'))) {
    for (const file of filesUnder(join(ctx.exerciseDir, 'interviewer'))) {
      const to = join(interviewer, 'interviewer', relative(join(ctx.exerciseDir, 'interviewer'), file));
      mkdirSync(dirname(to), { recursive: true });
      writeFileSync(to, file.endsWith('.md') ? forExport(ctx, readFileSync(file, 'utf8')) : readFileSync(file));
    }
  }
  writeFileSync(join(fullExercise, 'exercise.yaml'), exerciseYaml(ctx, exercise, faults.map((f) => f.id), 'interviewer'));
  packageJson(ctx, interviewer, 'interviewer', exercise);
  rmSync(join(interviewer, 'README.md'));
  if (exercise && existsSync(join(exercise.packageDir, 'README.md'))) cpSync(join(exercise.packageDir, 'README.md'), join(interviewer, 'README.md'));
  readme(ctx, interviewer, 'interviewer', exercise, faults);

  // The leak check runs before either repository is committed: a leak leaves no repo behind.
  const leaks = findLeaks(candidate, secretsOf(root, ctx.exerciseDir, exercise, faults, prefixed));
  if (leaks.length) {
    rmSync(options.out, { recursive: true, force: true });
    throw new InfrastructureError(`export stopped: interviewer-only content in the candidate repo\n${formatLeaks(leaks)}`);
  }

  const levelText = level ? ` (${level} level)` : '';
  const subject = `${ctx.title}: work sample${ctx.company ? ` for ${ctx.company}` : ''}${levelText}`;
  git(candidate, ['init', '--quiet', '-b', 'main']);
  commitAll(candidate, subject);
  git(interviewer, ['init', '--quiet', '-b', 'main']);
  commitAll(interviewer, `${subject}, with the grading kit`);
  const solution: string[] = [];
  const reference = join(ctx.exerciseDir, 'interviewer', 'reference-design.md');
  if (faults.length || existsSync(reference)) {
    git(interviewer, ['checkout', '--quiet', '-b', 'solution']);
    for (const fault of faults) {
      applyPatch(interviewer, fault.patchFile);
      solution.push(`${commitAll(interviewer, commitMessage(fault))} ${fault.title} (${fault.id})`);
    }
    if (faults.length === 0 && existsSync(reference)) {
      cpSync(reference, join(interviewer, 'design.md'));
      solution.push(`${commitAll(interviewer, 'Reference design\n\nThe design the rubric was written against, in the template\'s sections; `pnpm check-design` passes on it.\n')} Reference design`);
    }
    git(interviewer, ['checkout', '--quiet', 'main']);
  }
  return { candidateDir: candidate, interviewerDir: interviewer, level, faults: faults.map((f) => f.id), prefixed: prefixed.map((f) => f.id), solution, lockfile };
}

export function formatLeaks(leaks: readonly Leak[]): string {
  return leaks.slice(0, 20).map((l) => `  ${l.file}${l.line ? `:${l.line}` : ''}: ${l.what}`).join('\n') + (leaks.length > 20 ? `\n  … and ${leaks.length - 20} more` : '');
}
