import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import type { Exercise, FaultSpec } from '../exercises/types.js';
import { InfrastructureError, UsageError } from '../util/errors.js';
import { applyPatch } from '../verify/target.js';

export function commitMessage(fault: FaultSpec): string {
  return [
    `${fault.title} (${fault.id})`,
    '',
    `Symptom: ${fault.symptom}`,
    '',
    `Cause: ${fault.cause}`,
    '',
    `Fix: ${fault.fix}`,
    '',
    `Verify: ${fault.verify}`,
    '',
  ].join('\n');
}

/** Runs git; `standalone` keeps it from finding a repository above `cwd` (an exported repo inside another checkout). */
export function git(cwd: string, args: string[], standalone = false): string {
  try {
    const env = standalone ? { ...process.env, GIT_CEILING_DIRECTORIES: dirname(cwd) } : process.env;
    return execFileSync('git', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] }).toString().trim();
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim() ?? String(error);
    throw new InfrastructureError(`git ${args.join(' ')} failed in ${cwd}: ${stderr}`);
  }
}

/** Applies fixes to the package in the working tree (no commit). */
export function applyToWorkingTree(exercise: Exercise, faults: readonly FaultSpec[]): void {
  for (const fault of faults) applyPatch(exercise.packageDir, fault.patchFile, true);
  for (const fault of faults) applyPatch(exercise.packageDir, fault.patchFile);
}

/**
 * Creates `branch` from HEAD with one commit per fault fix, in a temporary worktree so the
 * caller's working tree and checked-out branch are untouched.
 */
export function createSolutionBranch(root: string, exercise: Exercise, faults: readonly FaultSpec[], branch: string): string[] {
  git(root, ['rev-parse', '--git-dir']);
  const exists = execFileSyncQuiet(root, ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`]);
  if (exists) throw new UsageError(`branch ${branch} already exists: delete it (git branch -D ${branch}) or pass --branch with another name`);
  const worktree = mkdtempSync(join(tmpdir(), 'faultline-solution-'));
  rmSync(worktree, { recursive: true, force: true });
  git(root, ['worktree', 'add', '--quiet', '-b', branch, worktree, 'HEAD']);
  const commits: string[] = [];
  try {
    const packageDir = join(worktree, relative(root, exercise.packageDir));
    for (const fault of faults) {
      applyPatch(packageDir, fault.patchFile);
      git(worktree, ['add', '--all', '--', relative(root, exercise.packageDir)]);
      git(worktree, ['-c', 'user.name=faultline', '-c', 'user.email=faultline@localhost', 'commit', '--quiet', '--no-verify', '-m', commitMessage(fault)]);
      commits.push(`${git(worktree, ['rev-parse', '--short', 'HEAD'])} ${fault.title} (${fault.id})`);
    }
  } catch (error) {
    git(root, ['worktree', 'remove', '--force', worktree]);
    execFileSyncQuiet(root, ['branch', '-D', branch]);
    throw error;
  }
  git(root, ['worktree', 'remove', '--force', worktree]);
  return commits;
}

function execFileSyncQuiet(cwd: string, args: string[]): boolean {
  try {
    execFileSync('git', args, { cwd, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
