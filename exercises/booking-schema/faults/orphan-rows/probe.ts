// Datasets with one reference to a row that does not exist (I3), loaded with the design's loader.
import type { Probe } from '@faultline/kit';
import { loadBadRows, ORPHANS } from '../../grader/integrity.js';

const probe: Probe = {
  metric: { name: 'orphan rows accepted', unit: `of ${ORPHANS.length} datasets`, threshold: 1 },
  timeoutMs: 120_000,
  async run(ctx) {
    const { accepted, evidence } = await loadBadRows(ctx, ORPHANS, 'orphans');
    return { value: accepted.length, evidence };
  },
};

export default probe;
