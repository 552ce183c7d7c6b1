// Configuration, read once at start-up into a frozen object. A missing or bad value stops the
// process with a message that names the variable; token values are never printed.
export type Role = 'reader' | 'editor';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';

export interface AppConfig {
  readonly databaseUrl: string;
  readonly port: number;
  readonly host: string;
  /** token → role */
  readonly tokens: ReadonlyMap<string, Role>;
  readonly logLevel: LogLevel;
}

export class ConfigError extends Error {}

export const APP_CONFIG = Symbol('APP_CONFIG');

const ROLES: readonly string[] = ['reader', 'editor'];
const LOG_LEVELS: readonly string[] = ['fatal', 'error', 'warn', 'info', 'debug', 'silent'];
// RFC 6750 b64token: what may follow "Bearer " in an Authorization header.
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

export function readDatabaseUrl(env: NodeJS.ProcessEnv): string {
  const url = env.DATABASE_URL;
  if (!url) throw new ConfigError('DATABASE_URL is required, e.g. postgres://user:pass@127.0.0.1:5432/inventory');
  return url;
}

/** `API_TOKENS`: `role:token` entries separated by commas, e.g. `reader:r-123,editor:e-456`. */
export function parseTokens(value: string | undefined): ReadonlyMap<string, Role> {
  if (value === undefined || value.trim() === '') throw new ConfigError('API_TOKENS is required, e.g. API_TOKENS=reader:r-123,editor:e-456');
  const tokens = new Map<string, Role>();
  value.split(',').forEach((rawEntry, index) => {
    const entry = rawEntry.trim();
    const where = `API_TOKENS entry ${index + 1}`;
    const colon = entry.indexOf(':');
    if (colon < 0) throw new ConfigError(`${where} has no ":" (expected role:token)`);
    const role = entry.slice(0, colon);
    const token = entry.slice(colon + 1);
    if (!ROLES.includes(role)) throw new ConfigError(`${where} has the unknown role "${role}" (expected reader or editor)`);
    if (!B64TOKEN.test(token)) throw new ConfigError(`${where}: a token is made of A-Z a-z 0-9 - . _ ~ + / and optional trailing "="`);
    const known = tokens.get(token);
    if (known !== undefined && known !== role) throw new ConfigError(`${where}: the same token is listed under two roles`);
    tokens.set(token, role as Role);
  });
  return tokens;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const portText = env.PORT || '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new ConfigError(`PORT must be a TCP port (0-65535), got "${portText}"`);
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  return Object.freeze({
    databaseUrl: readDatabaseUrl(env),
    port,
    host: env.HOST || '127.0.0.1',
    tokens: parseTokens(env.API_TOKENS),
    logLevel: logLevel as LogLevel,
  });
}
