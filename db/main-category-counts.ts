// The counts behind the paradigm diagram and the count cascade: each main category with its
// distinct concepts (sub-categories included) and final codes, grouped by paradigm component.
// Queries only, never stored tallies; the per-component figures follow Table 8's rules.

import { categoryId } from '../shared/domain/ids';
import type { ComponentMainCategories, MainCategoryCount, MainCategoryCounts } from '../shared/domain/main-category-counts';
import type { ComponentKey } from '../shared/domain/paradigm';
import { COMPONENT_KEYS, COMPONENT_LABELS } from '../shared/domain/paradigm';
import type { ReadableDB } from './handles';
import { FILING_TREE, visibleCategory, weightOf } from './filing-tree';

const PER_MAIN_CATEGORY = `
  WITH RECURSIVE ${FILING_TREE},
  main_concept(main_id, concept_id) AS (SELECT DISTINCT main_id, concept_id FROM filing)
  SELECT m.id, m.name, m.label_fa, m.label_en, m.color, m.component,
    (SELECT coalesce(sum(${weightOf('mc.concept_id')}), 0) FROM main_concept mc WHERE mc.main_id = m.id) AS concepts,
    (SELECT count(*) FROM counted_segment s JOIN main_concept mc ON mc.concept_id = s.concept_id
      WHERE mc.main_id = m.id) AS final_codes
  FROM category m WHERE m.parent_id IS NULL AND ${visibleCategory('m')}
  ORDER BY m.code IS NULL, m.code, lower(m.name), m.id`;

const PER_COMPONENT = `
  WITH RECURSIVE ${FILING_TREE},
  component_concept(component, concept_id) AS (
    SELECT DISTINCT component, concept_id FROM filing WHERE component IS NOT NULL
  )
  SELECT pc.key AS component,
    (SELECT coalesce(sum(${weightOf('cc.concept_id')}), 0) FROM component_concept cc WHERE cc.component = pc.key) AS concepts,
    (SELECT count(*) FROM counted_segment s JOIN component_concept cc ON cc.concept_id = s.concept_id
      WHERE cc.component = pc.key) AS final_codes
  FROM paradigm_component pc ORDER BY pc.position`;

const TOTALS = `
  WITH RECURSIVE ${FILING_TREE},
  assigned(concept_id) AS (SELECT DISTINCT concept_id FROM filing WHERE component IS NOT NULL)
  SELECT
    (SELECT count(*) FROM category c WHERE c.parent_id IS NULL AND c.component IS NOT NULL AND ${visibleCategory('c')}) AS main_categories,
    (SELECT coalesce(sum(${weightOf('a.concept_id')}), 0) FROM assigned a) AS concepts,
    (SELECT count(*) FROM counted_segment WHERE concept_id IN (SELECT concept_id FROM assigned)) AS final_codes`;

interface MainRow {
  id: number;
  name: string;
  label_fa: string | null;
  label_en: string | null;
  color: string;
  component: ComponentKey | null;
  concepts: number;
  final_codes: number;
}

export async function mainCategoryCounts(db: ReadableDB): Promise<MainCategoryCounts> {
  const mains = await db.all<MainRow>(PER_MAIN_CATEGORY);
  const toCount = (r: MainRow): MainCategoryCount => ({
    id: categoryId(r.id),
    name: r.name,
    labelFa: r.label_fa,
    labelEn: r.label_en,
    color: r.color,
    concepts: Number(r.concepts),
    finalCodes: Number(r.final_codes),
  });
  const perComponent = new Map(
    (await db.all<{ component: ComponentKey; concepts: number; final_codes: number }>(PER_COMPONENT)).map((r) => [r.component, r]),
  );
  const components = COMPONENT_KEYS.map((key): ComponentMainCategories => {
    const categories = mains.filter((m) => m.component === key).map(toCount);
    const row = perComponent.get(key);
    return {
      component: key,
      label: COMPONENT_LABELS[key],
      categories,
      mainCategories: categories.length,
      concepts: Number(row?.concepts ?? 0),
      finalCodes: Number(row?.final_codes ?? 0),
    };
  });
  const t = (await db.get<{ main_categories: number; concepts: number; final_codes: number }>(TOTALS))!;
  return {
    components,
    unassigned: mains.filter((m) => m.component === null).map(toCount),
    totals: { mainCategories: Number(t.main_categories), concepts: Number(t.concepts), finalCodes: Number(t.final_codes) },
  };
}
