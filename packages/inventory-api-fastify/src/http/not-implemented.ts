import { Problem } from '../problems/problem.js';

/** The handler of every operation of openapi.yaml that is still to be written. */
export async function notImplemented(): Promise<never> {
  throw new Problem('not-implemented', 'not implemented yet');
}
