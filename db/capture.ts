// Change capture for undo and redo (the approach of sqlite.org/undoredo.html): triggers on every
// table a command may change write the old and new row, as JSON, into command_change while a
// command is running. Undo and redo replay those rows, so no change can escape the log.
// A migration that changes the columns of a captured table must call createCaptureTriggers again.

import type Database from 'better-sqlite3';
import { sql } from './handles';

/** The captured tables and their primary keys. */
export const CAPTURED_TABLES: Record<string, readonly string[]> = {
  project: ['id'],
  paradigm_component: ['key'],
  document: ['id'],
  concept: ['id'],
  category: ['id'],
  category_concept: ['category_id', 'concept_id'],
  segment: ['id'],
  reading: ['id'],
  reading_concept_weight: ['option_id', 'concept_id'],
  reading_placement: ['option_id', 'category_id'],
  concept_synonym: ['concept_id', 'term'],
  suggestion_rejection: ['concept_id', 'document_id', 'start_offset', 'end_offset'],
  maturity_level: ['id'],
  maturity_dimension: ['id'],
  maturity_dimension_category: ['dimension_id', 'category_id'],
  maturity_assessment: ['id'],
  maturity_rating: ['assessment_id', 'dimension_id', 'concept_id'],
  document_page: ['document_id', 'page_index'],
  document_direction: ['document_id', 'paragraph'],
  exclusion_reason: ['id'],
  record: ['id'],
  duplicate_dismissal: ['record_a', 'record_b'],
};

export function tableColumns(db: Database.Database, table: string): string[] {
  const rows = db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[];
  if (rows.length === 0) throw new Error(`No table ${table}`);
  return rows.map((r) => r.name);
}

/** Column names per table, read once per connection: undo replays thousands of rows at times. */
const knownColumns = new WeakMap<Database.Database, Map<string, Set<string>>>();

function columnsOf(db: Database.Database, table: string): Set<string> {
  let tables = knownColumns.get(db);
  if (!tables) knownColumns.set(db, (tables = new Map()));
  let columns = tables.get(table);
  if (!columns) tables.set(table, (columns = new Set(tableColumns(db, table))));
  return columns;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** (Re)creates the insert, update and delete capture triggers of one table. */
export function createCaptureTriggers(db: Database.Database, table: string): void {
  if (!CAPTURED_TABLES[table]) throw new Error(`${table} is not a captured table`);
  const columns = tableColumns(db, table);
  const json = (alias: 'NEW' | 'OLD') =>
    `json_object(${columns.map((c) => `'${c}', ${alias}.${quote(c)}`).join(', ')})`;
  const active = `(SELECT command_id FROM change_capture WHERE id = 1)`;
  const write = (oldRow: string, newRow: string) =>
    `INSERT INTO command_change (command_id, table_name, old_row, new_row) VALUES (${active}, '${table}', ${oldRow}, ${newRow});`;
  for (const op of ['insert', 'update', 'delete'] as const) {
    db.exec(`DROP TRIGGER IF EXISTS ${quote(`${table}_capture_${op}`)}`);
  }
  db.exec(`
    CREATE TRIGGER ${quote(`${table}_capture_insert`)} AFTER INSERT ON ${quote(table)}
    WHEN ${active} IS NOT NULL BEGIN ${write('NULL', json('NEW'))} END;
    CREATE TRIGGER ${quote(`${table}_capture_update`)} AFTER UPDATE ON ${quote(table)}
    WHEN ${active} IS NOT NULL BEGIN ${write(json('OLD'), json('NEW'))} END;
    CREATE TRIGGER ${quote(`${table}_capture_delete`)} AFTER DELETE ON ${quote(table)}
    WHEN ${active} IS NOT NULL BEGIN ${write(json('OLD'), 'NULL')} END;
  `);
}

type Row = Record<string, string | number | null>;

/** Writes `target` (a row image, or null for "absent") over the row whose image is `current`. */
export function applyRowImage(db: Database.Database, table: string, current: Row | null, target: Row | null): void {
  const keys = CAPTURED_TABLES[table];
  if (!keys) throw new Error(`The command log names an unknown table: ${table}`);
  const known = columnsOf(db, table);
  const keyOf = (row: Row) => keys.map((k) => row[k] ?? null);
  const where = keys.map((k) => `${quote(k)} = ?`).join(' AND ');
  if (target === null) {
    if (current) sql(db, `DELETE FROM ${quote(table)} WHERE ${where}`).run(...keyOf(current));
    return;
  }
  const columns = Object.keys(target).filter((c) => known.has(c));
  const values = columns.map((c) => target[c] ?? null);
  if (current === null) {
    sql(db, `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
      ...values,
    );
  } else {
    sql(db, `UPDATE ${quote(table)} SET ${columns.map((c) => `${quote(c)} = ?`).join(', ')} WHERE ${where}`).run(
      ...values,
      ...keyOf(current),
    );
  }
}
