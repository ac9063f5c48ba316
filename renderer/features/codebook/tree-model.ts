// The code system as rows: the six paradigm components at the top, their main categories, the
// sub-categories and concepts below, then main categories in no component and concepts in no
// category, so nothing unassigned is hidden. Pure data, built anew when the codebook changes.

import type { Codebook, Concept, Category, ParadigmCounts, CountRow } from '../../../shared/domain/model';
import type { CategoryId, ConceptId } from '../../../shared/domain/ids';
import type { ComponentKey } from '../../../shared/domain/paradigm';

export type TreeRow =
  | { type: 'component'; key: string; depth: 0; component: ComponentKey; label: string; counts: CountRow | undefined }
  | { type: 'group'; key: string; depth: 0; group: 'categories' | 'concepts'; count: number }
  | { type: 'category'; key: string; depth: number; category: Category; concepts: number; segments: number; hasChildren: boolean }
  | { type: 'concept'; key: string; depth: number; concept: Concept; categoryId: CategoryId | null };

export interface TreeIndex {
  children: Map<CategoryId | null, Category[]>;
  conceptsIn: Map<CategoryId, Concept[]>;
  unfiled: Concept[];
  /** Distinct concepts in a category and everything below it. */
  subtreeConcepts(id: CategoryId): Set<ConceptId>;
  /** Every category below a category, at any depth, parents before their children. */
  descendants(id: CategoryId): Category[];
}

// Items of a published codebook keep its order (by item code, D1.C01 before D1.C02); others go by name.
const byName = (a: Category, b: Category) => (a.code && b.code ? a.code.localeCompare(b.code) : a.name.localeCompare(b.name));
const byLabel = (a: Concept, b: Concept) => (a.code && b.code ? a.code.localeCompare(b.code) : a.label.localeCompare(b.label));

export function indexCodebook(codebook: Codebook): TreeIndex {
  const children = new Map<CategoryId | null, Category[]>();
  // Lists grow in place: a category holding thousands of concepts costs a push each, not a copy.
  for (const c of codebook.categories) {
    const list = children.get(c.parentId);
    if (list) list.push(c);
    else children.set(c.parentId, [c]);
  }
  children.forEach((list) => list.sort(byName));
  const conceptById = new Map(codebook.concepts.map((c) => [c.id, c]));
  const conceptsIn = new Map<CategoryId, Concept[]>();
  const filed = new Set<ConceptId>();
  for (const f of codebook.filings) {
    const concept = conceptById.get(f.conceptId);
    if (!concept) continue;
    filed.add(f.conceptId);
    const list = conceptsIn.get(f.categoryId);
    if (list) list.push(concept);
    else conceptsIn.set(f.categoryId, [concept]);
  }
  conceptsIn.forEach((list) => list.sort(byLabel));
  const unfiled = codebook.concepts.filter((c) => !filed.has(c.id)).sort(byLabel);
  const cache = new Map<CategoryId, Set<ConceptId>>();
  const subtreeConcepts = (id: CategoryId): Set<ConceptId> => {
    const known = cache.get(id);
    if (known) return known;
    const set = new Set<ConceptId>((conceptsIn.get(id) ?? []).map((c) => c.id));
    cache.set(id, set);
    for (const child of children.get(id) ?? []) subtreeConcepts(child.id).forEach((c) => set.add(c));
    return set;
  };
  const descendants = (id: CategoryId, seen = new Set<CategoryId>([id])): Category[] =>
    (children.get(id) ?? []).filter((c) => !seen.has(c.id) && seen.add(c.id)).flatMap((c) => [c, ...descendants(c.id, seen)]);
  return { children, conceptsIn, unfiled, subtreeConcepts, descendants };
}

export function buildRows(codebook: Codebook, counts: ParadigmCounts | null, collapsed: ReadonlySet<string>): TreeRow[] {
  const index = indexCodebook(codebook);
  const segmentsOf = new Map(codebook.concepts.map((c) => [c.id, c.segmentCount]));
  const rows: TreeRow[] = [];

  const addCategory = (category: Category, depth: number, trail: Set<CategoryId>) => {
    if (trail.has(category.id)) return;
    const key = `category:${category.id}`;
    const concepts = index.subtreeConcepts(category.id);
    const subs = index.children.get(category.id) ?? [];
    const own = index.conceptsIn.get(category.id) ?? [];
    let segments = 0;
    concepts.forEach((c) => (segments += segmentsOf.get(c) ?? 0));
    rows.push({ type: 'category', key, depth, category, concepts: concepts.size, segments, hasChildren: subs.length + own.length > 0 });
    if (collapsed.has(key)) return;
    const next = new Set(trail).add(category.id);
    for (const sub of subs) addCategory(sub, depth + 1, next);
    for (const concept of own) {
      rows.push({ type: 'concept', key: `concept:${concept.id}@${category.id}`, depth: depth + 1, concept, categoryId: category.id });
    }
  };

  const mains = index.children.get(null) ?? [];
  for (const component of codebook.components) {
    const key = `component:${component.key}`;
    rows.push({
      type: 'component',
      key,
      depth: 0,
      component: component.key,
      label: component.label,
      counts: counts?.rows.find((r) => r.component === component.key),
    });
    if (collapsed.has(key)) continue;
    for (const main of mains.filter((m) => m.component === component.key)) addCategory(main, 1, new Set());
  }
  const unassigned = mains.filter((m) => m.component === null);
  rows.push({ type: 'group', key: 'group:categories', depth: 0, group: 'categories', count: unassigned.length });
  if (!collapsed.has('group:categories')) for (const main of unassigned) addCategory(main, 1, new Set());
  rows.push({ type: 'group', key: 'group:concepts', depth: 0, group: 'concepts', count: index.unfiled.length });
  if (!collapsed.has('group:concepts')) {
    for (const concept of index.unfiled) {
      rows.push({ type: 'concept', key: `concept:${concept.id}@none`, depth: 1, concept, categoryId: null });
    }
  }
  return rows;
}
