// The architecture exercises: the design linter rejects every bare template and accepts every
// reference design; the e-commerce current state reproduces its pain point under load.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { lintDesign } from '../src/design/lint.js';
import { parseMermaid } from '../src/design/mermaid.js';
import { loadExercise } from '../src/exercises/catalog.js';
import { loadScenario, runScenario } from '../src/load/run.js';
import { launch } from '../src/verify/launch.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const template = readFileSync(join(root, 'exercises/architecture-shared/DESIGN_TEMPLATE.md'), 'utf8');
const scenarios = readdirSync(join(root, 'exercises')).filter((d) => d.startsWith('architecture-') && existsSync(join(root, 'exercises', d, 'candidate', 'SCENARIO.md')));
const lint = (markdown: string) => lintDesign(markdown, { template, parseMermaid });

describe('lint-design', () => {
  it('When the scenario packs are listed, then there are three: e-commerce, streaming, fintech', () => {
    expect(scenarios.sort()).toEqual(['architecture-ecommerce', 'architecture-fintech', 'architecture-streaming']);
  });

  for (const scenario of ['architecture-ecommerce', 'architecture-fintech', 'architecture-streaming']) {
    it(`When ${scenario}'s bare template is linted, then every section reads as still the prompt; it is the shared template, byte for byte`, async () => {
      const copy = readFileSync(join(root, 'exercises', scenario, 'candidate/DESIGN_TEMPLATE.md'), 'utf8');
      expect(copy).toBe(template);
      const findings = await lint(copy);
      expect(findings).toHaveLength(10);
      expect(findings.every((f) => f.message.startsWith("still holds only the template's prompt"))).toBe(true);
    }, 60_000);

    it(`When ${scenario}'s reference design is linted, then there is nothing to report`, async () => {
      expect(await lint(readFileSync(join(root, 'exercises', scenario, 'interviewer/reference-design.md'), 'utf8'))).toEqual([]);
    }, 60_000);
  }

  it('When a design lacks a section, an RPO, an SLO number, a cost, numbers on capacity, or has a broken diagram, then each finding names its section', async () => {
    const reference = readFileSync(join(root, 'exercises/architecture-ecommerce/interviewer/reference-design.md'), 'utf8');
    const broken = reference
      .replace(/\n## Security\n[\s\S]*?(?=\n## )/, '\n')
      .replace(/RPO/g, 'recovery point')
      .replace(/```mermaid\n(flowchart|graph) (LR|TD|TB)/, '```mermaid\n$1 $2\n  a -->> b');
    const findings = await lint(broken);
    expect(findings.map((f) => f.section)).toEqual(expect.arrayContaining(['Security', 'Reliability', 'Components and data flows']));
    expect(findings.find((f) => f.section === 'Security')?.message).toContain('missing');
    expect(findings.find((f) => f.section === 'Reliability')?.message).toContain('no RPO with a duration');
    expect(findings.find((f) => f.section === 'Components and data flows')?.message).toContain('does not parse');
  }, 60_000);
});

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: root, env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('the commands', () => {
  it('When capacity runs for each scenario, then it prints the figures with their arithmetic (exit 0)', () => {
    for (const scenario of ['ecommerce', 'streaming', 'fintech']) {
      const { code, stdout } = run(['capacity', scenario, '--json']);
      expect(code).toBe(0);
      const keys = (JSON.parse(stdout) as { figures: Array<{ key: string; value: number; arithmetic: string }> }).figures.map((f) => f.key);
      expect(keys).toEqual(['averageRps', 'peakRps', 'concurrency', 'instances', 'dbConnections', 'storagePerMonth', 'storedData', 'egress', 'computeCost', 'storageCost', 'egressCost', 'monthlyCost']);
    }
  });

  it("When a candidate's assumptions override the scenario's, then the figures follow them, and a bad value names the file and the field", () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-capacity-'));
    writeFileSync(join(dir, 'mine.yaml'), 'latencyMs: 1000\nprices: { instanceMonth: 1 }\n');
    const base = JSON.parse(run(['capacity', 'ecommerce', '--json']).stdout) as { figures: Array<{ key: string; value: number }> };
    const mine = JSON.parse(run(['capacity', 'ecommerce', '--json', '--assumptions', join(dir, 'mine.yaml')]).stdout) as { figures: Array<{ key: string; value: number }>; assumptions: { prices: { storageGbMonth: number } } };
    const get = (r: typeof base, key: string) => r.figures.find((f) => f.key === key)?.value ?? 0;
    expect(get(mine, 'peakRps')).toBe(get(base, 'peakRps'));
    expect(get(mine, 'concurrency')).toBeCloseTo(get(base, 'peakRps') * 1, 1);
    expect(get(mine, 'computeCost')).toBe(get(mine, 'instances'));
    expect(mine.assumptions.prices.storageGbMonth).toBeGreaterThan(0);
    writeFileSync(join(dir, 'bad.yaml'), 'targetUtilization: 2\n');
    const bad = run(['capacity', 'ecommerce', '--assumptions', join(dir, 'bad.yaml')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.yaml');
    expect(bad.stderr).toContain('targetUtilization must be a number ≥ 0.01 and ≤ 1');
  });

  it('When the scenario or the design file does not exist, then one line says what to do (exit 2)', () => {
    const unknown = run(['capacity', 'crypto']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown scenario "crypto"');
    const missing = run(['lint-design', 'no-such-design.md']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such-design.md: no such file');
  });

  it('When lint-design finds problems, then it exits 1 and lists them by section', () => {
    const { code, stdout } = run(['lint-design', 'exercises/architecture-shared/DESIGN_TEMPLATE.md']);
    expect(code).toBe(1);
    expect(stdout).toContain('10 findings');
    expect(stdout).toContain("Reliability: still holds only the template's prompt");
  });
});

describe('the e-commerce current state', () => {
  it('When the payment provider slows from 150 ms to 3 s, then catalogue p95 grows more than 10× (checkout holds pool connections while it waits)', async () => {
    const home = mkdtempSync(join(tmpdir(), 'faultline-arch-test-'));
    chmodSync(home, 0o755);
    const exercise = loadExercise(root, 'architecture-ecommerce');
    const launched = await launch(exercise, { kind: 'starter' }, home, { instances: 1 });
    try {
      const url = launched.session.instances[0]?.url ?? '';
      const run = async (name: string) => (await runScenario(await loadScenario(root, exercise, name), { name, url, connections: 10, durationSeconds: 5 })).summary;
      const normal = await run('catalog-normal');
      const slow = await run('payment-slow');
      expect(normal.non2xx + slow.non2xx).toBe(0);
      expect(normal.requests).toBeGreaterThan(100);
      expect(slow.latencyMs.p95 / normal.latencyMs.p95).toBeGreaterThan(10);
    } finally {
      await launched.close();
    }
  }, 240_000);
});
