import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { UsageError } from '../util/errors.js';
import { repoRoot } from '../util/paths.js';
import { applyPatch } from '../verify/target.js';
import { listEntries, listExerciseIds, loadCatalog, loadExercise, withRequirements } from './catalog.js';
import { SpecError } from './validate.js';

describe('the catalog', () => {
  it('When the repository is read, then every exercise loads and its levels name known faults', () => {
    const catalog = loadCatalog(repoRoot());
    expect(catalog.map((e) => e.id)).toContain('order-service');
    for (const exercise of catalog) {
      for (const level of Object.values(exercise.levels)) {
        for (const id of level.faults) expect(exercise.faults.map((f) => f.id)).toContain(id);
      }
    }
  });

  it('When an architecture pack has nothing to run, then it is listed as design only, and commands that run it say what to do instead', () => {
    const entries = listEntries(repoRoot());
    expect(entries.find((e) => e.id === 'architecture-fintech')).toMatchObject({ activity: 'architecture', package: null, faults: [] });
    expect(entries.find((e) => e.id === 'architecture-ecommerce')).toMatchObject({ package: 'packages/architecture-shop-monolith' });
    expect(loadCatalog(repoRoot()).map((e) => e.id)).not.toContain('architecture-fintech');
    expect(() => loadExercise(repoRoot(), 'architecture-streaming')).toThrow(/design exercise with nothing to run: .*faultline capacity streaming/);
  });

  it('When an exercise id is unknown, then a usage error lists the known ones', () => {
    expect(() => loadExercise(repoRoot(), 'nope')).toThrow(UsageError);
    expect(() => loadExercise(repoRoot(), 'nope')).toThrow(/known exercises are .*order-service/);
  });

  it('When a fault.yaml lacks a field, then the error names the file and the field', () => {
    const root = mkdtempSync(join(tmpdir(), 'faultline-catalog-'));
    const dir = join(root, 'exercises', 'demo');
    mkdirSync(join(dir, 'faults', 'one'), { recursive: true });
    writeFileSync(join(dir, 'exercise.yaml'), 'id: demo\ntitle: Demo\nactivity: debugging\nsummary: s\npackage: packages/demo\nstack: [x]\nduration: 1 h\nservice: { build: [a], prepare: [b], start: [c], health: /health }\nfaults: [one]\n');
    writeFileSync(join(dir, 'faults', 'one', 'fault.yaml'), 'id: one\nkind: logic\ntitle: T\n');
    writeFileSync(join(dir, 'faults', 'one', 'fix.patch'), '');
    writeFileSync(join(dir, 'faults', 'one', 'probe.ts'), 'export default {};\n');
    expect(listExerciseIds(root)).toEqual(['demo']);
    expect(() => loadExercise(root, 'demo')).toThrow(SpecError);
    expect(() => loadExercise(root, 'demo')).toThrow(/fault\.yaml symptom: expected a non-empty string/);
  });
});

/** Every exercise, once per variant (starter). */
function everyVariant() {
  return loadCatalog(repoRoot()).flatMap((e) => (e.variants.length ? e.variants.map((v) => loadExercise(repoRoot(), e.id, v)) : [e]));
}

describe('fix patches', () => {
  // The drift check: a change to a starter that breaks a fix fails here, not in front of an interviewer.
  // Fixes that build on others are checked in order, on a scratch copy.
  for (const exercise of everyVariant()) {
    for (const fault of exercise.faults) {
      it(`When ${exercise.id}/${fault.id}/fix.patch is checked against the package, then it applies${fault.requires.length ? ' after what it requires' : ' on its own'}`, () => {
        const scratch = mkdtempSync(join(tmpdir(), 'faultline-patch-'));
        cpSync(exercise.packageDir, scratch, { recursive: true, filter: (src) => !/node_modules|dist/.test(src.slice(exercise.packageDir.length)) });
        for (const required of withRequirements(exercise, fault.requires)) applyPatch(scratch, required.patchFile);
        expect(() => applyPatch(scratch, fault.patchFile, true)).not.toThrow();
      });
      for (const trap of fault.traps.filter((t) => t.patchFile)) {
        it(`When the trap ${trap.patchFile?.split('/faults/')[1]} is checked against the package, then it applies`, () => {
          expect(() => applyPatch(exercise.packageDir, trap.patchFile ?? '', true)).not.toThrow();
        });
      }
    }
  }
});

describe('spec copies', () => {
  // Starters serve Swagger UI from their own copy of the spec, so they stand alone in a candidate repo.
  for (const exercise of everyVariant()) {
    const spec = join(exercise.dir, 'candidate', 'openapi.yaml');
    const copy = join(exercise.packageDir, 'openapi.yaml');
    if (!existsSync(spec) || !existsSync(copy)) continue;
    it(`When ${exercise.packagePath}/openapi.yaml is compared with the exercise's spec, then they are identical`, () => {
      expect(readFileSync(copy, 'utf8')).toBe(readFileSync(spec, 'utf8'));
    });
  }
});
