export interface Config {
  databaseUrl: string;
  port: number;
  /** Connections in the app's one pool, shared by every route (as in production: 20). */
  poolSize: number;
  /** Where checkout sends payments; unset: the lab payment provider inside this process. */
  paymentUrl: string | undefined;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set: set it to a PostgreSQL connection string');
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name}=${raw} is invalid: use an integer from ${min} to ${max}`);
    return n;
  };
  return { databaseUrl, port: int('PORT', 3000, 0, 65535), poolSize: int('DB_POOL_SIZE', 20, 1, 200), paymentUrl: env.PAYMENT_URL || undefined };
}
