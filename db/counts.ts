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
import { FILING_TREE, visibleCategory, weightOf } from './filing-tree';
import { countBasis } from './count-basis';
import { getCoder } from './coders';

async function countBasisInfo(db: ReadableDB): Promise<NonNullable<ParadigmCounts['countBasis']>> {
  const basis = await countBasis(db);
  return { kind: basis.kind, coderName: basis.kind === 'coder' ? ((await getCoder(db, basis.coderId))?.name ?? null) : null };
}

const PER_COMPONENT = `
  WITH RECURSIVE ${FILING_TREE},
  component_concept(component, concept_id) AS (
    SELECT DISTINCT component, concept_id FROM filing WHERE component IS NOT NULL
  )
  SELECT pc.key AS component,
    (SELECT count(*) FROM category WHERE parent_id IS NULL AND component = pc.key AND ${visibleCategory('category')}) AS main_categories,
    (SELECT coalesce(sum(${weightOf('cc.concept_id')}), 0) FROM component_concept cc WHERE cc.component = pc.key) AS concepts,
    (SELECT count(*) FROM counted_segment s JOIN component_concept cc ON cc.concept_id = s.concept_id
      WHERE cc.component = pc.key) AS final_codes
  FROM paradigm_component pc ORDER BY pc.position`;

const TOTALS = `
  WITH RECURSIVE ${FILING_TREE},
  assigned(concept_id) AS (SELECT DISTINCT concept_id FROM filing WHERE component IS NOT NULL),
  filed(concept_id) AS (SELECT DISTINCT concept_id FROM filing)
  SELECT
    (SELECT count(*) FROM category WHERE parent_id IS NULL AND component IS NOT NULL AND ${visibleCategory('category')}) AS main_categories,
    (SELECT coalesce(sum(${weightOf('a.concept_id')}), 0) FROM assigned a) AS concepts,
    (SELECT count(*) FROM counted_segment WHERE concept_id IN (SELECT concept_id FROM assigned)) AS final_codes,
    (SELECT count(*) FROM category WHERE parent_id IS NULL AND component IS NULL AND ${visibleCategory('category')}) AS unassigned_main,
    (SELECT coalesce(sum(${weightOf('k.id')}), 0) FROM concept k WHERE k.id NOT IN (SELECT concept_id FROM filed)) AS unfiled,
    (SELECT coalesce(sum(${weightOf('f.concept_id')}), 0) FROM filed f WHERE f.concept_id NOT IN (SELECT concept_id FROM assigned)) AS outside,
    (SELECT count(*) FROM counted_segment WHERE concept_id NOT IN (SELECT concept_id FROM assigned)) AS unassigned_codes`;

/** Concepts filed under more than one component (the engine joins their component keys). */
const SHARED = (components: string) => `
  WITH RECURSIVE ${FILING_TREE}
  SELECT c.id, c.label, ${components} AS components
  FROM concept c JOIN filing f ON f.concept_id = c.id
  WHERE f.component IS NOT NULL
  GROUP BY c.id, c.label HAVING count(DISTINCT f.component) > 1
  ORDER BY lower(c.label)`;

const PER_MAIN_CATEGORY = `
  WITH RECURSIVE ${FILING_TREE},
  main_concept(main_id, concept_id) AS (SELECT DISTINCT main_id, concept_id FROM filing)
  SELECT m.id, m.component, m.name, m.label_fa, m.label_en, m.code,
    (SELECT coalesce(sum(${weightOf('mc.concept_id')}), 0) FROM main_concept mc WHERE mc.main_id = m.id) AS concepts,
    (SELECT count(*) FROM counted_segment s JOIN main_concept mc ON mc.concept_id = s.concept_id WHERE mc.main_id = m.id) AS final_codes
  FROM category m JOIN paradigm_component pc ON pc.key = m.component
  WHERE m.parent_id IS NULL AND ${visibleCategory('m')}
  ORDER BY pc.position, coalesce(m.code, ''), lower(m.name), m.id`;

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
export async function mainCategoryCounts(db: ReadableDB): Promise<MainCategoryCount[]> {
  const rows = await db.all<{
    id: number;
    component: ComponentKey;
    name: string;
    label_fa: string | null;
    label_en: string | null;
    code: string | null;
    concepts: number;
    final_codes: number;
  }>(PER_MAIN_CATEGORY);
  return rows.map((r) => ({
    id: categoryId(r.id),
    component: r.component,
    label: r.name,
    labelFa: r.label_fa,
    labelEn: r.label_en,
    code: r.code,
    concepts: Number(r.concepts),
    finalCodes: Number(r.final_codes),
  }));
}

export async function paradigmCounts(db: ReadableDB): Promise<ParadigmCounts> {
  const rows = (await db.all<RawRow>(PER_COMPONENT)).map((r) => ({
    component: r.component,
    label: COMPONENT_LABELS[r.component],
    mainCategories: Number(r.main_categories),
    concepts: Number(r.concepts),
    finalCodes: Number(r.final_codes),
  }));
  const t = (await db.get<{
    main_categories: number;
    concepts: number;
    final_codes: number;
    unassigned_main: number;
    unfiled: number;
    outside: number;
    unassigned_codes: number;
  }>(TOTALS))!;
  const sums = rows.reduce<CountRow>(
    (acc, r) => ({
      mainCategories: acc.mainCategories + r.mainCategories,
      concepts: acc.concepts + r.concepts,
      finalCodes: acc.finalCodes + r.finalCodes,
    }),
    { mainCategories: 0, concepts: 0, finalCodes: 0 },
  );
  const shared = await db.all<{ id: number; label: string; components: string }>(SHARED(db.dialect.groupConcatDistinct('f.component')));
  const sharedConcepts = shared.map((r) => ({
    id: conceptId(r.id),
    label: r.label,
    components: order(r.components.split(',')),
  }));
  return {
    rows,
    totals: { mainCategories: Number(t.main_categories), concepts: Number(t.concepts), finalCodes: Number(t.final_codes) },
    sums,
    unassigned: {
      mainCategories: Number(t.unassigned_main),
      conceptsUnfiled: Number(t.unfiled),
      conceptsOutsideComponents: Number(t.outside),
      finalCodes: Number(t.unassigned_codes),
    },
    sharedConcepts,
    mainCategoryRows: await mainCategoryCounts(db),
    countBasis: await countBasisInfo(db),
  };
}
