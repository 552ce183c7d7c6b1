import { loadExercise } from '../exercises/catalog.js';
import { loadScenario, renderSummary, runScenario } from '../load/run.js';
import { color } from '../report/terminal.js';
import { UsageError } from '../util/errors.js';
import { repoRoot, stateHome } from '../util/paths.js';
import { launch, type Launched } from '../verify/launch.js';
import { integerFlag, parse } from './args.js';
import { fixesFrom, loopbackOrigin } from './verify.js';

const USAGE = 'faultline load <exercise> <scenario> [--variant V] [--url URL] [--duration S] [--connections N] [--with-fixes all|id,…]';

export async function loadCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse('load', argv, {
    variant: { type: 'string' },
    url: { type: 'string' },
    duration: { type: 'string' },
    connections: { type: 'string' },
    'with-fixes': { type: 'string' },
  }, USAGE);
  const [id, name, ...extra] = positionals;
  if (!id || !name || extra.length) throw new UsageError(`load needs an exercise id and a scenario name\nusage: ${USAGE}`);
  if (values.url && values['with-fixes']) throw new UsageError('--url targets a running service; --with-fixes starts one: use one of them');
  const root = repoRoot();
  const exercise = loadExercise(root, id, values.variant);
  const scenario = await loadScenario(root, exercise, name);
  const duration = integerFlag(values.duration, '--duration', 1, 600) ?? scenario.defaults.duration;
  const connections = integerFlag(values.connections, '--connections', 1, 1000) ?? scenario.defaults.connections;
  let url = values.url ? loopbackOrigin(values.url) : undefined;
  let launched: Launched | undefined;
  try {
    if (!url) {
      const fixes = values['with-fixes'] ? fixesFrom(exercise, values['with-fixes']) : [];
      launched = await launch(exercise, fixes.length ? { kind: 'fixes', fixes } : { kind: 'starter' }, stateHome(root), {
        instances: 1,
        progress: (m) => process.stderr.write(color.dim(`· ${m}\n`)),
      });
      url = launched.session.instances[0]?.url ?? '';
    }
    process.stderr.write(color.dim(`· ${name}: ${scenario.description}\n`));
    const { summary, checks } = await runScenario(scenario, {
      name,
      url,
      connections,
      durationSeconds: duration,
      onTick: (second, total) => process.stderr.write(color.dim(`· ${second}/${duration} s · ${total} requests\n`)),
    });
    process.stdout.write(`${renderSummary(summary, checks)}\n`);
    return 0;
  } finally {
    await launched?.close();
  }
}
