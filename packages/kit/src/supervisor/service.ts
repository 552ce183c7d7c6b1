import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { onCleanup } from '../util/cleanup.js';
import { InfrastructureError } from '../util/errors.js';
import { freePort } from '../util/ports.js';
import { stopGroup } from '../util/process.js';
import { tailOf } from './logs.js';
import { recordProcess } from './pidfiles.js';

export interface ServiceOptions {
  name: string;
  cwd: string;
  command: readonly string[];
  env: NodeJS.ProcessEnv;
  healthPath: string;
  logFile: string;
  home: string;
  startTimeoutMs: number;
  /** Start node with the inspector on a random loopback port (heap snapshots). */
  inspect: boolean;
  port?: number;
  host?: string;
}

export interface ServiceInstance {
  readonly name: string;
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  readonly logFile: string;
  readonly inspectorUrl: string | undefined;
  /** Why the process ended, if it did; undefined while it runs. */
  exitReason(): string | undefined;
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

const INSPECTOR_LINE = /Debugger listening on (ws:\/\/\S+)/;

/** Starts a service as its own process group, with a minimal environment, and waits for its health check. */
export async function startService(options: ServiceOptions): Promise<ServiceInstance> {
  const port = options.port ?? (await freePort());
  const host = options.host ?? '127.0.0.1';
  const [file, ...args] = options.command;
  if (!file) throw new InfrastructureError(`${options.name}: empty start command`);
  const isNode = file === 'node';
  const argv = isNode && options.inspect ? ['--inspect=127.0.0.1:0', ...args] : args;
  const log = createWriteStream(options.logFile, { flags: 'a' });
  log.write(`\n$ ${[file, ...argv].join(' ')}   (${options.name}, port ${port})\n`);

  const child = spawn(isNode ? process.execPath : file, argv, {
    cwd: options.cwd,
    env: { ...options.env, PORT: String(port), HOST: host },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (!pid) throw new InfrastructureError(`${options.name}: could not run ${file}`);
  const forgetPid = recordProcess(options.home, pid, options.name);

  let exitReason: string | undefined;
  let inspectorUrl: string | undefined;
  let stderrBuffer = '';
  child.stdout.pipe(log, { end: false });
  child.stderr.on('data', (chunk: Buffer) => {
    log.write(chunk);
    if (!inspectorUrl) {
      stderrBuffer += chunk.toString('utf8');
      inspectorUrl = INSPECTOR_LINE.exec(stderrBuffer)?.[1];
    }
  });
  child.on('error', (error) => {
    exitReason = `could not start: ${error.message}`;
  });
  child.on('exit', (code, signal) => {
    exitReason = signal ? `killed by ${signal}` : `exited with code ${code}`;
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    forget();
    await stopGroup(pid, 3000);
    forgetPid();
    await new Promise<void>((resolve) => log.end(resolve));
  };
  const forget = onCleanup(options.name, stop);

  const url = `http://${host}:${port}`;
  const deadline = Date.now() + options.startTimeoutMs;
  for (;;) {
    if (exitReason) {
      await stop();
      throw new InfrastructureError(`${options.name} ${exitReason} before it was healthy (log: ${options.logFile})`, tailOf(options.logFile));
    }
    if (Date.now() > deadline) {
      await stop();
      throw new InfrastructureError(
        `${options.name} did not answer ${options.healthPath} with 200 within ${Math.round(options.startTimeoutMs / 1000)} s (log: ${options.logFile})`,
        tailOf(options.logFile),
      );
    }
    try {
      const response = await fetch(url + options.healthPath, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.ok && (!isNode || !options.inspect || inspectorUrl)) break;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }

  return {
    name: options.name,
    url,
    port,
    pid,
    logFile: options.logFile,
    inspectorUrl,
    exitReason: () => exitReason,
    logTail: (lines = 20) => tailOf(options.logFile, lines),
    stop,
  };
}
