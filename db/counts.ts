// The study's Table 8, computed from the project by queries, never kept as tallies.
// A component's main categories are the categories assigned to it; its concepts are the distinct
// concepts filed under those categories or their sub-categories; its final codes are the segments
// coded with those concepts. A concept under two components counts in each, once in the totals.
// Concept counts are sums of concept weights under the active readings (1 each without readings),
// and categories of inactive reading options are left out (db/filing-tree.ts).

import type { CountRow, MainCategoryCount, ParadigmCounts } from '../shared/domain/model';
import { categoryId, conceptId } from '../shared/domain/ids';
import type { ComponentKey } from '../shared/domain/paradigm';
import { COMPONENT_KEYS, COMPONENT_LABELS } from '../shared/domain/paradigm';
import type { ReadableDB } from './handles';
import { sql } from './handles';
import { FILING_TREE, visibleCategory, weightOf } from './filing-tree';

const PER_COMPONENT = `
  WITH RECURSIVE ${FILING_TREE},
  component_concept(component, concept_id) AS (
    SELECT DISTINCT component, concept_id FROM filing WHERE component IS NOT NULL
  )
  SELECT pc.key AS component,
    (SELECT count(*) FROM category WHERE parent_id IS NULL AND component = pc.key AND ${visibleCategory('category')}) AS main_categories,
    (SELECT coalesce(sum(${weightOf('cc.concept_id')}), 0) FROM component_concept cc WHERE cc.component = pc.key) AS concepts,
    (SELECT count(*) FROM segment s JOIN component_concept cc ON cc.concept_id = s.concept_id
      WHERE cc.component = pc.key) AS final_codes
  FROM paradigm_component pc ORDER BY pc.position`;

const TOTALS = `
  WITH RECURSIVE ${FILING_TREE},
  assigned(concept_id) AS (SELECT DISTINCT concept_id FROM filing WHERE component IS NOT NULL),
  filed(concept_id) AS (SELECT DISTINCT concept_id FROM filing)
  SELECT
    (SELECT count(*) FROM category WHERE parent_id IS NULL AND component IS NOT NULL AND ${visibleCategory('category')}) AS main_categories,
    (SELECT coalesce(sum(${weightOf('a.concept_id')}), 0) FROM assigned a) AS concepts,
    (SELECT count(*) FROM segment WHERE concept_id IN (SELECT concept_id FROM assigned)) AS final_codes,
    (SELECT count(*) FROM category WHERE parent_id IS NULL AND component IS NULL AND ${visibleCategory('category')}) AS unassigned_main,
    (SELECT coalesce(sum(${weightOf('k.id')}), 0) FROM concept k WHERE k.id NOT IN (SELECT concept_id FROM filed)) AS unfiled,
    (SELECT coalesce(sum(${weightOf('f.concept_id')}), 0) FROM filed f WHERE f.concept_id NOT IN (SELECT concept_id FROM assigned)) AS outside,
    (SELECT count(*) FROM segment WHERE concept_id NOT IN (SELECT concept_id FROM assigned)) AS unassigned_codes`;

const SHARED = `
  WITH RECURSIVE ${FILING_TREE}
  SELECT c.id, c.label, group_concat(DISTINCT f.component) AS components
  FROM concept c JOIN filing f ON f.concept_id = c.id
  WHERE f.component IS NOT NULL
  GROUP BY c.id HAVING count(DISTINCT f.component) > 1
  ORDER BY c.label COLLATE NOCASE`;

const PER_MAIN_CATEGORY = `
  WITH RECURSIVE ${FILING_TREE},
  main_concept(main_id, concept_id) AS (SELECT DISTINCT main_id, concept_id FROM filing)
  SELECT m.id, m.component, m.name, m.label_fa, m.label_en, m.code,
    (SELECT coalesce(sum(${weightOf('mc.concept_id')}), 0) FROM main_concept mc WHERE mc.main_id = m.id) AS concepts,
    (SELECT count(*) FROM segment s JOIN main_concept mc ON mc.concept_id = s.concept_id WHERE mc.main_id = m.id) AS final_codes
  FROM category m JOIN paradigm_component pc ON pc.key = m.component
  WHERE m.parent_id IS NULL AND ${visibleCategory('m')}
  ORDER BY pc.position, coalesce(m.code, ''), m.name COLLATE NOCASE, m.id`;

interface RawRow {
  component: ComponentKey;
  main_categories: number;
  concepts: number;
  final_codes: number;
}

const order = (keys: string[]) =>
  keys.filter((k): k is ComponentKey => (COMPONENT_KEYS as readonly string[]).includes(k)).sort(
    (a, b) => COMPONENT_KEYS.indexOf(a) - COMPONENT_KEYS.indexOf(b),
  );

/** Per main category in a component: its concepts (weighted) and final codes. */
export function mainCategoryCounts(db: ReadableDB): MainCategoryCount[] {
  return (sql(db, PER_MAIN_CATEGORY).all() as {
    id: number;
    component: ComponentKey;
    name: string;
    label_fa: string | null;
    label_en: string | null;
    code: string | null;
    concepts: number;
    final_codes: number;
  }[]).map((r) => ({
    id: categoryId(r.id),
    component: r.component,
    label: r.name,
    labelFa: r.label_fa,
    labelEn: r.label_en,
    code: r.code,
    concepts: r.concepts,
    finalCodes: r.final_codes,
  }));
}

export function paradigmCounts(db: ReadableDB): ParadigmCounts {
  const rows = (sql(db, PER_COMPONENT).all() as RawRow[]).map((r) => ({
    component: r.component,
    label: COMPONENT_LABELS[r.component],
    mainCategories: r.main_categories,
    concepts: r.concepts,
    finalCodes: r.final_codes,
  }));
  const t = sql(db, TOTALS).get() as {
    main_categories: number;
    concepts: number;
    final_codes: number;
    unassigned_main: number;
    unfiled: number;
    outside: number;
    unassigned_codes: number;
  };
  const sums = rows.reduce<CountRow>(
    (acc, r) => ({
      mainCategories: acc.mainCategories + r.mainCategories,
      concepts: acc.concepts + r.concepts,
      finalCodes: acc.finalCodes + r.finalCodes,
    }),
    { mainCategories: 0, concepts: 0, finalCodes: 0 },
  );
  const sharedConcepts = (sql(db, SHARED).all() as { id: number; label: string; components: string }[]).map((r) => ({
    id: conceptId(r.id),
    label: r.label,
    components: order(r.components.split(',')),
  }));
  return {
    rows,
    totals: { mainCategories: t.main_categories, concepts: t.concepts, finalCodes: t.final_codes },
    sums,
    unassigned: {
      mainCategories: t.unassigned_main,
      conceptsUnfiled: t.unfiled,
      conceptsOutsideComponents: t.outside,
      finalCodes: t.unassigned_codes,
    },
    sharedConcepts,
    mainCategoryRows: mainCategoryCounts(db),
  };
}
