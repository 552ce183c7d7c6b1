import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { loadCatalog, loadExercise } from '../src/exercises/catalog.js';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('faultline hint', () => {
  it('When every exercise is loaded, then every fault of every variant has three progressive hints', () => {
    const exercises = loadCatalog(root).flatMap((e) => (e.variants.length ? e.variants.map((v) => loadExercise(root, e.id, v)) : [e]));
    const faults = exercises.flatMap((e) => e.faults);
    expect(faults.length).toBeGreaterThan(20);
    expect(faults.filter((f) => f.hints.length !== 3).map((f) => f.id)).toEqual([]);
  });

  it('When step 2 is asked for, then that hint is printed with the way to the next one', () => {
    const { code, stdout } = run(['hint', 'order-service', 'race', '--step', '2']);
    expect(code).toBe(0);
    expect(stdout).toContain('hint 2 of 3: What happens between the moment placeOrder() reads the stock');
    expect(stdout).toContain('next: faultline hint order-service race --step 3');
  });

  it('When a level leaves the fault pre-fixed, then the interviewer is told, with the level policy', () => {
    const { code, stdout } = run(['hint', 'order-service', 'race', '--level', 'junior']);
    expect(code).toBe(0);
    expect(stdout).toContain("race is not among the junior level's faults");
    expect(stdout).toContain('junior policy: offer step 1 after 20 minutes stuck');
  });

  it('When the fault or the step does not exist, then the real ones are named (exit 2)', () => {
    const unknown = run(['hint', 'booking-schema', 'n-plus-one']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('its faults are availability-scan, double-booking');
    const step = run(['hint', 'booking-schema', 'double-booking', '--step', '4']);
    expect(step.code).toBe(2);
    expect(step.stderr).toContain('--step must be an integer from 1 to 3');
  });
});
