// Configuration, read once at start-up and frozen. A missing or bad value stops the process with a
// message that names the variable; token values are never printed.
import { parseTokens, type ApiToken } from './auth/tokens.js';
import { ConfigError } from './config.error.js';
import { LOG_LEVELS, type LogLevel } from './logger.js';

export interface Config {
  readonly databaseUrl: string;
  readonly port: number;
  readonly host: string;
  readonly tokens: readonly ApiToken[];
  readonly logLevel: LogLevel;
}

function readDatabaseUrl(value: string | undefined): string {
  if (!value) throw new ConfigError('DATABASE_URL is required, e.g. DATABASE_URL=postgres://user:pass@127.0.0.1:5432/inventory');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('DATABASE_URL is not a URL (expected postgres://user:pass@host:port/db)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}//"`);
  return value;
}

function readPort(value: string | undefined): number {
  const text = value ?? '3000';
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new ConfigError(`PORT must be a TCP port (0-65535), got "${text}"`);
  return port;
}

function readLogLevel(value: string | undefined): LogLevel {
  const level = value || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(level)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${level}"`);
  return level as LogLevel;
}

export function readConfig(env: NodeJS.ProcessEnv): Config {
  return Object.freeze({
    databaseUrl: readDatabaseUrl(env.DATABASE_URL),
    port: readPort(env.PORT),
    host: env.HOST || '127.0.0.1',
    tokens: Object.freeze(parseTokens(env.API_TOKENS)),
    logLevel: readLogLevel(env.LOG_LEVEL),
  });
}
