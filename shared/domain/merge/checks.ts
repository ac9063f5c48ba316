// Checks a merge plan makes once everything is matched: a deletion of theirs that would leave
// something of ours without its place, and a move of theirs that would put a category inside itself,
// each become a conflict for the user instead of a change.

import type { MergePlan } from './plan';
import { itemStamp, refKey } from './refs';
import type { Conflict, FieldUpdate, MergeCategory, MergeConcept, PlannedCategory, PlannedPlace, ProjectSnapshot, Ref } from './types';

/**
 * A deletion of theirs that would leave something of ours without its place (a sub-category, a
 * concept still filed there, a passage on the concept) becomes a conflict instead.
 */
export function inUseDeletions(ours: ProjectSnapshot, deletions: MergePlan['deletions'], updates: FieldUpdate[], conflicts: Conflict[]) {
  let changed = true;
  while (changed) {
    changed = false;
    const gone = new Set(deletions.map((d) => `${d.kind}:${d.id}`));
    const placementOf = (c: MergeConcept) => {
      const u = updates.find((x) => x.field === 'placement' && x.target.kind === 'concept' && x.target.id === c.id);
      return u ? (u.value as Ref[]).filter((r) => r.kind === 'ours').map((r) => (r as { id: number }).id) : c.placement.value;
    };
    const parentOf = (c: MergeCategory) => {
      const u = updates.find((x) => x.field === 'placement' && x.target.kind === 'category' && x.target.id === c.id);
      const p = u ? (u.value as PlannedPlace).parent : null;
      return u ? (p?.kind === 'ours' ? p.id : null) : c.placement.value.parentId;
    };
    for (const d of [...deletions]) {
      const inUse =
        d.kind === 'category'
          ? ours.categories.some((c) => parentOf(c) === d.id && !gone.has(`category:${c.id}`)) ||
            ours.concepts.some((c) => placementOf(c).includes(d.id) && !gone.has(`concept:${c.id}`))
          : d.kind === 'concept'
            ? ours.passages.some((p) => p.conceptId === d.id && !gone.has(`passage:${p.id}`))
            : false;
      if (!inUse) continue;
      deletions.splice(deletions.indexOf(d), 1);
      const item = (d.kind === 'category' ? ours.categories : ours.concepts).find((x) => x.id === d.id)!;
      conflicts.push({
        id: `existence:${d.kind}:${d.id}`,
        kind: 'deleted-there',
        target: { kind: d.kind, id: d.id },
        name: item.label.value,
        field: 'existence',
        ours: 'in use',
        theirs: null,
        oursStamp: itemStamp(item),
        theirsStamp: d.stamp,
        choices: ['ours', 'theirs'],
      });
      changed = true;
    }
  }
}

/** A parent change taken from theirs that would put a category inside itself becomes a conflict. */
export function cycleConflicts(ours: ProjectSnapshot, added: readonly PlannedCategory[], updates: FieldUpdate[], conflicts: Conflict[]) {
  for (;;) {
    const parent = new Map<string, string | null>();
    for (const c of ours.categories) parent.set(`o${c.id}`, c.placement.value.parentId === null ? null : `o${c.placement.value.parentId}`);
    for (const c of added) parent.set(`n${c.uid}`, c.placement.value.parent ? refKey(c.placement.value.parent) : null);
    for (const u of updates)
      if (u.field === 'placement' && u.target.kind === 'category') {
        const p = (u.value as PlannedPlace).parent;
        parent.set(`o${u.target.id}`, p ? refKey(p) : null);
      }
    const culprit = updates.find((u) => {
      if (u.field !== 'placement' || u.target.kind !== 'category') return false;
      const start = `o${u.target.id}`;
      const seen = new Set<string>();
      for (let x = parent.get(start) ?? null; x !== null; x = parent.get(x) ?? null) {
        if (x === start) return true;
        if (seen.has(x)) return false;
        seen.add(x);
      }
      return false;
    });
    if (!culprit || culprit.field !== 'placement' || culprit.target.kind !== 'category') return;
    updates.splice(updates.indexOf(culprit), 1);
    const id = culprit.target.id;
    const c = ours.categories.find((x) => x.id === id)!;
    conflicts.push({
      id: `placement:category:${id}`,
      kind: 'cycle',
      target: culprit.target,
      name: c.label.value,
      field: 'placement',
      ours: { parent: c.placement.value.parentId === null ? null : { kind: 'ours', id: c.placement.value.parentId }, component: c.placement.value.component },
      theirs: culprit.value,
      oursStamp: c.placement.stamp,
      theirsStamp: culprit.stamp,
      choices: ['ours'],
    });
  }
}
