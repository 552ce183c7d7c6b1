// Authentication comes before anything else about a request (R47): it runs on onRequest, before
// the body is read, validated or routed to a handler.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '../config.js';
import { Problem } from '../problems/problem.js';
import { bearerToken } from './bearer-token.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; `public` skips authentication (only /health and /docs). */
    access?: 'public' | Role;
  }
  interface FastifyRequest {
    role?: Role;
  }
}

const CHALLENGE = 'Bearer realm="inventory"';

export function authenticate(tokens: ReadonlyMap<string, Role>, request: FastifyRequest): Role {
  const header = request.headers.authorization;
  if (!header) throw new Problem('unauthorized', 'A bearer token is required.', { headers: { 'www-authenticate': CHALLENGE } });
  const token = bearerToken(header);
  const role = token === undefined ? undefined : tokens.get(token);
  if (!role) throw new Problem('unauthorized', 'The bearer token is not valid.', { headers: { 'www-authenticate': `${CHALLENGE}, error="invalid_token"` } });
  return role;
}

export function registerAuth(app: FastifyInstance, tokens: ReadonlyMap<string, Role>): void {
  app.decorateRequest('role', undefined);
  app.addHook('onRequest', async (request) => {
    // Unknown routes have no config: they need a token too, so probing paths reveals nothing.
    const access = request.routeOptions.config.access;
    if (access === 'public') return;
    request.role = authenticate(tokens, request);
    if (access === 'editor' && request.role !== 'editor') throw new Problem('forbidden', 'This operation requires the editor role.');
  });
}
