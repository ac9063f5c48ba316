// The maturity model's tables: levels, dimensions and their categories, assessments and ratings.
// A dimension's items and counts are computed by queries each time (as db/counts.ts does), never
// kept: its items are the distinct concepts filed under its categories or their sub-categories.

import { fail } from '../shared/api/errors';
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
import type { ReadableDB, WritableDB } from './handles';
import { now } from './handles';
import { flag } from './sql';

interface LevelRow {
  id: number;
  label_fa: string;
  label_en: string;
  description_fa: string;
  description_en: string;
  characteristics_fa: string;
  characteristics_en: string;
}

const LEVEL_COLUMNS = 'id, label_fa, label_en, description_fa, description_en, characteristics_fa, characteristics_en';

export async function listLevels(db: ReadableDB): Promise<MaturityLevel[]> {
  const rows = await db.all<LevelRow>(`SELECT ${LEVEL_COLUMNS} FROM maturity_level ORDER BY position, id`);
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

const ITEMS = `
  WITH RECURSIVE sub(dimension_id, category_id) AS (
    SELECT dimension_id, category_id FROM maturity_dimension_category
    UNION
    SELECT sub.dimension_id, c.id FROM category c JOIN sub ON c.parent_id = sub.category_id
  ),
  item(dimension_id, concept_id) AS (
    SELECT DISTINCT sub.dimension_id, cc.concept_id FROM sub JOIN category_concept cc ON cc.category_id = sub.category_id
  )
  SELECT item.dimension_id, c.id AS concept_id, c.label, c.code,
    (SELECT count(*) FROM segment s WHERE s.concept_id = c.id) AS final_codes
  FROM item JOIN concept c ON c.id = item.concept_id
  ORDER BY item.dimension_id, c.code IS NULL, c.code, lower(c.label), c.id`;

export async function getModel(db: ReadableDB): Promise<MaturityModel> {
  const levels = await listLevels(db);
  const dims = await db.all<{ id: number; position: number; label_fa: string; label_en: string }>(
    'SELECT id, position, label_fa, label_en FROM maturity_dimension ORDER BY position, id',
  );
  const mapped = await db.all<{ dimension_id: number; id: number; name: string; code: string | null; is_main: unknown }>(
    `SELECT m.dimension_id, c.id, c.name, c.code, CASE WHEN c.parent_id IS NULL THEN 1 ELSE 0 END AS is_main
     FROM maturity_dimension_category m JOIN category c ON c.id = m.category_id
     ORDER BY m.dimension_id, c.code IS NULL, c.code, lower(c.name), c.id`,
  );
  const items = await db.all<{ dimension_id: number; concept_id: number; label: string; code: string | null; final_codes: number }>(ITEMS);
  const dimensions: MaturityDimension[] = dims.map((d, index) => {
    const categories = mapped
      .filter((m) => m.dimension_id === d.id)
      .map((m) => ({ id: categoryId(m.id), name: m.name, code: m.code, isMain: flag(m.is_main) }));
    const own = items
      .filter((i) => i.dimension_id === d.id)
      .map((i) => ({ conceptId: conceptId(i.concept_id), label: i.label, code: i.code, finalCodes: Number(i.final_codes) }));
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

export async function levelCount(db: ReadableDB): Promise<number> {
  return Number((await db.get<{ n: number }>('SELECT count(*) AS n FROM maturity_level'))!.n);
}

export async function insertLevel(db: WritableDB, draft: LevelDraft, position: number): Promise<LevelId> {
  const row = await db.get<{ id: number }>(
    `INSERT INTO maturity_level (position, label_fa, label_en, description_fa, description_en, characteristics_fa, characteristics_en)
     VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    position,
    draft.labelFa,
    draft.labelEn,
    draft.descriptionFa ?? '',
    draft.descriptionEn ?? '',
    JSON.stringify(draft.characteristicsFa ?? []),
    JSON.stringify(draft.characteristicsEn ?? []),
  );
  return levelId(Number(row!.id));
}

const LEVEL_FIELDS = {
  labelFa: 'label_fa',
  labelEn: 'label_en',
  descriptionFa: 'description_fa',
  descriptionEn: 'description_en',
  characteristicsFa: 'characteristics_fa',
  characteristicsEn: 'characteristics_en',
} as const satisfies Record<keyof LevelDraft, string>;

export async function updateLevel(db: WritableDB, id: LevelId, change: Partial<LevelDraft>): Promise<number> {
  let changes = 0;
  for (const [field, column] of Object.entries(LEVEL_FIELDS) as [keyof LevelDraft, string][]) {
    const value = change[field];
    if (value === undefined) continue;
    const text = Array.isArray(value) ? JSON.stringify(value) : value;
    changes += (await db.run(`UPDATE maturity_level SET ${column} = ? WHERE id = ?`, text, id)).changes;
  }
  return changes;
}

/** Ratings on a level that is deleted go with it (those items become unrated). */
export async function ratingsOnLevel(db: ReadableDB, id: LevelId): Promise<number> {
  return Number((await db.get<{ n: number }>('SELECT count(*) AS n FROM maturity_rating WHERE level_id = ?', id))!.n);
}

export async function deleteLevel(db: WritableDB, id: LevelId): Promise<number> {
  return (await db.run('DELETE FROM maturity_level WHERE id = ?', id)).changes;
}

/** Writes positions 1..n in the given order (every id of the table must be named once). */
async function writeOrder(db: WritableDB, table: 'maturity_level' | 'maturity_dimension', ids: readonly number[]): Promise<void> {
  const current = new Set((await db.all<{ id: number }>(`SELECT id FROM ${table}`)).map((r) => r.id));
  if (ids.length !== current.size || new Set(ids).size !== ids.length || ids.some((id) => !current.has(id))) {
    fail('invalid-input', 'The new order must name every item once.');
  }
  for (const [index, id] of ids.entries()) {
    await db.run(`UPDATE ${table} SET position = ? WHERE id = ? AND position IS DISTINCT FROM ?`, index + 1, id, index + 1);
  }
}

export const reorderLevels = (db: WritableDB, ids: readonly LevelId[]) => writeOrder(db, 'maturity_level', ids);
export const reorderDimensions = (db: WritableDB, ids: readonly DimensionId[]) => writeOrder(db, 'maturity_dimension', ids);

export async function levelIds(db: ReadableDB): Promise<LevelId[]> {
  return (await db.all<{ id: number }>('SELECT id FROM maturity_level ORDER BY position, id')).map((r) => levelId(r.id));
}

export async function dimensionIds(db: ReadableDB): Promise<DimensionId[]> {
  return (await db.all<{ id: number }>('SELECT id FROM maturity_dimension ORDER BY position, id')).map((r) => dimensionId(r.id));
}

// --- dimensions ----------------------------------------------------------------------------

export async function insertDimension(db: WritableDB, d: { labelFa: string; labelEn: string }): Promise<DimensionId> {
  const position = Number((await db.get<{ p: number }>('SELECT coalesce(max(position), 0) + 1 AS p FROM maturity_dimension'))!.p);
  const row = await db.get<{ id: number }>(
    'INSERT INTO maturity_dimension (position, label_fa, label_en) VALUES (?, ?, ?) RETURNING id',
    position,
    d.labelFa,
    d.labelEn,
  );
  return dimensionId(Number(row!.id));
}

export async function getDimensionLabels(db: ReadableDB, id: DimensionId): Promise<{ labelFa: string; labelEn: string } | undefined> {
  const row = await db.get<{ label_fa: string; label_en: string }>('SELECT label_fa, label_en FROM maturity_dimension WHERE id = ?', id);
  return row && { labelFa: row.label_fa, labelEn: row.label_en };
}

export async function updateDimension(db: WritableDB, id: DimensionId, change: { labelFa?: string; labelEn?: string }): Promise<void> {
  if (change.labelFa !== undefined) await db.run('UPDATE maturity_dimension SET label_fa = ? WHERE id = ?', change.labelFa, id);
  if (change.labelEn !== undefined) await db.run('UPDATE maturity_dimension SET label_en = ? WHERE id = ?', change.labelEn, id);
}

export async function deleteDimension(db: WritableDB, id: DimensionId): Promise<number> {
  return (await db.run('DELETE FROM maturity_dimension WHERE id = ?', id)).changes;
}

const MAP = 'INSERT INTO maturity_dimension_category (dimension_id, category_id) VALUES (?, ?) ON CONFLICT DO NOTHING';
const UNMAP = 'DELETE FROM maturity_dimension_category WHERE dimension_id = ? AND category_id = ?';

export async function setDimensionCategories(db: WritableDB, id: DimensionId, categories: readonly CategoryId[]): Promise<void> {
  const wanted = new Set<number>(categories);
  const present = await db.all<{ category_id: number }>('SELECT category_id FROM maturity_dimension_category WHERE dimension_id = ?', id);
  for (const { category_id: c } of present) {
    if (!wanted.has(c)) await db.run(UNMAP, id, c);
  }
  for (const c of wanted) await db.run(MAP, id, c);
}

export async function mapCategory(db: WritableDB, id: DimensionId, category: CategoryId, mapped: boolean): Promise<number> {
  return (await db.run(mapped ? MAP : UNMAP, id, category)).changes;
}

/** Removes every level (ratings on them go with them), for a reset to the CMMI levels. */
export async function clearLevels(db: WritableDB): Promise<void> {
  await db.run('DELETE FROM maturity_rating WHERE level_id IS NOT NULL');
  await db.run('DELETE FROM maturity_level');
}

/** Removes every level and dimension (and so every rating): the start of an import. */
export async function clearModel(db: WritableDB): Promise<void> {
  await db.run('DELETE FROM maturity_rating');
  await db.run('DELETE FROM maturity_dimension');
  await db.run('DELETE FROM maturity_level');
}

/** How many ratings the project's assessments hold (an import removes them all). */
export async function ratingCount(db: ReadableDB): Promise<number> {
  return Number((await db.get<{ n: number }>('SELECT count(*) AS n FROM maturity_rating'))!.n);
}

/** Main categories by code and by name, for imports and defaults. */
export async function mainCategoryKeys(db: ReadableDB): Promise<{ id: CategoryId; name: string; code: string | null }[]> {
  const rows = await db.all<{ id: number; name: string; code: string | null }>('SELECT id, name, code FROM category WHERE parent_id IS NULL');
  return rows.map((r) => ({ id: categoryId(r.id), name: r.name, code: r.code }));
}

/** Any category by code, sub-categories included (an import may have mapped one). */
export async function categoryKeys(db: ReadableDB): Promise<{ id: CategoryId; name: string; code: string | null; isMain: boolean }[]> {
  const rows = await db.all<{ id: number; name: string; code: string | null; is_main: unknown }>(
    'SELECT id, name, code, CASE WHEN parent_id IS NULL THEN 1 ELSE 0 END AS is_main FROM category',
  );
  return rows.map((r) => ({ id: categoryId(r.id), name: r.name, code: r.code, isMain: flag(r.is_main) }));
}

// --- assessments ---------------------------------------------------------------------------

interface AssessmentRow {
  id: number;
  name: string;
  organisation: string;
  assessed_on: string;
  created_at: string;
}

const ASSESSMENT_COLUMNS = 'id, name, organisation, assessed_on, created_at';

const toSummary = (r: AssessmentRow): AssessmentSummary => ({
  id: assessmentId(r.id),
  name: r.name,
  organisation: r.organisation,
  assessedOn: r.assessed_on,
  createdAt: r.created_at,
});

export async function listAssessments(db: ReadableDB): Promise<AssessmentSummary[]> {
  return (await db.all<AssessmentRow>(`SELECT ${ASSESSMENT_COLUMNS} FROM maturity_assessment ORDER BY assessed_on, id`)).map(toSummary);
}

export async function getAssessment(db: ReadableDB, id: AssessmentId): Promise<Assessment | undefined> {
  const row = await db.get<AssessmentRow>(`SELECT ${ASSESSMENT_COLUMNS} FROM maturity_assessment WHERE id = ?`, id);
  if (!row) return undefined;
  const values = new Map((await listLevels(db)).map((l) => [l.id as number, l.value]));
  const rows = await db.all<{ dimension_id: number; concept_id: number; level_id: number | null; not_applicable: unknown }>(
    'SELECT dimension_id, concept_id, level_id, not_applicable FROM maturity_rating WHERE assessment_id = ?',
    id,
  );
  const ratings = rows.map(
    (r): Rating => ({
      dimensionId: dimensionId(r.dimension_id),
      conceptId: conceptId(r.concept_id),
      value: flag(r.not_applicable) ? 'na' : (values.get(r.level_id!) ?? 0),
    }),
  );
  return { ...toSummary(row), ratings };
}

export async function insertAssessment(db: WritableDB, a: { name: string; organisation: string; assessedOn: string }): Promise<AssessmentId> {
  const row = await db.get<{ id: number }>(
    'INSERT INTO maturity_assessment (name, organisation, assessed_on, created_at) VALUES (?, ?, ?, ?) RETURNING id',
    a.name,
    a.organisation,
    a.assessedOn,
    now(),
  );
  return assessmentId(Number(row!.id));
}

export async function updateAssessment(
  db: WritableDB,
  id: AssessmentId,
  change: { name?: string; organisation?: string; assessedOn?: string },
): Promise<void> {
  if (change.name !== undefined) await db.run('UPDATE maturity_assessment SET name = ? WHERE id = ?', change.name, id);
  if (change.organisation !== undefined) await db.run('UPDATE maturity_assessment SET organisation = ? WHERE id = ?', change.organisation, id);
  if (change.assessedOn !== undefined) await db.run('UPDATE maturity_assessment SET assessed_on = ? WHERE id = ?', change.assessedOn, id);
}

export async function deleteAssessment(db: WritableDB, id: AssessmentId): Promise<number> {
  return (await db.run('DELETE FROM maturity_assessment WHERE id = ?', id)).changes;
}

/** Sets (or clears, with null) one item's rating; the value is a level value or 'na'. */
export async function setRating(
  db: WritableDB,
  r: { assessmentId: AssessmentId; dimensionId: DimensionId; conceptId: ConceptId; value: RatingValue | null },
): Promise<void> {
  if (r.value === null) {
    await db.run(
      'DELETE FROM maturity_rating WHERE assessment_id = ? AND dimension_id = ? AND concept_id = ?',
      r.assessmentId,
      r.dimensionId,
      r.conceptId,
    );
    return;
  }
  let level: number | null = null;
  if (r.value !== 'na') {
    level = (await levelIds(db))[r.value - 1] ?? null;
    if (level === null) fail('invalid-input', 'There is no level {level}.', { level: r.value });
  }
  await db.run(
    `INSERT INTO maturity_rating (assessment_id, dimension_id, concept_id, level_id, not_applicable) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (assessment_id, dimension_id, concept_id) DO UPDATE SET level_id = excluded.level_id, not_applicable = excluded.not_applicable
     WHERE maturity_rating.level_id IS DISTINCT FROM excluded.level_id OR maturity_rating.not_applicable IS DISTINCT FROM excluded.not_applicable`,
    r.assessmentId,
    r.dimensionId,
    r.conceptId,
    level,
    r.value === 'na' ? 1 : 0,
  );
}
