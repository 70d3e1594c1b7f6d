/**
 * The database client factory: postgres.js when a URL is given, PGlite (Postgres in WebAssembly)
 * otherwise. Both are wrapped in drizzle with a statement counter that tests and benchmarks read.
 *
 * PGlite has a single connection shared by everything in the process: never make a call to
 * another subgraph while holding a transaction open, or the callee will wait for the caller.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { Logger } from 'drizzle-orm/logger';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { registerDatabasePool, traceQuery } from '@reconnect/observability';

export { sql };
export * from './roles.ts';

/** The drizzle handle every repository takes: the same API over postgres.js and PGlite. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
/** A transaction handle; it has the whole query API of `Db`. */
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>>;
/** Either a database handle or a transaction: what repositories accept. */
export type Queryable = Db | Tx;

/** Counts every statement drizzle sends, so tests can assert N+1-freedom and benches report it. */
export class StatementCounter implements Logger {
  count = 0;
  private listeners = new Set<(query: string) => void>();
  logQuery(query: string): void {
    this.count += 1;
    for (const listener of this.listeners) listener(query);
  }
  /** Runs `fn` and returns its result with the statements it sent (in this process, at this time). */
  async measure<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    const statements: string[] = [];
    const listener = (query: string) => statements.push(query);
    this.listeners.add(listener);
    try {
      return { result: await fn(), statements };
    } finally {
      this.listeners.delete(listener);
    }
  }
}

export interface DbHandle {
  db: Db;
  kind: 'postgres' | 'pglite';
  statements: StatementCounter;
  migrate(components: MigrationComponent[]): Promise<void>;
  close(): Promise<void>;
}

/** A set of committed migrations: a subgraph's or a shared package's `drizzle/` folder. */
export interface MigrationComponent {
  /** Unique name; each component records its migrations in `drizzle.__migrations_<name>`. */
  name: string;
  folder: string;
}

export interface DbOptions {
  /** postgres:// URL; unset means PGlite. */
  url?: string | undefined;
  /** PGlite data directory; unset (with no url) means an in-memory database. */
  dataDir?: string | undefined;
  /** postgres.js pool size. */
  maxConnections?: number;
  /** Count statements on this counter (shared by handles that stand for one database); default a new one. */
  statements?: StatementCounter;
  /** The pool's name in the metrics (`reconnect_db_pool_*{pool}`): `main`, or a subgraph's role. */
  poolName?: string;
}

const MIGRATION_LOCK = 7_263_001;

export async function createDb(options: DbOptions = {}): Promise<DbHandle> {
  const statements = options.statements ?? new StatementCounter();
  if (options.url) {
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      connection: { application_name: 'reconnect-hub', TimeZone: 'UTC' },
    });
    const use = instrumentPostgres(client);
    const unregister = registerDatabasePool(options.poolName ?? 'main', () => ({
      max: options.maxConnections ?? 10,
      wanted: use.wanted,
    }));
    const db = drizzlePostgres(client, { logger: statements }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      statements,
      async migrate(components) {
        // Replicas may start together: a session-level advisory lock serialises their migrations.
        // It is taken on a client of exactly one connection, so the lock and every migration
        // transaction share a session (a reserved pool connection cannot run drizzle's migrator:
        // it has no `begin` and no `options`).
        const single = postgres(options.url!, {
          max: 1,
          onnotice: () => {},
          connection: { application_name: 'reconnect-hub-migrate', TimeZone: 'UTC' },
        });
        try {
          await single`select pg_advisory_lock(${MIGRATION_LOCK})`;
          const lockedDb = drizzlePostgres(single);
          for (const component of components) {
            await migratePostgres(lockedDb, {
              migrationsFolder: component.folder,
              migrationsSchema: 'drizzle',
              migrationsTable: `__migrations_${component.name.replace(/-/g, '_')}`,
            });
          }
        } finally {
          await single`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
          await single.end({ timeout: 5 });
        }
      },
      async close() {
        unregister();
        await client.end({ timeout: 5 });
      },
    };
  }
  let dataDir: string | undefined;
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    dataDir = options.dataDir;
  }
  const client = await PGlite.create(dataDir ? { dataDir } : {});
  await client.exec(`SET TIME ZONE 'UTC'`);
  const use = instrumentPglite(client);
  const unregister = registerDatabasePool(options.poolName ?? 'main', () => ({ max: 1, wanted: use.wanted }));
  const db = drizzlePglite(client, { logger: statements }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    statements,
    async migrate(components) {
      const plain = drizzlePglite(client);
      for (const component of components) {
        await migratePglite(plain, {
          migrationsFolder: component.folder,
          migrationsSchema: 'drizzle',
          migrationsTable: `__migrations_${component.name.replace(/-/g, '_')}`,
        });
      }
    },
    async close() {
      unregister();
      await client.close();
    },
  };
}

/** Statements and transactions of a client that hold or wait for a connection now. */
interface ConnectionUse {
  wanted: number;
}

type PostgresQuery = PromiseLike<unknown> & { then: PromiseLike<unknown>['then'] };
type QueryMaker = (...args: unknown[]) => PostgresQuery;

/**
 * Counts what holds a connection (pool metrics) and runs each statement in a span when tracing is
 * on. postgres.js has no OpenTelemetry instrumentation: drizzle sends every statement through
 * `unsafe(text, params)` (inside a transaction, through the transaction's own `unsafe`), and a
 * postgres.js query runs when it is first awaited, so the span and the count start at `then`.
 * The span gets the statement's text, never its parameters (see @reconnect/observability).
 */
function instrumentPostgres(client: postgres.Sql): ConnectionUse {
  const use: ConnectionUse = { wanted: 0 };
  const wrapUnsafe = (sql: { unsafe: unknown }, counts: boolean) => {
    const unsafe = (sql.unsafe as QueryMaker).bind(sql);
    sql.unsafe = (...args: unknown[]) => {
      const query = unsafe(...args);
      const then = query.then.bind(query);
      let running: Promise<unknown> | undefined;
      query.then = ((onFulfilled, onRejected) => {
        running ??= (async () => {
          if (counts) use.wanted += 1;
          try {
            return await traceQuery(
              'postgresql',
              String(args[0]),
              () =>
                new Promise((ok, ko) => {
                  void then(ok, ko);
                }),
            );
          } finally {
            if (counts) use.wanted -= 1;
          }
        })();
        return running.then(onFulfilled, onRejected);
      }) as PostgresQuery['then'];
      return query;
    };
  };
  wrapUnsafe(client as unknown as { unsafe: unknown }, true);
  const begin = (client.begin as (...args: unknown[]) => Promise<unknown>).bind(client);
  (client as unknown as { begin: unknown }).begin = async (...args: unknown[]) => {
    const fn = args.pop() as (sql: unknown) => unknown;
    use.wanted += 1;
    try {
      return await begin(...args, (tx: { unsafe: unknown }) => {
        wrapUnsafe(tx, false);
        return fn(tx);
      });
    } finally {
      use.wanted -= 1;
    }
  };
  return use;
}

/** The same for PGlite: one connection, statements through `query`, transactions through `transaction`. */
function instrumentPglite(client: PGlite): ConnectionUse {
  const use: ConnectionUse = { wanted: 0 };
  const wrapQuery = (target: { query: unknown }, counts: boolean) => {
    const query = (target.query as (...args: unknown[]) => Promise<unknown>).bind(target);
    target.query = async (...args: unknown[]) => {
      if (counts) use.wanted += 1;
      try {
        return await traceQuery('postgresql', String(args[0]), () => query(...args));
      } finally {
        if (counts) use.wanted -= 1;
      }
    };
  };
  wrapQuery(client as unknown as { query: unknown }, true);
  const transaction = client.transaction.bind(client);
  (client as unknown as { transaction: unknown }).transaction = async (
    fn: (tx: { query: unknown }) => Promise<unknown>,
  ) => {
    use.wanted += 1;
    try {
      return await transaction((tx) => {
        wrapQuery(tx as unknown as { query: unknown }, false);
        return fn(tx as unknown as { query: unknown });
      });
    } finally {
      use.wanted -= 1;
    }
  };
  return use;
}

/** Where the embedded database lives under DATA_DIR. */
export function pgliteDir(dataDir: string): string {
  return join(dataDir, 'pglite');
}

/** Rows of a raw `execute` on either driver (postgres.js returns an array, PGlite `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** Whether an error is a unique-constraint violation, on either driver. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = findPgError(error);
  return (
    e?.code === '23505' && (!constraint || e.constraint === constraint || e.constraint_name === constraint)
  );
}

interface PgErrorShape {
  code?: string;
  constraint?: string;
  constraint_name?: string;
}

function findPgError(error: unknown): PgErrorShape | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth += 1) {
    const candidate = current as PgErrorShape & { cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return undefined;
}

/** A UUID derived from a name: the same seed row gets the same id on every machine and every run. */
export function stableUuid(name: string): string {
  const hex = createHash('sha256').update(`reconnect-hub:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}
