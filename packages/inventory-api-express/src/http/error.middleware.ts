// The last middleware: every thrown error and rejected handler ends here and becomes a problem.
import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../logger.js';
import { knownProblem } from './known-errors.js';
import { instanceOf, Problem, sendProblem } from './problem.js';

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, request, response, next) => {
    if (response.headersSent) {
      next(error);
      return;
    }
    const instance = instanceOf(request.originalUrl);
    const problem = knownProblem(error);
    if (problem) {
      sendProblem(response, problem, instance);
      return;
    }
    const cause = error instanceof Error ? error : new Error(String(error));
    logger.error(`${request.method} ${instance}: ${cause.message}`);
    sendProblem(response, new Problem('internal', cause.message), instance, { stack: cause.stack });
  };
}
