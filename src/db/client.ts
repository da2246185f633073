import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm';
import type { PgAsyncDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import type { DatabaseTarget } from '../config.js';
import { relations } from './relations.js';

/** The one database type the code above the client sees, whichever driver is underneath. */
export type Database = PgAsyncDatabase<PgQueryResultHKT, typeof relations>;

/** An open transaction of `Database`. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** A database or an open transaction: writes that must join their caller's transaction take either. */
export type Executor = Database | Transaction;

/** Counts the SQL statements Drizzle sends, so tests and metrics can see N+1 creep in. */
export class StatementCounter implements Logger {
  count = 0;
  readonly recent: string[] = [];
  logQuery(query: string): void {
    this.count += 1;
    this.recent.push(query);
    if (this.recent.length > 200) this.recent.shift();
  }
}

/** A connected database with its statement counter and a way to close it. */
export interface DbHandle {
  db: Database;
  kind: DatabaseTarget['kind'];
  statements: StatementCounter;
  /**
   * The same database (same pool), also reporting each of its statements to `onStatement`: one per
   * request gives per-request SQL counts without tracking async context. Cheap (a few µs).
   */
  counted(onStatement: () => void): Database;
  close(): Promise<void>;
}

/** A Drizzle logger feeding the handle's counter, then the listener. */
const counting = (statements: StatementCounter, onStatement: () => void) => ({
  logQuery(query: string) {
    statements.logQuery(query);
    onStatement();
  },
});

/** Opens the database a target names: embedded PGlite (on disk or in memory) or PostgreSQL. */
export async function createDb(target: DatabaseTarget): Promise<DbHandle> {
  const statements = new StatementCounter();
  if (target.kind === 'pglite') {
    if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
    const client = await PGlite.create(target.dataDir ? { dataDir: target.dataDir } : {});
    return fromPglite(client, statements);
  }
  const client = postgres(target.url, {
    max: target.poolMax,
    onnotice: () => {},
    // Prepared statements per connection: the same few queries run all day.
    prepare: true,
    // A runaway statement is cancelled by the server instead of holding a pooled connection.
    ...(target.statementTimeoutMs ? { connection: { statement_timeout: target.statementTimeoutMs } } : {}),
    // After an outage, reconnect within half a second. The default backoff grows with every failed
    // attempt across the pool (up to 20 s) and a query queued behind it waits that long even once
    // the server is back; a pool of at most DATABASE_POOL_MAX connections may retry this often.
    backoff: (retries: number) => Math.min(0.02 * 2 ** retries, 0.5),
    // An unreachable host (packets dropped, not refused) fails a query after 10 s, not 30.
    connect_timeout: 10,
  });
  const db = drizzlePostgres({ client, relations, logger: statements });
  return {
    db: db as unknown as Database,
    kind: 'postgres',
    statements,
    counted: (onStatement) =>
      drizzlePostgres({ client, relations, logger: counting(statements, onStatement) }) as unknown as Database,
    close: () => client.end({ timeout: 5 }),
  };
}

/** Wraps an open PGlite instance in the handle the code above the client sees. */
export function fromPglite(client: PGlite, statements = new StatementCounter()): DbHandle {
  const db = drizzlePglite({ client, relations, logger: statements });
  return {
    db: db as unknown as Database,
    kind: 'pglite',
    statements,
    counted: (onStatement) =>
      drizzlePglite({ client, relations, logger: counting(statements, onStatement) }) as unknown as Database,
    close: () => client.close(),
  };
}

/** A JSON column's value: postgres.js parses json, PGlite may hand back text. */
export function jsonOf<T>(value: unknown): T | null {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** Rows of a raw `db.execute` result, whichever driver produced it. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
