// Bodies are JSON or nothing (R23–R25): every other media type is a 415, including text/plain,
// which fastify would otherwise accept as a string.
import type { FastifyInstance } from 'fastify';

export const BODY_LIMIT_BYTES = 64 * 1024;

export function registerJsonBody(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  // 'error' refuses __proto__ and constructor.prototype keys instead of silently dropping them.
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: BODY_LIMIT_BYTES }, app.getDefaultJsonParser('error', 'error'));
}
