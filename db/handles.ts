// Branded executors (after Signal Desktop): a write through a ReadableDB does not compile. Only the
// store hands out a WritableDB, inside a command (db/store.ts), so every change to a project is
// written together with its entry in the command log.

import type { SqlReader, SqlWriter } from './sql';

declare const readable: unique symbol;
declare const writable: unique symbol;

export type ReadableDB = SqlReader & { readonly [readable]: true };
export type WritableDB = ReadableDB & SqlWriter & { readonly [writable]: true };

export const now = () => new Date().toISOString();
