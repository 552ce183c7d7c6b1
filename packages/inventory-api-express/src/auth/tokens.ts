import { ConfigError } from '../config.error.js';

// API_TOKENS: `role:token` entries separated by commas, spaces around an entry ignored.
export type Role = 'reader' | 'editor';

export interface ApiToken {
  readonly role: Role;
  readonly token: string;
}

const ROLES: readonly string[] = ['reader', 'editor'];
// RFC 6750 b64token: what may follow "Bearer " in an Authorization header.
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

export function parseTokens(value: string | undefined): ApiToken[] {
  if (value === undefined || value.trim() === '') throw new ConfigError('API_TOKENS is required, e.g. API_TOKENS=reader:r-123,editor:e-456');
  const tokens: ApiToken[] = [];
  value.split(',').forEach((rawEntry, index) => {
    const entry = rawEntry.trim();
    const where = `API_TOKENS entry ${index + 1}`;
    const colon = entry.indexOf(':');
    if (colon < 0) throw new ConfigError(`${where} has no ":" (expected role:token)`);
    const role = entry.slice(0, colon);
    const token = entry.slice(colon + 1);
    if (!ROLES.includes(role)) throw new ConfigError(`${where} has the unknown role "${role}" (expected reader or editor)`);
    if (token === '') throw new ConfigError(`${where} has an empty token`);
    if (!B64TOKEN.test(token)) throw new ConfigError(`${where}: a token is made of A-Z a-z 0-9 - . _ ~ + / and optional trailing "="`);
    const known = tokens.find((t) => t.token === token);
    if (known && known.role !== role) throw new ConfigError(`${where}: the same token is listed under two roles`);
    if (!known) tokens.push(Object.freeze({ role: role as Role, token }));
  });
  return tokens;
}
