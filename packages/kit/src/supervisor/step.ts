import { spawn } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { onCleanup } from '../util/cleanup.js';
import { InfrastructureError } from '../util/errors.js';
import { stopGroup } from '../util/process.js';
import { tailOf } from './logs.js';
import { recordProcess } from './pidfiles.js';

export interface StepOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  logFile: string;
  home: string;
}

/** Runs one command to completion (build, migrate, seed) with a hard deadline; output goes to the log. */
export async function runStep(label: string, command: readonly string[], options: StepOptions): Promise<void> {
  const [file, ...args] = command;
  if (!file) throw new InfrastructureError(`${label}: empty command`);
  const fd = openSync(options.logFile, 'a');
  writeSync(fd, `\n$ ${command.join(' ')}   (${label}, in ${options.cwd})\n`);
  const child = spawn(file === 'node' ? process.execPath : file, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const pid = child.pid;
  if (!pid) throw new InfrastructureError(`${label}: could not run ${file}`);
  const forgetPid = recordProcess(options.home, pid, label);
  const forget = onCleanup(label, () => stopGroup(pid, 1000));
  try {
    const outcome = await new Promise<{ code: number | null; timedOut: boolean; error?: Error }>((resolve) => {
      const timer = setTimeout(() => {
        void stopGroup(pid, 1000).then(() => resolve({ code: null, timedOut: true }));
      }, options.timeoutMs);
      child.on('error', (error) => {
        clearTimeout(timer);
        resolve({ code: null, timedOut: false, error });
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, timedOut: false });
      });
    });
    if (outcome.error) throw new InfrastructureError(`${label} could not start: ${outcome.error.message}`);
    if (outcome.timedOut) {
      throw new InfrastructureError(`${label} did not finish within ${Math.round(options.timeoutMs / 1000)} s (log: ${options.logFile})`, tailOf(options.logFile));
    }
    if (outcome.code !== 0) {
      throw new InfrastructureError(`${label} failed with exit code ${outcome.code} (log: ${options.logFile})`, tailOf(options.logFile));
    }
  } finally {
    forget();
    forgetPid();
  }
}
