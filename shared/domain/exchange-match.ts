// Importing into a project that already has work in it: which planned sources, categories and
// concepts are already there. Sources match by the SHA-256 of their canonical text; categories and
// concepts by GUID, else by label (compared as type-ahead compares them) in the same place of the
// tree: the same chain of parent category names. Everything else is new.

import { guidKey } from './exchange-model';
import type { ImportPlan } from './exchange-plan';
import { matchKey } from './normalize';

export interface ExistingSource<Id> {
  id: Id;
  sha256: string;
}

export interface ExistingCategory<Id> {
  id: Id;
  guid: string | null;
  name: string;
  parentId: Id | null;
}

export interface ExistingConcept<Id, CategoryId> {
  id: Id;
  guid: string | null;
  label: string;
  /** The categories it is filed in. */
  categoryIds: CategoryId[];
}

export type Match<Id> = { guid: string; existing: Id; by: 'sha256' | 'guid' | 'name' } | { guid: string; existing: null; by: null };

export interface MatchPlan<SourceId, CategoryId, ConceptId> {
  sources: Match<SourceId>[];
  categories: Match<CategoryId>[];
  concepts: Match<ConceptId>[];
}

export function planMatches<SourceId, CategoryId, ConceptId>(
  plan: Pick<ImportPlan, 'sources' | 'codebook'>,
  existing: {
    sources: readonly ExistingSource<SourceId>[];
    categories: readonly ExistingCategory<CategoryId>[];
    concepts: readonly ExistingConcept<ConceptId, CategoryId>[];
  },
): MatchPlan<SourceId, CategoryId, ConceptId> {
  const bySha = new Map(existing.sources.map((s) => [s.sha256, s.id]));
  const sources = plan.sources.map((s): Match<SourceId> => {
    const id = bySha.get(s.sha256);
    return id === undefined ? { guid: s.guid, existing: null, by: null } : { guid: s.guid, existing: id, by: 'sha256' };
  });

  // Existing categories: by GUID, and by (parent's id, name key).
  const catByGuid = new Map(existing.categories.flatMap((c) => (c.guid ? [[guidKey(c.guid), c.id] as const] : [])));
  const catByPlace = new Map<string, CategoryId>();
  const placeKey = (parent: unknown, name: string) => `${parent === null ? '' : String(parent)}|${matchKey(name)}`;
  for (const c of existing.categories) if (!catByPlace.has(placeKey(c.parentId, c.name))) catByPlace.set(placeKey(c.parentId, c.name), c.id);

  // Planned categories come parents first, so a parent's match is known before its children.
  const matchedCategory = new Map<string, CategoryId | null>();
  const categories = plan.codebook.categories.map((c): Match<CategoryId> => {
    const parent = c.parentGuid === null ? null : (matchedCategory.get(guidKey(c.parentGuid)) ?? undefined);
    const byGuid = catByGuid.get(guidKey(c.guid));
    // A new parent has no existing children: only a matched (or top-level) parent lets a name match.
    const byName = parent === undefined ? undefined : catByPlace.get(placeKey(parent, c.name));
    const id = byGuid ?? byName;
    matchedCategory.set(guidKey(c.guid), id ?? null);
    if (id === undefined) return { guid: c.guid, existing: null, by: null };
    return { guid: c.guid, existing: id, by: byGuid !== undefined ? 'guid' : 'name' };
  });

  const conceptByGuid = new Map(existing.concepts.flatMap((c) => (c.guid ? [[guidKey(c.guid), c.id] as const] : [])));
  const conceptByPlace = new Map<string, ConceptId>();
  for (const c of existing.concepts) {
    const places = c.categoryIds.length ? c.categoryIds : [null];
    for (const p of places) if (!conceptByPlace.has(placeKey(p, c.label))) conceptByPlace.set(placeKey(p, c.label), c.id);
  }
  const concepts = plan.codebook.concepts.map((c): Match<ConceptId> => {
    const byGuid = conceptByGuid.get(guidKey(c.guid));
    if (byGuid !== undefined) return { guid: c.guid, existing: byGuid, by: 'guid' };
    // Its place: the category the tree files it in (the first one), or none.
    const first = c.categoryGuids[0];
    const parent = first === undefined ? null : matchedCategory.get(guidKey(first));
    const byName = parent === undefined || (first !== undefined && parent === null) ? undefined : conceptByPlace.get(placeKey(parent, c.label));
    return byName === undefined ? { guid: c.guid, existing: null, by: null } : { guid: c.guid, existing: byName, by: 'name' };
  });
  return { sources, categories, concepts };
}
