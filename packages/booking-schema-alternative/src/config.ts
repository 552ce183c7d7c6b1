export interface Config {
  databaseUrl: string;
  poolSize: number;
  port: number;
}

/** Reads the environment; a bad value is refused with the variable's name and what to do. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set: set it to a PostgreSQL connection string, e.g. postgres://user:pass@127.0.0.1:5432/booking');
  const number = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name}=${raw} is invalid: use an integer from ${min} to ${max}`);
    return value;
  };
  return { databaseUrl, poolSize: number('DB_POOL_SIZE', 10, 1, 100), port: number('PORT', 3000, 0, 65535) };
}
