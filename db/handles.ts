// Branded database handles (after Signal Desktop): a write through a ReadableDB does not compile.
// Only runCommand (db/commands.ts) and migrations hand out a WritableDB, so every change to a
// project is written together with its entry in the command log.

import type Database from 'better-sqlite3';

declare const readable: unique symbol;
declare const writable: unique symbol;

export type ReadableDB = Database.Database & { readonly [readable]: true };
export type WritableDB = ReadableDB & { readonly [writable]: true };

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement, cached per connection. */
export function sql<T extends Database.Database>(db: T, text: string): Database.Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(text);
  if (!statement) {
    statement = db.prepare(text);
    statements.set(text, statement);
  }
  return statement;
}

export const now = () => new Date().toISOString();
