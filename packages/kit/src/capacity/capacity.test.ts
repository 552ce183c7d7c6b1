import { describe, expect, it } from '@jest/globals';
import { capacity, readAssumptions, type Assumptions } from './capacity.js';

// Worked by hand, line by line, before the code was written:
//   8,640,000 req/day × 2 ÷ 86,400 = 200 req/s average; × 3 = 600 req/s at peak
//   600 req/s × 0.1 s = 60 in flight; 60 ÷ (20 × 0.5) = 6 instances; × 10 = 60 connections
//   100,000 items/day × 2 × 30 × 1,000 B = 6 GB/month; × 12 months × 3 copies = 216 GB
//   17,280,000 req/day × 30 × 20,000 B = 10,368 GB/month egress
//   6 × $70 = $420; 216 × $0.10 = $21.60; 10,368 × $0.05 = $518.40; total $960.00
const example: Assumptions = {
  dailyRequests: 8_640_000, growth: 2, peakFactor: 3, latencyMs: 100, perInstanceConcurrency: 20, targetUtilization: 0.5, minInstances: 2,
  dbConnectionsPerInstance: 10, newItemsPerDay: 100_000, bytesPerItem: 1_000, retentionMonths: 12, replicationFactor: 3, responseBytes: 20_000,
  prices: { instanceMonth: 70, storageGbMonth: 0.1, egressGb: 0.05 },
};

const values = (a: Assumptions) => Object.fromEntries(capacity(a).map((f) => [f.key, f.value]));

describe('capacity', () => {
  it('When the hand-checked example is computed, then every figure matches the hand arithmetic', () => {
    expect(values(example)).toEqual({
      averageRps: 200, peakRps: 600, concurrency: 60, instances: 6, dbConnections: 60, storagePerMonth: 6, storedData: 216,
      egress: 10_368, computeCost: 420, storageCost: 21.6, egressCost: 518.4, monthlyCost: 960,
    });
  });

  it('When the load needs fewer instances than the minimum, then the minimum is kept for redundancy', () => {
    // 864,000 × 1 ÷ 86,400 = 10 req/s; × 2 = 20; × 0.05 s = 1 in flight; ⌈1 ÷ 40⌉ = 1 → min 2
    const v = values({ ...example, dailyRequests: 864_000, growth: 1, peakFactor: 2, latencyMs: 50, perInstanceConcurrency: 50, targetUtilization: 0.8 });
    expect(v).toMatchObject({ averageRps: 10, peakRps: 20, concurrency: 1, instances: 2, dbConnections: 20 });
  });

  it('When concurrency is an exact multiple of an instance, then no extra instance is added', () => {
    // 600 req/s × 0.2 s = 120 in flight; 120 ÷ (30 × 1) = 4 exactly
    expect(values({ ...example, latencyMs: 200, perInstanceConcurrency: 30, targetUtilization: 1 }).instances).toBe(4);
  });

  it('When the arithmetic is shown, then it carries the numbers put in', () => {
    const instances = capacity(example).find((f) => f.key === 'instances');
    expect(instances?.arithmetic).toBe('max(2, ⌈60 ÷ (20 per instance × 0.5 utilisation)⌉)');
  });

  it('When an assumption is missing, out of range or unknown, then the field and the rule are named', () => {
    const { latencyMs: _, ...missing } = example;
    expect(() => readAssumptions(missing, 'a.yaml')).toThrow('a.yaml: latencyMs must be a number ≥ 0, got undefined');
    expect(() => readAssumptions({ ...example, targetUtilization: 1.5 }, 'a.yaml')).toThrow('targetUtilization must be a number ≥ 0.01 and ≤ 1');
    expect(() => readAssumptions({ ...example, qps: 3 }, 'a.yaml')).toThrow('unknown assumption qps');
    expect(() => readAssumptions({ ...example, prices: undefined }, 'a.yaml')).toThrow('prices must be a mapping');
    expect(readAssumptions(example, 'a.yaml')).toEqual(example);
  });
});
