import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { onCleanup } from '../util/cleanup.js';
import { InfrastructureError, messageOf } from '../util/errors.js';
import { reapStale, startEmbeddedPostgres } from './embedded.js';

/** A Postgres server the kit may create databases and roles on. */
export interface PostgresServer {
  readonly kind: 'embedded' | 'external';
  readonly adminUrl: string;
  /** true when pg_stat_statements can be read (preloaded and the extension created). */
  readonly statementStats: boolean;
  /** The server's log (embedded server only): errors and auto_explain plans, lines prefixed with db= and sqlstate=. */
  readonly logFile?: string;
  stop(): Promise<void>;
}

/** A fresh database owned by a role of its own, so server statistics can be filtered to the service. */
export interface ServiceDatabase {
  readonly url: string;
  /** The admin connection string, pointed at this database. */
  readonly adminUrl: string;
  readonly database: string;
  readonly role: string;
  readonly server: PostgresServer;
  drop(): Promise<void>;
}

/** DATABASE_URL if set (an admin connection), else an embedded PostgreSQL under `home`. */
export async function openPostgres(home: string, databaseUrl = process.env.DATABASE_URL): Promise<PostgresServer> {
  if (databaseUrl) {
    const statementStats = await enableStatementStats(databaseUrl).catch((error: unknown) => {
      throw new InfrastructureError(`cannot connect to DATABASE_URL (${redact(databaseUrl)}): ${messageOf(error)}`);
    });
    return { kind: 'external', adminUrl: databaseUrl, statementStats, stop: async () => undefined };
  }
  await reapStale(home);
  const embedded = await startEmbeddedPostgres(home);
  const forget = onCleanup('embedded postgres', () => embedded.stop());
  const statementStats = await enableStatementStats(embedded.adminUrl);
  return {
    kind: 'embedded',
    adminUrl: embedded.adminUrl,
    statementStats,
    logFile: embedded.logFile,
    async stop() {
      forget();
      await embedded.stop();
    },
  };
}

async function enableStatementStats(adminUrl: string): Promise<boolean> {
  return withClient(adminUrl, async (client) => {
    try {
      await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      await client.query('SELECT 1 FROM pg_stat_statements LIMIT 1');
      return true;
    } catch {
      return false;
    }
  });
}

export async function createServiceDatabase(server: PostgresServer, prefix: string): Promise<ServiceDatabase> {
  const suffix = randomBytes(4).toString('hex');
  const safePrefix = prefix.replace(/[^a-z0-9]/gi, '_').toLowerCase().slice(0, 30);
  const database = `fl_${safePrefix}_${suffix}`;
  const role = `fl_svc_${suffix}`;
  const password = randomBytes(12).toString('hex');
  await withClient(server.adminUrl, async (client) => {
    await client.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
    await client.query(`CREATE DATABASE ${database} OWNER ${role}`);
  });
  const url = new URL(server.adminUrl);
  url.username = role;
  url.password = password;
  url.pathname = `/${database}`;
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    forget();
    await withClient(server.adminUrl, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await client.query(`DROP ROLE IF EXISTS ${role}`);
    });
  };
  const forget = server.kind === 'external' ? onCleanup(`database ${database}`, drop) : () => undefined;
  const admin = new URL(server.adminUrl);
  admin.pathname = `/${database}`;
  return { url: url.toString(), adminUrl: admin.toString(), database, role, server, drop };
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * A copy of `base` (which must have no open connections), owned by the same role: how a grader
 * gets many fresh, migrated databases without running the migrations again. Dropping the copy
 * leaves the role to `base`.
 */
export async function copyDatabase(base: ServiceDatabase, suffix: string): Promise<ServiceDatabase> {
  const database = `${base.database}_${suffix}`.slice(0, 63);
  await withClient(base.server.adminUrl, (client) => client.query(`CREATE DATABASE ${database} OWNER ${base.role} TEMPLATE ${base.database}`));
  const url = new URL(base.url);
  url.pathname = `/${database}`;
  const admin = new URL(base.adminUrl);
  admin.pathname = `/${database}`;
  let dropped = false;
  return {
    url: url.toString(),
    adminUrl: admin.toString(),
    database,
    role: base.role,
    server: base.server,
    async drop() {
      if (dropped) return;
      dropped = true;
      await withClient(base.server.adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    },
  };
}
