import type { RequestHandler } from 'express';
import { Problem } from './problem.js';

/** Stands in for an operation of openapi.yaml that has no implementation yet. */
export const notImplemented: RequestHandler = (request) => {
  throw new Problem('not-implemented', `${request.method} ${request.baseUrl}${request.path === '/' ? '' : request.path} is not implemented yet.`);
};
