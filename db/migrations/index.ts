// The ordered list of schema migrations. Add a file NNN-name.ts and list it here; never edit
// one that has shipped. PRAGMA user_version holds the number of the last one applied.

import type Database from 'better-sqlite3';
import * as m001 from './001-initial';
import * as m002 from './002-study';
import * as m006 from './006-search';
import * as m003 from './003-maturity';
import * as m004 from './004-import-formats';
import * as m005 from './005-records';
import * as m007 from './007-storage';
import * as m008 from './008-identity';
import * as m011 from './011-team';
import * as m009 from './009-evolution';
import * as m010 from './010-scale';

export interface Migration {
  version: number;
  up: (db: Database.Database) => void;
  /**
   * For a migration that landed after a later-numbered one had shipped (010 after 011): whether a
   * file already past its version lacks it (then it is applied all the same).
   */
  missing?: (db: Database.Database) => boolean;
}

const LISTED: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011];

/** In version order, whatever order they are listed in; numbers may have gaps. */
export const MIGRATIONS: readonly Migration[] = [...LISTED].sort((a, b) => a.version - b.version);

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** The migrations a file at `version` still needs, in order. */
export function pendingMigrations(db: Database.Database, version: number): Migration[] {
  return MIGRATIONS.filter((m) => m.version > version || (m.missing?.(db) ?? false));
}
