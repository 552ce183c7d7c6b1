import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VerifyReport } from '../report/report.js';
import { standaloneEnv } from '../verify/environment.js';
import type { ExportResult } from './export.js';

/** One step of `faultline export --check`: what ran, where, and whether it did what it must. */
export interface CheckStep {
  step: string;
  ok: boolean;
  detail: string;
  ms: number;
}

function run(command: string, args: string[], cwd: string, timeout = 900_000) {
  const started = Date.now();
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', timeout, env: { ...standaloneEnv(), NO_COLOR: '1' } });
  return { code: r.status, out: `${r.stdout ?? ''}\n${r.stderr ?? ''}`, ms: Date.now() - started };
}

const tail = (text: string) => text.trim().split('\n').slice(-6).join('\n');

/**
 * Proves an export the way its users will meet it, in the exported folders only: the candidate
 * repo installs and its tests pass; from the interviewer repo, verify reads every fault of the
 * level present on the untouched candidate repo and fixed on the solution branch. For a design
 * exercise, the reference design on the solution branch passes `pnpm check-design`.
 */
export function checkExport(result: ExportResult, options: { verifyArgs?: string[]; progress?: (m: string) => void } = {}): CheckStep[] {
  const progress = options.progress ?? (() => undefined);
  const steps: CheckStep[] = [];
  const add = (step: string, ok: boolean, detail: string, ms: number) => {
    steps.push({ step, ok, detail, ms });
    progress(`${ok ? 'ok' : 'FAILED'}  ${step} (${(ms / 1000).toFixed(1)} s)${ok ? '' : `\n${detail}`}`);
    return ok;
  };
  const { candidateDir: candidate, interviewerDir: interviewer } = result;
  const install = (dir: string, name: string) => {
    const r = run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline'], dir);
    return add(`${name}: pnpm install --frozen-lockfile`, r.code === 0, tail(r.out), r.ms);
  };
  if (!install(candidate, 'candidate')) return steps;
  const test = run('pnpm', ['test'], candidate);
  add('candidate: pnpm test', test.code === 0, tail(test.out), test.ms);
  if (!install(interviewer, 'interviewer')) return steps;
  const git = (args: string[]) => run('git', args, interviewer);

  if (result.faults.length === 0) {
    if (result.solution.length === 0) return steps;
    git(['checkout', '--quiet', 'solution']);
    const design = run('pnpm', ['check-design'], interviewer);
    git(['checkout', '--quiet', 'main']);
    add('interviewer solution: pnpm check-design (the reference design)', design.code === 0, tail(design.out), design.ms);
    return steps;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'faultline-export-check-'));
  try {
    const verify = (args: string[], expected: 'present' | 'fixed', step: string) => {
      const json = join(scratch, `${expected}.json`);
      const r = run('pnpm', ['verify', ...args, '--quiet', '--json', json, ...(options.verifyArgs ?? [])], interviewer);
      let report: VerifyReport | undefined;
      try {
        report = JSON.parse(readFileSync(json, 'utf8')) as VerifyReport;
      } catch {
        return add(step, false, `verify exited ${r.code} with no report:\n${tail(r.out)}`, r.ms);
      }
      const verdicts = result.faults.map((id) => `${id} ${report?.faults.find((f) => f.id === id)?.verdict ?? 'missing'}`);
      const ok = verdicts.every((v) => v.endsWith(` ${expected}`)) && report.faults.length === result.faults.length;
      return add(`${step}: every fault ${expected}`, ok, verdicts.join(', '), r.ms);
    };
    verify(['--candidate', candidate], 'present', 'interviewer: pnpm verify --candidate <the candidate repo>');
    git(['checkout', '--quiet', 'solution']);
    try {
      verify([], 'fixed', 'interviewer solution branch: pnpm verify');
    } finally {
      git(['checkout', '--quiet', 'main']);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return steps;
}
