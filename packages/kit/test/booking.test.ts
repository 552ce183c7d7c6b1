// The booking grader judges behaviour, not names: a second correct design, unlike the reference
// (plain pg, a tstzrange column, bigint cents, enums, surrogate amenity ids, a staging-table
// loader), is graded correct; and the dataset command hands out the seeded files.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));
const home = () => {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-booking-test-'));
  chmodSync(dir, 0o755);
  return dir;
};

function run(args: string[], options: { home?: string; timeout?: number } = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root, env: { ...process.env, NO_COLOR: '1', FAULTLINE_HOME: options.home ?? home() }, timeout: options.timeout ?? 300_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('faultline dataset', () => {
  it('When the fixture is asked for with --out, then one CSV per entity and a manifest are written, with the counts printed', () => {
    const out = join(home(), 'fixture');
    const { code, stdout } = run(['dataset', 'booking-schema', '--size', 'fixture', '--out', out]);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['amenities.csv', 'audit_entries.csv', 'bookings.csv', 'cancellations.csv', 'cities.csv', 'customers.csv', 'manifest.json', 'payments.csv', 'resource_amenities.csv', 'resources.csv', 'venues.csv']);
    expect(readFileSync(join(out, 'bookings.csv'), 'utf8').split('\n')[1]).toBe('100,10,1,2025-03-14T09:00:00.000Z,2025-03-14T10:00:00.000Z,confirmed,40.00,2025-01-15T09:00:00.000Z');
    expect(stdout).toMatch(/bookings\.csv\s+10 rows/);
  });

  it('When --out is a folder with files in it, then nothing is overwritten and the flag is named (exit 2)', () => {
    const out = home();
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const { code, stderr } = run(['dataset', 'booking-schema', '--size', 'fixture', '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toContain('--out');
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('When the size is unknown, then the known sizes are listed (exit 2)', () => {
    const { code, stderr } = run(['dataset', 'booking-schema', '--size', 'huge']);
    expect(code).toBe(2);
    expect(stderr).toContain('fixture, small, medium, large');
  });
});

const alternative = join(root, 'packages/booking-schema-alternative');

describe('a second correct design', () => {
  it(
    'When verify grades packages/booking-schema-alternative, then every check passes and every design flaw reads fixed (exit 0)',
    () => {
      const json = join(home(), 'report.json');
      const { code, stdout, stderr } = run(['verify', 'booking-schema', '--candidate', alternative, '--size', 'small', '--no-measure', '--quiet', '--json', json], { timeout: 420_000 });
      expect({ code, out: code === 0 ? '' : stdout + stderr }).toEqual({ code: 0, out: '' });
      const report = JSON.parse(readFileSync(json, 'utf8')) as { functional: { passed: number; failed: number }; faults: Array<{ id: string; verdict: string }> };
      expect(report.functional.failed).toBe(0);
      expect(report.functional.passed).toBeGreaterThanOrEqual(7);
      expect(report.faults.map((f) => [f.id, f.verdict])).toEqual([
        ['availability-scan', 'fixed'], ['double-booking', 'fixed'], ['float-money', 'fixed'], ['offset-pagination', 'fixed'], ['orphan-rows', 'fixed'], ['unchecked-values', 'fixed'],
      ]);
    },
    480_000,
  );
});
