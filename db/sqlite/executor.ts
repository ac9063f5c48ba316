// The SQLite executor: better-sqlite3 behind the engine-neutral interface of db/sql.ts, with
// prepared statements cached per connection. better-sqlite3 is synchronous; the promises only
// give repositories the shape a server engine needs.

import type Database from 'better-sqlite3';
import type { Dialect, SqlValue, SqlWriter } from '../sql';

export const SQLITE_DIALECT: Dialect = {
  name: 'sqlite',
  groupConcatDistinct: (expression) => `group_concat(DISTINCT ${expression})`,
};

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement, cached per connection. */
export function statement(db: Database.Database, text: string): Database.Statement {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map()));
  let prepared = statements.get(text);
  if (!prepared) {
    prepared = db.prepare(text);
    statements.set(text, prepared);
  }
  return prepared;
}

const bind = (params: readonly SqlValue[]) => params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));

export function sqliteExecutor(db: Database.Database): SqlWriter {
  return {
    dialect: SQLITE_DIALECT,
    all: async <T>(text: string, ...params: SqlValue[]) => statement(db, text).all(...bind(params)) as T[],
    get: async <T>(text: string, ...params: SqlValue[]) => statement(db, text).get(...bind(params)) as T | undefined,
    each: async <T>(text: string, params: readonly SqlValue[], each: (row: T) => void) => {
      for (const row of statement(db, text).iterate(...bind(params))) each(row as T);
    },
    run: async (text: string, ...params: SqlValue[]) => {
      const prepared = statement(db, text);
      // A statement that returns rows (RETURNING) must be read with get/all.
      return { changes: prepared.reader ? prepared.all(...bind(params)).length : prepared.run(...bind(params)).changes };
    },
  };
}
