// What the kit imports (`faultline dataset`, the grader): make a named dataset and write it.
import { fixture } from './fixture.js';
import { DEFAULT_SEED, GENERATOR_VERSION, generate, SIZES, type Size } from './generate.js';
import type { Dataset } from './model.js';
import { writeDataset, type Manifest } from './write.js';

export type DatasetName = Size | 'fixture';
export const NAMES: readonly DatasetName[] = ['fixture', ...(Object.keys(SIZES) as Size[])];

export function make(name: DatasetName, seed = DEFAULT_SEED): Dataset {
  return name === 'fixture' ? fixture() : generate(name, seed);
}

const datasets = {
  names: NAMES,
  version: GENERATOR_VERSION,
  make,
  write: (dataset: Dataset, dir: string): Promise<Manifest> => writeDataset(dataset, dir),
};

export default datasets;
