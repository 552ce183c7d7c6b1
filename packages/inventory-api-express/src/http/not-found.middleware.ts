import type { RequestHandler } from 'express';
import { Problem } from './problem.js';

/** After every router: a path or method the API does not define is a 404 problem, never a 405. */
export const notFound: RequestHandler = (request) => {
  throw new Problem('not-found', `There is no ${request.method} ${request.path}.`);
};
