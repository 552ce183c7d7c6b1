import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { Exercise, FaultSpec } from '../exercises/types.js';

/**
 * The leak check of a candidate repo: nothing that only interviewers may see reaches it. It looks
 * for interviewer-only files by name, fault ids, the added lines of the level's fix patches (and
 * trap patches), probe and hidden-check code, and sentences of fault explanations and guides.
 * Anything that is also in a candidate-visible source (the starter package, the candidate
 * documents, the files the export allow-list names) is not a secret: it was public already.
 */
export interface Leak {
  file: string;
  line?: number;
  what: string;
}

export interface Secrets {
  /** Code lines (normalised) and where each comes from. */
  lines: Map<string, string>;
  /** Prose (normalised sentences) and where each comes from. */
  sentences: Map<string, string>;
  /** Fault ids distinctive enough to search for as words. */
  ids: string[];
}

const SKIP = new Set(['node_modules', '.git', 'dist', '.faultline']);
/** Paths that exist only in interviewer material. */
const INTERVIEWER_ONLY = [/(^|\/)faults\//, /(^|\/)fault\.yaml$/, /\.patch$/, /(^|\/)probe\.ts$/, /\.hidden\.[a-z]+$/, /(^|\/)GUIDE\.md$/, /reference-design\.md$/, /(^|\/)interviewer\//];

/** Text is what has no NUL byte in its first 8 KiB, whatever its name (.tsx, .py, .csv, no extension). */
function isText(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(8192);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return !buffer.subarray(0, read).includes(0);
  } finally {
    closeSync(fd);
  }
}

/** Every text file under `dir`. */
function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (!statSync(dir).isDirectory()) return [dir];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (SKIP.has(e.name)) return [];
    const path = join(dir, e.name);
    if (e.isDirectory()) return files(path);
    return e.isFile() && isText(path) ? [path] : [];
  });
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A line distinctive enough that finding it elsewhere means it was copied: long, and more than punctuation. */
function codeLines(text: string): string[] {
  return text.split('\n').map(normalise).filter((l) => l.length >= 30 && /[a-z]{3}/i.test(l) && !/^(\/\/|\*|\/\*)?\s*$/.test(l));
}

function sentences(text: string): string[] {
  return normalise(text.replace(/[`*_>|#]/g, ' ')).split(/(?<=[.!?:;])\s+/).map(normalise).filter((s) => s.length >= 60);
}

function addedLines(patchFile: string): string[] {
  return readFileSync(patchFile, 'utf8').split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++')).flatMap((l) => codeLines(l.slice(1)));
}

/**
 * What must not reach the candidate: material from the secret sources that is *not* also in the
 * starter package or the candidate documents. Only the level's fix patches count; the faults a
 * level leaves out are pre-fixed on purpose, so their added lines are in the candidate's code.
 */
export function secretsOf(root: string, exerciseDir: string, exercise: Exercise | undefined, levelFaults: readonly FaultSpec[], prefixed: readonly FaultSpec[] = []): Secrets {
  const publicSources = [
    ...(exercise ? [exercise.packageDir] : []),
    join(exerciseDir, 'candidate'),
    ...(exercise ? exercise.export.runtime.map((r) => join(exerciseDir, r)) : []),
    ...(exercise?.export.functional ? [join(exerciseDir, exercise.export.functional)] : []),
  ];
  const publicLines = new Set<string>();
  let publicProse = '';
  for (const file of publicSources.flatMap((d) => files(d))) {
    const text = readFileSync(file, 'utf8');
    for (const l of codeLines(text)) publicLines.add(l);
    publicProse += ` ${normalise(text.replace(/[`*_>|#]/g, ' '))}`;
  }
  for (const fault of prefixed) for (const l of addedLines(fault.patchFile)) publicLines.add(l);
  const lines = new Map<string, string>();
  const prose = new Map<string, string>();
  const addLine = (l: string, from: string) => { if (!publicLines.has(l) && !lines.has(l)) lines.set(l, from); };
  const addProse = (s: string, from: string) => { if (!prose.has(s) && !publicProse.includes(s)) prose.set(s, from); };

  const faultsDir = join(exerciseDir, 'faults');
  const allFaults = existsSync(faultsDir) ? readdirSync(faultsDir) : [];
  const ids: string[] = [];
  for (const id of allFaults) {
    const dir = join(faultsDir, id);
    const rel = relative(root, dir);
    if (id.includes('-')) ids.push(id);
    for (const file of files(dir)) {
      if (file.endsWith('.ts')) for (const l of codeLines(readFileSync(file, 'utf8'))) addLine(l, `${relative(root, file)}`);
    }
    const doc = parse(readFileSync(join(dir, 'fault.yaml'), 'utf8')) as Record<string, unknown>;
    // The symptom is candidate-safe by contract; the cause, fix, hints and traps are not.
    for (const key of ['cause', 'fix', 'verify', 'hints', 'traps']) {
      for (const s of sentences(JSON.stringify(doc[key] ?? '').replace(/\\n/g, ' ').replace(/[{}[\]"]/g, ' '))) addProse(s, `${rel}/fault.yaml ${key}`);
    }
    for (const patch of readdirSync(dir).filter((f) => f.endsWith('.patch') && f !== 'fix.patch')) for (const l of addedLines(join(dir, patch))) addLine(l, `${rel}/${patch}`);
  }
  for (const fault of levelFaults) for (const l of addedLines(fault.patchFile)) addLine(l, `${relative(root, fault.patchFile)} (the fix)`);
  // Hidden checks and graders: every exercise file the allow-list does not name.
  const allowed = exercise ? [...exercise.export.runtime, ...(exercise.export.functional ? [exercise.export.functional] : [])] : [];
  for (const file of files(exerciseDir)) {
    const rel = relative(exerciseDir, file);
    if (rel.startsWith('faults/') || rel.startsWith('candidate/') || rel === 'exercise.yaml' || allowed.some((a) => rel === a || rel.startsWith(`${a}/`))) continue;
    const text = readFileSync(file, 'utf8');
    if (rel.startsWith('interviewer/')) for (const s of sentences(text)) addProse(s, relative(root, file));
    else if (/\.(ts|mjs|js)$/.test(file)) for (const l of codeLines(text)) addLine(l, relative(root, file));
  }
  return { lines, sentences: prose, ids };
}

export function findLeaks(candidateDir: string, secrets: Secrets): Leak[] {
  const leaks: Leak[] = [];
  const kit = join(candidateDir, 'faultline', 'kit');
  const ids = secrets.ids.map((id) => ({ id, pattern: new RegExp(`(?<![\\w-])${id}(?![\\w-])`) }));
  for (const file of files(candidateDir)) {
    const rel = relative(candidateDir, file);
    if (INTERVIEWER_ONLY.some((re) => re.test(rel))) leaks.push({ file: rel, what: 'an interviewer-only file' });
    // The kit is the same generic code in every export; it carries no exercise's material.
    if (file.startsWith(`${kit}/`)) continue;
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    lines.forEach((raw, index) => {
      if (/<!-- (\/?level\b|\/?monorepo -->|exported$)/.test(raw)) leaks.push({ file: rel, line: index + 1, what: 'a marker export removes (level, monorepo or exported block)' });
      const from = secrets.lines.get(normalise(raw));
      if (from) leaks.push({ file: rel, line: index + 1, what: `a line of ${from}` });
      for (const { id, pattern } of ids) if (pattern.test(raw)) leaks.push({ file: rel, line: index + 1, what: `the fault id "${id}"` });
    });
    const flat = normalise(text.replace(/[`*_>|#]/g, ' '));
    for (const [sentence, from] of secrets.sentences) {
      if (flat.includes(sentence)) leaks.push({ file: rel, what: `text of ${from}: "${sentence.slice(0, 80)}…"` });
    }
  }
  return leaks.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}
