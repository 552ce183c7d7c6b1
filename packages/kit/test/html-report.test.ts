import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chartKind, renderHtml } from '../src/report/html.js';
import { summarise, type FaultResult, type VerifyReport } from '../src/report/report.js';

const XSS = '<script>alert(1)</script>';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TIMEOUT = 60_000;

const fault = (f: Partial<FaultResult> & Pick<FaultResult, 'id' | 'verdict'>): FaultResult => ({
  kind: 'logic',
  title: `title of ${f.id}`,
  metric: { name: 'wrong totals', value: 3, threshold: 1, unit: 'of 6 orders' },
  evidence: `evidence for ${f.id}`,
  durationMs: 100,
  ...f,
});

const base = (exercise: string, faults: FaultResult[], functional: VerifyReport['functional']): VerifyReport => ({
  version: 1,
  exercise,
  target: { kind: 'starter', path: `packages/${exercise}`, fixes: [] },
  startedAt: '2026-12-04T20:58:36.414Z',
  durationMs: 18_085,
  database: 'embedded',
  faults,
  functional,
  summary: summarise(faults),
});

/** Modelled on order-service-starter.json: series on three faults, and hostile evidence on the fourth. */
const orderReport = base(
  'order-service',
  [
    fault({ id: 'logic', verdict: 'present', title: 'Free shipping is judged before the coupon & "WELCOME10" is taken off', evidence: `2 × 26.00 with WELCOME10: expected total 51.79, got 46.80 ${XSS} <b>bold?</b> & 'quoted' "double" https://example.com/x` }),
    fault({
      id: 'n-plus-one',
      kind: 'performance',
      verdict: 'present',
      title: 'Order history runs one query per order and one per line',
      metric: { name: 'extra statements per extra line or order', value: 6, threshold: 0.5, unit: 'stmt' },
      evidence: 'statements per history request: 8 for 1 order × 5 lines, 53 for 1 × 50, 62 for 10 × 5',
      series: { 'statements (1 order)': [[5, 8], [50, 53]], 'statements (5 lines each)': [[1, 8], [10, 62]] },
    }),
    fault({
      id: 'memory-leak',
      kind: 'memory',
      verdict: 'fixed',
      title: 'Request metrics are labelled with the raw URL path',
      metric: { name: 'retained per request', value: 12.5, threshold: 50, unit: 'B/req' },
      evidence: 'reachable heap grew by 48 KiB over 4000 requests (after GC)',
      series: { retainedBytes: [[0, 0], [1000, 12_000], [2000, 26_000], [3000, 37_000], [4000, 49_000]] },
    }),
    fault({
      id: 'race',
      kind: 'concurrency',
      verdict: 'error',
      title: 'Checkout reads stock, then writes it back, without a lock',
      metric: { name: 'units oversold', value: null, threshold: 1, unit: 'in 20 rounds' },
      evidence: 'the probe could not start the second instance',
      series: { oversold: Array.from({ length: 20 }, (_, i): [number, number] => [i + 1, i % 3 === 0 ? 0 : 1]) },
    }),
  ],
  { passed: 10, failed: 0, failures: [] },
);

/** Modelled on inventory-express-starter.json: rubric categories and failures. */
const categories = { functionality: { passed: 1, failed: 29 }, errors: { passed: 0, failed: 18 }, validation: { passed: 0, failed: 21 }, auth: { passed: 2, failed: 12 }, concurrency: { passed: 7, failed: 0 } };
const inventoryReport = base(
  'inventory-api',
  [
    fault({ id: 'express-token-prefix', kind: 'security', verdict: 'present', metric: { name: 'near-miss tokens accepted', value: 10, threshold: 1, unit: 'of 10 requests' }, evidence: '10 of 10 near misses were accepted, e.g. "Bearer <reader token>x" → 404 | "Bearer <reader token>0" → 404' }),
    fault({ id: 'express-crud', kind: 'feature', verdict: 'fixed', metric: { name: 'CRUD checks failing', value: 0, threshold: 1, unit: 'of 38' }, evidence: 'all 38 CRUD checks pass' }),
  ],
  {
    passed: 10,
    failed: 80,
    byCategory: categories,
    failures: [
      { name: 'When an editor creates a product, then it answers 201 with the product, its Location and ETag "1"', message: 'POST /products (editor): expected 201, got 501 {"title":"Not implemented"}\n\n501 !== 201\n', category: 'functionality' },
      { name: 'When the token is missing, then 401', message: 'expected 401, got 200 <html>', category: 'auth' },
    ],
  },
);

/** Modelled on booking-starter.json: a dataset and measurements next to the reference. */
const bookingReport: VerifyReport = {
  ...base('booking-schema', [fault({ id: 'double-booking', kind: 'concurrency', verdict: 'fixed', metric: { name: 'double bookings', value: 0, threshold: 1, unit: 'in 20 bursts of 20 + 2 datasets' }, series: { extra: Array.from({ length: 20 }, (_, i): [number, number] => [i + 1, 0]) } })], { passed: 7, failed: 0, failures: [], byCategory: { 'Q1 availability': { passed: 2, failed: 0 }, 'Q3/Q4 writes': { passed: 1, failed: 0 } } }),
  dataset: { name: 'medium', rows: { cities: 15, venues: 400, bookings: 119_989, payments: 133_552 }, loadMs: 1677, referenceLoadMs: 3434 },
  measurements: {
    title: 'Performance (N4, N5): p95 per call, one call at a time',
    rows: [
      { key: 'Q1', label: 'searchAvailability (≤ 4 h, busy cities, peak hours)', calls: 100, p50Ms: 13, p95Ms: 16.5, referenceP95Ms: 8.48, serverMs: 11.2, referenceServerMs: 3.1, targetMs: 50, notes: ['seq scan of bookings (119,989 rows)', 'Hash Join: estimated 1 rows, actual 137'] },
      { key: 'Q2', label: 'customerHistory (heaviest customers, first and deepest pages)', calls: 100, p50Ms: 9.09, p95Ms: 11.35, referenceP95Ms: 3.12, targetMs: 10, notes: [] },
      { key: 'Q5', label: 'occupancy (one month, every venue)', calls: 10, p50Ms: 76.09, p95Ms: 87.45, referenceP95Ms: 108.12, targetMs: 500, notes: [] },
    ],
    notes: ['measured with the medium dataset'],
  },
};

/** A candidate clone: its commits, oldest first. */
const candidateReport: VerifyReport = {
  ...base('order-service', [fault({ id: 'logic', verdict: 'fixed', metric: { name: 'wrong totals', value: 0, threshold: 1, unit: 'of 6 orders' } })], { passed: 10, failed: 0, failures: [] }),
  target: { kind: 'candidate', path: '/home/cand/order-service', fixes: [] },
  commits: [
    { hash: 'e0e0e0e4e5f60718293a4b5c6d7e8f9012345678', at: '2026-12-04T13:50:00+01:00', subject: 'The order service: work sample for Acme (junior level)', filesChanged: 122, insertions: 7829, deletions: 0, handedOut: true },
    { hash: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', at: '2026-12-04T14:02:11+01:00', subject: 'Read the order service', filesChanged: 1, insertions: 3, deletions: 0 },
    { hash: 'b1b2c3d4e5f60718293a4b5c6d7e8f9012345678', at: '2026-12-04T14:21:40+01:00', subject: 'Apply the coupon before judging free shipping', filesChanged: 2, insertions: 24, deletions: 9 },
    { hash: 'c1b2c3d4e5f60718293a4b5c6d7e8f9012345678', at: '2026-12-04T14:55:03+01:00', subject: 'Load history with one join <fast>', filesChanged: 4, insertions: 180, deletions: 95 },
    { hash: 'd1b2c3d4e5f60718293a4b5c6d7e8f9012345678', at: '2026-12-04T15:30:59+01:00', subject: 'Lock the stock row & test it', filesChanged: 3, insertions: 61, deletions: 12 },
  ],
};

// ---------------------------------------------------------------------------------------------

let browser: Browser;
const outDir = mkdtempSync(join(tmpdir(), 'faultline-html-'));

interface Opened {
  page: Page;
  requests: string[];
  consoleErrors: string[];
  dialogs: string[];
}

async function open(html: string, name: string): Promise<Opened> {
  const file = join(outDir, `${name}.html`);
  writeFileSync(file, html);
  return openFile(file);
}

async function openFile(file: string): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const opened: Opened = { page, requests: [], consoleErrors: [], dialogs: [] };
  page.on('request', (request) => void opened.requests.push(request.url()));
  page.on('console', (message) => void (message.type() === 'error' && opened.consoleErrors.push(message.text())));
  page.on('pageerror', (error) => void opened.consoleErrors.push(error.message));
  page.on('dialog', (dialog) => {
    opened.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return opened;
}

/** Every chart is laid out and draws something; nothing left the page; nothing went wrong. */
async function expectSound({ page, requests, consoleErrors, dialogs }: Opened): Promise<number> {
  const charts = await page.locator('svg.chart').all();
  for (const chart of charts) {
    const box = await chart.boundingBox();
    expect(box?.width).toBeGreaterThan(50);
    expect(box?.height).toBeGreaterThan(50);
    expect(await chart.locator('path, rect, circle').count()).toBeGreaterThan(0);
  }
  expect(requests.filter((url) => !/^(file|data):/.test(url))).toEqual([]);
  expect(consoleErrors).toEqual([]);
  expect(dialogs).toEqual([]);
  return charts.length;
}

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'] });
}, TIMEOUT);

afterAll(async () => {
  await browser?.close();
});

describe('the HTML report, without a browser', () => {
  it('When any report is rendered, then it names no http:// or https:// URL and loads nothing', () => {
    for (const report of [orderReport, inventoryReport, bookingReport, candidateReport]) {
      const html = renderHtml(report);
      expect(html).not.toMatch(/https?:\/\//i);
      expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    }
    const html = renderHtml(orderReport);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;bold?&lt;/b&gt; &amp; &#39;quoted&#39; &quot;double&quot;');
  });

  it('When a series counts events 1, 2, 3 …, then it is drawn as bars; a measured curve as a line', () => {
    expect(chartKind([[5, 8], [50, 53]])).toBe('line');
    expect(chartKind([[0, 0], [2000, 1_247_272], [4000, 2_332_496]])).toBe('line');
    expect(chartKind(Array.from({ length: 20 }, (_, i): [number, number] => [i + 1, 1]))).toBe('bar');
    expect(chartKind([[3, 1], [1, 2], [2, 0]])).toBe('bar');
    expect(chartKind([[1, 1]])).toBe('bar');
  });
});

describe('the HTML report, in Chromium', () => {
  it('When faults carry series, then each fault has a card with its verdict and a chart per series, and the hostile evidence is only text', async () => {
    const opened = await open(renderHtml(orderReport), 'order-service');
    const { page } = opened;
    for (const f of orderReport.faults) {
      const card = page.locator(`section.fault[data-fault-id="${f.id}"]`);
      expect(await card.count()).toBe(1);
      expect(await card.getAttribute('data-verdict')).toBe(f.verdict);
      expect(await card.locator('svg.chart').count()).toBe(Object.keys(f.series ?? {}).length);
    }
    expect(await page.locator('section.fault[data-fault-id="n-plus-one"] svg.chart[data-series="statements (1 order)"][data-kind="line"]').count()).toBe(1);
    expect(await page.locator('section.fault[data-fault-id="memory-leak"] svg.chart[data-kind="line"] path.series-line').count()).toBe(1);
    expect(await page.locator('section.fault[data-fault-id="race"] svg.chart[data-kind="bar"] rect.bar, section.fault[data-fault-id="race"] svg.chart rect.zero').count()).toBe(20);
    expect(await page.locator('svg.chart[data-series="oversold"]').textContent()).toContain('round');
    expect(await page.locator('svg.chart[data-series="retainedBytes"]').textContent()).toContain('KiB');

    const summary = await page.locator('.summary').innerText();
    expect(summary).toMatch(/2 present\s*·\s*1 fixed\s*·\s*1 error\b/);
    expect(summary).toMatch(/10 passed\s*·\s*0 failed/);
    expect(summary).toContain('not clean');
    expect(await page.locator('.summary').getAttribute('data-exit')).toBe('1');

    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('section.fault[data-fault-id="logic"] .evidence').innerText()).toContain(`${XSS} <b>bold?</b> & 'quoted' "double" https://example.com/x`);
    expect(await page.locator('section.fault[data-fault-id="logic"] h3').innerText()).toBe('Free shipping is judged before the coupon & "WELCOME10" is taken off');
    expect(await expectSound(opened)).toBe(4);

    const shot = join(tmpdir(), 'faultline-html-report.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(existsSync(shot)).toBe(true);
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    await page.close();
  }, TIMEOUT);

  it('When the checks have rubric categories, then a bar per category shows passed and failed, and each failure is listed', async () => {
    const opened = await open(renderHtml(inventoryReport), 'inventory');
    const { page } = opened;
    const chart = page.locator('svg.chart[data-chart="categories"]');
    expect(await chart.count()).toBe(1);
    // functionality, errors, validation, auth: a failed bar; functionality, auth, concurrency: a passed bar
    expect(await chart.locator('rect:not(.legend rect)').count()).toBe(7);
    for (const category of Object.keys(categories)) expect(await chart.textContent()).toContain(category);
    expect(await page.locator('.functional .totals').innerText()).toBe('10 of 90 passed, 80 failed');
    const failures = page.locator('ol.failures li');
    expect(await failures.count()).toBe(2);
    expect(await failures.nth(1).innerText()).toContain('expected 401, got 200 <html>');
    expect(await page.locator('ol.failures li[data-category="auth"]').count()).toBe(1);
    expect(await page.locator('.functional h4').allInnerTexts()).toEqual(['functionality 1 failed', 'auth 1 failed']);
    expect(await page.locator('section.fault[data-fault-id="express-token-prefix"] ul.evidence li').count()).toBe(2);
    expect(await expectSound(opened)).toBe(1);
    await page.close();
  }, TIMEOUT);

  it('When a dataset and measurements are reported, then the dataset line, the table with over-target flagged and the latency chart are shown', async () => {
    const opened = await open(renderHtml(bookingReport), 'booking');
    const { page } = opened;
    expect(await page.locator('.dataset').innerText()).toMatch(/bookings\s*119,989/);
    expect(await page.locator('.dataset').innerText()).toContain('reference design: 3.4 s');
    const rows = page.locator('.measurements tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(1).locator('td.over').count()).toBe(1); // Q2: 11.35 ms over its 10 ms target
    expect(await rows.nth(0).locator('td.over').count()).toBe(0);
    expect(await rows.nth(0).innerText()).toContain('1.9×');
    expect(await rows.nth(0).innerText()).toContain('seq scan of bookings');
    const latency = page.locator('svg.chart[data-chart="latency"]');
    expect(await latency.count()).toBe(1);
    expect(await latency.textContent()).toContain('log scale');
    expect(await latency.locator('rect').count()).toBeGreaterThanOrEqual(6);
    // the double-booking bursts are all zero and still draw a visible mark per burst
    expect(await page.locator('svg.chart[data-series="extra"] rect.zero').count()).toBe(20);
    expect(await page.locator('.summary .exit').innerText()).toContain('every fault fixed, every check passed');
    expect(await expectSound(opened)).toBe(3);
    await page.close();
  }, TIMEOUT);

  it('When the candidate is a git clone, then its commits are on a timeline sized by lines changed and listed below', async () => {
    const opened = await open(renderHtml(candidateReport), 'candidate');
    const { page } = opened;
    const timeline = page.locator('svg.chart[data-chart="commits"]');
    expect(await timeline.locator('circle.commit').count()).toBe(4);
    const radii = await timeline.locator('circle.commit').evaluateAll((nodes) => nodes.map((n) => Number((n as unknown as { getAttribute(a: string): string }).getAttribute('r'))));
    expect(Math.max(...radii)).toBe(radii[2]);
    expect(await timeline.locator('circle.commit title').nth(2).textContent()).toContain('Load history with one join <fast>');
    const list = page.locator('.commits tbody tr');
    expect(await list.count()).toBe(4);
    // The exported starting point is named, and left out of the chart, the list and the totals.
    expect(await page.locator('.commits p').first().innerText()).toMatch(/^The exercise was handed out as 1 commit \(e0e0e0e, .*\); 4 commits of the candidate's own, oldest first, .*; \+268 −116 lines\.$/);
    expect(await list.nth(2).innerText()).toMatch(/14:55\s+c1b2c3d\s+Load history with one join <fast>\s+\+180\s+−95/);
    expect(await expectSound(opened)).toBe(1);
    await page.screenshot({ path: join(outDir, 'candidate.png'), fullPage: true });
    await page.close();
  }, TIMEOUT);
});

// The real reports of a local `faultline verify` run, when there are some: render and photograph each.
const samples = '/tmp/reports';
const sampleFiles = existsSync(samples) ? readdirSync(samples).filter((f) => f.endsWith('.json')) : [];
(sampleFiles.length ? describe : describe.skip)(`the sample reports in ${samples}`, () => {
  it.each(sampleFiles.length ? sampleFiles : ['none'])('When %s is rendered, then it opens cleanly and stays small', async (file) => {
    const report = JSON.parse(readFileSync(join(samples, file), 'utf8')) as VerifyReport;
    const html = renderHtml(report);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(Buffer.byteLength(html)).toBeLessThan(120_000);
    const target = join(samples, `${basename(file, '.json')}.html`);
    writeFileSync(target, html);
    const opened = await openFile(target);
    expect(await opened.page.locator('section.fault').count()).toBe(report.faults.length);
    await expectSound(opened);
    await opened.page.screenshot({ path: target.replace(/\.html$/, '.png'), fullPage: true });
    await opened.page.close();
  }, TIMEOUT);
});
