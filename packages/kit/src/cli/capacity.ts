import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { capacity, readAssumptions } from '../capacity/capacity.js';
import { SpecError } from '../exercises/validate.js';
import { color } from '../report/terminal.js';
import { UsageError } from '../util/errors.js';
import { repoRoot } from '../util/paths.js';
import { parse } from './args.js';

const USAGE = 'faultline capacity <scenario> [--assumptions FILE] [--json]';

function readYamlFile(file: string): Record<string, unknown> {
  try {
    const doc = parseYaml(readFileSync(file, 'utf8')) as unknown;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error('expected a mapping');
    return doc as Record<string, unknown>;
  } catch (error) {
    throw new SpecError(`${file}: ${(error as Error).message}`);
  }
}

/** Sizing from a scenario's assumptions (exercises/architecture-<scenario>/capacity.yaml), with a candidate's overrides. */
export async function capacityCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse('capacity', argv, { assumptions: { type: 'string' }, json: { type: 'boolean', default: false } }, USAGE);
  const [scenario, ...extra] = positionals;
  if (!scenario || extra.length) throw new UsageError(`capacity needs exactly one scenario\nusage: ${USAGE}`);
  const root = repoRoot();
  const id = scenario.startsWith('architecture-') ? scenario : `architecture-${scenario}`;
  const file = join(root, 'exercises', id, 'capacity.yaml');
  if (!existsSync(file)) throw new UsageError(`unknown scenario "${scenario}": there is no exercises/${id}/capacity.yaml`);
  const base = readYamlFile(file);
  let doc: Record<string, unknown> = base;
  let where = file;
  if (values.assumptions) {
    const own = resolve(values.assumptions);
    if (!existsSync(own)) throw new UsageError(`--assumptions ${values.assumptions}: no such file`);
    const override = readYamlFile(own);
    doc = { ...base, ...override, prices: { ...(base.prices as object), ...((override.prices as object | undefined) ?? {}) } };
    where = `${own} (over ${file})`;
  }
  const assumptions = readAssumptions(doc, where);
  const figures = capacity(assumptions);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ scenario: id, assumptions, figures }, null, 2)}\n`);
    return 0;
  }
  const labelWidth = Math.max(...figures.map((f) => f.label.length)) + 2;
  const valueWidth = Math.max(...figures.map((f) => `${f.value.toLocaleString('en')} ${f.unit}`.length)) + 2;
  process.stdout.write(`${color.bold(`capacity ${id}`)}${color.dim(`  (assumptions: ${where})`)}\n\n`);
  for (const f of figures) {
    process.stdout.write(`${f.label.padEnd(labelWidth)}${`${f.value.toLocaleString('en')} ${f.unit}`.padEnd(valueWidth)}${color.dim(`= ${f.arithmetic}`)}\n`);
  }
  process.stdout.write(color.dim('\nA rough guide to argue with, not a quote: change any assumption with --assumptions FILE (YAML, same keys).\n'));
  return 0;
}
