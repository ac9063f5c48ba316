// Schema version 1: the coding spine. Sources with their canonical text, the codebook
// (concepts, categories, the six paradigm components), coded segments, memos, the command log.

import type Database from 'better-sqlite3';
import { COMPONENT_KEYS } from '../../shared/domain/paradigm';
import { createCaptureTriggers } from './legacy-capture';

export const version = 1;

export function up(db: Database.Database): void {
  const componentList = COMPONENT_KEYS.map((k) => `'${k}'`).join(', ');
  db.exec(`
    CREATE TABLE project (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      name TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE paradigm_component (
      key TEXT PRIMARY KEY CHECK (key IN (${componentList})),
      position INTEGER NOT NULL UNIQUE,
      memo TEXT NOT NULL DEFAULT ''
    ) STRICT;

    -- text is the canonical text (NFC, LF, no BOM); offsets into it are UTF-16 code units.
    CREATE TABLE document (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL,
      format TEXT NOT NULL CHECK (format IN ('txt', 'md', 'html')),
      original_name TEXT NOT NULL,
      sha256 TEXT NOT NULL UNIQUE,
      length INTEGER NOT NULL CHECK (length > 0),
      dir TEXT NOT NULL CHECK (dir IN ('ltr', 'rtl')),
      imported_at TEXT NOT NULL,
      memo TEXT NOT NULL DEFAULT '',
      text TEXT NOT NULL CHECK (length(text) > 0)
    ) STRICT;

    CREATE TABLE concept (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      label TEXT NOT NULL CHECK (length(trim(label)) > 0),
      color TEXT NOT NULL,
      in_vivo INTEGER NOT NULL DEFAULT 0 CHECK (in_vivo IN (0, 1)),
      created_at TEXT NOT NULL,
      memo TEXT NOT NULL DEFAULT ''
    ) STRICT;

    -- A category with no parent is a main category; only main categories carry a component.
    CREATE TABLE category (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      color TEXT NOT NULL,
      parent_id INTEGER REFERENCES category (id),
      component TEXT REFERENCES paradigm_component (key),
      created_at TEXT NOT NULL,
      memo TEXT NOT NULL DEFAULT '',
      CHECK (component IS NULL OR parent_id IS NULL),
      CHECK (parent_id IS NULL OR parent_id <> id)
    ) STRICT;
    CREATE INDEX category_parent ON category (parent_id);
    CREATE INDEX category_component ON category (component);

    -- A concept may be filed under several categories.
    CREATE TABLE category_concept (
      category_id INTEGER NOT NULL REFERENCES category (id),
      concept_id INTEGER NOT NULL REFERENCES concept (id),
      PRIMARY KEY (category_id, concept_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX category_concept_concept ON category_concept (concept_id);

    -- A segment is one coded passage with one concept (a "final code" in the study's counts).
    CREATE TABLE segment (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      document_id INTEGER NOT NULL REFERENCES document (id),
      concept_id INTEGER NOT NULL REFERENCES concept (id),
      start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
      end_offset INTEGER NOT NULL CHECK (end_offset > start_offset),
      text TEXT NOT NULL,
      context_before TEXT NOT NULL,
      context_after TEXT NOT NULL,
      created_at TEXT NOT NULL,
      memo TEXT NOT NULL DEFAULT '',
      UNIQUE (document_id, concept_id, start_offset, end_offset)
    ) STRICT;
    CREATE INDEX segment_document ON segment (document_id, start_offset);
    CREATE INDEX segment_concept ON segment (concept_id);

    -- The command log: one row per user action, its row changes in command_change.
    CREATE TABLE command (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL,
      label TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('done', 'undone', 'discarded')),
      coalesce_key TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX command_state ON command (state, id);

    CREATE TABLE command_change (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      command_id INTEGER NOT NULL REFERENCES command (id),
      table_name TEXT NOT NULL,
      old_row TEXT,
      new_row TEXT,
      CHECK (old_row IS NOT NULL OR new_row IS NOT NULL)
    ) STRICT;
    CREATE INDEX command_change_command ON command_change (command_id);

    -- While a command runs, command_id names it and the capture triggers record its changes.
    CREATE TABLE change_capture (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      command_id INTEGER REFERENCES command (id)
    ) STRICT;
    INSERT INTO change_capture (id, command_id) VALUES (1, NULL);
  `);
  const insertComponent = db.prepare('INSERT INTO paradigm_component (key, position) VALUES (?, ?)');
  COMPONENT_KEYS.forEach((key, position) => insertComponent.run(key, position));
  // This version's own tables: later migrations add theirs to CAPTURED_TABLES and create their triggers.
  for (const table of ['project', 'paradigm_component', 'document', 'concept', 'category', 'category_concept', 'segment']) {
    createCaptureTriggers(db, table);
  }
}
