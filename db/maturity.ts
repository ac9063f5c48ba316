// The maturity model's tables: levels, dimensions and their categories, assessments and ratings.
// A dimension's items and counts are computed by queries each time (as db/counts.ts does), never
// kept: its items are the distinct concepts filed under its categories or their sub-categories.

import type { CategoryId, ConceptId } from '../shared/domain/ids';
import { categoryId, conceptId } from '../shared/domain/ids';
import type {
  Assessment,
  AssessmentId,
  AssessmentSummary,
  DimensionId,
  LevelId,
  MaturityDimension,
  MaturityLevel,
  MaturityModel,
  Rating,
  RatingValue,
} from '../shared/domain/maturity';
import { assessmentId, dimensionId, levelId } from '../shared/domain/maturity';
import { tableColumns } from './capture';
import type { ReadableDB, WritableDB } from './handles';
import { now, sql } from './handles';

interface LevelRow {
  id: number;
  label_fa: string;
  label_en: string;
  description_fa: string;
  description_en: string;
  characteristics_fa: string;
  characteristics_en: string;
}

export function listLevels(db: ReadableDB): MaturityLevel[] {
  const rows = sql(db, 'SELECT * FROM maturity_level ORDER BY position, id').all() as LevelRow[];
  return rows.map((r, index) => ({
    id: levelId(r.id),
    value: index + 1,
    labelFa: r.label_fa,
    labelEn: r.label_en,
    descriptionFa: r.description_fa,
    descriptionEn: r.description_en,
    characteristicsFa: JSON.parse(r.characteristics_fa) as string[],
    characteristicsEn: JSON.parse(r.characteristics_en) as string[],
  }));
}

/** The `code` column of concept and category where this project's schema has one (the study's codes). */
function codeColumn(db: ReadableDB, table: 'concept' | 'category'): string {
  return tableColumns(db, table).includes('code') ? 'code' : 'NULL';
}

const ITEMS = (conceptCode: string) => `
  WITH RECURSIVE sub(dimension_id, category_id) AS (
    SELECT dimension_id, category_id FROM maturity_dimension_category
    UNION
    SELECT sub.dimension_id, c.id FROM category c JOIN sub ON c.parent_id = sub.category_id
  ),
  item(dimension_id, concept_id) AS (
    SELECT DISTINCT sub.dimension_id, cc.concept_id FROM sub JOIN category_concept cc ON cc.category_id = sub.category_id
  )
  SELECT item.dimension_id, c.id AS concept_id, c.label, ${conceptCode} AS code,
    (SELECT count(*) FROM segment s WHERE s.concept_id = c.id) AS final_codes
  FROM item JOIN concept c ON c.id = item.concept_id
  ORDER BY item.dimension_id, code IS NULL, code, c.label COLLATE NOCASE, c.id`;

export function getModel(db: ReadableDB): MaturityModel {
  const levels = listLevels(db);
  const dims = sql(db, 'SELECT id, position, label_fa, label_en FROM maturity_dimension ORDER BY position, id').all() as {
    id: number;
    position: number;
    label_fa: string;
    label_en: string;
  }[];
  const categoryCode = codeColumn(db, 'category');
  const mapped = sql(
    db,
    `SELECT m.dimension_id, c.id, c.name, ${categoryCode} AS code, c.parent_id IS NULL AS is_main
     FROM maturity_dimension_category m JOIN category c ON c.id = m.category_id
     ORDER BY m.dimension_id, code IS NULL, code, c.name COLLATE NOCASE, c.id`,
  ).all() as { dimension_id: number; id: number; name: string; code: string | null; is_main: number }[];
  const items = sql(db, ITEMS(codeColumn(db, 'concept'))).all() as {
    dimension_id: number;
    concept_id: number;
    label: string;
    code: string | null;
    final_codes: number;
  }[];
  const dimensions: MaturityDimension[] = dims.map((d, index) => {
    const categories = mapped
      .filter((m) => m.dimension_id === d.id)
      .map((m) => ({ id: categoryId(m.id), name: m.name, code: m.code, isMain: m.is_main === 1 }));
    const own = items
      .filter((i) => i.dimension_id === d.id)
      .map((i) => ({ conceptId: conceptId(i.concept_id), label: i.label, code: i.code, finalCodes: i.final_codes }));
    return {
      id: dimensionId(d.id),
      position: index + 1,
      labelFa: d.label_fa,
      labelEn: d.label_en,
      categories,
      items: own,
      counts: {
        mainCategories: categories.filter((c) => c.isMain).length,
        concepts: own.length,
        finalCodes: own.reduce((sum, i) => sum + i.finalCodes, 0),
      },
    };
  });
  return { levels, dimensions };
}

// --- levels --------------------------------------------------------------------------------

export interface LevelDraft {
  labelFa: string;
  labelEn: string;
  descriptionFa?: string;
  descriptionEn?: string;
  characteristicsFa?: string[];
  characteristicsEn?: string[];
}

export function levelCount(db: ReadableDB): number {
  return (sql(db, 'SELECT count(*) AS n FROM maturity_level').get() as { n: number }).n;
}

export function insertLevel(db: WritableDB, draft: LevelDraft, position: number): LevelId {
  const result = sql(
    db,
    `INSERT INTO maturity_level (position, label_fa, label_en, description_fa, description_en, characteristics_fa, characteristics_en)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    position,
    draft.labelFa,
    draft.labelEn,
    draft.descriptionFa ?? '',
    draft.descriptionEn ?? '',
    JSON.stringify(draft.characteristicsFa ?? []),
    JSON.stringify(draft.characteristicsEn ?? []),
  );
  return levelId(Number(result.lastInsertRowid));
}

export function updateLevel(db: WritableDB, id: LevelId, change: Partial<LevelDraft>): number {
  let changes = 0;
  const set = (column: string, value: string | undefined) => {
    if (value !== undefined) changes += sql(db, `UPDATE maturity_level SET ${column} = ? WHERE id = ?`).run(value, id).changes;
  };
  set('label_fa', change.labelFa);
  set('label_en', change.labelEn);
  set('description_fa', change.descriptionFa);
  set('description_en', change.descriptionEn);
  if (change.characteristicsFa) set('characteristics_fa', JSON.stringify(change.characteristicsFa));
  if (change.characteristicsEn) set('characteristics_en', JSON.stringify(change.characteristicsEn));
  return changes;
}

/** Ratings on a level that is deleted go with it (those items become unrated). */
export function ratingsOnLevel(db: ReadableDB, id: LevelId): number {
  return (sql(db, 'SELECT count(*) AS n FROM maturity_rating WHERE level_id = ?').get(id) as { n: number }).n;
}

export function deleteLevel(db: WritableDB, id: LevelId): number {
  return sql(db, 'DELETE FROM maturity_level WHERE id = ?').run(id).changes;
}

/** Writes positions 1..n in the given order (every id of the table must be named once). */
function writeOrder(db: WritableDB, table: 'maturity_level' | 'maturity_dimension', ids: readonly number[]): void {
  const current = new Set((sql(db, `SELECT id FROM ${table}`).all() as { id: number }[]).map((r) => r.id));
  if (ids.length !== current.size || new Set(ids).size !== ids.length || ids.some((id) => !current.has(id))) {
    throw new Error('The new order must name every item once.');
  }
  const update = sql(db, `UPDATE ${table} SET position = ? WHERE id = ? AND position IS NOT ?`);
  ids.forEach((id, index) => update.run(index + 1, id, index + 1));
}

export const reorderLevels = (db: WritableDB, ids: readonly LevelId[]) => writeOrder(db, 'maturity_level', ids);
export const reorderDimensions = (db: WritableDB, ids: readonly DimensionId[]) => writeOrder(db, 'maturity_dimension', ids);

export function levelIds(db: ReadableDB): LevelId[] {
  return (sql(db, 'SELECT id FROM maturity_level ORDER BY position, id').all() as { id: number }[]).map((r) => levelId(r.id));
}

export function dimensionIds(db: ReadableDB): DimensionId[] {
  return (sql(db, 'SELECT id FROM maturity_dimension ORDER BY position, id').all() as { id: number }[]).map((r) =>
    dimensionId(r.id),
  );
}

// --- dimensions ----------------------------------------------------------------------------

export function insertDimension(db: WritableDB, d: { labelFa: string; labelEn: string }): DimensionId {
  const position = (sql(db, 'SELECT coalesce(max(position), 0) + 1 AS p FROM maturity_dimension').get() as { p: number }).p;
  const result = sql(db, 'INSERT INTO maturity_dimension (position, label_fa, label_en) VALUES (?, ?, ?)').run(
    position,
    d.labelFa,
    d.labelEn,
  );
  return dimensionId(Number(result.lastInsertRowid));
}

export function getDimensionLabels(db: ReadableDB, id: DimensionId): { labelFa: string; labelEn: string } | undefined {
  const row = sql(db, 'SELECT label_fa, label_en FROM maturity_dimension WHERE id = ?').get(id) as
    | { label_fa: string; label_en: string }
    | undefined;
  return row && { labelFa: row.label_fa, labelEn: row.label_en };
}

export function updateDimension(db: WritableDB, id: DimensionId, change: { labelFa?: string; labelEn?: string }): void {
  if (change.labelFa !== undefined) sql(db, 'UPDATE maturity_dimension SET label_fa = ? WHERE id = ?').run(change.labelFa, id);
  if (change.labelEn !== undefined) sql(db, 'UPDATE maturity_dimension SET label_en = ? WHERE id = ?').run(change.labelEn, id);
}

export function deleteDimension(db: WritableDB, id: DimensionId): number {
  return sql(db, 'DELETE FROM maturity_dimension WHERE id = ?').run(id).changes;
}

export function setDimensionCategories(db: WritableDB, id: DimensionId, categories: readonly CategoryId[]): void {
  const wanted = new Set<number>(categories);
  const present = (sql(db, 'SELECT category_id FROM maturity_dimension_category WHERE dimension_id = ?').all(id) as {
    category_id: number;
  }[]).map((r) => r.category_id);
  for (const c of present) {
    if (!wanted.has(c)) sql(db, 'DELETE FROM maturity_dimension_category WHERE dimension_id = ? AND category_id = ?').run(id, c);
  }
  for (const c of wanted) {
    sql(db, 'INSERT OR IGNORE INTO maturity_dimension_category (dimension_id, category_id) VALUES (?, ?)').run(id, c);
  }
}

export function mapCategory(db: WritableDB, id: DimensionId, category: CategoryId, mapped: boolean): number {
  return mapped
    ? sql(db, 'INSERT OR IGNORE INTO maturity_dimension_category (dimension_id, category_id) VALUES (?, ?)').run(id, category).changes
    : sql(db, 'DELETE FROM maturity_dimension_category WHERE dimension_id = ? AND category_id = ?').run(id, category).changes;
}

/** Removes every level (ratings on them go with them), for a reset to the CMMI levels. */
export function clearLevels(db: WritableDB): void {
  sql(db, 'DELETE FROM maturity_rating WHERE level_id IS NOT NULL').run();
  sql(db, 'DELETE FROM maturity_level').run();
}

/** Removes every level and dimension (and so every rating): the start of an import. */
export function clearModel(db: WritableDB): void {
  sql(db, 'DELETE FROM maturity_rating').run();
  sql(db, 'DELETE FROM maturity_dimension').run();
  sql(db, 'DELETE FROM maturity_level').run();
}

/** Main categories by code (where the project has codes) and by name, for imports and defaults. */
export function mainCategoryKeys(db: ReadableDB): { id: CategoryId; name: string; code: string | null }[] {
  const code = codeColumn(db, 'category');
  return (sql(db, `SELECT id, name, ${code} AS code FROM category WHERE parent_id IS NULL`).all() as {
    id: number;
    name: string;
    code: string | null;
  }[]).map((r) => ({ id: categoryId(r.id), name: r.name, code: r.code }));
}

/** Any category by code, sub-categories included (an import may have mapped one). */
export function categoryKeys(db: ReadableDB): { id: CategoryId; name: string; code: string | null; isMain: boolean }[] {
  const code = codeColumn(db, 'category');
  return (sql(db, `SELECT id, name, ${code} AS code, parent_id IS NULL AS is_main FROM category`).all() as {
    id: number;
    name: string;
    code: string | null;
    is_main: number;
  }[]).map((r) => ({ id: categoryId(r.id), name: r.name, code: r.code, isMain: r.is_main === 1 }));
}

// --- assessments ---------------------------------------------------------------------------

interface AssessmentRow {
  id: number;
  name: string;
  organisation: string;
  assessed_on: string;
  created_at: string;
}

const toSummary = (r: AssessmentRow): AssessmentSummary => ({
  id: assessmentId(r.id),
  name: r.name,
  organisation: r.organisation,
  assessedOn: r.assessed_on,
  createdAt: r.created_at,
});

export function listAssessments(db: ReadableDB): AssessmentSummary[] {
  return (sql(db, 'SELECT * FROM maturity_assessment ORDER BY assessed_on, id').all() as AssessmentRow[]).map(toSummary);
}

export function getAssessment(db: ReadableDB, id: AssessmentId): Assessment | undefined {
  const row = sql(db, 'SELECT * FROM maturity_assessment WHERE id = ?').get(id) as AssessmentRow | undefined;
  if (!row) return undefined;
  const values = new Map(listLevels(db).map((l) => [l.id as number, l.value]));
  const ratings = (sql(db, 'SELECT dimension_id, concept_id, level_id, not_applicable FROM maturity_rating WHERE assessment_id = ?').all(
    id,
  ) as { dimension_id: number; concept_id: number; level_id: number | null; not_applicable: number }[]).map(
    (r): Rating => ({
      dimensionId: dimensionId(r.dimension_id),
      conceptId: conceptId(r.concept_id),
      value: r.not_applicable === 1 ? 'na' : (values.get(r.level_id!) ?? 0),
    }),
  );
  return { ...toSummary(row), ratings };
}

export function insertAssessment(db: WritableDB, a: { name: string; organisation: string; assessedOn: string }): AssessmentId {
  const result = sql(db, 'INSERT INTO maturity_assessment (name, organisation, assessed_on, created_at) VALUES (?, ?, ?, ?)').run(
    a.name,
    a.organisation,
    a.assessedOn,
    now(),
  );
  return assessmentId(Number(result.lastInsertRowid));
}

export function updateAssessment(
  db: WritableDB,
  id: AssessmentId,
  change: { name?: string; organisation?: string; assessedOn?: string },
): void {
  if (change.name !== undefined) sql(db, 'UPDATE maturity_assessment SET name = ? WHERE id = ?').run(change.name, id);
  if (change.organisation !== undefined) sql(db, 'UPDATE maturity_assessment SET organisation = ? WHERE id = ?').run(change.organisation, id);
  if (change.assessedOn !== undefined) sql(db, 'UPDATE maturity_assessment SET assessed_on = ? WHERE id = ?').run(change.assessedOn, id);
}

export function deleteAssessment(db: WritableDB, id: AssessmentId): number {
  return sql(db, 'DELETE FROM maturity_assessment WHERE id = ?').run(id).changes;
}

/** Sets (or clears, with null) one item's rating; the value is a level value or 'na'. */
export function setRating(
  db: WritableDB,
  r: { assessmentId: AssessmentId; dimensionId: DimensionId; conceptId: ConceptId; value: RatingValue | null },
): void {
  if (r.value === null) {
    sql(db, 'DELETE FROM maturity_rating WHERE assessment_id = ? AND dimension_id = ? AND concept_id = ?').run(
      r.assessmentId,
      r.dimensionId,
      r.conceptId,
    );
    return;
  }
  let level: number | null = null;
  if (r.value !== 'na') {
    const ids = levelIds(db);
    level = ids[r.value - 1] ?? null;
    if (level === null) throw new Error(`There is no level ${r.value}.`);
  }
  sql(
    db,
    `INSERT INTO maturity_rating (assessment_id, dimension_id, concept_id, level_id, not_applicable) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (assessment_id, dimension_id, concept_id) DO UPDATE SET level_id = excluded.level_id, not_applicable = excluded.not_applicable
     WHERE level_id IS NOT excluded.level_id OR not_applicable IS NOT excluded.not_applicable`,
  ).run(r.assessmentId, r.dimensionId, r.conceptId, level, r.value === 'na' ? 1 : 0);
}
