import type { VerifyReport } from './report.js';

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number, text: string) => (useColor ? `\x1b[${code}m${text}\x1b[0m` : text);
export const color = {
  red: (t: string) => paint(31, t),
  green: (t: string) => paint(32, t),
  yellow: (t: string) => paint(33, t),
  dim: (t: string) => paint(2, t),
  bold: (t: string) => paint(1, t),
};

function formatNumber(value: number | null): string {
  if (value === null) return '—';
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2);
}

function pad(text: string, width: number): string {
  // eslint-disable-next-line no-control-regex -- stripping ANSI colour codes to measure width
  const visible = text.replace(/\x1b\[[0-9;]*m/g, '');
  return text + ' '.repeat(Math.max(0, width - visible.length));
}

function wrap(text: string, width: number, indent: string): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

export function renderScorecard(report: VerifyReport): string {
  const out: string[] = [];
  const target = report.target.kind === 'fixes' ? `starter + fixes (${report.target.fixes.join(', ')})` : `${report.target.kind} ${report.target.path}`;
  const database = report.database === 'none' ? 'database not managed' : `${report.database} postgres`;
  out.push(color.bold(`faultline verify ${report.exercise}`) + color.dim(`  —  ${target}, ${database}, ${(report.durationMs / 1000).toFixed(1)} s`));
  out.push('');
  const rows = report.faults.map((f) => {
    const verdict = f.verdict === 'fixed' ? color.green('fixed') : f.verdict === 'present' ? color.red('present') : color.yellow('error');
    const metric = `${f.metric.name} ${formatNumber(f.metric.value)} ${f.metric.unit} (present at ≥ ${formatNumber(f.metric.threshold)})`;
    return { id: f.id, kind: f.kind, verdict, metric, evidence: f.evidence };
  });
  const idWidth = Math.max(5, ...rows.map((r) => r.id.length)) + 2;
  const kindWidth = Math.max(4, ...rows.map((r) => r.kind.length)) + 2;
  if (rows.length > 0) {
    out.push(color.dim(pad('fault', idWidth) + pad('kind', kindWidth) + pad('verdict', 10) + 'metric'));
    for (const row of rows) {
      out.push(pad(row.id, idWidth) + pad(row.kind, kindWidth) + pad(row.verdict, 10) + row.metric);
      out.push(color.dim(wrap(row.evidence, 100, ' '.repeat(idWidth + kindWidth))));
    }
    out.push('');
  }
  const fn = report.functional;
  const fnLine = `functional suite: ${fn.passed} passed, ${fn.failed} failed`;
  out.push(fn.failed === 0 ? color.green(fnLine) : color.red(fnLine));
  for (const [category, tally] of Object.entries(fn.byCategory ?? {})) {
    const total = tally.passed + tally.failed;
    out.push(`  ${category.padEnd(14)} ${String(tally.passed).padStart(3)}/${total} ${tally.failed ? color.red('✗') : color.green('✓')}`);
  }
  for (const failure of fn.failures) out.push(color.red(`  ✗ ${failure.category ? `[${failure.category}] ` : ''}${failure.name}: `) + failure.message);
  if (report.dataset) {
    const d = report.dataset;
    const ref = d.referenceLoadMs === undefined ? '' : ` (reference design: ${(d.referenceLoadMs / 1000).toFixed(1)} s)`;
    out.push('');
    out.push(`dataset ${d.name}: ${Object.entries(d.rows).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ')}`);
    out.push(`loaded by the target's loader in ${(d.loadMs / 1000).toFixed(1)} s${ref}`);
  }
  if (report.measurements) out.push('', ...renderMeasurements(report.measurements));
  const s = report.summary;
  // An exercise with no faults to find (a candidate's own copy, a design's current state) has only its checks.
  if (report.faults.length > 0) out.push(`faults: ${s.present} present, ${s.fixed} fixed, ${s.errors} error${s.errors === 1 ? '' : 's'}`);
  return out.join('\n');
}

function renderMeasurements(section: NonNullable<VerifyReport['measurements']>): string[] {
  const out = [color.bold(section.title)];
  const hasReference = section.rows.some((r) => r.referenceP95Ms !== undefined);
  const labelWidth = Math.max(10, ...section.rows.map((r) => r.label.length)) + 2;
  const hasServer = section.rows.some((r) => r.serverMs !== undefined);
  out.push(color.dim(pad('call', labelWidth) + pad('p50 ms', 10) + pad('p95 ms', 10) + (hasReference ? pad('ref p95', 10) + pad('× ref', 8) : '') + (hasServer ? pad('db ms', 9) + (hasReference ? pad('ref db', 9) : '') : '') + pad('target', 9) + 'calls'));
  for (const row of section.rows) {
    const over = row.targetMs !== undefined && row.p95Ms > row.targetMs;
    const ratio = row.referenceP95Ms ? row.p95Ms / Math.max(row.referenceP95Ms, 0.01) : undefined;
    out.push(
      pad(row.label, labelWidth) +
        pad(formatNumber(row.p50Ms), 10) +
        pad(over ? color.yellow(formatNumber(row.p95Ms)) : formatNumber(row.p95Ms), 10) +
        (hasReference ? pad(row.referenceP95Ms === undefined ? '—' : formatNumber(row.referenceP95Ms), 10) + pad(ratio === undefined ? '—' : `${ratio.toFixed(1)}×`, 8) : '') +
        (hasServer ? pad(row.serverMs === undefined ? '—' : formatNumber(row.serverMs), 9) + (hasReference ? pad(row.referenceServerMs === undefined ? '—' : formatNumber(row.referenceServerMs), 9) : '') : '') +
        pad(row.targetMs === undefined ? '—' : `≤ ${row.targetMs}`, 9) +
        String(row.calls),
    );
    for (const note of row.notes) out.push(color.dim(`    plan: ${note}`));
  }
  for (const note of section.notes) out.push(color.dim(`  ${note}`));
  out.push(color.dim('  p50/p95: the whole call as the caller sees it; db ms: mean time the server spent executing its statements'));
  out.push(color.dim('  over a target is reported, not failed: compare with the reference measured in the same run'));
  return out;
}
