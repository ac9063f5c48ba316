// The codebook: concepts, categories (a category without parent is a main category), the
// filing of concepts under categories, and the six paradigm components main categories go to.

import type { Category, Codebook, ComponentInfo, Concept, Filing } from '../shared/domain/model';
import type { CategoryId, ConceptId } from '../shared/domain/ids';
import { categoryId, conceptId } from '../shared/domain/ids';
import type { ComponentKey } from '../shared/domain/paradigm';
import { COMPONENT_LABELS, COMPONENT_LABELS_FA } from '../shared/domain/paradigm';
import { visibleCategory } from './filing-tree';
import type { ReadableDB, WritableDB } from './handles';
import { now } from './handles';
import { newUid } from './uid';
import { flag, marks } from './sql';

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
  id: conceptId(Number(r.id)),
  label: r.label,
  color: r.color,
  inVivo: flag(r.in_vivo),
  memo: r.memo,
  createdAt: r.created_at,
  segmentCount: Number(r.segment_count),
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

export async function getCodebook(db: ReadableDB): Promise<Codebook> {
  const components = (
    await db.all<{ key: ComponentKey; memo: string; label_fa: string | null; label_en: string | null }>(
      'SELECT key, memo, label_fa, label_en FROM paradigm_component ORDER BY position',
    )
  ).map(
    (r): ComponentInfo => ({
      key: r.key,
      label: COMPONENT_LABELS[r.key],
      memo: r.memo,
      labelFa: r.label_fa ?? COMPONENT_LABELS_FA[r.key],
      labelEn: r.label_en ?? COMPONENT_LABELS[r.key],
    }),
  );
  const categories = (await db.all<CategoryRow>(`${CATEGORIES} WHERE ${VISIBLE} ORDER BY lower(coalesce(code, name)), id`)).map(toCategory);
  const shown = new Set<number>(categories.map((c) => c.id));
  const concepts = (await db.all<ConceptRow>(`${CONCEPTS} ORDER BY lower(c.label), c.id`)).map(toConcept);
  const filings = (await db.all<{ category_id: number; concept_id: number }>(
    'SELECT category_id, concept_id FROM category_concept ORDER BY category_id, concept_id',
  ))
    .filter((r) => shown.has(r.category_id))
    .map((r): Filing => ({ categoryId: categoryId(r.category_id), conceptId: conceptId(r.concept_id) }));
  return { components, categories, concepts, filings };
}

export async function getConcept(db: ReadableDB, id: ConceptId): Promise<Concept | undefined> {
  const row = await db.get<ConceptRow>(`${CONCEPTS} WHERE c.id = ?`, id);
  return row && toConcept(row);
}

export async function allConceptLabels(db: ReadableDB): Promise<{ id: ConceptId; label: string; code: string | null }[]> {
  return (await db.all<{ id: number; label: string; code: string | null }>('SELECT id, label, code FROM concept')).map((r) => ({
    id: conceptId(r.id),
    label: r.label,
    code: r.code,
  }));
}

export async function conceptCount(db: ReadableDB): Promise<number> {
  return Number((await db.get<{ n: number }>('SELECT count(*) AS n FROM concept'))!.n);
}

export async function insertConcept(db: WritableDB, c: { label: string; color: string; inVivo: boolean; uid?: string }): Promise<ConceptId> {
  const row = await db.get<{ id: number }>(
    'INSERT INTO concept (label, color, in_vivo, created_at, uid) VALUES (?, ?, ?, ?, ?) RETURNING id',
    c.label,
    c.color,
    c.inVivo ? 1 : 0,
    now(),
    c.uid ?? newUid(),
  );
  return conceptId(Number(row!.id));
}

export async function updateConcept(db: WritableDB, id: ConceptId, change: { label?: string; color?: string }): Promise<void> {
  if (change.label !== undefined) await db.run('UPDATE concept SET label = ? WHERE id = ?', change.label, id);
  if (change.color !== undefined) await db.run('UPDATE concept SET color = ? WHERE id = ?', change.color, id);
}

/** Deletes a concept with its segments and filings; returns the number of segments deleted. */
export async function deleteConcept(db: WritableDB, id: ConceptId): Promise<number> {
  const segments = (await db.run('DELETE FROM segment WHERE concept_id = ?', id)).changes;
  await db.run('DELETE FROM reading_concept_weight WHERE concept_id = ?', id);
  await db.run('DELETE FROM category_concept WHERE concept_id = ?', id);
  await db.run('DELETE FROM concept WHERE id = ?', id);
  return segments;
}

export async function setConceptMemo(db: WritableDB, id: ConceptId, memo: string): Promise<number> {
  return (await db.run('UPDATE concept SET memo = ? WHERE id = ?', memo, id)).changes;
}

export async function getCategory(db: ReadableDB, id: CategoryId): Promise<Category | undefined> {
  const row = await db.get<CategoryRow>(`${CATEGORIES} WHERE id = ?`, id);
  return row && toCategory(row);
}

/** The names of the categories directly under a parent (null: the main categories). */
export async function siblingNames(db: ReadableDB, parentId: CategoryId | null): Promise<{ id: CategoryId; name: string }[]> {
  return (
    await db.all<{ id: number; name: string }>(`SELECT id, name FROM category WHERE parent_id IS NOT DISTINCT FROM ? AND ${VISIBLE}`, parentId)
  ).map((r) => ({
    id: categoryId(r.id),
    name: r.name,
  }));
}

export async function categoryCount(db: ReadableDB): Promise<number> {
  return Number((await db.get<{ n: number }>('SELECT count(*) AS n FROM category'))!.n);
}

/** The category and every category below it, at any depth. */
export async function subtreeIds(db: ReadableDB, id: CategoryId): Promise<CategoryId[]> {
  const rows = await db.all<{ id: number }>(
    `WITH RECURSIVE sub(id) AS (SELECT CAST(? AS INTEGER) UNION SELECT c.id FROM category c JOIN sub ON c.parent_id = sub.id)
     SELECT id FROM sub`,
    id,
  );
  return rows.map((r) => categoryId(Number(r.id)));
}

export async function insertCategory(
  db: WritableDB,
  c: { name: string; color: string; parentId: CategoryId | null; uid?: string },
): Promise<CategoryId> {
  const row = await db.get<{ id: number }>(
    'INSERT INTO category (name, color, parent_id, created_at, uid) VALUES (?, ?, ?, ?, ?) RETURNING id',
    c.name,
    c.color,
    c.parentId,
    now(),
    c.uid ?? newUid(),
  );
  return categoryId(Number(row!.id));
}

export async function updateCategory(db: WritableDB, id: CategoryId, change: { name?: string; color?: string }): Promise<void> {
  if (change.name !== undefined) await db.run('UPDATE category SET name = ? WHERE id = ?', change.name, id);
  if (change.color !== undefined) await db.run('UPDATE category SET color = ? WHERE id = ?', change.color, id);
}

/** Moves a category; one that becomes a sub-category leaves its component. */
export async function moveCategory(db: WritableDB, id: CategoryId, parentId: CategoryId | null): Promise<void> {
  if (parentId === null) await db.run('UPDATE category SET parent_id = NULL WHERE id = ?', id);
  else await db.run('UPDATE category SET parent_id = ?, component = NULL WHERE id = ?', parentId, id);
}

/**
 * Deletes a category and its sub-categories. Concepts filed there stay in the codebook (with
 * their segments); returns how many categories went and how many concepts are left in none.
 */
export async function deleteCategory(db: WritableDB, id: CategoryId): Promise<{ deletedCategories: number; unfiledConcepts: number }> {
  const ids = await subtreeIds(db, id);
  const list = marks(ids.length);
  const affected = (
    await db.all<{ concept_id: number }>(`SELECT DISTINCT concept_id FROM category_concept WHERE category_id IN (${list})`, ...ids)
  ).map((r) => r.concept_id);
  await db.run(`DELETE FROM category_concept WHERE category_id IN (${list})`, ...ids);
  await db.run(`DELETE FROM reading_placement WHERE category_id IN (${list}) OR parent_id IN (${list})`, ...ids, ...ids);
  // Children first, so no row ever points at a deleted parent.
  for (const child of [...ids].reverse()) await db.run('DELETE FROM category WHERE id = ?', child);
  let unfiledConcepts = 0;
  for (const c of affected) {
    if (!(await db.get('SELECT 1 AS one FROM category_concept WHERE concept_id = ? LIMIT 1', c))) unfiledConcepts += 1;
  }
  return { deletedCategories: ids.length, unfiledConcepts };
}

export async function setCategoryMemo(db: WritableDB, id: CategoryId, memo: string): Promise<number> {
  return (await db.run('UPDATE category SET memo = ? WHERE id = ?', memo, id)).changes;
}

export async function fileConcept(db: WritableDB, category: CategoryId, concept: ConceptId): Promise<boolean> {
  return (
    (await db.run('INSERT INTO category_concept (category_id, concept_id) VALUES (?, ?) ON CONFLICT DO NOTHING', category, concept)).changes > 0
  );
}

export async function unfileConcept(db: WritableDB, category: CategoryId, concept: ConceptId): Promise<boolean> {
  return (await db.run('DELETE FROM category_concept WHERE category_id = ? AND concept_id = ?', category, concept)).changes > 0;
}

export async function assignComponent(db: WritableDB, id: CategoryId, component: ComponentKey | null): Promise<void> {
  await db.run('UPDATE category SET component = ? WHERE id = ?', component, id);
}

export async function setComponentMemo(db: WritableDB, key: ComponentKey, memo: string): Promise<number> {
  return (await db.run('UPDATE paradigm_component SET memo = ? WHERE key = ?', memo, key)).changes;
}
