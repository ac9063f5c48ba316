// The capture triggers as schema versions 1 to 6 wrote them (whole rows, no row key): migrations
// 001–006 create these, exactly as they shipped; migration 007 replaces them with db/sqlite/capture.ts.
// Frozen: never change this file.

import type Database from 'better-sqlite3';

/** The tables captured up to schema version 6 and their primary keys. */
const CAPTURED_TABLES: Record<string, readonly string[]> = {
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
