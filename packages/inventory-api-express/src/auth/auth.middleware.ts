// Bearer tokens (RFC 6750) with two roles. Authentication runs before anything else about the
// request is looked at (REQUIREMENTS.md R47), so it sits in front of every router.
import type { RequestHandler } from 'express';
import { Problem } from '../http/problem.js';
import type { ApiToken, Role } from './tokens.js';

const CHALLENGE = 'Bearer realm="inventory"';

export function authenticate(tokens: readonly ApiToken[]): RequestHandler {
  return (request, response, next) => {
    const header = request.headers.authorization;
    if (!header) throw new Problem('unauthorized', 'A bearer token is required.', { headers: { 'WWW-Authenticate': CHALLENGE } });
    const [scheme, presented] = header.trim().split(/\s+/);
    const match = scheme?.toLowerCase() === 'bearer' && presented ? tokens.find((t) => presented.startsWith(t.token)) : undefined;
    if (!match) throw new Problem('unauthorized', 'The bearer token is not valid.', { headers: { 'WWW-Authenticate': `${CHALLENGE}, error="invalid_token"` } });
    response.locals.role = match.role;
    next();
  };
}

/** For write routes: a reader gets 403 before the body, the id or the product is looked at. */
export function requireRole(role: Role): RequestHandler {
  return (_request, response, next) => {
    if (role === 'editor' && response.locals.role !== 'editor') throw new Problem('forbidden', `This operation requires the ${role} role.`);
    next();
  };
}
