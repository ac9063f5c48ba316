// The ordered list of schema migrations. Add a file NNN-name.ts and list it here; never edit
// one that has shipped. PRAGMA user_version holds the number of the last one applied.

import type Database from 'better-sqlite3';
import * as m001 from './001-initial';
import * as m005 from './005-records';

export interface Migration {
  version: number;
  up: (db: Database.Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [m001, m005];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
