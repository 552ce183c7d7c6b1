// The verify report as one self-contained HTML file: inline CSS and SVG charts drawn here, no
// scripts, fonts or URLs, so it opens offline and prints as it looks (it is attached to hiring packets).
import { exitCodeFor, type CommitRecord, type FaultResult, type MeasurementSection, type VerifyReport } from './report.js';

type Point = [number, number];

// ---------------------------------------------------------------------------------------------
// escaping and formatting

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** HTML-escapes text for content and attribute values; also breaks `scheme://` so no URL is live or fetched. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c).replace(/:\/\//g, '&#58;//');
}
const e = escapeHtml;

function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (Number.isInteger(value)) return value.toLocaleString('en');
  return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(2);
}

function formatTick(value: number, bytes: boolean): string {
  const abs = Math.abs(value);
  const trim = (n: number) => String(Number(n.toFixed(2)));
  if (bytes) {
    if (abs >= 1024 * 1024) return `${trim(value / 1024 / 1024)} MiB`;
    if (abs >= 1024) return `${trim(value / 1024)} KiB`;
    return `${trim(value)} B`;
  }
  if (abs >= 1e6) return `${trim(value / 1e6)}M`;
  if (abs >= 1e4) return `${trim(value / 1e3)}k`;
  return trim(value);
}

function seconds(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms >= 86_400_000) return `${Math.floor(ms / 86_400_000)} d ${Math.round((ms % 86_400_000) / 3_600_000)} h`;
  if (ms >= 3_600_000) return `${Math.floor(ms / 3_600_000)} h ${Math.round((ms % 3_600_000) / 60_000)} min`;
  return ms >= 60_000 ? `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s` : `${(ms / 1000).toFixed(1)} s`;
}

function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const humanize = (name: string) => name.replace(/([a-z])([A-Z])/g, (_, a: string, b: string) => `${a} ${b.toLowerCase()}`).replace(/[_-]+/g, ' ');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const n2 = (v: number) => Number(v.toFixed(2));

function niceStep(range: number, ticks: number): number {
  const raw = Math.max(range, 1e-9) / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  return (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
}

function linearAxis(min: number, max: number, ticks: number, integer = false): { lo: number; hi: number; ticks: number[] } {
  if (min === max) {
    if (max === 0) max = 1;
    else if (min > 0) min = 0;
    else max = 0;
  }
  let step = niceStep(max - min, ticks);
  if (integer) step = Math.max(1, Math.round(step));
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const out: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) out.push(Number(v.toPrecision(12)));
  return { lo, hi, ticks: out };
}

/** Ticks on round binary units (256 KiB, 512 KiB, 1 MiB …) so byte labels stay short. */
function byteAxis(max: number): { lo: number; hi: number; ticks: number[] } {
  const unit = max >= 1024 * 1024 ? 1024 * 1024 : max >= 1024 ? 1024 : 1;
  const scaled = linearAxis(0, max / unit, 4);
  return { lo: 0, hi: scaled.hi * unit, ticks: scaled.ticks.map((t) => t * unit) };
}

// ---------------------------------------------------------------------------------------------
// chart pieces

const PASS = '#1a7f37';
const FAIL = '#c0362c';
const WARN = '#d97706';
const COLORS = ['#2563eb', '#c2410c', '#7c3aed', '#0f766e', '#be185d'];
const attr = (attrs: Record<string, string | number>) => Object.entries(attrs).map(([k, v]) => ` ${k}="${typeof v === 'number' ? n2(v) : e(v)}"`).join('');

function svgOpen(width: number, height: number, attrs: Record<string, string>, label: string): string {
  return `<svg class="chart"${attr(attrs)} role="img" aria-label="${e(label)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" preserveAspectRatio="xMinYMin meet">`;
}

function text(x: number, y: number, content: string, attrs: Record<string, string | number> = {}): string {
  return `<text${attr({ x, y, ...attrs })}>${e(content)}</text>`;
}

function legend(x: number, y: number, items: Array<{ label: string; color: string; shape?: 'line' | 'box' }>): string {
  let cx = x;
  return items
    .map((item) => {
      const mark = item.shape === 'line' ? `<line${attr({ x1: cx, y1: y - 4, x2: cx + 14, y2: y - 4, stroke: item.color, 'stroke-width': 2.5 })}/>` : `<rect${attr({ x: cx, y: y - 9, width: 10, height: 10, fill: item.color, rx: 2 })}/>`;
      const out = `<g class="legend">${mark}${text(cx + (item.shape === 'line' ? 18 : 14), y, item.label)}</g>`;
      cx += (item.shape === 'line' ? 24 : 20) + item.label.length * 6.2 + 14;
      return out;
    })
    .join('');
}

interface AxisNames {
  x: string;
  y: string;
}

/** What a fault's series measure: the report carries bare names, so read what the metric says. */
export function seriesAxes(fault: FaultResult, name: string): AxisNames {
  const known: Record<string, AxisNames> = {
    'statements (1 order)': { x: 'lines in the one order', y: 'statements per history request' },
    'statements (5 lines each)': { x: 'orders (5 lines each)', y: 'statements per history request' },
    retainedBytes: { x: 'requests served', y: 'heap retained after GC' },
  };
  if (known[name]) return known[name];
  const unit = fault.metric.unit;
  const inN = /\bin (?:\d+ )?([a-z]+?)s?\b(?: of \d+)?/i.exec(unit);
  if (inN?.[1] && /round|burst|run|attempt|iteration|trial|batch/i.test(inN[1])) return { x: inN[1].toLowerCase(), y: `${humanize(name)} per ${inN[1].toLowerCase()}` };
  if (/\/req\b/.test(unit)) return { x: 'requests', y: humanize(name) };
  return { x: 'x', y: humanize(name) };
}

/** True when x counts events 1, 2, 3 … (rounds, bursts): a bar per event reads better than a line. */
function isIndex(points: readonly Point[]): boolean {
  return points.length > 1 && points.every(([x], i) => Number.isInteger(x) && (i === 0 || x - (points[i - 1]?.[0] ?? 0) === 1));
}

function strictlyIncreasing(points: readonly Point[]): boolean {
  return points.every(([x], i) => i === 0 || x > (points[i - 1]?.[0] ?? -Infinity));
}

/** Line for measurements along a continuous x (statements vs lines, heap vs requests); bars for events. */
export function chartKind(points: readonly Point[]): 'line' | 'bar' {
  return points.length >= 2 && strictlyIncreasing(points) && !isIndex(points) ? 'line' : 'bar';
}

function seriesChart(fault: FaultResult, name: string, points: readonly Point[], color: string): string {
  const W = 460;
  const H = 230;
  const m = { left: 64, right: 22, top: 48, bottom: 42 };
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;
  const axes = seriesAxes(fault, name);
  const bytes = /bytes/i.test(name) || /heap/i.test(axes.y);
  const kind = chartKind(points);
  const ys = points.map(([, y]) => y);
  const yAxis = bytes ? byteAxis(Math.max(0, ...ys)) : linearAxis(Math.min(0, ...ys), Math.max(0, ...ys), 4, ys.every(Number.isInteger));
  const sy = (v: number) => m.top + ph - ((v - yAxis.lo) / (yAxis.hi - yAxis.lo)) * ph;
  const label = `${fault.title}: ${axes.y} by ${axes.x}, ${kind} chart of ${plural(points.length, 'point')}${points.length ? `, ${points.map(([x, y]) => `${formatTick(x, false)} → ${formatTick(y, bytes)}`).slice(0, 12).join('; ')}` : ''}`;
  const out = [svgOpen(W, H, { 'data-series': name, 'data-kind': kind }, label)];
  out.push(legend(m.left, 32, [{ label: humanize(name), color, shape: kind === 'line' ? 'line' : 'box' }]));
  // y grid and ticks
  for (const t of yAxis.ticks) {
    out.push(`<line class="grid"${attr({ x1: m.left, x2: m.left + pw, y1: sy(t), y2: sy(t) })}/>`);
    out.push(text(m.left - 6, sy(t) + 4, formatTick(t, bytes), { 'text-anchor': 'end', class: 'tick' }));
  }
  const marks: string[] = [];
  const valueLabels = points.length <= 12;
  if (kind === 'line') {
    const xs = points.map(([x]) => x);
    const xAxis = linearAxis(Math.min(...xs), Math.max(...xs), 5);
    const sx = (v: number) => m.left + ((v - xAxis.lo) / (xAxis.hi - xAxis.lo)) * pw;
    for (const t of xAxis.ticks) {
      out.push(`<line class="tickmark"${attr({ x1: sx(t), x2: sx(t), y1: m.top + ph, y2: m.top + ph + 4 })}/>`);
      out.push(text(sx(t), m.top + ph + 16, formatTick(t, false), { 'text-anchor': 'middle', class: 'tick' }));
    }
    const d = points.map(([x, y], i) => `${i ? 'L' : 'M'}${n2(sx(x))},${n2(sy(y))}`).join('');
    marks.push(`<path class="series-line"${attr({ d, stroke: color })}/>`);
    for (const [x, y] of points) {
      marks.push(`<circle${attr({ cx: sx(x), cy: sy(y), r: 3.5, fill: color })}><title>${e(`${axes.x} ${formatNumber(x)}: ${axes.y} ${formatTick(y, bytes)}`)}</title></circle>`);
      if (valueLabels && !(y === yAxis.lo && x === xAxis.lo)) marks.push(text(sx(x), sy(y) - 8, formatTick(y, bytes), { 'text-anchor': sx(x) > m.left + pw - 20 ? 'end' : 'middle', class: 'value' }));
    }
  } else {
    const band = pw / Math.max(points.length, 1);
    const every = Math.ceil(points.length / 20);
    points.forEach(([x, y], i) => {
      const cx = m.left + band * (i + 0.5);
      const top = sy(Math.max(y, 0));
      const height = Math.max(Math.abs(sy(y) - sy(0)), 1.5);
      marks.push(`<rect${attr({ x: cx - band * 0.35, y: y === 0 ? sy(0) - 1.5 : top, width: band * 0.7, height, fill: color, class: y === 0 ? 'zero' : 'bar' })}><title>${e(`${axes.x} ${formatNumber(x)}: ${formatTick(y, bytes)}`)}</title></rect>`);
      if (i % every === 0) out.push(text(cx, m.top + ph + 16, formatTick(x, false), { 'text-anchor': 'middle', class: 'tick' }));
      if (valueLabels) marks.push(text(cx, top - 5, formatTick(y, bytes), { 'text-anchor': 'middle', class: 'value' }));
    });
  }
  if (ys.every((y) => y === 0)) out.push(text(m.left + pw / 2, m.top + ph / 2, `all ${plural(ys.length, 'value')} are 0`, { 'text-anchor': 'middle', class: 'value note' }));
  out.push(`<line class="axis"${attr({ x1: m.left, x2: m.left + pw, y1: sy(yAxis.lo), y2: sy(yAxis.lo) })}/>`);
  out.push(`<line class="axis"${attr({ x1: m.left, x2: m.left, y1: m.top, y2: m.top + ph })}/>`);
  out.push(...marks);
  out.push(text(m.left + pw / 2, H - 6, `${axes.x} →`, { 'text-anchor': 'middle', class: 'axis-label' }));
  out.push(text(4, 14, `↑ ${axes.y}`, { class: 'axis-label' }));
  out.push('</svg>');
  return out.join('');
}

function categoriesChart(byCategory: Record<string, { passed: number; failed: number }>): string {
  const entries = Object.entries(byCategory);
  const W = 640;
  const row = 26;
  const m = { left: 150, right: 70, top: 30, bottom: 36 };
  const pw = W - m.left - m.right;
  const H = m.top + entries.length * row + m.bottom;
  const max = Math.max(1, ...entries.map(([, t]) => t.passed + t.failed));
  const axis = linearAxis(0, max, 5, true);
  const sx = (v: number) => m.left + (v / axis.hi) * pw;
  const summary = entries.map(([c, t]) => `${c} ${t.passed} of ${t.passed + t.failed} passed`).join('; ');
  const out = [svgOpen(W, H, { 'data-chart': 'categories' }, `Checks per rubric category: ${summary}`)];
  out.push(legend(m.left, 16, [{ label: 'passed', color: PASS }, { label: 'failed', color: FAIL }]));
  for (const t of axis.ticks) {
    out.push(`<line class="grid"${attr({ x1: sx(t), x2: sx(t), y1: m.top - 4, y2: H - m.bottom })}/>`);
    out.push(text(sx(t), H - m.bottom + 14, String(t), { 'text-anchor': 'middle', class: 'tick' }));
  }
  entries.forEach(([category, tally], i) => {
    const y = m.top + i * row;
    const total = tally.passed + tally.failed;
    out.push(text(m.left - 8, y + row / 2 + 4, category.length > 22 ? `${category.slice(0, 21)}…` : category, { 'text-anchor': 'end', class: 'cat' }));
    const title = `<title>${e(`${category}: ${tally.passed} passed, ${tally.failed} failed`)}</title>`;
    if (tally.passed) out.push(`<rect${attr({ x: sx(0), y: y + 4, width: sx(tally.passed) - sx(0), height: row - 8, fill: PASS })}>${title}</rect>`);
    if (tally.failed) out.push(`<rect${attr({ x: sx(tally.passed), y: y + 4, width: sx(total) - sx(tally.passed), height: row - 8, fill: FAIL })}>${title}</rect>`);
    if (!total) out.push(`<rect${attr({ x: sx(0), y: y + 4, width: 1.5, height: row - 8, fill: '#999' })}>${title}</rect>`);
    out.push(text(sx(total) + 6, y + row / 2 + 4, `${tally.passed}/${total}`, { class: tally.failed ? 'value bad' : 'value' }));
  });
  out.push(text(m.left + pw / 2, H - 2, 'checks', { 'text-anchor': 'middle', class: 'axis-label' }));
  out.push('</svg>');
  return out.join('');
}

function latencyChart(section: MeasurementSection, targetKind: string): string {
  const rows = section.rows;
  const hasRef = rows.some((r) => r.referenceP95Ms !== undefined);
  const W = 720;
  const row = hasRef ? 34 : 24;
  const m = { left: 190, right: 60, top: 30, bottom: 34 };
  const pw = W - m.left - m.right;
  const H = m.top + rows.length * row + m.bottom;
  const values = rows.flatMap((r) => [r.p95Ms, r.referenceP95Ms ?? r.p95Ms, r.targetMs ?? r.p95Ms]).filter((v) => v > 0);
  const lo = 10 ** Math.floor(Math.log10(Math.max(Math.min(...values, 1), 0.01)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...values, lo * 10)));
  const sx = (v: number) => m.left + ((Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * pw;
  const summary = rows.map((r) => `${r.key} p95 ${formatNumber(r.p95Ms)} ms${r.referenceP95Ms === undefined ? '' : ` vs reference ${formatNumber(r.referenceP95Ms)} ms`}`).join('; ');
  const out = [svgOpen(W, H, { 'data-chart': 'latency' }, `p95 latency per call, log scale: ${summary}`)];
  const items: Array<{ label: string; color: string; shape?: 'line' | 'box' }> = [{ label: `p95 (${targetKind})`, color: COLORS[0] ?? '#2563eb' }];
  if (hasRef) items.push({ label: 'p95 (reference design)', color: '#9ca3af' });
  out.push(legend(m.left, 16, items));
  out.push(`<g class="legend"><line${attr({ x1: W - 150, x2: W - 150, y1: 6, y2: 18, stroke: '#111', 'stroke-width': 2, 'stroke-dasharray': '3 2' })}/>${text(W - 144, 16, 'provisional target')}</g>`);
  for (let t = lo; t <= hi * 1.0001; t *= 10) {
    out.push(`<line class="grid"${attr({ x1: sx(t), x2: sx(t), y1: m.top - 4, y2: H - m.bottom })}/>`);
    out.push(text(sx(t), H - m.bottom + 14, formatTick(t, false), { 'text-anchor': 'middle', class: 'tick' }));
    for (const k of [2, 5]) if (t * k < hi) out.push(`<line class="grid minor"${attr({ x1: sx(t * k), x2: sx(t * k), y1: m.top - 4, y2: H - m.bottom })}/>`);
  }
  rows.forEach((r, i) => {
    const y = m.top + i * row;
    const short = `${r.key} ${r.label.replace(/\s*\(.*$/, '')}`;
    const over = r.targetMs !== undefined && r.p95Ms > r.targetMs;
    out.push(`<text${attr({ x: m.left - 8, y: y + row / 2 + 4, 'text-anchor': 'end', class: over ? 'cat bad' : 'cat' })}>${e(short.length > 30 ? `${short.slice(0, 29)}…` : short)}<title>${e(r.label)}</title></text>`);
    const bh = hasRef ? 11 : 14;
    const y1 = y + (hasRef ? 5 : 5);
    out.push(`<rect${attr({ x: m.left, y: y1, width: Math.max(sx(r.p95Ms) - m.left, 1.5), height: bh, fill: over ? WARN : (COLORS[0] ?? '#2563eb') })}><title>${e(`${r.key} p95 ${formatNumber(r.p95Ms)} ms${over ? ` (over the ${r.targetMs} ms target)` : ''}`)}</title></rect>`);
    out.push(text(Math.max(sx(r.p95Ms), m.left) + 4, y1 + bh - 2, formatNumber(r.p95Ms), { class: 'value' }));
    if (r.referenceP95Ms !== undefined) {
      const y2 = y1 + bh + 2;
      out.push(`<rect${attr({ x: m.left, y: y2, width: Math.max(sx(r.referenceP95Ms) - m.left, 1.5), height: bh, fill: '#9ca3af' })}><title>${e(`${r.key} reference p95 ${formatNumber(r.referenceP95Ms)} ms`)}</title></rect>`);
      out.push(text(Math.max(sx(r.referenceP95Ms), m.left) + 4, y2 + bh - 2, formatNumber(r.referenceP95Ms), { class: 'value muted' }));
    }
    if (r.targetMs !== undefined) out.push(`<line${attr({ x1: sx(r.targetMs), x2: sx(r.targetMs), y1: y + 2, y2: y + row - 2, stroke: '#111', 'stroke-width': 2, 'stroke-dasharray': '3 2' })}><title>${e(`${r.key} target ≤ ${r.targetMs} ms`)}</title></line>`);
  });
  out.push(`<line class="axis"${attr({ x1: m.left, x2: m.left, y1: m.top - 4, y2: H - m.bottom })}/>`);
  out.push(text(m.left + pw / 2, H - 4, 'p95 milliseconds (log scale)', { 'text-anchor': 'middle', class: 'axis-label' }));
  out.push('</svg>');
  return out.join('');
}

// ---------------------------------------------------------------------------------------------
// commits

/** Minutes east of UTC in an ISO 8601 date ('Z' or ±hh:mm); git author dates keep the author's clock. */
function offsetOf(iso: string): number {
  const match = /([+-])(\d\d):?(\d\d)$/.exec(iso);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

function clock(ms: number, offset: number, withDate: boolean): string {
  const iso = new Date(ms + offset * 60_000).toISOString();
  return withDate ? `${iso.slice(5, 10)} ${iso.slice(11, 16)}` : iso.slice(11, 16);
}

const utcLabel = (offset: number) => (offset === 0 ? 'UTC' : `UTC${offset > 0 ? '+' : '−'}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`);

function commitsChart(commits: readonly CommitRecord[], offset: number): string {
  const W = 720;
  const H = 170;
  const m = { left: 24, right: 24, top: 36, bottom: 40 };
  const pw = W - m.left - m.right;
  const times = commits.map((c) => new Date(c.at).getTime()).map((t, i) => (Number.isNaN(t) ? i * 60_000 : t));
  let t0 = Math.min(...times);
  let t1 = Math.max(...times);
  if (t1 - t0 < 10 * 60_000) {
    const mid = (t0 + t1) / 2;
    t0 = mid - 5 * 60_000;
    t1 = mid + 5 * 60_000;
  }
  const pad = (t1 - t0) * 0.04;
  t0 -= pad;
  t1 += pad;
  const sx = (t: number) => m.left + ((t - t0) / (t1 - t0)) * pw;
  const lines = commits.map((c) => c.insertions + c.deletions);
  const maxLines = Math.max(1, ...lines);
  const radius = (n: number) => 3 + 11 * Math.sqrt(n / maxLines);
  const withDate = t1 - t0 > 20 * 3_600_000;
  const steps = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080].map((min) => min * 60_000);
  const step = steps.find((s) => (t1 - t0) / s <= 8) ?? 10080 * 60_000;
  const label = `${plural(commits.length, 'commit')} from ${clock(times[0] ?? 0, offset, true)} to ${clock(times[times.length - 1] ?? 0, offset, true)} (${utcLabel(offset)}), marks sized by lines changed`;
  const out = [svgOpen(W, H, { 'data-chart': 'commits' }, label)];
  const baseY = m.top + (H - m.top - m.bottom) / 2;
  out.push(text(m.left, 16, `each circle is a commit, its area the lines changed (largest: ${maxLines.toLocaleString('en')}); numbers match the list below`, { class: 'tick' }));
  const shift = offset * 60_000;
  for (let t = Math.ceil((t0 + shift) / step) * step - shift; t <= t1; t += step) {
    out.push(`<line class="grid"${attr({ x1: sx(t), x2: sx(t), y1: m.top - 6, y2: H - m.bottom })}/>`);
    out.push(text(sx(t), H - m.bottom + 14, clock(t, offset, withDate), { 'text-anchor': 'middle', class: 'tick' }));
  }
  out.push(`<line class="axis"${attr({ x1: m.left, x2: m.left + pw, y1: baseY, y2: baseY })}/>`);
  commits.forEach((c, i) => {
    const x = sx(times[i] ?? t0);
    const y = baseY + (commits.length > 1 ? (i % 2 === 0 ? -1 : 1) * 12 : 0);
    const r = radius(lines[i] ?? 0);
    const title = `#${i + 1} ${clock(times[i] ?? 0, offset, true)} ${c.hash.slice(0, 7)} ${c.subject} (+${c.insertions} −${c.deletions}, ${plural(c.filesChanged, 'file')})`;
    out.push(`<circle class="commit"${attr({ cx: x, cy: y, r })}><title>${e(title)}</title></circle>`);
    if (commits.length <= 40) out.push(text(x, i % 2 === 0 ? y - r - 4 : y + r + 11, String(i + 1), { 'text-anchor': 'middle', class: 'value' }));
  });
  out.push(text(m.left + pw / 2, H - 6, `author time (${utcLabel(offset)})`, { 'text-anchor': 'middle', class: 'axis-label' }));
  out.push('</svg>');
  return out.join('');
}

function renderCommits(all: readonly CommitRecord[]): string {
  // The exported starting point is listed, but the chart and the totals are the candidate's own work.
  const handedOut = all.filter((c) => c.handedOut);
  const commits = all.filter((c) => !c.handedOut);
  const handedAt = handedOut[handedOut.length - 1]?.at ?? '';
  const start = handedOut.length ? `The exercise was handed out as ${plural(handedOut.length, 'commit')} (${handedOut.map((c) => `<code>${e(c.hash.slice(0, 7))}</code>`).join(', ')}, ${e(handedAt.slice(0, 16).replace('T', ' '))}${e(handedAt.slice(19) || '')}); ` : '';
  if (commits.length === 0) return `<section class="block commits"><h2>Commits</h2><p class="muted">${start}no commit of the candidate's own after it.</p></section>`;
  const offset = offsetOf(commits[0]?.at ?? '');
  const times = commits.map((c) => new Date(c.at).getTime());
  const span = Math.max(...times) - Math.min(...times);
  const withDate = span > 20 * 3_600_000;
  const total = commits.reduce((acc, c) => ({ ins: acc.ins + c.insertions, del: acc.del + c.deletions }), { ins: 0, del: 0 });
  const rows = commits
    .map((c, i) => `<tr><td class="num">${i + 1}</td><td class="nowrap">${e(Number.isNaN(times[i] ?? NaN) ? c.at : clock(times[i] ?? 0, offset, withDate))}</td><td><code>${e(c.hash.slice(0, 7))}</code></td><td>${e(c.subject)}</td><td class="num ins">+${c.insertions}</td><td class="num del">−${c.deletions}</td><td class="num">${c.filesChanged}</td></tr>`)
    .join('');
  return `<section class="block commits"><h2>Commits</h2><p class="muted">${start}${plural(commits.length, 'commit')} of the candidate's own, oldest first, over ${seconds(Number.isFinite(span) ? span : 0)}; +${total.ins.toLocaleString('en')} −${total.del.toLocaleString('en')} lines.</p>${commitsChart(commits, offset)}<table class="list"><thead><tr><th class="num">#</th><th>time (${e(utcLabel(offset))})</th><th>commit</th><th>subject</th><th class="num">added</th><th class="num">removed</th><th class="num">files</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

// ---------------------------------------------------------------------------------------------
// sections

const VERDICT_TEXT: Record<FaultResult['verdict'], string> = { present: 'present', fixed: 'fixed', error: 'error' };

function renderFault(fault: FaultResult): string {
  const metric = fault.metric;
  const value = metric.value === null ? 'not measured' : `${formatNumber(metric.value)} ${metric.unit}`;
  const evidence = fault.evidence.includes(' | ') ? `<ul class="evidence">${fault.evidence.split(' | ').map((part) => `<li>${e(part)}</li>`).join('')}</ul>` : `<p class="evidence">${e(fault.evidence)}</p>`;
  const charts = Object.entries(fault.series ?? {})
    .filter(([, points]) => points.length > 0)
    .map(([name, points], i) => seriesChart(fault, name, points, COLORS[i % COLORS.length] ?? '#2563eb'));
  return `<section class="fault ${fault.verdict}" data-fault-id="${e(fault.id)}" data-verdict="${fault.verdict}">
<header><span class="badge ${fault.verdict}">${VERDICT_TEXT[fault.verdict]}</span><span class="chip">${e(fault.kind)}</span><h3>${e(fault.title)}</h3><code class="fault-id">${e(fault.id)}</code></header>
<p class="metric"><span class="metric-name">${e(metric.name)}</span> <strong>${e(value)}</strong> <span class="muted">— present at ≥ ${e(formatNumber(metric.threshold))}${metric.value === null ? '' : ` ${e(metric.unit)}`}; measured in ${seconds(fault.durationMs)}</span></p>
${evidence}${charts.length ? `<div class="charts">${charts.join('')}</div>` : ''}
</section>`;
}

function renderFunctional(report: VerifyReport): string {
  const fn = report.functional;
  const total = fn.passed + fn.failed;
  const chart = fn.byCategory && Object.keys(fn.byCategory).length ? categoriesChart(fn.byCategory) : '';
  const groups = new Map<string, typeof fn.failures>();
  for (const failure of fn.failures) {
    const key = failure.category ?? '';
    groups.set(key, [...(groups.get(key) ?? []), failure]);
  }
  const failures = fn.failures.length
    ? `<h3>Failures (${fn.failures.length})</h3>${[...groups]
        .map(
          ([category, list]) =>
            `${category ? `<h4><span class="chip">${e(category)}</span> ${list.length} failed</h4>` : ''}<ol class="failures">${list
              .map((f) => `<li data-category="${e(f.category ?? '')}"><strong>${e(f.name)}</strong><pre>${e(f.message.trim())}</pre></li>`)
              .join('')}</ol>`,
        )
        .join('')}`
    : '';
  return `<section class="block functional"><h2>Functional checks</h2><p class="totals"><span class="${fn.failed ? 'bad' : 'good'}">${fn.passed} of ${total} passed, ${fn.failed} failed</span></p>${chart}${failures}</section>`;
}

function renderDataset(dataset: NonNullable<VerifyReport['dataset']>): string {
  const rows = Object.entries(dataset.rows).map(([table, n]) => `<span class="chip">${e(table)} <strong>${n.toLocaleString('en')}</strong></span>`).join(' ');
  const ref = dataset.referenceLoadMs === undefined ? '' : ` (reference design: ${seconds(dataset.referenceLoadMs)})`;
  return `<section class="block dataset"><h2>Dataset <code>${e(dataset.name)}</code></h2><p class="dataset-line">${rows}</p><p>Loaded by the target's loader in <strong>${seconds(dataset.loadMs)}</strong>${ref}.</p></section>`;
}

function renderMeasurements(section: MeasurementSection, targetKind: string): string {
  const hasRef = section.rows.some((r) => r.referenceP95Ms !== undefined);
  const hasServer = section.rows.some((r) => r.serverMs !== undefined);
  const head = ['call', 'calls', 'p50 ms', 'p95 ms', ...(hasRef ? ['ref p95', '× ref'] : []), ...(hasServer ? ['db ms', ...(hasRef ? ['ref db'] : [])] : []), 'target', 'plan notes'];
  const num = new Set(['calls', 'p50 ms', 'p95 ms', 'ref p95', '× ref', 'db ms', 'ref db', 'target']);
  const body = section.rows
    .map((r) => {
      const over = r.targetMs !== undefined && r.p95Ms > r.targetMs;
      const ratio = r.referenceP95Ms ? r.p95Ms / Math.max(r.referenceP95Ms, 0.01) : undefined;
      const cells = [
        `<td><code>${e(r.key)}</code> ${e(r.label)}</td>`,
        `<td class="num">${r.calls}</td>`,
        `<td class="num">${formatNumber(r.p50Ms)}</td>`,
        `<td class="num${over ? ' over' : ''}">${formatNumber(r.p95Ms)}${over ? ' <span class="flag">over</span>' : ''}</td>`,
        ...(hasRef ? [`<td class="num">${formatNumber(r.referenceP95Ms)}</td>`, `<td class="num${ratio !== undefined && ratio >= 2 ? ' slow' : ''}">${ratio === undefined ? '—' : `${ratio.toFixed(1)}×`}</td>`] : []),
        ...(hasServer ? [`<td class="num">${formatNumber(r.serverMs)}</td>`, ...(hasRef ? [`<td class="num">${formatNumber(r.referenceServerMs)}</td>`] : [])] : []),
        `<td class="num">${r.targetMs === undefined ? '—' : `≤ ${r.targetMs}`}</td>`,
        `<td class="notes">${r.notes.length ? `<ul>${r.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>` : ''}</td>`,
      ];
      return `<tr class="${over ? 'over-row' : ''}">${cells.join('')}</tr>`;
    })
    .join('');
  const notes = [...section.notes, 'p50/p95: the whole call as the caller sees it; db ms: mean time the server spent executing its statements.', 'Over a target is reported, not failed: compare with the reference measured in the same run.'];
  return `<section class="block measurements"><h2>${e(section.title)}</h2>${section.rows.length ? latencyChart(section, targetKind) : ''}<table class="list"><thead><tr>${head.map((h) => `<th${num.has(h) ? ' class="num"' : ''}>${e(h)}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table><ul class="muted small">${notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul></section>`;
}

function renderHeader(report: VerifyReport): string {
  const t = report.target;
  const suffix = ` + ${t.fixes.join(', ')}`;
  const path = t.fixes.length && t.path.endsWith(suffix) ? t.path.slice(0, -suffix.length) : t.path;
  const target = `${t.kind} <code>${e(path)}</code>${t.fixes.length ? ` <span class="muted">with fixes</span> ${t.fixes.map((f) => `<span class="chip">${e(f)}</span>`).join(' ')}` : ''}`;
  const database = report.database === 'none' ? 'not managed' : `${report.database} PostgreSQL`;
  const s = report.summary;
  const fn = report.functional;
  const green = exitCodeFor(report, 'fixed') === 0;
  const missing = [s.present ? `${plural(s.present, 'fault')} present` : '', s.errors ? `${plural(s.errors, 'probe')} errored` : '', fn.failed ? `${plural(fn.failed, 'check')} failed` : ''].filter(Boolean).join(', ');
  const exit = green ? 'every fault fixed, every check passed' : `not clean: ${missing || 'see below'}`;
  return `<header class="top"><h1>faultline verify <span class="exercise">${e(report.exercise)}</span></h1>
<dl class="meta"><div><dt>target</dt><dd>${target}</dd></div><div><dt>date</dt><dd>${e(formatDate(report.startedAt))}</dd></div><div><dt>duration</dt><dd>${seconds(report.durationMs)}</dd></div><div><dt>database</dt><dd>${e(database)}</dd></div></dl>
<div class="summary" data-exit="${green ? 0 : 1}">
<div class="stat"><span class="label">faults</span><span class="counts"><b class="present">${s.present} present</b> · <b class="fixed">${s.fixed} fixed</b> · <b class="error">${plural(s.errors, 'error')}</b></span></div>
<div class="stat"><span class="label">functional</span><span class="counts"><b class="fixed">${fn.passed} passed</b> · <b class="${fn.failed ? 'present' : 'muted'}">${fn.failed} failed</b></span></div>
<div class="stat exit ${green ? 'good' : 'bad'}"><span class="label">exit ${green ? 0 : 1}</span><span class="counts">${e(exit)}</span></div>
</div></header>`;
}

const CSS = `
:root{--fg:#1f2328;--muted:#5b636e;--line:#d8dee4;--bg:#fff;--card:#f8fafc;--present:#c0362c;--fixed:#1a7f37;--error:#b35900;--warn:#d97706}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.45 -apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1000px;margin:0 auto;padding:24px 28px 48px}
h1{font-size:22px;margin:0 0 8px}h1 .exercise{color:#0b4f9c}
h2{font-size:17px;margin:28px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:15px;margin:0}
code,pre{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:12px}
.muted{color:var(--muted)}.small{font-size:12px}
.meta{display:flex;flex-wrap:wrap;gap:6px 28px;margin:0 0 14px}
.meta div{display:flex;gap:6px;align-items:baseline}.meta dt{color:var(--muted)}.meta dd{margin:0}
.summary{display:flex;flex-wrap:wrap;gap:10px}
.stat{border:1px solid var(--line);border-radius:8px;padding:8px 12px;background:var(--card);display:flex;flex-direction:column;min-width:180px}
.stat .label{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.stat.exit{flex:1;border-width:2px}.stat.exit.good{border-color:var(--fixed);background:#eefbf1;color:var(--fixed)}.stat.exit.bad{border-color:var(--present);background:#fdf0ef;color:var(--present)}
.stat.exit .counts{font-weight:600}
b.present,.bad{color:var(--present)}b.fixed,.good{color:var(--fixed)}b.error{color:var(--error)}b.muted{color:var(--muted)}
.fault{border:1px solid var(--line);border-left:5px solid var(--muted);border-radius:8px;padding:12px 16px;margin:12px 0;background:var(--bg);break-inside:avoid;page-break-inside:avoid}
.fault.present{border-left-color:var(--present)}.fault.fixed{border-left-color:var(--fixed)}.fault.error{border-left-color:var(--error)}
.fault header{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 8px}
.fault header h3{flex:1 1 320px}
.fault-id{color:var(--muted)}
.badge{display:inline-block;border-radius:999px;padding:1px 10px;font-size:12px;font-weight:700;color:#fff;text-transform:uppercase;letter-spacing:.03em}
.badge.present{background:var(--present)}.badge.fixed{background:var(--fixed)}.badge.error{background:var(--error)}
.chip{display:inline-block;border:1px solid var(--line);border-radius:4px;padding:0 6px;font-size:12px;background:var(--card);color:var(--fg);white-space:nowrap}
.metric{margin:8px 0 4px}.metric-name{color:var(--muted)}
.evidence{margin:4px 0;overflow-wrap:anywhere;color:#30363d}
ul.evidence{padding-left:20px}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(360px,1fr));gap:8px 20px;margin-top:8px}
svg.chart{display:block;max-width:100%;height:auto;overflow:visible}
.charts svg.chart{width:100%;max-width:460px}
.block svg.chart{width:100%;max-width:720px;margin:8px 0}
svg.chart text{font-family:-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:11px;fill:#3d444d}
svg.chart text.tick{fill:#5b636e;font-size:11px}svg.chart text.axis-label{fill:#1f2328;font-size:11.5px;font-weight:600}
svg.chart text.value{font-size:10px;fill:#1f2328;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}svg.chart text.muted{fill:#6b7280}svg.chart text.note{font-size:12px;fill:#3d444d;font-weight:600}svg.chart text.bad{fill:var(--present);font-weight:600}
svg.chart text.cat{font-size:11.5px}
svg.chart .grid{stroke:#e5e8ec;stroke-width:1}svg.chart .grid.minor{stroke:#f1f3f5}
svg.chart .axis,svg.chart .tickmark{stroke:#8b949e;stroke-width:1}
svg.chart .series-line{fill:none;stroke-width:2.5;stroke-linejoin:round}
svg.chart .commit{fill:#2563eb;fill-opacity:.45;stroke:#1e40af;stroke-width:1.2}
table.list{border-collapse:collapse;width:100%;margin:8px 0;font-size:13px}
table.list th,table.list td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
table.list th{font-size:12px;color:var(--muted);font-weight:600;background:var(--card)}
.num{text-align:right!important;font-variant-numeric:tabular-nums;white-space:nowrap}.nowrap{white-space:nowrap}
td.over{background:#fef3c7;color:#92400e;font-weight:700}td.slow{color:var(--present);font-weight:600}
.flag{font-size:10px;text-transform:uppercase;border:1px solid #d97706;border-radius:3px;padding:0 3px;margin-left:2px}
td.notes ul{margin:0;padding-left:16px;font-size:12px;color:var(--muted)}
td.ins{color:var(--fixed)}td.del{color:var(--present)}
.totals{font-size:15px;font-weight:600;margin:4px 0}
h4{font-size:13px;margin:14px 0 4px}
ol.failures{padding-left:28px;margin:0;font-size:13px}ol.failures li{margin:0 0 6px;break-inside:avoid}
ol.failures pre{margin:1px 0 0;padding:2px 0 2px 8px;border-left:2px solid var(--line);white-space:pre-wrap;overflow-wrap:anywhere;color:var(--muted);font-size:11px;line-height:1.35}
.dataset-line{display:flex;flex-wrap:wrap;gap:6px}
footer{margin-top:32px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);padding-top:8px}
@page{margin:14mm}
@media print{
 body{font-size:11.5px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
 main{max-width:none;padding:0}
 h2{break-after:avoid;page-break-after:avoid}
 .fault,.stat,svg.chart,table.list tr{break-inside:avoid;page-break-inside:avoid}
 .charts{grid-template-columns:repeat(2,minmax(0,1fr))}
 .charts svg.chart{max-width:100%}
 .block svg.chart{max-width:100%}
}
`;

/** One self-contained HTML page for a verify report: no scripts, no external resources. */
export function renderHtml(report: VerifyReport): string {
  const faults = report.faults.length ? `<section class="block faults"><h2>Faults</h2>${report.faults.map(renderFault).join('\n')}</section>` : '';
  const parts = [
    renderHeader(report),
    faults,
    renderFunctional(report),
    report.dataset ? renderDataset(report.dataset) : '',
    report.measurements ? renderMeasurements(report.measurements, report.target.kind) : '',
    report.commits && report.commits.length ? renderCommits(report.commits) : '',
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>faultline verify ${e(report.exercise)} — ${e(report.target.kind)} ${e(formatDate(report.startedAt))}</title>
<style>${CSS}</style></head>
<body><main>
${parts.filter(Boolean).join('\n')}
<footer>faultline verify report, format version ${report.version}. Generated from the JSON report; charts are drawn from its measured series.</footer>
</main></body></html>
`;
}
