// The codebook: concepts, categories (a category without parent is a main category), the
// filing of concepts under categories, and the six paradigm components main categories go to.

import type { Category, Codebook, ComponentInfo, Concept, Filing } from '../shared/domain/model';
import type { CategoryId, ConceptId } from '../shared/domain/ids';
import { categoryId, conceptId } from '../shared/domain/ids';
import type { ComponentKey } from '../shared/domain/paradigm';
import { COMPONENT_LABELS, COMPONENT_LABELS_FA } from '../shared/domain/paradigm';
import { visibleCategory } from './filing-tree';
import type { ReadableDB, WritableDB } from './handles';
import { now, sql } from './handles';

interface ConceptRow {
  id: number;
  label: string;
  color: string;
  in_vivo: number;
  memo: string;
  created_at: string;
  segment_count: number;
  code: string | null;
  label_fa: string | null;
  label_en: string | null;
  notes: string | null;
}

interface CategoryRow {
  id: number;
  name: string;
  color: string;
  parent_id: number | null;
  component: ComponentKey | null;
  memo: string;
  created_at: string;
  code: string | null;
  label_fa: string | null;
  label_en: string | null;
  dimension_id: number | null;
  reading_option_id: number | null;
  notes: string | null;
}

const CONCEPTS = `SELECT c.id, c.label, c.color, c.in_vivo, c.memo, c.created_at, c.code, c.label_fa, c.label_en, c.notes,
  (SELECT count(*) FROM segment s WHERE s.concept_id = c.id) AS segment_count FROM concept c`;
const CATEGORIES =
  'SELECT id, name, color, parent_id, component, memo, created_at, code, label_fa, label_en, dimension_id, reading_option_id, notes FROM category';
/** Categories of reading options that are not active are hidden (db/filing-tree.ts). */
const VISIBLE = visibleCategory('category');

const parseNotes = (notes: string | null) => (notes ? (JSON.parse(notes) as Record<string, unknown>) : null);

const toConcept = (r: ConceptRow): Concept => ({
  id: conceptId(r.id),
  label: r.label,
  color: r.color,
  inVivo: r.in_vivo === 1,
  memo: r.memo,
  createdAt: r.created_at,
  segmentCount: r.segment_count,
  code: r.code,
  labelFa: r.label_fa,
  labelEn: r.label_en,
  notes: parseNotes(r.notes),
});

const toCategory = (r: CategoryRow): Category => ({
  id: categoryId(r.id),
  name: r.name,
  color: r.color,
  parentId: r.parent_id === null ? null : categoryId(r.parent_id),
  component: r.component,
  memo: r.memo,
  createdAt: r.created_at,
  code: r.code,
  labelFa: r.label_fa,
  labelEn: r.label_en,
  dimensionId: r.dimension_id,
  readingOptionId: r.reading_option_id,
  notes: parseNotes(r.notes),
});

export function getCodebook(db: ReadableDB): Codebook {
  const components = (sql(db, 'SELECT key, memo, label_fa, label_en FROM paradigm_component ORDER BY position').all() as {
    key: ComponentKey;
    memo: string;
    label_fa: string | null;
    label_en: string | null;
  }[]).map(
    (r): ComponentInfo => ({
      key: r.key,
      label: COMPONENT_LABELS[r.key],
      memo: r.memo,
      labelFa: r.label_fa ?? COMPONENT_LABELS_FA[r.key],
      labelEn: r.label_en ?? COMPONENT_LABELS[r.key],
    }),
  );
  const categories = (sql(db, `${CATEGORIES} WHERE ${VISIBLE} ORDER BY coalesce(code, name) COLLATE NOCASE, id`).all() as CategoryRow[]).map(
    toCategory,
  );
  const shown = new Set<number>(categories.map((c) => c.id));
  const concepts = (sql(db, `${CONCEPTS} ORDER BY c.label COLLATE NOCASE, c.id`).all() as ConceptRow[]).map(toConcept);
  const filings = (sql(db, 'SELECT category_id, concept_id FROM category_concept ORDER BY category_id, concept_id').all() as {
    category_id: number;
    concept_id: number;
  }[])
    .filter((r) => shown.has(r.category_id))
    .map((r): Filing => ({ categoryId: categoryId(r.category_id), conceptId: conceptId(r.concept_id) }));
  return { components, categories, concepts, filings };
}

export function getConcept(db: ReadableDB, id: ConceptId): Concept | undefined {
  const row = sql(db, `${CONCEPTS} WHERE c.id = ?`).get(id) as ConceptRow | undefined;
  return row && toConcept(row);
}

export function allConceptLabels(db: ReadableDB): { id: ConceptId; label: string; code: string | null }[] {
  return (sql(db, 'SELECT id, label, code FROM concept').all() as { id: number; label: string; code: string | null }[]).map((r) => ({
    id: conceptId(r.id),
    label: r.label,
    code: r.code,
  }));
}

export function conceptCount(db: ReadableDB): number {
  return (sql(db, 'SELECT count(*) AS n FROM concept').get() as { n: number }).n;
}

export function insertConcept(db: WritableDB, c: { label: string; color: string; inVivo: boolean }): ConceptId {
  const result = sql(db, 'INSERT INTO concept (label, color, in_vivo, created_at) VALUES (?, ?, ?, ?)').run(
    c.label,
    c.color,
    c.inVivo ? 1 : 0,
    now(),
  );
  return conceptId(Number(result.lastInsertRowid));
}

export function updateConcept(db: WritableDB, id: ConceptId, change: { label?: string; color?: string }): void {
  if (change.label !== undefined) sql(db, 'UPDATE concept SET label = ? WHERE id = ?').run(change.label, id);
  if (change.color !== undefined) sql(db, 'UPDATE concept SET color = ? WHERE id = ?').run(change.color, id);
}

/** Deletes a concept with its segments and filings; returns the number of segments deleted. */
export function deleteConcept(db: WritableDB, id: ConceptId): number {
  const segments = sql(db, 'DELETE FROM segment WHERE concept_id = ?').run(id).changes;
  sql(db, 'DELETE FROM reading_concept_weight WHERE concept_id = ?').run(id);
  sql(db, 'DELETE FROM category_concept WHERE concept_id = ?').run(id);
  sql(db, 'DELETE FROM concept WHERE id = ?').run(id);
  return segments;
}

export function setConceptMemo(db: WritableDB, id: ConceptId, memo: string): number {
  return sql(db, 'UPDATE concept SET memo = ? WHERE id = ?').run(memo, id).changes;
}

export function getCategory(db: ReadableDB, id: CategoryId): Category | undefined {
  const row = sql(db, `${CATEGORIES} WHERE id = ?`).get(id) as CategoryRow | undefined;
  return row && toCategory(row);
}

/** The names of the categories directly under a parent (null: the main categories). */
export function siblingNames(db: ReadableDB, parentId: CategoryId | null): { id: CategoryId; name: string }[] {
  return (sql(db, `SELECT id, name FROM category WHERE parent_id IS ? AND ${VISIBLE}`).all(parentId) as { id: number; name: string }[]).map((r) => ({
    id: categoryId(r.id),
    name: r.name,
  }));
}

export function categoryCount(db: ReadableDB): number {
  return (sql(db, 'SELECT count(*) AS n FROM category').get() as { n: number }).n;
}

/** The category and every category below it, at any depth. */
export function subtreeIds(db: ReadableDB, id: CategoryId): CategoryId[] {
  const rows = sql(
    db,
    `WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT c.id FROM category c JOIN sub ON c.parent_id = sub.id)
     SELECT id FROM sub`,
  ).all(id) as { id: number }[];
  return rows.map((r) => categoryId(r.id));
}

export function insertCategory(
  db: WritableDB,
  c: { name: string; color: string; parentId: CategoryId | null },
): CategoryId {
  const result = sql(db, 'INSERT INTO category (name, color, parent_id, created_at) VALUES (?, ?, ?, ?)').run(
    c.name,
    c.color,
    c.parentId,
    now(),
  );
  return categoryId(Number(result.lastInsertRowid));
}

export function updateCategory(db: WritableDB, id: CategoryId, change: { name?: string; color?: string }): void {
  if (change.name !== undefined) sql(db, 'UPDATE category SET name = ? WHERE id = ?').run(change.name, id);
  if (change.color !== undefined) sql(db, 'UPDATE category SET color = ? WHERE id = ?').run(change.color, id);
}

/** Moves a category; one that becomes a sub-category leaves its component. */
export function moveCategory(db: WritableDB, id: CategoryId, parentId: CategoryId | null): void {
  if (parentId === null) sql(db, 'UPDATE category SET parent_id = NULL WHERE id = ?').run(id);
  else sql(db, 'UPDATE category SET parent_id = ?, component = NULL WHERE id = ?').run(parentId, id);
}

/**
 * Deletes a category and its sub-categories. Concepts filed there stay in the codebook (with
 * their segments); returns how many categories went and how many concepts are left in none.
 */
export function deleteCategory(db: WritableDB, id: CategoryId): { deletedCategories: number; unfiledConcepts: number } {
  const ids = subtreeIds(db, id);
  const marks = ids.map(() => '?').join(', ');
  const affected = (db
    .prepare(`SELECT DISTINCT concept_id FROM category_concept WHERE category_id IN (${marks})`)
    .all(...ids) as { concept_id: number }[]).map((r) => r.concept_id);
  db.prepare(`DELETE FROM category_concept WHERE category_id IN (${marks})`).run(...ids);
  db.prepare(`DELETE FROM reading_placement WHERE category_id IN (${marks}) OR parent_id IN (${marks})`).run(...ids, ...ids);
  // Children first, so no row ever points at a deleted parent.
  for (const child of [...ids].reverse()) sql(db, 'DELETE FROM category WHERE id = ?').run(child);
  const stillFiled = sql(db, 'SELECT 1 FROM category_concept WHERE concept_id = ? LIMIT 1');
  const unfiledConcepts = affected.filter((c) => stillFiled.get(c) === undefined).length;
  return { deletedCategories: ids.length, unfiledConcepts };
}

export function setCategoryMemo(db: WritableDB, id: CategoryId, memo: string): number {
  return sql(db, 'UPDATE category SET memo = ? WHERE id = ?').run(memo, id).changes;
}

export function fileConcept(db: WritableDB, category: CategoryId, concept: ConceptId): boolean {
  return sql(db, 'INSERT OR IGNORE INTO category_concept (category_id, concept_id) VALUES (?, ?)').run(category, concept).changes > 0;
}

export function unfileConcept(db: WritableDB, category: CategoryId, concept: ConceptId): boolean {
  return sql(db, 'DELETE FROM category_concept WHERE category_id = ? AND concept_id = ?').run(category, concept).changes > 0;
}

export function assignComponent(db: WritableDB, id: CategoryId, component: ComponentKey | null): void {
  sql(db, 'UPDATE category SET component = ? WHERE id = ?').run(component, id);
}

export function setComponentMemo(db: WritableDB, key: ComponentKey, memo: string): number {
  return sql(db, 'UPDATE paradigm_component SET memo = ? WHERE key = ?').run(memo, key).changes;
}
