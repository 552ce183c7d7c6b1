import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { Request, Response } from 'express';

export const BODY_LIMIT_BYTES = 64 * 1024;
// Past this the connection is cut instead of drained: nobody legitimate sends that much.
const DRAIN_LIMIT_BYTES = 8 * 1024 * 1024;

export interface ReceivedBody {
  /** bytes received */
  size: number;
  /** the body, unless it is over the limit */
  bytes: Buffer | undefined;
}

/** What each request sent, read before the guards so a refusal still leaves the connection usable. */
export const receivedBodies = new WeakMap<IncomingMessage, ReceivedBody>();

export function readBody(request: IncomingMessage): Promise<ReceivedBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT_BYTES) chunks.push(chunk);
      if (size > DRAIN_LIMIT_BYTES) request.destroy();
    });
    request.on('end', () => resolve({ size, bytes: size <= BODY_LIMIT_BYTES ? Buffer.concat(chunks) : undefined }));
    request.on('error', reject);
    // A destroyed request never ends; the answer goes nowhere, but the handler must not hang.
    request.on('close', () => resolve({ size, bytes: undefined }));
  });
}

/**
 * Reads (or drains) the body. Nest's body parser is off: it would answer 413/400 before the
 * guard, and the spec wants 401/403 first. JsonBodyInterceptor parses the bytes after the guard.
 */
@Injectable()
export class BodyReaderMiddleware implements NestMiddleware {
  use(request: Request, _response: Response, next: (error?: unknown) => void): void {
    readBody(request).then((body) => {
      receivedBodies.set(request, body);
      next();
    }, next);
  }
}
