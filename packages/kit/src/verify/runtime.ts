import type { PostgresServer } from '../db/postgres.js';
import { HeapInspector } from '../probes/heap.js';
import { Endpoint } from '../probes/http.js';
import { databaseAccess } from '../probes/database.js';
import { StatementCounter } from '../probes/statements.js';
import type { ProbeContext } from '../probes/types.js';
import type { ServiceInstance } from '../supervisor/service.js';
import type { ServiceSession } from './session.js';

/**
 * What probes and checks run against: instances the kit started on a database it owns, or a
 * server someone else runs (`verify --url`), where only HTTP is available.
 */
export interface Runtime {
  context(count: number, settings: Readonly<Record<string, string>>, note: (m: string) => void): Promise<{ ctx: ProbeContext; dispose: () => void }>;
  /** Instances that have exited, with the reason (local runtimes only). */
  crashed(): ServiceInstance | undefined;
  anyExited(): boolean;
  /** Removes what the runtime made (scratch folders). */
  dispose(): void;
}

const simultaneously: ProbeContext['simultaneously'] = (actions) => Promise.all(actions.map((action) => action()));

export function sessionRuntime(session: ServiceSession, server: PostgresServer): Runtime {
  const counter = new StatementCounter(server.adminUrl, session.database.database, session.database.role);
  const database = databaseAccess(session, server, counter);
  return {
    async context(count, settings, note) {
      const running: ServiceInstance[] = [];
      for (let i = 0; i < count; i++) running.push(await session.ensureInstance(i));
      const endpoints = running.map((instance) => new Endpoint(instance.name, instance.url));
      const primary = endpoints[0];
      if (!primary) throw new Error('no running instance');
      let inspector: HeapInspector | undefined;
      const ctx: ProbeContext = {
        instances: endpoints,
        primary,
        settings,
        countStatements: (action) => {
          if (!server.statementStats) {
            throw new Error('pg_stat_statements is not available on this PostgreSQL server: preload it (shared_preload_libraries) or unset DATABASE_URL to use the embedded server');
          }
          return counter.countDuring(action);
        },
        heap: async () => {
          const url = running[0]?.inspectorUrl;
          if (!url) throw new Error('the primary instance has no inspector (its start command must be `node …`)');
          inspector ??= await HeapInspector.connect(url);
          return inspector;
        },
        simultaneously,
        note,
        ...(database ? { database: database.access } : {}),
      };
      return { ctx, dispose: () => inspector?.close() };
    },
    crashed: () => session.instances.find((instance) => instance.exitReason()),
    anyExited: () => session.instances.some((instance) => instance.exitReason()),
    dispose: () => database?.dispose(),
  };
}

/** A server the kit did not start: HTTP only; probes that need the database or the heap say so. */
export function urlRuntime(url: string): Runtime {
  return {
    async context(count, settings, note) {
      if (count > 1) throw new Error(`this probe needs ${count} instances of the service; run verify without --url so the kit starts them`);
      const primary = new Endpoint('target', url);
      const ctx: ProbeContext = {
        instances: [primary],
        primary,
        settings,
        countStatements: () => {
          throw new Error('counting SQL statements needs the kit to own the database; run verify without --url');
        },
        heap: () => {
          throw new Error('heap snapshots need the kit to start the service under the inspector; run verify without --url');
        },
        simultaneously,
        note,
      };
      return { ctx, dispose: () => undefined };
    },
    crashed: () => undefined,
    anyExited: () => false,
    dispose: () => undefined,
  };
}
