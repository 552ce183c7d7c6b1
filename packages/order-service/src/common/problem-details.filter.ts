import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import { ProblemException } from './errors.js';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails, ProblemType } from './problem.js';

/** Turns every error into application/problem+json; 5xx bodies never carry internals. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(exception);
    problem.instance = request.originalUrl;
    if (problem.status >= 500) {
      this.logger.error({ err: exception, path: request.originalUrl }, 'request failed');
    }
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof ProblemException) {
      return {
        type: exception.problemType,
        title: exception.title,
        status: exception.getStatus(),
        detail: exception.message,
        ...(exception.fieldErrors ? { errors: exception.fieldErrors } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status < 500) {
        // Body-parser failures (malformed JSON, oversized bodies) and unknown routes land here.
        const type = status === HttpStatus.NOT_FOUND ? ProblemType.notFound : ProblemType.malformedRequest;
        return { type, title: STATUS_CODES[status] ?? 'Error', status, detail: exception.message };
      }
    }
    const status = statusOf(exception);
    if (status !== undefined && status >= 400 && status < 500) {
      return { type: ProblemType.malformedRequest, title: 'Bad Request', status, detail: 'the request body could not be read' };
    }
    return { type: ProblemType.internal, title: 'Internal Server Error', status: 500, detail: 'an unexpected error occurred' };
  }
}

function statusOf(exception: unknown): number | undefined {
  if (typeof exception === 'object' && exception !== null && 'status' in exception) {
    const status = (exception as { status: unknown }).status;
    return typeof status === 'number' ? status : undefined;
  }
  return undefined;
}
