import { closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withClient, type PostgresServer } from '../db/postgres.js';
import type { ServiceSession } from '../verify/session.js';
import type { CopyLoad, DatabaseAccess, PlanSummary } from './types.js';
import type { StatementCounter } from './statements.js';

/** Reads what the server logged after `offset` (bytes). */
export function readLogFrom(file: string, offset: number, until?: number): string {
  if (!existsSync(file)) return '';
  const size = Math.min(statSync(file).size, until ?? Number.POSITIVE_INFINITY);
  if (size <= offset) return '';
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(size - offset);
    readSync(fd, buffer, 0, buffer.length, offset);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

export function logSize(file: string | undefined): number {
  return file && existsSync(file) ? statSync(file).size : 0;
}

/** SQLSTATEs of ERROR lines logged for `database` (log_line_prefix carries db= and sqlstate=). */
export function loggedErrors(log: string, database: string): string[] {
  const states: string[] = [];
  const pattern = new RegExp(`db=${database} sqlstate=([0-9A-Z]{5}) (?:ERROR|FATAL):`, 'g');
  for (const match of log.matchAll(pattern)) if (match[1]) states.push(match[1]);
  return states;
}

/** Rows in every ordinary table outside the system schemas (partitions counted through their parent). */
export async function countRows(adminUrl: string): Promise<number> {
  return withClient(adminUrl, async (client) => {
    const tables = await client.query<{ name: string }>(
      `SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'`,
    );
    if (tables.rows.length === 0) return 0;
    const sum = tables.rows.map((t) => `(SELECT count(*) FROM ONLY ${t.name})`).join(' + ');
    const result = await client.query<{ rows: string }>(`SELECT (${sum})::text AS rows`);
    return Number(result.rows[0]?.rows ?? 0);
  });
}

export function databaseAccess(session: ServiceSession, server: PostgresServer, counter: StatementCounter): { access: DatabaseAccess; dispose(): void } | undefined {
  const { dataset, loadIntoCopy } = session;
  if (!dataset || !loadIntoCopy) return undefined;
  const scratchDir = mkdtempSync(join(tmpdir(), 'faultline-scratch-'));
  const access: DatabaseAccess = {
    dataset,
    scratchDir,
    async query<R>(text: string, params: unknown[] = []) {
      return withClient(session.database.adminUrl, async (client) => (await client.query(text, params)).rows as R[]);
    },
    measure: (action) => {
      if (!server.statementStats) throw new Error('pg_stat_statements is not available on this PostgreSQL server: unset DATABASE_URL to use the embedded server');
      return counter.measureDuring(action);
    },
    plansDuring: (actions) => plansDuring(session, server, actions),
    async loadIntoCopy(dir: string): Promise<CopyLoad> {
      const logFile = server.logFile;
      if (!logFile) throw new Error("this probe reads the server's log to see which errors the database raised: unset DATABASE_URL to use the embedded server");
      const offset = logSize(logFile);
      return loadIntoCopy(dir, async ({ failure, database, durationMs, emptyRows }) => {
        const rows = await countRows(database.adminUrl);
        return { failure, sqlstates: loggedErrors(readLogFrom(logFile, offset), database.database), rowsLeft: rows - emptyRows, durationMs };
      });
    },
  };
  return { access, dispose: () => rmSync(scratchDir, { recursive: true, force: true }) };
}

const PLAN_SETTINGS = [
  "session_preload_libraries = 'auto_explain'",
  'auto_explain.log_min_duration = 0',
  'auto_explain.log_analyze = on',
  'auto_explain.log_buffers = on',
  'auto_explain.log_timing = off',
  "auto_explain.log_format = 'json'",
];

/** Turns auto_explain on for the target's database, restarts its instances so their connections load it, runs `action`, and turns it off again. */
async function plansDuring(session: ServiceSession, server: PostgresServer, actions: ReadonlyArray<() => Promise<unknown>>): Promise<PlanSummary[][]> {
  const logFile = server.logFile;
  if (!logFile) throw new Error("plans are read from the server's log: unset DATABASE_URL to use the embedded server");
  const { database } = session;
  const restart = async () => {
    const running = session.instances.map((instance, index) => ({ instance, index })).filter(({ instance }) => !instance.exitReason());
    for (const { instance } of running) await instance.stop();
    for (const { index } of running) await session.ensureInstance(index);
  };
  await withClient(server.adminUrl, async (client) => {
    for (const setting of PLAN_SETTINGS) await client.query(`ALTER DATABASE ${database.database} SET ${setting}`);
  });
  try {
    await restart();
    const tables = await withClient(database.adminUrl, async (client) =>
      new Map((await client.query<{ name: string; rows: number }>("SELECT relname AS name, reltuples::float8 AS rows FROM pg_class WHERE relkind IN ('r', 'p')")).rows.map((r) => [r.name, r.rows])),
    );
    const results: PlanSummary[][] = [];
    for (const action of actions) {
      // auto_explain writes a plan before the statement's answer is sent, so the log is complete when the call returns.
      const offset = logSize(logFile);
      await action();
      const end = logSize(logFile);
      results.push(parsePlans(readLogFrom(logFile, offset, end), database.database, tables));
    }
    return results;
  } finally {
    await withClient(server.adminUrl, (client) => client.query(`ALTER DATABASE ${database.database} RESET ALL`));
    await restart();
  }
}

interface PlanNode {
  'Node Type'?: string;
  'Relation Name'?: string;
  'Plan Rows'?: number;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

/** Plans that auto_explain logged (JSON format) for `database`, summarised. */
export function parsePlans(log: string, database: string, tableRows: Map<string, number>): PlanSummary[] {
  const entries = log.split(/\n(?=\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})/);
  const plans: PlanSummary[] = [];
  for (const entry of entries) {
    const header = /^.*db=(\S*) sqlstate=\S* LOG:\s+duration: ([\d.]+) ms\s+plan:/.exec(entry);
    if (!header || header[1] !== database) continue;
    let doc: { 'Query Text'?: string; Plan?: PlanNode };
    try {
      doc = JSON.parse(entry.slice(entry.indexOf('plan:') + 5)) as typeof doc;
    } catch {
      continue;
    }
    const summary: PlanSummary = { query: (doc['Query Text'] ?? '').replace(/\s+/g, ' ').trim(), durationMs: Number(header[2]), seqScans: [], scans: [], misestimates: [] };
    const walk = (node: PlanNode | undefined) => {
      if (!node) return;
      const loops = node['Actual Loops'] ?? 1;
      const actual = (node['Actual Rows'] ?? 0) * loops;
      const estimated = (node['Plan Rows'] ?? 0) * loops;
      if (node['Relation Name']) {
        const table = node['Relation Name'];
        const read = Math.round(actual + ((node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0)) * loops);
        const size = tableRows.has(table) ? { tableRows: Math.round(tableRows.get(table) ?? 0) } : {};
        summary.scans.push({ node: node['Node Type'] ?? '?', table, rows: read, ...size });
        if (node['Node Type'] === 'Seq Scan') summary.seqScans.push({ table, rows: read, ...size });
      }
      if (node['Actual Rows'] !== undefined && Math.max(actual, estimated) >= 100 && Math.max(actual, estimated) >= 10 * Math.max(1, Math.min(actual, estimated))) {
        summary.misestimates.push({ node: `${node['Node Type'] ?? '?'}${node['Relation Name'] ? ` on ${node['Relation Name']}` : ''}`, estimated: Math.round(estimated), actual: Math.round(actual) });
      }
      for (const child of node.Plans ?? []) walk(child);
    };
    walk(doc.Plan);
    plans.push(summary);
  }
  return plans;
}

