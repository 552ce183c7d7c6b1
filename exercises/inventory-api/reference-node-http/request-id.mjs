// Request ids (follow-up `request-id`). A caller's own id is kept only when it is safe to echo in
// a header and to write into a log line; anything else is replaced, so the header can never carry
// injected text into answers or logs.
import { randomUUID } from 'node:crypto';

const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * @param {string | string[] | undefined} header the incoming X-Request-Id (node joins repeats with ", ")
 * @returns {string}
 */
export function requestIdOf(header) {
  return typeof header === 'string' && SAFE_ID.test(header) ? header : randomUUID();
}
