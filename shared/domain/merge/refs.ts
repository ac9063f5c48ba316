// Helpers shared by the merge plan and its application: item stamps, keys for references to our
// items or to items a merge brings in, and lookups by uid that also see aliases.

import { joinStamps } from './stamps';
import type { MergeCategory, PlannedPlace, Ref, Stamped } from './types';

/** Everything an item's fields know: the join of their stamps. */
export const itemStamp = (x: { label?: Stamped<unknown>; placement?: Stamped<unknown>; memo: Stamped<unknown> }) =>
  joinStamps(x.label?.stamp ?? {}, x.placement?.stamp ?? {}, x.memo.stamp);

export const refKey = (r: Ref) => (r.kind === 'ours' ? `o${r.id}` : `n${r.uid}`);
export const refsKey = (rs: readonly Ref[]) => [...new Set(rs.map(refKey))].sort().join(' ');
export const placeKey = (p: PlannedPlace) => `${p.parent ? refKey(p.parent) : '-'}|${p.component ?? '-'}`;

/** Indexes items by uid and by every alias. */
export function byUid<T extends { uid: string; aliases?: readonly string[] }>(items: readonly T[]) {
  const map = new Map<string, T>();
  for (const x of items) for (const u of [x.uid, ...(x.aliases ?? [])]) if (!map.has(u)) map.set(u, x);
  return map;
}
export const lookup = <T>(map: Map<string, T>, x: { uid: string; aliases?: readonly string[] }) => {
  for (const u of [x.uid, ...(x.aliases ?? [])]) {
    const hit = map.get(u);
    if (hit) return hit;
  }
  return undefined;
};

/** Their categories, parents before children (a cycle in their file is cut where it closes). */
export function parentsFirst(categories: readonly MergeCategory[]): MergeCategory[] {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const out: MergeCategory[] = [];
  const state = new Map<number, 'visiting' | 'done'>();
  const visit = (c: MergeCategory) => {
    if (state.get(c.id)) return;
    state.set(c.id, 'visiting');
    const parent = c.placement.value.parentId === null ? undefined : byId.get(c.placement.value.parentId);
    if (parent && !state.get(parent.id)) visit(parent);
    state.set(c.id, 'done');
    out.push(c);
  };
  [...categories].sort((a, b) => a.id - b.id).forEach(visit);
  return out;
}
