// What each engine can say about its own tables, in one shape: the columns, primary key, unique
// rules and references of every table a project keeps. Used to copy a project between engines
// (db/transfer.ts) and to check that every SQLite table has its PostgreSQL twin (a test).

import type { ReadableDB } from './handles';
import { postgresTables } from './postgres/schema-info';
import { sqliteTables } from './sqlite/schema-info';

export interface ColumnInfo {
  name: string;
  /** The kind of value: SQLite's INTEGER and PostgreSQL's bigint are both 'integer'. */
  type: 'integer' | 'text' | 'blob' | 'real' | 'other';
  notNull: boolean;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  /** Primary key columns, in key order. */
  key: string[];
  /** Ids given by the engine (AUTOINCREMENT, identity) in column `id`. */
  identity: boolean;
  /** Each unique rule as its columns (an expression as written by the engine, normalised), primary key included. */
  unique: string[][];
  /** Each reference: columns → table (columns), with its ON DELETE action. */
  references: { columns: string[]; table: string; to: string[]; onDelete: string }[];
}

/**
 * Tables an engine keeps for itself: not twinned, not copied between engines. SQLite's full-text
 * index (its virtual tables and their shadow tables are left out on their own) and the bookkeeping
 * around it, its AUTOINCREMENT counters and capture switch; PostgreSQL's word index for search.
 */
export const ENGINE_ONLY_TABLES: Record<'sqlite' | 'postgres', readonly string[]> = {
  sqlite: ['sqlite_sequence', 'change_capture', 'search_indexed', 'search_queue', 'search_index_meta'],
  postgres: ['search_folded', 'search_word'],
};

/** Tables of live sessions: twinned, but never copied with a project (their sessions are not open there). */
export const SESSION_TABLES: readonly string[] = ['store_session'];

/** The project's tables (every engine-only table left out), by name. */
export async function projectTables(db: ReadableDB): Promise<TableInfo[]> {
  const engine = db.dialect.name;
  const all = engine === 'sqlite' ? await sqliteTables(db) : await postgresTables(db);
  const skip = new Set(ENGINE_ONLY_TABLES[engine]);
  return all.filter((t) => !skip.has(t.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
}
