// Schema version 5: bibliographic records and screening. Every source gets one record (title from
// its name, stage "included", so an existing project reads and codes exactly as before); records
// from a bibliography may have no source. Exclusion reasons are the project's own list.

import type Database from 'better-sqlite3';
import { RECORD_TYPES, STAGES } from '../../shared/domain/records';
import { createCaptureTriggers } from './legacy-capture';

export const version = 5;

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export const DEFAULT_REASONS = ['Off topic', 'Not B2B marketing', 'Wrong publication type', 'Full text not available', 'Language'];

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE exclusion_reason (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
      position INTEGER NOT NULL
    ) STRICT;

    -- authors, keywords and attachments are JSON arrays. merged_into marks a duplicate merged
    -- into another record: kept for the PRISMA "duplicates removed" figure, hidden elsewhere.
    CREATE TABLE record (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      document_id INTEGER UNIQUE REFERENCES document (id) ON DELETE SET NULL,
      title TEXT NOT NULL,
      authors TEXT NOT NULL DEFAULT '[]',
      year INTEGER,
      venue TEXT NOT NULL DEFAULT '',
      doi TEXT NOT NULL DEFAULT '',
      url TEXT NOT NULL DEFAULT '',
      type TEXT NOT NULL DEFAULT 'other' CHECK (type IN (${list(RECORD_TYPES)})),
      language TEXT NOT NULL DEFAULT '',
      abstract TEXT NOT NULL DEFAULT '',
      keywords TEXT NOT NULL DEFAULT '[]',
      origin TEXT NOT NULL,
      attachments TEXT NOT NULL DEFAULT '[]',
      stage TEXT NOT NULL CHECK (stage IN (${list(STAGES)})),
      excluded_at TEXT CHECK (excluded_at IN ('screening', 'eligibility')),
      exclusion_reason_id INTEGER REFERENCES exclusion_reason (id),
      merged_into INTEGER REFERENCES record (id),
      created_at TEXT NOT NULL,
      CHECK ((stage = 'excluded') = (excluded_at IS NOT NULL)),
      CHECK (stage = 'excluded' OR exclusion_reason_id IS NULL)
    ) STRICT;
    CREATE INDEX record_stage ON record (stage);
    CREATE INDEX record_reason ON record (exclusion_reason_id);
    CREATE INDEX record_merged ON record (merged_into);

    -- A pair the user said is not a duplicate; the flag stays dismissed.
    CREATE TABLE duplicate_dismissal (
      record_a INTEGER NOT NULL REFERENCES record (id),
      record_b INTEGER NOT NULL REFERENCES record (id),
      PRIMARY KEY (record_a, record_b),
      CHECK (record_a < record_b)
    ) STRICT, WITHOUT ROWID;

    INSERT INTO record (document_id, title, type, origin, stage, created_at)
      SELECT id, name, 'other', 'file', 'included', imported_at FROM document;
  `);
  const insertReason = db.prepare('INSERT INTO exclusion_reason (name, position) VALUES (?, ?)');
  DEFAULT_REASONS.forEach((name, position) => insertReason.run(name, position));
  for (const table of ['exclusion_reason', 'record', 'duplicate_dismissal']) createCaptureTriggers(db, table);
}
