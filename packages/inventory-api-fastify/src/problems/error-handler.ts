// Every refusal leaves through here, so every 4xx and 5xx is an RFC 9457 problem (R19).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticate } from '../auth/auth.hook.js';
import type { Role } from '../config.js';
import { Problem, validationProblem, instanceOf } from './problem.js';
import { sendProblem } from './problem.reply.js';
import { fieldErrors } from './validation-errors.js';

const BODY_LIMIT_BYTES = 64 * 1024;

/** Fastify's own errors (body parsing, bad URLs) in the catalogue's terms; undefined if not one. */
function fromFastify(error: FastifyError): Problem | undefined {
  if (error.validation) return validationProblem(fieldErrors(error.validation, error.validationContext ?? 'body'));
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new Problem('unsupported-media-type', 'The request body must be application/json.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new Problem('payload-too-large', `The request body must not exceed ${BODY_LIMIT_BYTES} bytes.`);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new Problem('malformed-json', 'The request body is not valid JSON.');
    default:
      break;
  }
  // JSON.parse and secure-json-parse (prototype poisoning) throw SyntaxErrors marked 400.
  if (error instanceof SyntaxError && error.statusCode === 400) return new Problem('malformed-json', 'The request body is not valid JSON.');
  return undefined;
}

export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof Problem) return sendProblem(reply, error);
    const known = fromFastify(error);
    if (known) return sendProblem(reply, known);
    request.log.error(error);
    const problem = new Problem('internal', error.message || 'an unexpected error occurred');
    return reply.code(500).type('application/problem+json').send({ ...problem.body(instanceOf(request.url)), stack: error.stack });
  });

  app.setNotFoundHandler((request, reply) => {
    return sendProblem(reply, new Problem('not-found', `There is no ${request.method} ${instanceOf(request.url)}.`));
  });
}

/**
 * Requests fastify refuses before routing (a path that is not valid percent-encoded UTF-8): still
 * 401 without a valid token, otherwise a 400 validation problem (R31).
 */
export function frameworkErrorHandler(tokens: ReadonlyMap<string, Role>) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    try {
      authenticate(tokens, request);
    } catch (refusal) {
      if (refusal instanceof Problem) {
        sendProblem(reply, refusal);
        return;
      }
      throw refusal;
    }
    const field = error.code === 'FST_ERR_BAD_URL' ? 'id' : '';
    sendProblem(reply, validationProblem([{ field, message: 'is not a valid percent-encoded UTF-8 path' }]));
  };
}
