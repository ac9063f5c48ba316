// Where each concept sits in the codebook, by the rules Table 8 counts with (db/counts.ts): a concept
// reaches every category it is filed in and their parents up to the main category, and the component
// of each of those main categories. Pure: the views that need placements (saturation, matrices,
// change reports) all read them from here, so they agree with Table 8.

import type { CategoryId, ConceptId } from './ids';
import type { ComponentKey } from './paradigm';
import { COMPONENT_KEYS } from './paradigm';

export interface TreeCategory {
  id: CategoryId;
  /** null for a main category. */
  parentId: CategoryId | null;
  /** Only main categories carry a component. */
  component: ComponentKey | null;
}

export interface TreeFiling {
  categoryId: CategoryId;
  conceptId: ConceptId;
}

export interface CodebookTree {
  /** The category itself and its parents up to its main category, nearest first. */
  lineage(category: CategoryId): CategoryId[];
  /** The main category a category belongs to (itself for a main category). */
  mainOf(category: CategoryId): CategoryId | null;
  /** Categories the concept is filed in directly. */
  filedIn(concept: ConceptId): CategoryId[];
  /** Every category the concept reaches: where it is filed and all their parents. */
  reaches(concept: ConceptId): CategoryId[];
  /** Main categories the concept reaches. */
  mainCategories(concept: ConceptId): CategoryId[];
  /** Components the concept reaches, in Table 8 order. */
  components(concept: ConceptId): ComponentKey[];
}

export function codebookTree(categories: readonly TreeCategory[], filings: readonly TreeFiling[]): CodebookTree {
  const byId = new Map<number, TreeCategory>(categories.map((c) => [c.id, c]));
  const lineages = new Map<number, CategoryId[]>();
  const lineage = (id: CategoryId): CategoryId[] => {
    const known = lineages.get(id);
    if (known) return known;
    const out: CategoryId[] = [];
    const seen = new Set<number>();
    let current = byId.get(id);
    // A cycle in the parents (a damaged file) stops the walk instead of looping.
    while (current && !seen.has(current.id)) {
      seen.add(current.id);
      out.push(current.id);
      current = current.parentId === null ? undefined : byId.get(current.parentId);
    }
    lineages.set(id, out);
    return out;
  };
  const mainOf = (id: CategoryId): CategoryId | null => {
    const line = lineage(id);
    const top = line[line.length - 1];
    return top !== undefined && byId.get(top)?.parentId === null ? top : null;
  };
  const filed = new Map<number, CategoryId[]>();
  for (const f of filings) {
    if (!byId.has(f.categoryId)) continue;
    const list = filed.get(f.conceptId);
    if (list) {
      if (!list.includes(f.categoryId)) list.push(f.categoryId);
    } else filed.set(f.conceptId, [f.categoryId]);
  }
  const filedIn = (concept: ConceptId) => filed.get(concept) ?? [];
  const reaches = (concept: ConceptId) => [...new Set(filedIn(concept).flatMap(lineage))];
  const mainCategories = (concept: ConceptId) =>
    [...new Set(filedIn(concept).map(mainOf))].filter((m): m is CategoryId => m !== null);
  const components = (concept: ConceptId) => {
    const set = new Set(mainCategories(concept).map((m) => byId.get(m)?.component ?? null));
    return COMPONENT_KEYS.filter((k) => set.has(k));
  };
  return { lineage, mainOf, filedIn, reaches, mainCategories, components };
}
