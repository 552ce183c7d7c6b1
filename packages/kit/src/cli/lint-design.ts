import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lintDesign } from '../design/lint.js';
import { parseMermaid } from '../design/mermaid.js';
import { color } from '../report/terminal.js';
import { UsageError } from '../util/errors.js';
import { repoRoot } from '../util/paths.js';
import { parse } from './args.js';

const USAGE = 'faultline lint-design <file.md> [--template FILE] [--json]';

export async function lintDesignCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse('lint-design', argv, { template: { type: 'string' }, json: { type: 'boolean', default: false } }, USAGE);
  const [file, ...extra] = positionals;
  if (!file || extra.length) throw new UsageError(`lint-design needs exactly one design file\nusage: ${USAGE}`);
  const path = resolve(file);
  if (!existsSync(path)) throw new UsageError(`${file}: no such file; give the path of your design (a copy of DESIGN_TEMPLATE.md you filled in)`);
  const templatePath = resolve(values.template ?? join(repoRoot(), 'exercises', 'architecture-shared', 'DESIGN_TEMPLATE.md'));
  if (!existsSync(templatePath)) throw new UsageError(`--template ${templatePath}: no such file`);
  const findings = await lintDesign(readFileSync(path, 'utf8'), { template: readFileSync(templatePath, 'utf8'), parseMermaid });
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ file: path, findings }, null, 2)}\n`);
  } else if (findings.length === 0) {
    process.stdout.write(`${color.green('✓')} ${file}: every section is there, diagrams parse, numbers are given\n`);
  } else {
    process.stdout.write(`${color.red('✗')} ${file}: ${findings.length} finding${findings.length === 1 ? '' : 's'}\n`);
    for (const f of findings) process.stdout.write(`  ${color.bold(f.section)}: ${f.message}\n`);
  }
  return findings.length === 0 ? 0 : 1;
}
