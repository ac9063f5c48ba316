// Schema version 9: extending a model with new literature. Each source remembers the import batch
// it came in with (existing sources get theirs from the import step that wrote them, else the day
// they were imported); waves group sources by batch, publication years or a record attribute;
// baselines keep a named, frozen picture of the model (codebook, filings, counts) as JSON that no
// later change rewrites (a trigger refuses any update of the picture).

import type Database from 'better-sqlite3';
import { createCaptureTriggers } from '../sqlite/capture';

export const version = 9;

export function up(db: Database.Database): void {
  db.exec(`
    ALTER TABLE document ADD COLUMN import_batch TEXT;
    UPDATE document SET import_batch = (
      SELECT 'step-' || cc.command_id FROM command_change cc
      WHERE cc.table_name = 'document' AND cc.old_row IS NULL AND cc.row_key = CAST(document.id AS TEXT)
      ORDER BY cc.id DESC LIMIT 1);
    UPDATE document SET import_batch = 'day-' || substr(imported_at, 1, 10) WHERE import_batch IS NULL;
    -- The log's whole-row images of sources get the batch too, so undoing and redoing an old
    -- import or deletion brings the source back in its batch.
    UPDATE command_change SET new_row = json_set(new_row, '$.import_batch', 'step-' || command_id)
      WHERE table_name = 'document' AND old_row IS NULL;
    UPDATE command_change SET old_row = json_set(old_row, '$.import_batch', coalesce(
        (SELECT 'step-' || x.command_id FROM command_change x
         WHERE x.table_name = 'document' AND x.old_row IS NULL AND x.row_key = command_change.row_key ORDER BY x.id DESC LIMIT 1),
        'day-' || substr(json_extract(old_row, '$.imported_at'), 1, 10)))
      WHERE table_name = 'document' AND new_row IS NULL;
    CREATE INDEX document_import_batch ON document (import_batch);

    -- A wave's sources follow its rule (never a stored list), so a source imported or dated later
    -- joins the waves it fits. batches: JSON array of import batch keys.
    CREATE TABLE wave (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
      position INTEGER NOT NULL,
      rule TEXT NOT NULL CHECK (rule IN ('batch', 'years', 'attribute')),
      batches TEXT NOT NULL DEFAULT '[]',
      year_from INTEGER,
      year_to INTEGER,
      attribute TEXT,
      value TEXT,
      created_at TEXT NOT NULL,
      CHECK (rule <> 'years' OR year_from IS NOT NULL OR year_to IS NOT NULL),
      CHECK (year_from IS NULL OR year_to IS NULL OR year_from <= year_to),
      CHECK (rule <> 'attribute' OR (attribute IS NOT NULL AND value IS NOT NULL))
    ) STRICT;

    -- kind: 'frozen' (the user froze the project's model) or 'reported' (a study's published
    -- figures). snapshot: the picture as JSON (electron/backend/evolution/snapshot.ts).
    CREATE TABLE baseline (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
      kind TEXT NOT NULL CHECK (kind IN ('frozen', 'reported')),
      created_at TEXT NOT NULL,
      snapshot TEXT NOT NULL CHECK (length(snapshot) > 0)
    ) STRICT;
    CREATE TRIGGER baseline_frozen BEFORE UPDATE OF kind, created_at, snapshot ON baseline
    BEGIN SELECT RAISE(ABORT, 'A baseline is frozen: its picture of the model never changes.'); END;
  `);
  // document has a new column: its capture triggers must name it; the new tables get theirs.
  for (const table of ['document', 'wave', 'baseline']) createCaptureTriggers(db, table);
}
