// Datasets with one value the business rules forbid (I1, I2, I4, I6), loaded with the design's loader.
import type { Probe } from '@faultline/kit';
import { BAD_VALUES, loadBadRows } from '../../grader/integrity.js';

const probe: Probe = {
  metric: { name: 'forbidden values accepted', unit: `of ${BAD_VALUES.length} datasets`, threshold: 1 },
  timeoutMs: 120_000,
  async run(ctx) {
    const { accepted, evidence } = await loadBadRows(ctx, BAD_VALUES, 'values');
    return { value: accepted.length, evidence };
  },
};

export default probe;
