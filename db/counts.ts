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
import { FILING_TREE } from './filing-tree';
import { countRows, type MainRow } from './count-rows';
import { countBasis } from './count-basis';
import { getCoder } from './coders';

async function countBasisInfo(db: ReadableDB): Promise<NonNullable<ParadigmCounts['countBasis']>> {
  const basis = await countBasis(db);
  return { kind: basis.kind, coderName: basis.kind === 'coder' ? ((await getCoder(db, basis.coderId))?.name ?? null) : null };
}

/** Concepts filed under more than one component (the engine joins their component keys). */
const SHARED = (components: string) => `
  WITH RECURSIVE ${FILING_TREE}
  SELECT c.id, c.label, ${components} AS components
  FROM concept c JOIN filing f ON f.concept_id = c.id
  WHERE f.component IS NOT NULL
  GROUP BY c.id, c.label HAVING count(DISTINCT f.component) > 1
  ORDER BY lower(c.label)`;

const order = (keys: string[]) =>
  keys.filter((k): k is ComponentKey => (COMPONENT_KEYS as readonly string[]).includes(k)).sort(
    (a, b) => COMPONENT_KEYS.indexOf(a) - COMPONENT_KEYS.indexOf(b),
  );

/** Per main category in a component, in Table 8's order: its concepts (weighted) and final codes. */
function mainCategoryRows(mains: MainRow[]): MainCategoryCount[] {
  return mains
    .filter((m): m is MainRow & { component: ComponentKey; table8_rank: number } => m.component !== null && m.table8_rank !== null)
    .sort((a, b) => a.table8_rank - b.table8_rank)
    .map((r) => ({
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

export async function paradigmCounts(db: ReadableDB): Promise<ParadigmCounts> {
  const { mains, components, totals: t } = await countRows(db);
  const rows = components.map((r) => ({
    component: r.component,
    label: COMPONENT_LABELS[r.component],
    mainCategories: r.main_categories,
    concepts: r.concepts,
    finalCodes: r.final_codes,
  }));
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
    totals: { mainCategories: t.main_categories, concepts: t.concepts, finalCodes: t.final_codes },
    sums,
    unassigned: {
      mainCategories: t.unassigned_main,
      conceptsUnfiled: t.unfiled,
      conceptsOutsideComponents: t.outside,
      finalCodes: t.unassigned_codes,
    },
    sharedConcepts,
    mainCategoryRows: mainCategoryRows(mains),
    countBasis: await countBasisInfo(db),
  };
}
