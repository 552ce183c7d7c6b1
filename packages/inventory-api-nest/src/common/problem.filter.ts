import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CATALOGUE, PROBLEM_CONTENT_TYPE, ProblemException, type ProblemName, validationProblem } from './problem.js';
import { requestPath } from './request-path.js';

/** Every error answer leaves through here, as application/problem+json (RFC 9457). */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const instance = requestPath(request);
    if (response.headersSent) {
      response.end();
      return;
    }
    const problem = this.toProblem(exception, request);
    if (problem) {
      this.send(response, problem.status, problem.body(instance), problem.headers);
      return;
    }
    this.logger.error(`${request.method} ${instance}: ${exception instanceof Error ? exception.stack : String(exception)}`);
    const error = exception instanceof Error ? exception : new Error(String(exception));
    const [status, title] = CATALOGUE.internal;
    this.send(response, status, { type: 'https://faultline.dev/problems/inventory/internal', title, status, detail: error.message, instance, stack: error.stack?.split('\n') });
  }

  private toProblem(exception: unknown, request: Request): ProblemException | undefined {
    if (exception instanceof ProblemException) return exception;
    // The router could not percent-decode a path parameter (Nest wraps the URIError).
    if (exception instanceof URIError || (exception instanceof HttpException && exception.cause instanceof URIError)) return validationProblem([{ field: 'id', message: 'is not valid percent-encoded UTF-8' }]);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404) return new ProblemException('not-found', `There is no ${request.method} ${requestPath(request)}.`);
      const name = (Object.keys(CATALOGUE) as ProblemName[]).find((key) => CATALOGUE[key][0] === status);
      if (name && status < 500) return new ProblemException(name, exception.message);
    }
    return undefined;
  }

  private send(response: Response, status: number, body: object, headers: Readonly<Record<string, string>> = {}): void {
    response.status(status);
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.setHeader('content-type', PROBLEM_CONTENT_TYPE);
    response.send(JSON.stringify(body));
  }
}
