// Schema version 8: who coded what, and names that survive leaving the file.
// - Coders (name, colour, a GUID): every passage records its coder (NULL: coded before coders
//   existed, or by a researcher working alone). Two coders may code the same passage with the same
//   concept; one coder may not do it twice.
// - A GUID (uid) on every source, concept, category and passage, kept by exports (REFI-QDA) and
//   by copies of the project, so items can be matched when work comes back (merge, exchange).
// - The project's own GUID (shared by its copies) and replica GUID (one per copy), settings, and
//   free-form source attributes (exchange files' variables, sets and cases).

import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { createCaptureTriggers } from '../sqlite/capture';

export const version = 8;

export function up(db: Database.Database): void {
  db.exec(`
    CREATE TABLE coder (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      uid TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      color TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    -- Attributes of a source beyond its record's fields (REFI-QDA variables, groups, cases, …):
    -- one value per name; a name may hold a number or a date written as text.
    CREATE TABLE source_attribute (
      document_id INTEGER NOT NULL REFERENCES document (id),
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      value TEXT NOT NULL,
      PRIMARY KEY (document_id, name)
    ) STRICT, WITHOUT ROWID;

    -- Settings that belong to the project, not the machine (label language, history limits, …).
    CREATE TABLE project_setting (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    ALTER TABLE project ADD COLUMN uid TEXT;
    ALTER TABLE project ADD COLUMN replica TEXT;
    ALTER TABLE document ADD COLUMN uid TEXT;
    ALTER TABLE concept ADD COLUMN uid TEXT;
    ALTER TABLE category ADD COLUMN uid TEXT;

    -- segment is rebuilt: its one-passage-one-concept rule now holds per coder.
    DROP TRIGGER IF EXISTS segment_capture_insert;
    DROP TRIGGER IF EXISTS segment_capture_update;
    DROP TRIGGER IF EXISTS segment_capture_delete;
    CREATE TABLE segment_new (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      uid TEXT NOT NULL,
      document_id INTEGER NOT NULL REFERENCES document (id),
      concept_id INTEGER NOT NULL REFERENCES concept (id),
      coder_id INTEGER REFERENCES coder (id),
      start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
      end_offset INTEGER NOT NULL CHECK (end_offset > start_offset),
      text TEXT NOT NULL,
      context_before TEXT NOT NULL,
      context_after TEXT NOT NULL,
      created_at TEXT NOT NULL,
      memo TEXT NOT NULL DEFAULT ''
    ) STRICT;
  `);
  const uid = () => crypto.randomUUID();
  const segments = db.prepare('SELECT id FROM segment ORDER BY id').all() as { id: number }[];
  const copy = db.prepare(
    `INSERT INTO segment_new (id, uid, document_id, concept_id, coder_id, start_offset, end_offset, text, context_before, context_after, created_at, memo)
     SELECT id, ?, document_id, concept_id, NULL, start_offset, end_offset, text, context_before, context_after, created_at, memo FROM segment WHERE id = ?`,
  );
  for (const { id } of segments) copy.run(uid(), id);
  // Keep AUTOINCREMENT's memory of the highest id ever used (an undone segment's id is never reused).
  const sequence = db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'segment'`).get() as { seq: number } | undefined;
  db.exec(`
    DROP TABLE segment;
    ALTER TABLE segment_new RENAME TO segment;
    CREATE INDEX segment_document ON segment (document_id, start_offset);
    CREATE INDEX segment_concept ON segment (concept_id);
    CREATE INDEX segment_coder ON segment (coder_id);
    CREATE UNIQUE INDEX segment_passage ON segment (document_id, concept_id, start_offset, end_offset, coalesce(coder_id, 0));
    CREATE UNIQUE INDEX segment_uid ON segment (uid);
  `);
  if (sequence) {
    db.prepare(`UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'segment'`).run(sequence.seq);
    db.prepare(`INSERT INTO sqlite_sequence (name, seq) SELECT 'segment', ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'segment')`).run(sequence.seq);
  }
  for (const table of ['document', 'concept', 'category']) {
    const ids = db.prepare(`SELECT id FROM ${table}`).all() as { id: number }[];
    const set = db.prepare(`UPDATE ${table} SET uid = ? WHERE id = ?`);
    for (const { id } of ids) set.run(uid(), id);
    db.exec(`CREATE UNIQUE INDEX ${table}_uid ON ${table} (uid)`);
  }
  db.prepare('UPDATE project SET uid = ?, replica = ?').run(uid(), uid());
  for (const table of ['project', 'document', 'concept', 'category', 'segment', 'coder', 'project_setting', 'source_attribute']) {
    createCaptureTriggers(db, table);
  }
}
