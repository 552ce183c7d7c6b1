import pg from 'pg';

export interface ConnectionOptions {
  connectionString: string;
  /** Connections in the pool (DB_POOL_SIZE, default 10). */
  poolSize?: number;
}

/** A pool whose sessions work in UTC: days (Q5) are UTC calendar days. */
export function connect(options: ConnectionOptions): pg.Pool {
  return new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 10_000,
    options: '-c timezone=UTC',
  });
}
