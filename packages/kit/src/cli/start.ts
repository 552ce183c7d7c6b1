import { ensureDataset } from '../datasets/datasets.js';
import { loadExercise } from '../exercises/catalog.js';
import { redact } from '../db/postgres.js';
import { color } from '../report/terminal.js';
import { UsageError } from '../util/errors.js';
import { repoRoot, stateHome } from '../util/paths.js';
import { launch } from '../verify/launch.js';
import { integerFlag, parse } from './args.js';
import { fixesFrom } from './verify.js';

const USAGE = 'faultline start <exercise> [--variant V] [--port N] [--with-fixes all|id,…] [--db-only] [--size NAME]';

export async function startCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse('start', argv, {
    variant: { type: 'string' },
    port: { type: 'string' },
    'with-fixes': { type: 'string' },
    'db-only': { type: 'boolean', default: false },
    size: { type: 'string' },
  }, USAGE);
  const [id, ...extra] = positionals;
  if (!id || extra.length) throw new UsageError(`start needs exactly one exercise id\nusage: ${USAGE}`);
  const port = integerFlag(values.port, '--port', 1, 65535);
  const root = repoRoot();
  const exercise = loadExercise(root, id, values.variant);
  const fixes = values['with-fixes'] ? fixesFrom(exercise, values['with-fixes']) : [];
  const dbOnly = values['db-only'];
  const home = stateHome(root);
  const progress = (m: string) => process.stderr.write(color.dim(`· ${m}\n`));
  if (values.size && !exercise.dataset) throw new UsageError(`--size: exercise ${exercise.id} has no dataset`);
  const dataset = exercise.dataset ? await ensureDataset(exercise, values.size, home, progress) : undefined;
  const launched = await launch(exercise, fixes.length ? { kind: 'fixes', fixes } : { kind: 'starter' }, home, {
    instances: dbOnly ? 0 : 1,
    port,
    progress,
    ...(dataset ? { dataset } : {}),
  });
  const instance = launched.session.instances[0];
  const lines = [''];
  if (instance) {
    lines.push(`${color.bold(exercise.title)} is running`);
    lines.push(`  service   ${instance.url}`);
    if (exercise.service.docs) lines.push(`  docs      ${instance.url}${exercise.service.docs}`);
    lines.push(`  logs      ${instance.logFile}`);
  } else {
    lines.push(`${color.bold('database ready')} (migrated and seeded; start the service yourself)`);
  }
  lines.push(`  database  DATABASE_URL=${launched.session.database.url}`);
  const loaded = launched.session.dataset;
  if (loaded) lines.push(`  dataset   ${loaded.name} (${(loaded.rows.bookings ?? 0).toLocaleString('en')} bookings, loaded in ${(loaded.loadMs / 1000).toFixed(1)} s) from ${loaded.dir}`);
  if (launched.server.kind === 'external') lines.push(color.dim(`            on ${redact(launched.server.adminUrl)}`));
  lines.push('', color.dim('Ctrl-C stops everything (service, database, temp files).'));
  process.stdout.write(`${lines.join('\n')}\n`);
  await new Promise<void>((resolve) => {
    const poll = setInterval(() => {
      const reason = instance?.exitReason();
      if (reason) {
        clearInterval(poll);
        process.stderr.write(color.red(`${instance?.name} ${reason}; last lines of its log:\n`) + `${instance?.logTail(20)}\n`);
        resolve();
      }
    }, 500);
  });
  await launched.close();
  return 1;
}
