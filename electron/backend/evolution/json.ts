// The change and saturation reports as the command line prints them in JSON: concepts, categories
// and sources named by label (not by id), passages with their UTF-16 offsets, snake_case keys.

import type { ChangeView, SaturationView } from '../../../shared/domain/change-view';
import type { CountRow } from '../../../shared/domain/model';
import type { SaturationCurve } from '../../../shared/domain/saturation';

const counts = (r: CountRow) => ({ main_categories: r.mainCategories, concepts: r.concepts, final_codes: r.finalCodes });

export function changeJson(view: ChangeView) {
  const concept = (id: number) => view.concepts[id]?.label ?? `#${id}`;
  const category = (id: number | null) => (id === null ? null : (view.categories[id]?.name ?? `#${id}`));
  const source = (id: number) => view.sources[id] ?? `#${id}`;
  return {
    against:
      view.against.kind === 'baseline'
        ? { baseline: view.against.name, kind: view.against.baselineKind, frozen_at: view.against.createdAt }
        : { wave: view.against.name, compared_with: 'the other waves' },
    new_concepts: view.newConcepts.map((c) => ({
      concept: c.label,
      code: view.concepts[c.conceptId]?.code ?? null,
      categories: c.categories.map(category),
      components: c.components,
      waves: c.waves,
      sources: c.sources.map(source),
      passages: c.passages.map((id) => {
        const p = view.passages[id];
        return p ? { source: source(p.documentId), start_utf16: p.start, end_utf16: p.end, text: p.text } : { id };
      }),
    })),
    grown_concepts: view.grownConcepts.map((c) => ({ concept: c.label, before: c.before, now: c.now, change: c.change, by_wave: c.byWave })),
    fewer_passages: view.shrunkConcepts.map((c) => ({ concept: c.label, before: c.before, now: c.now, change: c.change })),
    removed_concepts: view.removedConcepts.map((c) => c.label),
    new_categories: view.newCategories.map((c) => ({ category: c.name, parent: category(c.parentId), component: c.component })),
    new_main_categories: view.newMainCategories.map((c) => ({ category: c.name, component: c.component, was_a_sub_category: c.promoted })),
    moved_concepts: view.movedConcepts.map((c) => ({
      concept: c.label,
      categories_before: c.categoriesBefore.map(category),
      categories_now: c.categoriesNow.map(category),
      components_before: c.componentsBefore,
      components_now: c.componentsNow,
      between_components: c.betweenComponents,
    })),
    moved_categories: view.movedCategories.map((c) => ({
      category: c.name,
      parent_before: category(c.parentBefore),
      parent_now: category(c.parentNow),
      component_before: c.componentBefore,
      component_now: c.componentNow,
    })),
    table8: view.table8.map((r) => ({ component: r.component, before: counts(r.before), now: counts(r.now), change: counts(r.change) })),
    totals: { before: counts(view.table8Totals.before), now: counts(view.table8Totals.now), change: counts(view.table8Totals.change) },
    maturity: view.maturity.map((d) => ({
      dimension: d.labelEn || d.labelFa,
      dimension_fa: d.labelFa,
      new_dimension: d.isNew,
      items_before: d.itemsBefore,
      items_now: d.itemsNow,
      new_items: d.newItems.map(concept),
      removed_items: d.removedItems.map(concept),
    })),
  };
}

const curveJson = (view: SaturationView, c: SaturationCurve) => ({
  added: c.added,
  cumulative: c.cumulative,
  rule_met_at: c.metAt === null ? null : { position: c.metAt + 1, source: view.points[c.metAt]!.name },
});

export function saturationJson(view: SaturationView) {
  const concept = (id: number) => view.concepts[id]?.label ?? `#${id}`;
  return {
    order: view.order,
    rule: view.rule,
    explanation: view.explanation,
    sources: view.points.map((p, i) => ({
      position: p.position,
      source: p.name,
      year: p.year,
      passages: p.passages,
      new_concepts: p.newConcepts.map(concept),
      added: view.overall.added[i],
      cumulative: view.overall.cumulative[i],
    })),
    overall: curveJson(view, view.overall),
    per_component: Object.fromEntries(Object.entries(view.perComponent).map(([k, c]) => [k, curveJson(view, c!)])),
    first_appearances: view.firstAppearance.map((f) => ({ concept: concept(f.conceptId), source: view.sources[f.documentId] ?? null, position: f.position })),
    not_coded: view.notCoded.map((d) => view.sources[d] ?? `#${d}`),
  };
}
