// Builds small project snapshots for the merge tests, and edits them as a store would: every change
// ticks the copy's clock and stamps the changed field with it.

import type { Stamp } from '../../../../shared/domain/merge/stamps';
import { joinStamps } from '../../../../shared/domain/merge/stamps';
import type { ItemKind, MergeCategory, MergeConcept, MergePassage, ProjectSnapshot } from '../../../../shared/domain/merge/types';
import type { ComponentKey } from '../../../../shared/domain/paradigm';

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? Mutable<U>[] : T[K] extends object ? Mutable<T[K]> : T[K] };
export type Draft = Mutable<ProjectSnapshot>;

const ORIGIN: Stamp = { origin: 1 };
const f = <T>(value: T, stamp: Stamp = ORIGIN) => ({ value, stamp });

/**
 * The common starting point: Drivers (causal) ⊃ Economic; Trust in Drivers, Cost in Economic; one
 * source with one passage of Trust by Alice.
 */
export function origin(replica: string): ProjectSnapshot {
  return {
    replica,
    clock: 0,
    coders: [{ uid: 'coder-alice', name: 'Alice', color: '#c00' }],
    sources: [{ id: 1, sha256: 'sha-one', name: 'One', memo: f('') }],
    categories: [
      { id: 1, uid: 'cat-drivers', label: f('Drivers'), placement: f({ parentId: null, component: 'causal' as ComponentKey }), memo: f('') },
      { id: 2, uid: 'cat-economic', label: f('Economic'), placement: f({ parentId: 1, component: null }), memo: f('') },
    ],
    concepts: [
      { id: 1, uid: 'con-trust', label: f('Trust'), placement: f([1]), memo: f('') },
      { id: 2, uid: 'con-cost', label: f('Cost'), placement: f([2]), memo: f('') },
    ],
    passages: [{ id: 1, uid: 'pas-1', sourceId: 1, start: 0, end: 10, conceptId: 1, coder: 'coder-alice', memo: f('') }],
    components: [{ key: 'causal', memo: f('') }],
    tombstones: [],
  };
}

/** A change made in this copy: the clock ticks, and `change` gets the stamp to put on what it changes. */
export function edit(s: ProjectSnapshot, change: (d: Draft, stamp: Stamp, touch: <T>(field: { value: T; stamp: Stamp }, value: T) => void) => void): ProjectSnapshot {
  const d = structuredClone(s) as Draft;
  d.clock += 1;
  const stamp = { [d.replica]: d.clock };
  change(d, stamp, (field, value) => {
    field.value = value;
    field.stamp = joinStamps(field.stamp, stamp);
  });
  return d as ProjectSnapshot;
}

export const category = (d: Draft, label: string) => d.categories.find((c) => c.label.value === label)! as Mutable<MergeCategory>;
export const concept = (d: Draft, label: string) => d.concepts.find((c) => c.label.value === label)! as Mutable<MergeConcept>;

/** Deletes an item as a store does: gone, with a tombstone that knows its stamps and this change. */
export function remove(d: Draft, kind: ItemKind, id: number, stamp: Stamp) {
  const list = (kind === 'category' ? d.categories : kind === 'concept' ? d.concepts : d.passages) as { id: number; uid: string; aliases?: string[]; label?: { stamp: Stamp }; placement?: { stamp: Stamp }; memo: { stamp: Stamp } }[];
  const i = list.findIndex((x) => x.id === id);
  const item = list[i]!;
  list.splice(i, 1);
  const tomb = joinStamps(item.label?.stamp ?? {}, item.placement?.stamp ?? {}, item.memo.stamp, stamp);
  // under its uid and every alias; deleted before, brought back, deleted again: one tombstone that knows both
  for (const uid of [item.uid, ...(item.aliases ?? [])]) {
    const earlier = d.tombstones.find((t) => t.kind === kind && t.uid === uid);
    if (earlier) earlier.stamp = joinStamps(earlier.stamp, tomb);
    else d.tombstones.push({ kind, uid, stamp: tomb });
  }
}

export function newId(items: readonly { id: number }[]) {
  return items.reduce((m, x) => Math.max(m, x.id), 0) + 1;
}

export function addPassage(d: Draft, p: Omit<MergePassage, 'id' | 'memo'> & { memo?: string }, stamp: Stamp) {
  d.passages.push({ ...p, id: newId(d.passages), memo: { value: p.memo ?? '', stamp: p.memo ? stamp : {} } } as Mutable<MergePassage>);
}

/** What a user sees of a project, independent of local ids: for comparing two copies. */
export function content(s: ProjectSnapshot) {
  // by label, not uid: an item matched by label has a different uid in each copy
  const catUid = new Map(s.categories.map((c) => [c.id, c.label.value]));
  const conUid = new Map(s.concepts.map((c) => [c.id, c.label.value]));
  const sha = new Map(s.sources.map((x) => [x.id, x.sha256]));
  return {
    coders: s.coders.map((c) => c.name).sort(),
    sources: s.sources.map((x) => `${x.sha256} ${x.memo.value}`).sort(),
    categories: s.categories
      .map((c) => `${c.label.value} < ${c.placement.value.parentId === null ? c.placement.value.component : catUid.get(c.placement.value.parentId)} | ${c.memo.value}`)
      .sort(),
    concepts: s.concepts.map((c) => `${c.label.value} in ${c.placement.value.map((id) => catUid.get(id)).sort().join(',')} | ${c.memo.value}`).sort(),
    passages: s.passages.map((p) => `${sha.get(p.sourceId)} ${p.start}-${p.end} ${conUid.get(p.conceptId)} ${p.coder} | ${p.memo.value}`).sort(),
  };
}
