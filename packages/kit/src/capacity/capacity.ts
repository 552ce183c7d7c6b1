// faultline capacity: back-of-the-envelope sizing from a scenario's documented assumptions, with
// every figure's formula and arithmetic shown, so a candidate's numbers can be checked and argued.
import { SpecError } from '../exercises/validate.js';

export interface Assumptions {
  /** Requests per day today. */
  dailyRequests: number;
  /** Traffic multiplier at the horizon (e.g. 3 = three times today's traffic in 24 months). */
  growth: number;
  /** Peak-hour rate divided by the day's average rate. */
  peakFactor: number;
  /** Mean time a request spends in the service, in ms. */
  latencyMs: number;
  /** Concurrent requests one instance serves within its latency. */
  perInstanceConcurrency: number;
  /** Share of an instance's capacity to plan for at peak (0–1): the rest is headroom. */
  targetUtilization: number;
  /** Fewest instances, for redundancy. */
  minInstances: number;
  dbConnectionsPerInstance: number;
  /** New stored items per day today (orders, events, video segments…). */
  newItemsPerDay: number;
  bytesPerItem: number;
  retentionMonths: number;
  /** Copies kept of every byte (replicas, backups). */
  replicationFactor: number;
  /** Bytes sent to clients per request, on average. */
  responseBytes: number;
  /** Unit prices in USD. */
  prices: { instanceMonth: number; storageGbMonth: number; egressGb: number };
}

export interface Figure {
  key: string;
  label: string;
  value: number;
  unit: string;
  /** The formula with the numbers put in. */
  arithmetic: string;
}

const DAY_SECONDS = 86_400;
const DAYS_PER_MONTH = 30;
const GB = 1e9;

const FIELDS: Array<[keyof Omit<Assumptions, 'prices'>, { min: number; max?: number; integer?: boolean }]> = [
  ['dailyRequests', { min: 0 }],
  ['growth', { min: 0 }],
  ['peakFactor', { min: 1 }],
  ['latencyMs', { min: 0 }],
  ['perInstanceConcurrency', { min: 1 }],
  ['targetUtilization', { min: 0.01, max: 1 }],
  ['minInstances', { min: 1, integer: true }],
  ['dbConnectionsPerInstance', { min: 0, integer: true }],
  ['newItemsPerDay', { min: 0 }],
  ['bytesPerItem', { min: 0 }],
  ['retentionMonths', { min: 0 }],
  ['replicationFactor', { min: 1 }],
  ['responseBytes', { min: 0 }],
];

/** Checks a parsed assumptions document; each problem names the field, the file and the rule. */
export function readAssumptions(doc: unknown, where: string): Assumptions {
  if (typeof doc !== 'object' || doc === null) throw new SpecError(`${where}: expected a mapping of assumptions`);
  const d = doc as Record<string, unknown>;
  const number = (value: unknown, name: string, rule: { min: number; max?: number; integer?: boolean }) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < rule.min || (rule.max !== undefined && value > rule.max) || (rule.integer && !Number.isInteger(value))) {
      throw new SpecError(`${where}: ${name} must be ${rule.integer ? 'an integer' : 'a number'} ≥ ${rule.min}${rule.max !== undefined ? ` and ≤ ${rule.max}` : ''}, got ${JSON.stringify(value)}`);
    }
    return value;
  };
  const out: Record<string, unknown> = {};
  for (const [name, rule] of FIELDS) out[name] = number(d[name], name, rule);
  const prices = d.prices;
  if (typeof prices !== 'object' || prices === null) throw new SpecError(`${where}: prices must be a mapping with instanceMonth, storageGbMonth and egressGb (USD)`);
  const p = prices as Record<string, unknown>;
  out.prices = {
    instanceMonth: number(p.instanceMonth, 'prices.instanceMonth', { min: 0 }),
    storageGbMonth: number(p.storageGbMonth, 'prices.storageGbMonth', { min: 0 }),
    egressGb: number(p.egressGb, 'prices.egressGb', { min: 0 }),
  };
  const unknown = Object.keys(d).filter((k) => k !== 'prices' && !FIELDS.some(([f]) => f === k));
  if (unknown.length) throw new SpecError(`${where}: unknown assumption${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; known: ${FIELDS.map(([f]) => f).join(', ')}, prices`);
  return out as unknown as Assumptions;
}

const fmt = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en') : n.toLocaleString('en', { maximumFractionDigits: 2 }));
/** Unit prices keep their digits: $0.115/GB is not $0.12. */
const price = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 6 });

/** The sizing at the horizon (today's traffic × growth). */
export function capacity(a: Assumptions): Figure[] {
  const horizonDaily = a.dailyRequests * a.growth;
  const averageRps = horizonDaily / DAY_SECONDS;
  const peakRps = averageRps * a.peakFactor;
  const concurrency = peakRps * (a.latencyMs / 1000);
  const perInstance = a.perInstanceConcurrency * a.targetUtilization;
  const instances = Math.max(a.minInstances, Math.ceil(concurrency / perInstance - 1e-9));
  const connections = instances * a.dbConnectionsPerInstance;
  const storageMonthGb = (a.newItemsPerDay * a.growth * DAYS_PER_MONTH * a.bytesPerItem) / GB;
  const storedGb = storageMonthGb * a.retentionMonths * a.replicationFactor;
  const egressGb = (horizonDaily * DAYS_PER_MONTH * a.responseBytes) / GB;
  const computeCost = instances * a.prices.instanceMonth;
  const storageCost = storedGb * a.prices.storageGbMonth;
  const egressCost = egressGb * a.prices.egressGb;
  const round = (n: number, places = 2) => Math.round(n * 10 ** places) / 10 ** places;
  return [
    { key: 'averageRps', label: 'average requests per second', value: round(averageRps), unit: 'req/s', arithmetic: `${fmt(a.dailyRequests)} req/day × ${fmt(a.growth)} growth ÷ 86,400 s` },
    { key: 'peakRps', label: 'peak requests per second', value: round(peakRps), unit: 'req/s', arithmetic: `${fmt(round(averageRps))} req/s × ${fmt(a.peakFactor)} peak factor` },
    { key: 'concurrency', label: "requests in flight at peak (Little's law)", value: round(concurrency), unit: 'requests', arithmetic: `${fmt(round(peakRps))} req/s × ${fmt(a.latencyMs / 1000)} s` },
    { key: 'instances', label: 'instances', value: instances, unit: 'instances', arithmetic: `max(${a.minInstances}, ⌈${fmt(round(concurrency))} ÷ (${fmt(a.perInstanceConcurrency)} per instance × ${fmt(a.targetUtilization)} utilisation)⌉)` },
    { key: 'dbConnections', label: 'database connections', value: connections, unit: 'connections', arithmetic: `${instances} instances × ${a.dbConnectionsPerInstance} per instance` },
    { key: 'storagePerMonth', label: 'new data per month', value: round(storageMonthGb), unit: 'GB/month', arithmetic: `${fmt(a.newItemsPerDay)} items/day × ${fmt(a.growth)} × 30 days × ${fmt(a.bytesPerItem)} B ÷ 10⁹` },
    { key: 'storedData', label: 'data kept (retention × copies)', value: round(storedGb), unit: 'GB', arithmetic: `${fmt(round(storageMonthGb))} GB/month × ${fmt(a.retentionMonths)} months × ${fmt(a.replicationFactor)} copies` },
    { key: 'egress', label: 'egress', value: round(egressGb), unit: 'GB/month', arithmetic: `${fmt(horizonDaily)} req/day × 30 days × ${fmt(a.responseBytes)} B ÷ 10⁹` },
    { key: 'computeCost', label: 'compute cost', value: round(computeCost), unit: 'USD/month', arithmetic: `${instances} instances × $${price(a.prices.instanceMonth)}` },
    { key: 'storageCost', label: 'storage cost', value: round(storageCost), unit: 'USD/month', arithmetic: `${fmt(round(storedGb))} GB × $${price(a.prices.storageGbMonth)}` },
    { key: 'egressCost', label: 'egress cost', value: round(egressCost), unit: 'USD/month', arithmetic: `${fmt(round(egressGb))} GB × $${price(a.prices.egressGb)}` },
    { key: 'monthlyCost', label: 'rough monthly cost', value: round(computeCost + storageCost + egressCost), unit: 'USD/month', arithmetic: `$${fmt(round(computeCost))} + $${fmt(round(storageCost))} + $${fmt(round(egressCost))}` },
  ];
}
