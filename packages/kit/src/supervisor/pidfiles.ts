import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive, stopGroup } from '../util/process.js';
import { OWNER_FILE } from '../verify/target.js';

interface PidRecord {
  ownerPid: number;
  pid: number;
  label: string;
  /** What /proc said the process was when recorded: a reused pid will not match. */
  cmdline?: string;
}

/** The command line of a live process (Linux); undefined where /proc is not available. */
export function cmdlineOf(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return undefined;
  }
}

/** Records a process group we started, so a later run can stop it if this process dies first. */
export function recordProcess(home: string, pid: number, label: string): () => void {
  const dir = join(home, 'pids');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${process.pid}-${pid}.json`);
  const cmdline = cmdlineOf(pid);
  writeFileSync(file, JSON.stringify({ ownerPid: process.pid, pid, label, ...(cmdline ? { cmdline } : {}) } satisfies PidRecord));
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
      const now = cmdlineOf(record.pid);
      // Only stop what is still the process we started (pids are reused, e.g. after a reboot).
      if (isAlive(record.pid) && (record.cmdline === undefined || now === undefined || now === record.cmdline)) {
        await stopGroup(record.pid, 1000, 'SIGKILL');
        reaped++;
      }
    } catch {
      // unreadable record: nothing to stop
    }
    rmSync(file, { force: true });
  }
  reapWorkDirs(home);
  return reaped;
}

/** Temp copies (fixes applied, candidate copies) whose run was killed before it could delete them. */
function reapWorkDirs(home: string): void {
  const root = join(home, 'work');
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return;
  }
  for (const entry of entries) {
    const dir = join(root, entry);
    let owner: number;
    try {
      owner = Number(readFileSync(join(dir, OWNER_FILE), 'utf8'));
    } catch {
      continue; // no owner recorded: not ours to delete
    }
    if (!isAlive(owner)) rmSync(dir, { recursive: true, force: true });
  }
}
