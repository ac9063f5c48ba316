// Schema version 7: a source's text is kept once, and the command log keeps only what changed.
// - Texts move from document.text to source_text (keyed by SHA-256, never captured, never in an
//   undo image: a text is immutable and its hash names it).
// - Undo images of an update keep the row's key and the columns that changed; every change row
//   gets a row key (to tell when a later step changed the same row) and its source.
// - Commands record their author (actor) and session, so a step is undone only by its own window
//   or author. The images already in the log are rewritten to the new shape; history is kept.

import type Database from 'better-sqlite3';
import { documentColumn, keyOf } from '../capture-tables';
import { createCaptureTriggers, tableColumns } from '../sqlite/capture';

export const version = 7;

type Row = Record<string, unknown>;

/** The tables captured at this version (a later migration adds its own: never read the current list here). */
const TABLES = [
  'project', 'paradigm_component', 'document', 'concept', 'category', 'category_concept', 'segment', 'reading',
  'reading_concept_weight', 'reading_placement', 'concept_synonym', 'suggestion_rejection', 'maturity_level',
  'maturity_dimension', 'maturity_dimension_category', 'maturity_assessment', 'maturity_rating', 'document_page',
  'document_direction', 'exclusion_reason', 'record', 'duplicate_dismissal',
];

export function up(db: Database.Database): void {
  for (const table of TABLES) {
    for (const op of ['insert', 'update', 'delete']) db.exec(`DROP TRIGGER IF EXISTS "${table}_capture_${op}"`);
  }
  db.exec(`
    CREATE TABLE source_text (
      sha256 TEXT PRIMARY KEY,
      text TEXT NOT NULL CHECK (length(text) > 0)
    ) STRICT;
    INSERT INTO source_text (sha256, text) SELECT sha256, text FROM document;
    ALTER TABLE document DROP COLUMN text;

    ALTER TABLE command ADD COLUMN actor TEXT;
    ALTER TABLE command ADD COLUMN session TEXT;
    CREATE INDEX command_session ON command (session, state, id);
    CREATE INDEX command_actor ON command (actor, state, id);

    -- The sessions (windows, processes) that have the file open: a step of a live session is
    -- undone only there; a step of a session that ended is its author's to undo.
    CREATE TABLE store_session (
      id TEXT PRIMARY KEY,
      actor TEXT,
      opened_at TEXT NOT NULL,
      seen_at TEXT NOT NULL
    ) STRICT;

    ALTER TABLE command_change ADD COLUMN row_key TEXT;
    ALTER TABLE command_change ADD COLUMN document_id INTEGER;
  `);

  // Rewrite the images already in the log: no texts, only changed columns of an update, keys.
  const columnsOf = new Map<string, string[]>();
  const columns = (table: string) => {
    let found = columnsOf.get(table);
    if (!found) columnsOf.set(table, (found = tableColumns(db, table)));
    return found;
  };
  const update = db.prepare('UPDATE command_change SET old_row = ?, new_row = ?, row_key = ?, document_id = ? WHERE id = ?');
  const batch = db.prepare('SELECT id, table_name, old_row, new_row FROM command_change WHERE id > ? ORDER BY id LIMIT 5000');
  for (let last = 0; ; ) {
    const rows = batch.all(last) as { id: number; table_name: string; old_row: string | null; new_row: string | null }[];
    if (rows.length === 0) break;
    last = rows[rows.length - 1]!.id;
    for (const change of rows) {
      if (!TABLES.includes(change.table_name)) continue;
      const keys = keyOf(change.table_name);
      let oldRow = change.old_row === null ? null : (JSON.parse(change.old_row) as Row);
      let newRow = change.new_row === null ? null : (JSON.parse(change.new_row) as Row);
      if (change.table_name === 'document') {
        if (oldRow) delete oldRow.text;
        if (newRow) delete newRow.text;
      }
      const full = (oldRow ?? newRow)!;
      if (oldRow && newRow) {
        const keep = (row: Row, other: Row) =>
          Object.fromEntries(Object.entries(row).filter(([c, v]) => keys.includes(c) || other[c] !== v));
        [oldRow, newRow] = [keep(oldRow, newRow), keep(newRow, oldRow)];
      }
      const image = (oldRow ?? newRow)!;
      const rowKey = keys.map((k) => String(image[k] ?? '')).join('\u001f');
      const docColumn = documentColumn(change.table_name, columns(change.table_name));
      const documentId = docColumn ? ((full[docColumn] ?? null) as number | null) : null;
      update.run(oldRow && JSON.stringify(oldRow), newRow && JSON.stringify(newRow), rowKey, documentId, change.id);
    }
  }
  db.exec(`CREATE INDEX command_change_row ON command_change (table_name, row_key)`);
  for (const table of TABLES) createCaptureTriggers(db, table);
}
