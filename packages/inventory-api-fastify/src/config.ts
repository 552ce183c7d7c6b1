// Configuration, read once at start-up. A bad value stops the process with a message that names
// the variable; token values are never printed.
export type Role = 'reader' | 'editor';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  readonly databaseUrl: string;
  readonly port: number;
  readonly host: string;
  readonly logLevel: LogLevel;
  /** token → role */
  readonly tokens: ReadonlyMap<string, Role>;
}

export class ConfigError extends Error {}

// RFC 6750 b64token.
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/** Parses API_TOKENS: `role:token` entries separated by commas, spaces around an entry ignored. */
export function parseTokens(value: string | undefined): Map<string, Role> {
  if (value === undefined || value.trim() === '') throw new ConfigError('API_TOKENS is required, e.g. API_TOKENS=reader:r-123,editor:e-456');
  const tokens = new Map<string, Role>();
  value.split(',').forEach((rawEntry, index) => {
    const entry = rawEntry.trim();
    const where = `API_TOKENS entry ${index + 1}`;
    const colon = entry.indexOf(':');
    if (colon < 0) throw new ConfigError(`${where} has no ":" (expected role:token)`);
    const role = entry.slice(0, colon);
    const token = entry.slice(colon + 1);
    if (role !== 'reader' && role !== 'editor') throw new ConfigError(`${where} has the unknown role "${role}" (expected reader or editor)`);
    if (token === '') throw new ConfigError(`${where} has an empty token`);
    if (!B64TOKEN.test(token)) throw new ConfigError(`${where}: a token is made of A-Z a-z 0-9 - . _ ~ + / and optional trailing "="`);
    const known = tokens.get(token);
    if (known !== undefined && known !== role) throw new ConfigError(`${where}: the same token is listed under two roles`);
    tokens.set(token, role);
  });
  return tokens;
}

function port(value: string | undefined): number {
  const text = value === undefined || value === '' ? '3000' : value;
  const number = Number(text);
  if (!/^\d+$/.test(text) || number > 65535) throw new ConfigError(`PORT must be a TCP port (0-65535), got "${text}"`);
  return number;
}

function logLevel(value: string | undefined): LogLevel {
  const level = value === undefined || value === '' ? 'info' : value;
  const known = LOG_LEVELS.find((candidate) => candidate === level);
  if (!known) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${level}"`);
  return known;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) throw new ConfigError('DATABASE_URL is required, e.g. postgres://user:pass@127.0.0.1:5432/inventory');
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError('DATABASE_URL must be a postgres:// connection string');
  return Object.freeze({
    databaseUrl,
    port: port(env.PORT),
    host: env.HOST || '127.0.0.1',
    logLevel: logLevel(env.LOG_LEVEL),
    tokens: parseTokens(env.API_TOKENS),
  });
}
