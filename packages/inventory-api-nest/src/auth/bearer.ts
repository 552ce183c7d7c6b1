// Bearer tokens (RFC 6750): the scheme is case-insensitive, the token is compared exactly.
import type { Role } from '../config/config.js';
import { ProblemException } from '../common/problem.js';

const BEARER = /^bearer +([A-Za-z0-9\-._~+/]+=*)$/i;
const CHALLENGE = 'Bearer realm="inventory"';

/** The role of the caller; 401 for a missing, malformed or unknown credential. */
export function authenticate(tokens: ReadonlyMap<string, Role>, header: string | undefined): Role {
  if (!header) throw new ProblemException('unauthorized', 'A bearer token is required.', { headers: { 'www-authenticate': CHALLENGE } });
  const token = BEARER.exec(header)?.[1];
  const role = token === undefined ? undefined : tokens.get(token);
  if (!role) {
    throw new ProblemException('unauthorized', 'The bearer token is not valid.', { headers: { 'www-authenticate': `${CHALLENGE}, error="invalid_token"` } });
  }
  return role;
}
