import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder above the kit that holds exercises/. */
export function repoRoot(): string {
  const fromEnv = process.env.FAULTLINE_ROOT;
  if (fromEnv) return resolve(fromEnv);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'exercises')) && existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the faultline root (a folder with exercises/ and package.json); set FAULTLINE_ROOT');
    dir = parent;
  }
}

/** Where runs keep their state: databases, logs, temp copies, compiled probes. */
export function stateHome(root = repoRoot()): string {
  return resolve(process.env.FAULTLINE_HOME ?? join(root, '.faultline'));
}
