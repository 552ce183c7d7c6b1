import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { BODY_LIMIT_BYTES, receivedBodies } from './body-reader.middleware.js';
import { ProblemException } from './problem.js';

/**
 * Turns the bytes of a POST or PATCH into `request.body`, after the guard and before the pipes,
 * in the catalogue's order: media type (415), size (413), JSON syntax (400 malformed-json).
 * A request without any body leaves `request.body` undefined for the validation pipe to refuse.
 */
@Injectable()
export class JsonBodyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const received = receivedBodies.get(request) ?? { size: 0, bytes: Buffer.alloc(0) };
    request.body = parseJsonBody(request.headers['content-type'], received.size, received.bytes);
    return next.handle();
  }
}

export function parseJsonBody(contentType: string | undefined, size: number, bytes: Buffer | undefined): unknown {
  if (contentType === undefined) {
    if (size > 0) throw new ProblemException('unsupported-media-type', 'The request body must be application/json.');
    return undefined;
  }
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') throw new ProblemException('unsupported-media-type', 'The request body must be application/json.');
  if (bytes === undefined) throw new ProblemException('payload-too-large', `The request body must not exceed ${BODY_LIMIT_BYTES} bytes.`);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ProblemException('malformed-json', 'The request body is not valid JSON.');
  }
}
