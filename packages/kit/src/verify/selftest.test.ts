import { describe, expect, it } from '@jest/globals';
import { loadExercise } from '../exercises/catalog.js';
import type { VerifyReport } from '../report/report.js';
import { repoRoot } from '../util/paths.js';
import { faultMatrix, judgeCell } from './selftest.js';

const exercise = loadExercise(repoRoot(), 'order-service');

describe('faultMatrix', () => {
  it('When built for order-service, then it has the starter, one cell per fault and all fixes', () => {
    const cells = faultMatrix(exercise);
    expect(cells.map((c) => c.name)).toEqual([
      'starter',
      'fix logic',
      'fix n-plus-one',
      'fix memory-leak',
      'fix race',
      'all fixes',
      'trap logic/raise-threshold',
      'trap n-plus-one/product-name-cache',
      'trap race/in-process-mutex',
    ]);
    expect(cells.at(-1)).toMatchObject({ fixes: [], expectFixed: [], patches: [expect.stringMatching(/race\/traps\/in-process-mutex\.patch$/)] });
    expect(cells.find((c) => c.name === 'all fixes')?.expectFixed).toEqual(['logic', 'n-plus-one', 'memory-leak', 'race']);
  });
});

describe('judgeCell', () => {
  const reportWith = (verdicts: Record<string, 'present' | 'fixed' | 'error'>): VerifyReport => ({
    version: 1,
    exercise: 'order-service',
    target: { kind: 'fixes', path: 'x', fixes: [] },
    startedAt: '',
    durationMs: 0,
    database: 'embedded',
    faults: Object.entries(verdicts).map(([id, verdict]) => ({ id, kind: 'logic', title: id, verdict, metric: { name: 'm', value: 1, threshold: 1, unit: '' }, evidence: 'e', durationMs: 0 })),
    functional: { passed: 1, failed: 0, failures: [] },
    summary: { present: 0, fixed: 0, errors: 0 },
  });

  it('When fix(F) leaves F fixed and the others present, then the cell passes', () => {
    const cell = { name: 'fix race', fixes: ['race'], patches: [], expectFixed: ['race'] };
    expect(judgeCell(cell, reportWith({ logic: 'present', race: 'fixed' }))).toEqual([]);
  });

  it('When a fix also flips another fault, then the cell names it (fixes must be independent)', () => {
    const cell = { name: 'fix race', fixes: ['race'], patches: [], expectFixed: ['race'] };
    expect(judgeCell(cell, reportWith({ logic: 'fixed', race: 'fixed' }))).toEqual([expect.stringContaining('logic fixed, expected present')]);
  });

  it('When a probe errors, then the cell fails', () => {
    const cell = { name: 'starter', fixes: [], patches: [], expectFixed: [] };
    expect(judgeCell(cell, reportWith({ logic: 'error' }))).toHaveLength(1);
  });
});
