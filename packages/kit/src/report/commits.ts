import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CommitRecord } from './report.js';

/** The author of the commit `faultline export` makes: the exercise as handed out. */
export const EXPORT_AUTHOR = 'export@faultline.invalid';

/** The commits of a candidate's clone, oldest first; [] when the folder is not a git repository. */
export function commitsOf(dir: string, limit = 200): CommitRecord[] {
  if (!existsSync(join(dir, '.git'))) return [];
  let out: string;
  try {
    out = execFileSync('git', ['-C', dir, 'log', `-${limit}`, '--reverse', '--no-merges', '--format=%x1e%H%x1f%aI%x1f%ae%x1f%s', '--shortstat'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return [];
  }
  return out.split('\x1e').filter((chunk) => chunk.trim()).map((chunk) => {
    const [header = '', ...rest] = chunk.split('\n');
    const [hash = '', at = '', email = '', subject = ''] = header.split('\x1f');
    const stat = rest.join(' ');
    const n = (re: RegExp) => Number(re.exec(stat)?.[1] ?? 0);
    return { hash, at, subject, filesChanged: n(/(\d+) files? changed/), insertions: n(/(\d+) insertions?/), deletions: n(/(\d+) deletions?/), ...(email === EXPORT_AUTHOR ? { handedOut: true } : {}) };
  });
}
