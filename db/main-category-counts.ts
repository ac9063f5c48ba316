// The counts behind the paradigm diagram and the count cascade: each main category with its
// distinct concepts (sub-categories included) and final codes, grouped by paradigm component.
// Queries only, never stored tallies; the per-component figures follow Table 8's rules.

import { categoryId } from '../shared/domain/ids';
import type { ComponentMainCategories, MainCategoryCount, MainCategoryCounts } from '../shared/domain/main-category-counts';
import { COMPONENT_KEYS, COMPONENT_LABELS } from '../shared/domain/paradigm';
import type { ReadableDB } from './handles';
import { countRows, type MainRow } from './count-rows';

export async function mainCategoryCounts(db: ReadableDB): Promise<MainCategoryCounts> {
  const { mains, components: perComponent, totals: t } = await countRows(db);
  const ordered = [...mains].sort((a, b) => a.diagram_rank - b.diagram_rank);
  const toCount = (r: MainRow): MainCategoryCount => ({
    id: categoryId(r.id),
    name: r.name,
    labelFa: r.label_fa,
    labelEn: r.label_en,
    color: r.color,
    concepts: r.concepts,
    finalCodes: r.final_codes,
  });
  const byComponent = new Map(perComponent.map((r) => [r.component, r]));
  const components = COMPONENT_KEYS.map((key): ComponentMainCategories => {
    const categories = ordered.filter((m) => m.component === key).map(toCount);
    const row = byComponent.get(key);
    return {
      component: key,
      label: COMPONENT_LABELS[key],
      categories,
      mainCategories: categories.length,
      concepts: row?.concepts ?? 0,
      finalCodes: row?.final_codes ?? 0,
    };
  });
  return {
    components,
    unassigned: ordered.filter((m) => m.component === null).map(toCount),
    totals: { mainCategories: t.main_categories, concepts: t.concepts, finalCodes: t.final_codes },
  };
}
