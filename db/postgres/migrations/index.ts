// The PostgreSQL twins of the SQLite migrations (db/migrations/), numbered alike: a project schema
// at version N has the tables and columns of a SQLite file at version N. Version 8 creates the
// whole schema as SQLite reaches it after its migrations 001–008; every later SQLite migration
// gets a twin here with the same number (see README, "Adding a migration"). Never edit one that
// has shipped. The registry (groundwork.project.version) holds the number of the last one applied.

import type { SqlValue } from '../../sql';
import * as m008 from './008-schema';
import * as m009 from './009-evolution';
import * as m010 from './010-scale';
import * as m011 from './011-team';

export interface PgMigrationContext {
  /** The project's schema; the search_path names only it while the migration runs. */
  readonly schema: string;
  /** Runs SQL without parameters (several statements at once). */
  exec(sql: string): Promise<void>;
  /** Runs one statement with `?` parameters. */
  run(sql: string, ...params: SqlValue[]): Promise<void>;
  /** Reads rows (a data migration). */
  all<T>(sql: string, ...params: SqlValue[]): Promise<T[]>;
  /** Captures a table for undo: it must be listed in db/capture-tables.ts. New columns need nothing. */
  capture(table: string): Promise<void>;
}

export interface PgMigration {
  version: number;
  up: (m: PgMigrationContext) => Promise<void>;
  /**
   * For a migration that landed after a later-numbered one had shipped (010 after 011): whether a
   * project already past its version lacks it (then it is applied all the same).
   */
  missing?: (m: PgMigrationContext) => Promise<boolean>;
}

const LISTED: readonly PgMigration[] = [m008, m009, m010, m011];

export const PG_MIGRATIONS: readonly PgMigration[] = [...LISTED].sort((a, b) => a.version - b.version);

export const PG_LATEST_SCHEMA_VERSION = PG_MIGRATIONS[PG_MIGRATIONS.length - 1]!.version;
