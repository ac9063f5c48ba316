// The tables whose rows a command may change, with their primary keys: every engine captures
// their changes for undo and redo. Data that never changes after it is written (a source's text)
// and derived data (the search index) are not captured. A new table a command writes must be
// listed here and get its triggers in the migration that creates it.

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
  coder: ['id'],
  project_setting: ['key'],
  source_attribute: ['document_id', 'name'],
  merge_stamp: ['kind', 'uid', 'field'],
  merge_tombstone: ['kind', 'uid'],
  merge_alias: ['kind', 'alias'],
  adjudication: ['passage_uid'],
  wave: ['id'],
  baseline: ['id'],
};

/**
 * Tables whose inserted rows are logged whole (any other inserted row by its key alone): the
 * merge's bookkeeping, which the stamping of an undo or redo rewrites outside the log
 * (db/merge-stamps.ts), so only the log knows what a step left in them.
 */
export const INSERTED_WHOLE: ReadonlySet<string> = new Set(['merge_stamp', 'merge_tombstone', 'merge_alias']);

export function keyOf(table: string): readonly string[] {
  const keys = CAPTURED_TABLES[table];
  if (!keys) throw new Error(`The command log names an unknown table: ${table}`);
  return keys;
}

/** The column that ties a row to a source, for telling views which sources a change touched. */
export function documentColumn(table: string, columns: readonly string[]): string | null {
  if (table === 'document') return 'id';
  return columns.includes('document_id') ? 'document_id' : null;
}
