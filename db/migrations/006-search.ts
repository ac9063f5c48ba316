// Schema version 6: corpus search. The full-text index over the normalised text of every source
// (derived data: rebuilt from the document table whenever they differ, never captured for undo),
// concept synonyms for dictionary suggestions, and the suggestions a researcher rejected.

import type Database from 'better-sqlite3';
import { createCaptureTriggers } from './legacy-capture';

export const version = 6;

export function up(db: Database.Database): void {
  db.exec(`
    -- Words are runs of letters, digits and marks of the normalised text (shared/domain/search-text.ts);
    -- the text is already lower-cased and folded, so the tokenizer must not fold anything more.
    CREATE VIRTUAL TABLE search_text USING fts5(
      body,
      tokenize = "unicode61 remove_diacritics 0 categories 'L* N* M*'"
    );

    -- Which source text each index row holds: compared with the document table before a search.
    CREATE TABLE search_indexed (
      document_id INTEGER PRIMARY KEY,
      sha256 TEXT NOT NULL
    ) STRICT;

    -- Words a concept is also known by, for dictionary suggestions.
    CREATE TABLE concept_synonym (
      concept_id INTEGER NOT NULL REFERENCES concept (id) ON DELETE CASCADE,
      term TEXT NOT NULL CHECK (length(trim(term)) > 0),
      position INTEGER NOT NULL,
      PRIMARY KEY (concept_id, term)
    ) STRICT, WITHOUT ROWID;

    -- A suggested passage the researcher rejected for a concept: never offered again.
    CREATE TABLE suggestion_rejection (
      concept_id INTEGER NOT NULL REFERENCES concept (id) ON DELETE CASCADE,
      document_id INTEGER NOT NULL,
      start_offset INTEGER NOT NULL,
      end_offset INTEGER NOT NULL,
      rejected_at TEXT NOT NULL,
      PRIMARY KEY (concept_id, document_id, start_offset, end_offset)
    ) STRICT, WITHOUT ROWID;
  `);
  createCaptureTriggers(db, 'concept_synonym');
  createCaptureTriggers(db, 'suggestion_rejection');
}
