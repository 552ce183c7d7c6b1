// Configuration, read once at start-up. A bad value stops the process with a message that names
// the variable; token values are never printed.

/** @typedef {'reader' | 'editor'} Role */

/**
 * @typedef {object} Config
 * @property {number} port
 * @property {string} host
 * @property {ReadonlyMap<string, Role>} tokens token → role
 * @property {RateLimit | undefined} rateLimit off unless RATE_LIMIT_PER_MINUTE is set (follow-up `rate-limit`)
 */

/**
 * @typedef {object} RateLimit
 * @property {number} perMinute requests per token per minute
 * @property {ReadonlySet<string>} exempt tokens never limited (trusted automation, e.g. the acceptance suite)
 */

export class ConfigError extends Error {}

const ROLES = new Set(['reader', 'editor']);
// RFC 6750 b64token.
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * Parses `API_TOKENS`: `role:token` entries separated by commas, spaces around an entry ignored.
 * @param {string | undefined} value
 * @returns {Map<string, Role>}
 */
export function parseTokens(value) {
  if (value === undefined || value.trim() === '') throw new ConfigError('API_TOKENS is required, e.g. API_TOKENS=reader:r-123,editor:e-456');
  /** @type {Map<string, Role>} */
  const tokens = new Map();
  value.split(',').forEach((rawEntry, index) => {
    const entry = rawEntry.trim();
    const where = `API_TOKENS entry ${index + 1}`;
    const colon = entry.indexOf(':');
    if (colon < 0) throw new ConfigError(`${where} has no ":" (expected role:token)`);
    const role = entry.slice(0, colon);
    const token = entry.slice(colon + 1);
    if (!ROLES.has(role)) throw new ConfigError(`${where} has the unknown role "${role}" (expected reader or editor)`);
    if (token === '') throw new ConfigError(`${where} has an empty token`);
    if (!B64TOKEN.test(token)) throw new ConfigError(`${where}: a token is made of A-Z a-z 0-9 - . _ ~ + / and optional trailing "="`);
    const known = tokens.get(token);
    if (known !== undefined && known !== role) throw new ConfigError(`${where}: the same token is listed under two roles`);
    tokens.set(token, /** @type {Role} */ (role));
  });
  return tokens;
}

/**
 * Parses `RATE_LIMIT_PER_MINUTE` and `RATE_LIMIT_EXEMPT_TOKENS` (comma-separated tokens of API_TOKENS).
 * @param {NodeJS.ProcessEnv} env
 * @param {ReadonlyMap<string, Role>} tokens
 * @returns {RateLimit | undefined}
 */
export function parseRateLimit(env, tokens) {
  const limitText = env.RATE_LIMIT_PER_MINUTE;
  const exemptText = env.RATE_LIMIT_EXEMPT_TOKENS ?? '';
  if (limitText === undefined || limitText.trim() === '') {
    if (exemptText.trim() !== '') throw new ConfigError('RATE_LIMIT_EXEMPT_TOKENS is set but RATE_LIMIT_PER_MINUTE is not');
    return undefined;
  }
  const perMinute = Number(limitText);
  if (!/^\d+$/.test(limitText.trim()) || perMinute < 1 || perMinute > 1_000_000) {
    throw new ConfigError(`RATE_LIMIT_PER_MINUTE must be a whole number from 1 to 1000000, got "${limitText}"`);
  }
  const exempt = new Set(
    exemptText
      .split(',')
      .map((token) => token.trim())
      .filter((token) => token !== ''),
  );
  let index = 0;
  for (const token of exempt) {
    index += 1;
    // Name the entry, never the value: it is a secret.
    if (!tokens.has(token)) throw new ConfigError(`RATE_LIMIT_EXEMPT_TOKENS entry ${index} is not a token listed in API_TOKENS`);
  }
  return Object.freeze({ perMinute, exempt });
}

/**
 * @param {NodeJS.ProcessEnv} env
 * @returns {Readonly<Config>}
 */
export function readConfig(env) {
  const portText = env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new ConfigError(`PORT must be a TCP port (0-65535), got "${portText}"`);
  const tokens = parseTokens(env.API_TOKENS);
  return Object.freeze({ port, host: env.HOST || '127.0.0.1', tokens, rateLimit: parseRateLimit(env, tokens) });
}
