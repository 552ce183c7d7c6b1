#!/usr/bin/env node
import { listCommand } from './cli/list.js';
import { selftestCommand } from './cli/selftest.js';
import { verifyCommand } from './cli/verify.js';
import { SpecError } from './exercises/validate.js';
import { color } from './report/terminal.js';
import { exitAfterCleanup } from './util/cleanup.js';
import { InfrastructureError, UsageError } from './util/errors.js';

const HELP = `faultline — flawed reference backends for hiring backend developers

usage: faultline <command> [options]

  list [--json]                                   exercises, their levels, stacks, variants and faults
  start <exercise> [--port N] [--with-fixes …] [--db-only] [--variant V] [--size NAME]
                                                  run the service on a fresh database until Ctrl-C
                                                  (--db-only: only the migrated, seeded database)
  load <exercise> <scenario> [--url URL] [--duration S] [--connections N] [--with-fixes …]
                                                  replay a load scenario from load-tests/<exercise>/
  verify <exercise> [--candidate DIR | --with-fixes all|id,… | --url URL] [--json FILE] [--html FILE]
         [--expect fixed|present] [--variant V] [--size NAME] [--no-measure] [--follow-up NAME]…
         [--checks-only] [--bail] [--quiet]
                                                  build, start, run the functional suite and every probe
  solution <exercise> [--fault ID] [--branch [NAME]] [--variant V]
                                                  apply fixes to the working tree, or make a solution branch
  selftest [<exercise>] [--variant V] [--verbose] the fault matrix: starter, each fix, all fixes, trap fixes
  bench <exercise> [--json FILE] [--variant V] [--size NAME]
                                                  starter vs all fixes, side by side
  dataset <exercise> [--size NAME] [--out DIR]    the seeded dataset an exercise is graded on
  lint-design <file.md> [--template FILE] [--json]
                                                  is an architecture design complete: sections, diagrams, numbers
  capacity <scenario> [--assumptions FILE] [--json]
                                                  back-of-the-envelope sizing and cost, arithmetic shown
  hint <exercise> <fault> [--step 1|2|3] [--level L]  one step of a fault's hints, to give live
  export <exercise> --out DIR [--level L] [--company NAME] [--variant V] [--no-lockfile]
                                                  candidate and interviewer git repos that stand alone

exit codes: 0 success · 1 a fault present or a check failed · 2 usage or infrastructure error
`;

type Command = (argv: string[]) => Promise<number> | number;

const commands: Record<string, () => Promise<Command>> = {
  list: async () => listCommand,
  verify: async () => verifyCommand,
  selftest: async () => selftestCommand,
  start: async () => (await import('./cli/start.js')).startCommand,
  load: async () => (await import('./cli/load.js')).loadCommand,
  solution: async () => (await import('./cli/solution.js')).solutionCommand,
  bench: async () => (await import('./cli/bench.js')).benchCommand,
  dataset: async () => (await import('./cli/dataset.js')).datasetCommand,
  'lint-design': async () => (await import('./cli/lint-design.js')).lintDesignCommand,
  capacity: async () => (await import('./cli/capacity.js')).capacityCommand,
  hint: async () => (await import('./cli/hint.js')).hintCommand,
  export: async () => (await import('./cli/export.js')).exportCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) throw new UsageError(`unknown command "${name}": try one of ${Object.keys(commands).join(', ')} (faultline --help)`);
  return (await load())(rest);
}

try {
  const code = await main(process.argv.slice(2));
  await exitAfterCleanup(code);
} catch (error) {
  if (error instanceof UsageError || error instanceof SpecError) {
    process.stderr.write(`${color.red('faultline:')} ${error.message}\n`);
  } else if (error instanceof InfrastructureError) {
    process.stderr.write(`${color.red('faultline:')} ${error.message}\n`);
    if (error.logTail) process.stderr.write(`${color.dim(error.logTail)}\n`);
  } else {
    process.stderr.write(`${color.red('faultline: internal error:')} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  await exitAfterCleanup(2);
}
