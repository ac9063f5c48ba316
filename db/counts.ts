// The study's Table 8, computed from the project by queries, never kept as tallies.
// A component's main categories are the categories assigned to it; its concepts are the distinct
// concepts filed under those categories or their sub-categories; its final codes are the segments
// coded with those concepts. A concept under two components counts in each, once in the totals.

import type { CountRow, ParadigmCounts } from '../shared/domain/model';
import { conceptId } from '../shared/domain/ids';
import type { ComponentKey } from '../shared/domain/paradigm';
import { COMPONENT_KEYS, COMPONENT_LABELS } from '../shared/domain/paradigm';
import type { ReadableDB } from './handles';
import { sql } from './handles';
import { FILING_TREE } from './filing-tree';

const PER_COMPONENT = `
  WITH RECURSIVE ${FILING_TREE},
  component_concept(component, concept_id) AS (
    SELECT DISTINCT component, concept_id FROM filing WHERE component IS NOT NULL
  )
  SELECT pc.key AS component,
    (SELECT count(*) FROM category WHERE parent_id IS NULL AND component = pc.key) AS main_categories,
    (SELECT count(*) FROM component_concept cc WHERE cc.component = pc.key) AS concepts,
    (SELECT count(*) FROM segment s JOIN component_concept cc ON cc.concept_id = s.concept_id
      WHERE cc.component = pc.key) AS final_codes
  FROM paradigm_component pc ORDER BY pc.position`;

const TOTALS = `
  WITH RECURSIVE ${FILING_TREE},
  assigned(concept_id) AS (SELECT DISTINCT concept_id FROM filing WHERE component IS NOT NULL)
  SELECT
    (SELECT count(*) FROM category WHERE parent_id IS NULL AND component IS NOT NULL) AS main_categories,
    (SELECT count(*) FROM assigned) AS concepts,
    (SELECT count(*) FROM segment WHERE concept_id IN (SELECT concept_id FROM assigned)) AS final_codes,
    (SELECT count(*) FROM category WHERE parent_id IS NULL AND component IS NULL) AS unassigned_main,
    (SELECT count(*) FROM concept WHERE id NOT IN (SELECT concept_id FROM category_concept)) AS unfiled,
    (SELECT count(*) FROM concept WHERE id IN (SELECT concept_id FROM category_concept)
      AND id NOT IN (SELECT concept_id FROM assigned)) AS outside,
    (SELECT count(*) FROM segment WHERE concept_id NOT IN (SELECT concept_id FROM assigned)) AS unassigned_codes`;

const SHARED = `
  WITH RECURSIVE ${FILING_TREE}
  SELECT c.id, c.label, group_concat(DISTINCT f.component) AS components
  FROM concept c JOIN filing f ON f.concept_id = c.id
  WHERE f.component IS NOT NULL
  GROUP BY c.id HAVING count(DISTINCT f.component) > 1
  ORDER BY c.label COLLATE NOCASE`;

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
  };
}
