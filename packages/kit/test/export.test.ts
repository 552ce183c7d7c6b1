// faultline export: every exercise at every level (and every variant) makes a candidate repo that
// installs and tests on its own, passes the leak check and has one commit; the interviewer repo's
// solution branch has one commit per fault; verify reads every fault present on the untouched
// candidate repo and fixed on the solution branch.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from '@jest/globals';
import { listExerciseIds, loadDesignPack, loadExercise } from '../src/exercises/catalog.js';
import type { Level } from '../src/exercises/types.js';
import { levelBlocks, standaloneText } from '../src/export/export.js';
import { findLeaks, secretsOf } from '../src/export/leaks.js';
import { commitsOf } from '../src/report/commits.js';
import type { VerifyReport } from '../src/report/report.js';
import { standaloneEnv } from '../src/verify/environment.js';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'faultline-export-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (command: string, args: string[], cwd: string, timeout = 300_000) => {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', timeout, env: { ...standaloneEnv(), NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, all: `${r.stdout}\n${r.stderr}` };
};
const git = (cwd: string, args: string[]) => run('git', args, cwd).stdout.trim();

interface Case { id: string; variant: string | undefined; level: Level; faults: string[] }

/** Every exercise, every variant, every level. */
function cases(): Case[] {
  return listExerciseIds(root).flatMap((id) => {
    const pack = loadDesignPack(root, id);
    if (pack) return (Object.keys(pack.levels) as Level[]).map((level) => ({ id, variant: undefined, level, faults: [] }));
    const first = loadExercise(root, id);
    const variants = first.variants.length ? first.variants : [undefined];
    return variants.flatMap((variant) => {
      const e = loadExercise(root, id, variant);
      return (Object.keys(e.levels) as Level[]).map((level) => ({ id, variant, level, faults: e.levels[level]?.faults ?? [] }));
    });
  });
}

const all = cases();
const hasCompose = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;
const exported = new Map<string, string>();
function exportCase(c: Case): string {
  const key = `${c.id}-${c.variant ?? 'only'}-${c.level}`;
  const out = join(work, key);
  const r = run(process.execPath, [cli, 'export', c.id, '--out', out, '--level', c.level, '--company', 'Acme Retail', ...(c.variant ? ['--variant', c.variant] : [])], root);
  expect(r.all).toContain('leak check clean');
  expect(r.code).toBe(0);
  exported.set(key, out);
  return out;
}

describe('faultline export', () => {
  it('When the catalog is read, then every exercise has the three levels, so each is exported three times', () => {
    expect(new Set(all.map((c) => c.id))).toEqual(new Set(listExerciseIds(root)));
    for (const id of listExerciseIds(root)) expect(new Set(all.filter((c) => c.id === id).map((c) => c.level))).toEqual(new Set(['junior', 'mid', 'senior']));
  });

  it.each(all.map((c) => [`${c.id}${c.variant ? ` (${c.variant})` : ''} at ${c.level} level`, c] as const))(
    'When %s is exported, then the candidate repo stands alone (pnpm install && pnpm test), and the solution branch has a commit per fault',
    (_name, c) => {
      const out = exportCase(c);
      const candidate = join(out, 'candidate');
      const interviewer = join(out, 'interviewer');
      expect(git(candidate, ['rev-list', '--count', 'HEAD'])).toBe('1');
      expect(git(candidate, ['status', '--porcelain'])).toBe('');
      const files = git(candidate, ['ls-files']).split('\n');
      expect(files.filter((f) => /(^|\/)(faults|interviewer)\/|fix\.patch$|probe\.ts$|\.hidden\.|GUIDE\.md$/.test(f))).toEqual([]);
      expect(files).toEqual(expect.arrayContaining(['README.md', 'package.json', 'pnpm-lock.yaml', 'faultline/kit/cli.js']));
      expect(readFileSync(join(candidate, 'README.md'), 'utf8')).toContain(`Work sample for Acme Retail · ${c.level} level`);
      // The solution branch: one commit per fault of the level, each message the fault's story.
      const subjects = git(interviewer, ['log', '--format=%s', 'main..solution']).split('\n').filter(Boolean).reverse();
      if (c.faults.length) {
        expect(subjects.map((s) => /\(([\w-]+)\)$/.exec(s)?.[1])).toEqual(c.faults);
        const body = git(interviewer, ['log', '-1', '--format=%B', 'solution']);
        for (const part of ['Symptom: ', 'Cause: ', 'Fix: ', 'Verify: ']) expect(body).toContain(part);
      }
      // Both repos' kits read their exercise: the candidate's has no faults, the interviewer's the level's.
      if (!loadDesignPack(join(candidate, 'faultline'), c.id)) {
        expect(loadExercise(join(candidate, 'faultline'), c.id).faults).toEqual([]);
        expect(loadExercise(join(interviewer, 'faultline'), c.id).faults.map((f) => f.id)).toEqual(c.faults);
      }
      if (hasCompose && files.includes('docker-compose.yml')) expect(run('docker-compose', ['config', '--quiet'], candidate).code).toBe(0);
      // The report's commit timeline tells the handed-out commit from the candidate's own.
      expect(commitsOf(candidate).map((k) => k.handedOut)).toEqual([true]);
      // Standalone: installed and tested in a folder with no monorepo around it.
      const install = run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline'], candidate);
      expect(install.all).not.toContain('ERR_PNPM');
      expect(install.code).toBe(0);
      const test = run('pnpm', ['test'], candidate);
      if (test.code !== 0) throw new Error(`pnpm test failed in ${candidate}:\n${test.all.slice(-3000)}`);
    },
    600_000,
  );

  it('When interviewer-only material is planted in a candidate repo, then the leak check names each piece', () => {
    const out = exported.get('order-service-only-senior') ?? exportCase({ id: 'order-service', variant: undefined, level: 'senior', faults: [] });
    const copy = join(work, 'planted');
    rmSync(copy, { recursive: true, force: true });
    run('cp', ['-r', join(out, 'candidate'), copy], work);
    const exercise = loadExercise(root, 'order-service');
    const secrets = secretsOf(root, exercise.dir, exercise, exercise.faults);
    expect(findLeaks(copy, secrets)).toEqual([]);
    const probeLine = readFileSync(join(exercise.dir, 'faults', 'race', 'probe.ts'), 'utf8').split('\n').find((l) => l.trim().length > 40) ?? '';
    appendFileSync(join(copy, 'src', 'main.ts'), `\n${probeLine}\n`);
    const fixLine = readFileSync(exercise.faults[1]?.patchFile ?? '', 'utf8').split('\n').find((l) => l.startsWith('+ ') && l.trim().length > 40)?.slice(1) ?? '';
    appendFileSync(join(copy, 'src', 'main.ts'), `${fixLine}\n`);
    const guide = readFileSync(join(exercise.dir, 'interviewer', 'GUIDE.md'), 'utf8').split('\n\n').find((p) => p.length > 200 && /^[A-Z]/.test(p)) ?? '';
    appendFileSync(join(copy, 'docs', 'BRIEF.md'), `\n${guide}\n\nSee n-plus-one.\n<!-- level: race -->\n`);
    mkdirSync(join(copy, 'notes'));
    writeFileSync(join(copy, 'notes', 'fix.patch'), 'x\n');
    const whats = findLeaks(copy, secrets).map((l) => `${l.file} ${l.what}`);
    expect(whats).toEqual(expect.arrayContaining([
      expect.stringMatching(/^src\/main\.ts a line of exercises\/order-service\/faults\/race\/probe\.ts/),
      expect.stringMatching(/^src\/main\.ts a line of exercises\/order-service\/faults\/n-plus-one\/fix\.patch/),
      expect.stringMatching(/^docs\/BRIEF\.md text of exercises\/order-service\/interviewer\/GUIDE\.md/),
      'docs/BRIEF.md the fault id "n-plus-one"',
      'docs/BRIEF.md a marker export removes (level, monorepo or exported block)',
      'notes/fix.patch an interviewer-only file',
    ]));
  });

  it('When a level pre-fixes a fault, then its report leaves the brief, and no marker stays either way', () => {
    const text = 'a\n\n<!-- level: race -->\n**Warehouse.** oversold\n<!-- /level -->\n\n<!-- level: logic -->\n**Finance.** wrong\n<!-- /level -->\n\nend\n';
    expect(levelBlocks(text, ['race'])).toBe('a\n\n**Finance.** wrong\n\nend\n');
    expect(levelBlocks(text, [])).toBe('a\n\n**Warehouse.** oversold\n\n**Finance.** wrong\n\nend\n');
    expect(standaloneText('cd packages/order-service\npnpm --filter @faultline/order-service test\nsee `packages/order-service` and packages/order-service/src/main.ts\n', { id: 'order-service' }, 'packages/order-service', '@faultline/order-service'))
      .toBe('pnpm test\nsee this repository and src/main.ts\n');
  });

  it('When export --check runs, then it installs, tests and checks the exported repos in their own folders', () => {
    const out = join(work, 'checked-fintech');
    const r = run(process.execPath, [cli, 'export', 'architecture-fintech', '--level', 'mid', '--out', out, '--check'], root);
    expect(r.stdout).toContain('✓ candidate: pnpm install --frozen-lockfile');
    expect(r.stdout).toContain('✓ candidate: pnpm test');
    expect(r.stdout).toContain('✓ interviewer solution: pnpm check-design (the reference design)');
    expect(r.stdout).toContain('export checked: it stands alone');
    expect(r.code).toBe(0);
    // The candidate's design.md is the blank template: check-design lists what is still to write.
    const blank = run('pnpm', ['check-design'], join(out, 'candidate'));
    expect(blank.code).toBe(1);
    expect(blank.all).toContain('10 findings');
  }, 300_000);

  it('When the folder is not empty, the level or the variant is unknown, then export exits 2 and says what to pass', () => {
    const busy = join(work, 'busy');
    mkdirSync(busy, { recursive: true });
    writeFileSync(join(busy, 'x'), '');
    expect(run(process.execPath, [cli, 'export', 'order-service', '--out', busy], root)).toMatchObject({ code: 2, stderr: expect.stringContaining('the folder is not empty') });
    expect(run(process.execPath, [cli, 'export', 'order-service', '--out', join(work, 'n1'), '--level', 'staff'], root)).toMatchObject({ code: 2, stderr: expect.stringContaining('--level must be one of junior, mid, senior') });
    expect(run(process.execPath, [cli, 'export', 'inventory-api', '--out', join(work, 'n2'), '--variant', 'koa'], root)).toMatchObject({ code: 2, stderr: expect.stringContaining('its variants are fastify, express, nest') });
    expect(run(process.execPath, [cli, 'export', 'order-service'], root)).toMatchObject({ code: 2, stderr: expect.stringContaining('export needs --out DIR') });
  });
});

/** Verify from the interviewer repo: the untouched candidate repo, then the solution branch. */
function roundTrip(key: string, extra: string[]): { candidate: VerifyReport; solution: VerifyReport } {
  const out = exported.get(key);
  if (!out) throw new Error(`${key} was not exported by the tests above`);
  const interviewer = join(out, 'interviewer');
  expect(run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline'], interviewer).code).toBe(0);
  const verify = (args: string[], json: string) => {
    const r = run('pnpm', ['verify', ...args, '--quiet', '--json', json, ...extra], interviewer, 600_000);
    if (r.code !== 0 && r.code !== 1) throw new Error(`verify exited ${r.code}:\n${r.all.slice(-3000)}`);
    return JSON.parse(readFileSync(json, 'utf8')) as VerifyReport;
  };
  const candidate = verify(['--candidate', '../candidate'], join(out, 'candidate.json'));
  git(interviewer, ['checkout', '--quiet', 'solution']);
  const solution = verify([], join(out, 'solution.json'));
  git(interviewer, ['checkout', '--quiet', 'main']);
  return { candidate, solution };
}

describe('faultline export: verify from the interviewer repo', () => {
  it.each([
    ['order-service-only-junior', [] as string[], ['logic', 'n-plus-one']],
    ['inventory-api-express-junior', [], ['express-crud', 'express-stock-movements', 'express-senior-extras']],
    ['booking-schema-only-junior', ['--size', 'small', '--no-measure'], ['double-booking', 'float-money', 'orphan-rows', 'unchecked-values']],
  ])('When %s is verified, then the candidate repo has every fault of its level present and the solution branch has them fixed', (key, extra, faults) => {
    const { candidate, solution } = roundTrip(key, extra);
    expect(candidate.faults.map((f) => [f.id, f.verdict])).toEqual(faults.map((f) => [f, 'present']));
    expect(solution.faults.map((f) => [f.id, f.verdict])).toEqual(faults.map((f) => [f, 'fixed']));
  }, 900_000);

  it('When the candidate runs pnpm start, then the service answers on the printed URL and Ctrl-C stops it', async () => {
    const candidate = join(exported.get('order-service-only-junior') ?? '', 'candidate');
    const child = spawn('pnpm', ['start'], { cwd: candidate, env: standaloneEnv(), detached: true });
    let output = '';
    child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
    try {
      const deadline = Date.now() + 180_000;
      while (!/service\s+(http:\/\/127\.0\.0\.1:\d+)/.test(output) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 250));
      const url = /service\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (!url) throw new Error(`pnpm start printed no URL:\n${output}`);
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
    } finally {
      if (child.pid) process.kill(-child.pid, 'SIGINT');
      await new Promise((r) => child.once('exit', r));
    }
  }, 240_000);
});
