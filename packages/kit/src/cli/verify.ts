import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { faultsById, loadExercise, withRequirements } from '../exercises/catalog.js';
import type { Exercise, FaultSpec } from '../exercises/types.js';
import { renderHtml } from '../report/html.js';
import { exitCodeFor } from '../report/report.js';
import { color, renderScorecard } from '../report/terminal.js';
import { UsageError } from '../util/errors.js';
import { repoRoot, stateHome } from '../util/paths.js';
import type { TargetRequest } from '../verify/target.js';
import { verify } from '../verify/verify.js';
import { parse } from './args.js';

const USAGE = 'faultline verify <exercise> [--variant V] [--candidate DIR | --with-fixes all|<fault-id,…> | --url URL] [--size NAME] [--no-measure] [--follow-up NAME]… [--json FILE] [--html FILE] [--expect fixed|present] [--checks-only] [--bail] [--quiet]';

export function fixesFrom(exercise: Exercise, value: string): FaultSpec[] {
  if (value === 'all') return exercise.faults;
  const ids = value.split(',').map((id) => id.trim()).filter(Boolean);
  if (ids.length === 0) throw new UsageError(`--with-fixes needs "all" or fault ids (${exercise.faults.map((f) => f.id).join(', ')})`);
  faultsById(exercise, ids);
  return withRequirements(exercise, ids);
}

/** Checks and load only ever target loopback: the kit must not become a tool to hit other hosts. */
export function loopbackOrigin(value: string, flag = '--url'): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new UsageError(`${flag} "${value}" is not a URL; e.g. ${flag} http://127.0.0.1:3000`);
  }
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)) {
    throw new UsageError(`${flag} ${value}: only loopback servers (127.0.0.1 or localhost) can be targeted`);
  }
  return parsed.origin;
}

export async function verifyCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse('verify', argv, {
    variant: { type: 'string' },
    candidate: { type: 'string' },
    'with-fixes': { type: 'string' },
    url: { type: 'string' },
    'follow-up': { type: 'string', multiple: true },
    json: { type: 'string' },
    html: { type: 'string' },
    expect: { type: 'string', default: 'fixed' },
    quiet: { type: 'boolean', default: false },
    bail: { type: 'boolean', default: false },
    'checks-only': { type: 'boolean', default: false },
    size: { type: 'string' },
    'no-measure': { type: 'boolean', default: false },
  }, USAGE);
  const [id, ...extra] = positionals;
  if (!id || extra.length) throw new UsageError(`verify needs exactly one exercise id\nusage: ${USAGE}`);
  if ([values.candidate, values['with-fixes'], values.url].filter(Boolean).length > 1) {
    throw new UsageError('use one of --candidate, --with-fixes and --url: fixes apply to the starter; --url checks a server you started');
  }
  const expect = values.expect;
  if (expect !== 'fixed' && expect !== 'present') throw new UsageError(`--expect must be "fixed" or "present", got "${String(expect)}"`);
  const root = repoRoot();
  const loaded = loadExercise(root, id, values.variant);
  // A follow-up may need the service configured for it (a rate limit, say) when the kit starts it.
  const followUpEnv = Object.assign({}, ...(values['follow-up'] ?? []).map((name) => loaded.followUps[name]?.env ?? {})) as Record<string, string>;
  const exercise = { ...loaded, service: { ...loaded.service, env: { ...loaded.service.env, ...followUpEnv } } };
  const target: TargetRequest | { kind: 'url'; url: string } = values.url
    ? { kind: 'url', url: loopbackOrigin(values.url) }
    : values.candidate
    ? { kind: 'candidate', dir: values.candidate }
    : values['with-fixes']
      ? { kind: 'fixes', fixes: fixesFrom(exercise, values['with-fixes']) }
      : { kind: 'starter' };
  const progress = values.quiet ? undefined : (message: string) => process.stderr.write(color.dim(`· ${message}\n`));
  const report = await verify({ exercise, target, home: stateHome(root), progress, followUps: values['follow-up'] ?? [], bail: values.bail, checksOnly: values['checks-only'], ...(values.size ? { size: values.size } : {}), measure: !values['no-measure'] });
  process.stdout.write(`${renderScorecard(report)}\n`);
  if (values.json) {
    const file = resolve(values.json);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(color.dim(`report written to ${file}\n`));
  }
  if (values.html) {
    const file = resolve(values.html);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, renderHtml(report));
    process.stdout.write(color.dim(`HTML report written to ${file} (one file, works offline)\n`));
  }
  const code = exitCodeFor(report, expect);
  if (expect === 'present') {
    process.stdout.write(code === 0 ? color.green('every planted fault reproduced: the exercise is ready for a candidate\n') : color.red('some planted faults did not reproduce (see above)\n'));
  }
  return code;
}
