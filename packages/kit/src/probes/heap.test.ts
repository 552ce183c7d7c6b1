import { describe, expect, it } from '@jest/globals';
import { sumSelfSizes } from './heap.js';

describe('sumSelfSizes', () => {
  const meta = { node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'], node_types: [['hidden', 'object', 'code', 'string']] as [string[]] };

  it('When a snapshot holds objects and compiled code, then only non-code self sizes are summed', () => {
    const nodes = [
      1, 0, 1, 100, 0, // object 100
      2, 0, 2, 5000, 0, // code 5000 (left out)
      3, 0, 3, 40, 0, // string 40
    ];
    expect(sumSelfSizes(meta, nodes)).toBe(140);
  });

  it('When the snapshot is empty, then the total is 0', () => {
    expect(sumSelfSizes(meta, [])).toBe(0);
  });
});
