import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('When only DATABASE_URL is set, then the defaults apply and the object is frozen', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1/shop' });
    expect(config).toEqual({ databaseUrl: 'postgres://u:p@127.0.0.1/shop', port: 3000, host: '127.0.0.1', logLevel: 'info', dbPoolSize: 10 });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('When DATABASE_URL is missing, then the error names the variable', () => {
    expect(() => loadConfig({})).toThrow(ConfigError);
    expect(() => loadConfig({})).toThrow(/DATABASE_URL is not set/);
  });

  it('When PORT is not a number, then the error names PORT and the value', () => {
    expect(() => loadConfig({ DATABASE_URL: 'x', PORT: 'eighty' })).toThrow('PORT must be an integer between 0 and 65535, got "eighty"');
  });

  it('When LOG_LEVEL is unknown, then the allowed levels are listed', () => {
    expect(() => loadConfig({ DATABASE_URL: 'x', LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be one of fatal, error, warn, info/);
  });
});
