// Schema version 4: sources from PDF and DOCX files. The document table's CHECK on format is
// widened (SQLite cannot alter a CHECK, so the table is rebuilt the safe way: new table, copy,
// drop, rename, with foreign keys off; see the runner in db/connection.ts), and two tables keep
// what a PDF or DOCX knows beyond its text: where each page starts, and each paragraph's stated
// direction. Both are captured for undo, like every table a command changes.

import type Database from 'better-sqlite3';
import { createCaptureTriggers } from './legacy-capture';

export const version = 4;

export function up(db: Database.Database): void {
  const sequence = db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'document'`).get() as { seq: number } | undefined;
  db.exec(`
    CREATE TABLE document_new (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL,
      format TEXT NOT NULL CHECK (format IN ('txt', 'md', 'html', 'pdf', 'docx')),
      original_name TEXT NOT NULL,
      sha256 TEXT NOT NULL UNIQUE,
      length INTEGER NOT NULL CHECK (length > 0),
      dir TEXT NOT NULL CHECK (dir IN ('ltr', 'rtl')),
      imported_at TEXT NOT NULL,
      memo TEXT NOT NULL DEFAULT '',
      text TEXT NOT NULL CHECK (length(text) > 0)
    ) STRICT;
  `);
  // Columns other migrations may have added to document are carried over by name.
  const oldColumns = (db.prepare(`SELECT name, type, "notnull", dflt_value FROM pragma_table_info('document')`).all() as {
    name: string;
    type: string;
    notnull: number;
    dflt_value: string | null;
  }[]);
  const newColumns = new Set((db.prepare(`SELECT name FROM pragma_table_info('document_new')`).all() as { name: string }[]).map((r) => r.name));
  for (const column of oldColumns) {
    if (newColumns.has(column.name)) continue;
    const notNull = column.notnull && column.dflt_value !== null ? ` NOT NULL DEFAULT ${column.dflt_value}` : column.dflt_value !== null ? ` DEFAULT ${column.dflt_value}` : '';
    db.exec(`ALTER TABLE document_new ADD COLUMN "${column.name.replace(/"/g, '""')}" ${column.type || 'ANY'}${notNull}`);
  }
  const list = oldColumns.map((c) => `"${c.name.replace(/"/g, '""')}"`).join(', ');
  // Indexes other than the automatic ones go with the old table: recreate them after the rename.
  const indexes = db
    .prepare(`SELECT sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'document' AND sql IS NOT NULL`)
    .all() as { sql: string }[];
  db.exec(`
    INSERT INTO document_new (${list}) SELECT ${list} FROM document;
    DROP TABLE document;
    ALTER TABLE document_new RENAME TO document;
  `);
  for (const index of indexes) db.exec(index.sql);
  if (sequence) {
    db.prepare(`UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = 'document'`).run(sequence.seq);
    db.prepare(`INSERT INTO sqlite_sequence (name, seq) SELECT 'document', ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'document')`).run(sequence.seq);
  }
  db.exec(`
    -- Where each page of a paginated source (PDF) starts in the canonical text. page_index counts
    -- from 1; label is the PDF's own page label when it defines one (e.g. "vii", "12").
    CREATE TABLE document_page (
      document_id INTEGER NOT NULL REFERENCES document (id),
      page_index INTEGER NOT NULL CHECK (page_index >= 1),
      label TEXT,
      start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
      PRIMARY KEY (document_id, page_index)
    ) STRICT, WITHOUT ROWID;

    -- A paragraph's direction as the source file states it (DOCX w:bidi); the reader honours it
    -- over the direction it would guess from the letters. paragraph is the 0-based line number.
    CREATE TABLE document_direction (
      document_id INTEGER NOT NULL REFERENCES document (id),
      paragraph INTEGER NOT NULL CHECK (paragraph >= 0),
      dir TEXT NOT NULL CHECK (dir IN ('ltr', 'rtl')),
      PRIMARY KEY (document_id, paragraph)
    ) STRICT, WITHOUT ROWID;
  `);
  // DROP TABLE took the capture triggers of document with it.
  for (const table of ['document', 'document_page', 'document_direction']) createCaptureTriggers(db, table);
}
