import { describe, expect, it } from '@jest/globals';
import { exitCodeFor, summarise, type FaultResult, type VerifyReport } from './report.js';
import { renderScorecard } from './terminal.js';

const fault = (id: string, verdict: FaultResult['verdict']): FaultResult => ({
  id,
  kind: 'logic',
  title: `title of ${id}`,
  verdict,
  metric: { name: 'wrong totals', value: verdict === 'error' ? null : verdict === 'present' ? 3 : 0, threshold: 1, unit: 'of 3 orders' },
  evidence: `evidence for ${id}`,
  durationMs: 10,
});

const report = (faults: FaultResult[], failed = 0): VerifyReport => ({
  version: 1,
  exercise: 'order-service',
  target: { kind: 'starter', path: 'packages/order-service', fixes: [] },
  startedAt: '2026-12-04T00:00:00.000Z',
  durationMs: 1234,
  database: 'embedded',
  faults,
  functional: { passed: 3, failed, failures: failed ? [{ name: 'a check', message: 'it broke' }] : [] },
  summary: summarise(faults),
});

describe('exitCodeFor', () => {
  it('When every fault is fixed and the suite is green, then verify exits 0', () => {
    expect(exitCodeFor(report([fault('a', 'fixed'), fault('b', 'fixed')]), 'fixed')).toBe(0);
  });

  it('When one fault is present, then verify exits 1', () => {
    expect(exitCodeFor(report([fault('a', 'fixed'), fault('b', 'present')]), 'fixed')).toBe(1);
  });

  it('When a probe errored, then neither expectation holds', () => {
    const r = report([fault('a', 'present'), fault('b', 'error')]);
    expect(exitCodeFor(r, 'fixed')).toBe(1);
    expect(exitCodeFor(r, 'present')).toBe(1);
  });

  it('When the functional suite fails, then all-fixed still exits 1', () => {
    expect(exitCodeFor(report([fault('a', 'fixed')], 1), 'fixed')).toBe(1);
  });

  it('When the starter is checked with --expect present, then all-present exits 0', () => {
    expect(exitCodeFor(report([fault('a', 'present'), fault('b', 'present')]), 'present')).toBe(0);
  });
});

describe('renderScorecard', () => {
  it('When a report is rendered, then each fault, its verdict, evidence and the summary appear', () => {
    const text = renderScorecard(report([fault('logic', 'present'), fault('race', 'fixed')], 1));
    expect(text).toContain('logic');
    expect(text).toContain('present');
    expect(text).toContain('evidence for race');
    expect(text).toContain('functional suite: 3 passed, 1 failed');
    expect(text).toContain('✗ a check: it broke');
    expect(text).toContain('faults: 1 present, 1 fixed, 0 errors');
  });
});
