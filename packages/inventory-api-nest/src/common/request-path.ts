import type { Request } from 'express';

/** The path as the client sent it, without the query string: the `instance` of a problem. */
export function requestPath(request: Request): string {
  const target = request.originalUrl || request.url;
  const mark = target.indexOf('?');
  return mark < 0 ? target : target.slice(0, mark);
}
