import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

/**
 * Counts the SQL statements the service executes, from the server's own statistics
 * (pg_stat_statements), filtered to the service's database and role: the service cannot
 * influence the count except by running fewer statements.
 */
export class StatementCounter {
  private ids: { dbid: number; userid: number } | undefined;

  constructor(
    private readonly adminUrl: string,
    private readonly database: string,
    private readonly role: string,
  ) {}

  async countDuring(action: () => Promise<unknown>): Promise<number> {
    return (await this.measureDuring(action)).statements;
  }

  /** Statements and shared buffers (hit + read) of the service during `action`. */
  async measureDuring(action: () => Promise<unknown>): Promise<{ statements: number; blocks: number; execMs: number }> {
    return this.withAdmin(async (client) => {
      const { dbid, userid } = await this.resolveIds(client);
      await client.query('SELECT pg_stat_statements_reset($1::oid, $2::oid, 0)', [userid, dbid]);
      await action();
      await this.waitUntilIdle(client, dbid, userid);
      const result = await client.query<{ calls: string; blocks: string; exec: string }>(
        'SELECT coalesce(sum(calls), 0)::text AS calls, coalesce(sum(shared_blks_hit + shared_blks_read), 0)::text AS blocks, coalesce(sum(total_exec_time), 0)::text AS exec FROM pg_stat_statements WHERE dbid = $1 AND userid = $2',
        [dbid, userid],
      );
      return { statements: Number(result.rows[0]?.calls ?? 0), blocks: Number(result.rows[0]?.blocks ?? 0), execMs: Number(result.rows[0]?.exec ?? 0) };
    });
  }

  private async resolveIds(client: pg.Client): Promise<{ dbid: number; userid: number }> {
    if (this.ids) return this.ids;
    const result = await client.query<{ dbid: number; userid: number }>(
      'SELECT (SELECT oid FROM pg_database WHERE datname = $1)::int AS dbid, (SELECT oid FROM pg_roles WHERE rolname = $2)::int AS userid',
      [this.database, this.role],
    );
    const row = result.rows[0];
    if (!row?.dbid || !row.userid) throw new Error(`database ${this.database} or role ${this.role} not found`);
    this.ids = row;
    return row;
  }

  /** Statistics are written when a statement ends; wait until no statement of the service is running. */
  private async waitUntilIdle(client: pg.Client, dbid: number, userid: number): Promise<void> {
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      const result = await client.query<{ active: number }>(
        "SELECT count(*)::int AS active FROM pg_stat_activity WHERE datid = $1 AND usesysid = $2 AND state NOT IN ('idle') AND pid <> pg_backend_pid()",
        [dbid, userid],
      );
      if ((result.rows[0]?.active ?? 0) === 0) return;
      await sleep(20);
    }
  }

  private async withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: this.adminUrl, connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
