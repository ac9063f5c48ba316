// Schema version 10: a project that stays small and quick at a million segments (issue 9).
// - The full-text index keeps no copy of the text: a contentless FTS5 table (rows deleted by id),
//   filled from source_text, with its vocabulary tables for counting hits. Sources wait in
//   search_queue until indexed; search_indexed lists those in the index; search_index_meta names
//   the folding rules it was built with (folding 0: built by nothing yet, so every source waits).
// - The log keeps the key of an inserted row (its image is written when its step is undone).
// - Indexes the paged segment lists and the counts (by concept and coder) need, and one index of
//   the log instead of two.
// After 008, which rebuilds the segment table (its indexes are replaced here).

import type Database from 'better-sqlite3';
import { createCaptureTriggers } from '../sqlite/capture';

export const version = 10;

/** The captured tables as they stand at version 10 (later migrations add theirs with their own triggers). */
const CAPTURED_AT_10 = [
  'project', 'paradigm_component', 'document', 'concept', 'category', 'category_concept', 'segment', 'reading',
  'reading_concept_weight', 'reading_placement', 'concept_synonym', 'suggestion_rejection', 'maturity_level',
  'maturity_dimension', 'maturity_dimension_category', 'maturity_assessment', 'maturity_rating', 'document_page',
  'document_direction', 'exclusion_reason', 'record', 'duplicate_dismissal', 'coder', 'project_setting',
  'source_attribute', 'wave', 'baseline',
];

/**
 * 011 (team coding) shipped before this migration: a file made or upgraded by that build says
 * version 11 but has no search queue. Nothing 011 did depends on 010, so 010 is applied to it then.
 */
export function missing(db: Database.Database): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_queue'`).get() === undefined;
}

export function up(db: Database.Database): void {
  db.exec(`
    DROP TABLE IF EXISTS search_text;
    DROP TABLE IF EXISTS search_indexed;

    -- Words are runs of letters, digits and marks of the normalised text; the text is already
    -- folded, so the tokenizer must not fold anything more. The text itself is not kept.
    CREATE VIRTUAL TABLE search_index USING fts5(
      body,
      content = '',
      contentless_delete = 1,
      tokenize = "unicode61 remove_diacritics 0 categories 'L* N* M*'"
    );
    -- Every occurrence of every word (term, doc, col, offset), and per word its sources and occurrences.
    CREATE VIRTUAL TABLE search_index_instance USING fts5vocab(search_index, 'instance');
    CREATE VIRTUAL TABLE search_index_row USING fts5vocab(search_index, 'row');

    CREATE TABLE search_indexed (document_id INTEGER PRIMARY KEY) STRICT;
    CREATE TABLE search_queue (document_id INTEGER PRIMARY KEY) STRICT;
    CREATE TABLE search_index_meta (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      folding INTEGER NOT NULL
    ) STRICT;
    INSERT INTO search_index_meta (id, folding) VALUES (1, 0);
    INSERT INTO search_queue (document_id) SELECT id FROM document;

    -- A source's segments in position order (the reader's marks, the paged lists), and the
    -- sources in list order: a page of a large scope is read without sorting it.
    CREATE INDEX segment_position ON segment (document_id, start_offset, end_offset);
    DROP INDEX segment_document;
    -- A concept's segments with their coders: the counts read which passages they count (the
    -- count basis, db/filing-tree.ts) from the index alone.
    CREATE INDEX segment_concept_coder ON segment (concept_id, coder_id);
    DROP INDEX segment_concept;
    CREATE INDEX document_list_order ON document (lower(name), id);

    -- The log's rows by step, with their row keys: one index serves undo (a step's rows), the
    -- check that no later step of another window changed the same rows, and compaction.
    CREATE INDEX command_change_step ON command_change (command_id, table_name, row_key);
    DROP INDEX command_change_row;
    DROP INDEX command_change_command;
  `);
  // The log keeps only the key of an inserted row from now on: every capture trigger is written
  // again (db/sqlite/capture.ts). Steps logged before keep their whole rows, which replay alike.
  for (const table of CAPTURED_AT_10) createCaptureTriggers(db, table);
}
