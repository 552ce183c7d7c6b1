import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive, stopGroup } from '../util/process.js';

interface PidRecord {
  ownerPid: number;
  pid: number;
  label: string;
}

/** Records a process group we started, so a later run can stop it if this process dies first. */
export function recordProcess(home: string, pid: number, label: string): () => void {
  const dir = join(home, 'pids');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${process.pid}-${pid}.json`);
  writeFileSync(file, JSON.stringify({ ownerPid: process.pid, pid, label } satisfies PidRecord));
  return () => rmSync(file, { force: true });
}

export async function reapStaleProcesses(home: string): Promise<number> {
  const dir = join(home, 'pids');
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return 0;
  }
  let reaped = 0;
  for (const entry of entries) {
    const file = join(dir, entry);
    try {
      const record = JSON.parse(readFileSync(file, 'utf8')) as PidRecord;
      if (isAlive(record.ownerPid)) continue;
      await stopGroup(record.pid, 1000, 'SIGKILL');
      reaped++;
    } catch {
      // unreadable record: nothing to stop
    }
    rmSync(file, { force: true });
  }
  return reaped;
}
