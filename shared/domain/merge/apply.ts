// Applying a merge plan with the user's resolutions to our snapshot, as plain data. The store does
// the same in one transaction; this version states the rules exactly and lets tests check that a
// second merge of the same copy changes nothing.

import { english, say, sayCount, sayList, type Message } from '../message';
import type { MergePlan } from './plan';
import { itemStamp, refKey } from './refs';
import type { Stamp } from './stamps';
import { joinStamps } from './stamps';
import type {
  CategoryPlace,
  Conflict,
  FieldUpdate,
  ItemKind,
  MergeCategory,
  MergeConcept,
  MergePassage,
  PlannedCategory,
  PlannedConcept,
  PlannedPassage,
  PlannedPlace,
  ProjectSnapshot,
  Ref,
  Resolution,
  Tombstone,
} from './types';

const placeRef = (p: PlannedPlace) => (p.parent ? refKey(p.parent) : null);

/**
 * The category a set of resolutions would put inside itself (taking their place for a category we
 * moved too can close a loop with our other moves), or null.
 */
export function loopingCategory(ours: ProjectSnapshot, plan: MergePlan, resolutions: readonly Resolution[]): Conflict | null {
  const parent = new Map<string, string | null>();
  for (const c of ours.categories) parent.set(`o${c.id}`, c.placement.value.parentId === null ? null : `o${c.placement.value.parentId}`);
  for (const c of plan.categories.added) parent.set(`n${c.uid}`, placeRef(c.placement.value));
  for (const u of plan.updates) if (u.field === 'placement' && u.target.kind === 'category') parent.set(`o${u.target.id}`, placeRef(u.value as PlannedPlace));
  const chosen: Conflict[] = [];
  for (const r of resolutions) {
    const c = plan.conflicts.find((x) => x.id === r.conflict);
    if (!c || c.field !== 'placement' || !('id' in c.target) || c.target.kind !== 'category' || !('choose' in r)) continue;
    parent.set(`o${c.target.id}`, placeRef((r.choose === 'theirs' ? c.theirs : c.ours) as PlannedPlace));
    if (r.choose === 'theirs') chosen.push(c);
  }
  for (const c of chosen) {
    const start = `o${(c.target as { id: number }).id}`;
    const seen = new Set<string>();
    for (let x = parent.get(start) ?? null; x !== null && !seen.has(x); x = parent.get(x) ?? null) {
      if (x === start) return c;
      seen.add(x);
    }
  }
  return null;
}

/** Why these resolutions cannot be applied to the plan, or null. */
export function resolutionProblem(plan: MergePlan, resolutions: readonly Resolution[], ours?: ProjectSnapshot): Message | null {
  const byId = new Map(plan.conflicts.map((c) => [c.id, c]));
  for (const r of resolutions) {
    const c = byId.get(r.conflict);
    if (!c) return say('No conflict “{a}” in this merge.', { a: r.conflict });
    if ('text' in r) {
      if (c.field !== 'label' && c.field !== 'memo') return say('“{a}”: only a name or a memo can be typed anew.', { a: c.name });
      if (c.field === 'label' && !r.text.trim()) return say('“{a}”: a name cannot be blank.', { a: c.name });
    } else if (!c.choices.includes(r.choose)) return say('“{a}”: “{choice}” is not a choice here ({choices}).', { a: c.name, choice: r.choose, choices: sayList(c.choices) });
  }
  const open = plan.conflicts.filter((c) => !resolutions.some((r) => r.conflict === c.id));
  if (open.length) return sayCount(open.length, '{n} conflict is not resolved yet (first: “{a}”).', '{n} conflicts are not resolved yet (first: “{a}”).', { a: open[0]!.name });
  const loop = ours ? loopingCategory(ours, plan, resolutions) : null;
  if (loop) return say('Taking their place for “{a}” would put it inside itself; keep ours there.', { a: loop.name });
  return null;
}

/**
 * Every conflict resolved one way, as a "keep ours / take theirs for all" button does; taking theirs
 * falls back to ours for a category whose place from theirs would close a loop.
 */
export function resolveAll(plan: MergePlan, choose: 'ours' | 'theirs', ours?: ProjectSnapshot): Resolution[] {
  const resolutions = plan.conflicts.map((c) => ({ conflict: c.id, choose: c.choices.includes(choose) ? choose : c.choices[0]! }));
  for (let loop = ours && loopingCategory(ours, plan, resolutions); loop; loop = loopingCategory(ours!, plan, resolutions))
    resolutions.find((r) => r.conflict === loop!.id)!.choose = 'ours';
  return resolutions;
}


export function applyMergePlan(ours: ProjectSnapshot, plan: MergePlan, resolutions: readonly Resolution[]): ProjectSnapshot {
  const problem = resolutionProblem(plan, resolutions, ours);
  if (problem) throw new Error(english(problem));

  // A decision made here (a typed text, both filings) is a change of ours: one tick of our clock.
  let clock = ours.clock;
  const tick = (): Stamp => {
    if (clock === ours.clock) clock += 1;
    return { [ours.replica]: clock };
  };

  const updates: FieldUpdate[] = [...plan.updates];
  // Everything deleted by this merge; each gets a tombstone under its uid and every alias.
  const deletions: { kind: ItemKind; id: number; uid: string; stamp: Stamp; aliases?: readonly string[] }[] = [...plan.deletions];
  const addedCategories: PlannedCategory[] = [...plan.categories.added];
  const addedConcepts: PlannedConcept[] = [...plan.concepts.added];
  const addedPassages: PlannedPassage[] = [...plan.passages.added];
  const keep = new Map<string, Stamp>(); // "kind:id" → stamp to join into every field (kept despite their deletion)
  for (const r of resolutions) {
    const c = plan.conflicts.find((x) => x.id === r.conflict)!;
    resolve(c, r);
  }

  function resolve(c: Conflict, r: Resolution) {
    const joined = joinStamps(c.oursStamp, c.theirsStamp);
    if (c.field === 'existence') {
      const choice = 'choose' in r ? r.choose : 'ours';
      if (c.kind === 'deleted-there' && 'id' in c.target) {
        // kept: its stamps now know the deletion, and our decision after it
        if (choice === 'ours') keep.set(`${c.target.kind}:${c.target.id}`, joinStamps(c.theirsStamp, tick()));
        else deletions.push({ kind: c.target.kind as ItemKind, id: c.target.id, uid: '', stamp: c.theirsStamp });
      } else if (c.kind === 'deleted-here' && 'uid' in c.target) {
        if (choice === 'ours') {
          // stays deleted: our tombstone now knows their changes, under their aliases too
          const item = c.theirs as { aliases: string[] };
          deletions.push({ kind: c.target.kind, id: -1, uid: c.target.uid, aliases: item.aliases, stamp: joinStamps(c.oursStamp, c.theirsStamp, tick()) });
        } else {
          const back = withStamps(c.theirs as PlannedCategory | PlannedConcept | PlannedPassage, joinStamps(c.oursStamp, tick()));
          if (c.target.kind === 'category') addedCategories.push(back as PlannedCategory);
          else if (c.target.kind === 'concept') addedConcepts.push(back as PlannedConcept);
          else addedPassages.push(back as PlannedPassage);
        }
      }
      return;
    }
    const target = c.target as FieldUpdate['target'];
    // The resolved value is a decision made here: stamped after both sides, so it wins over each of
    // them in every later merge (and the other copy takes it without a conflict).
    const stamp = joinStamps(joined, tick());
    let value: unknown;
    if ('text' in r) value = r.text;
    else if (r.choose === 'both') {
      const union = new Map<string, Ref>();
      for (const x of [...(c.ours as Ref[]), ...(c.theirs as Ref[])]) union.set(refKey(x), x);
      value = [...union.values()];
    } else value = r.choose === 'ours' ? c.ours : c.theirs;
    updates.push({ target, field: c.field, value, stamp } as FieldUpdate);
  }

  // New ids, after the largest of ours.
  const next = (items: readonly { id: number }[]) => {
    let n = items.reduce((m, x) => Math.max(m, x.id), 0);
    return () => ++n;
  };
  const newCategoryId = next(ours.categories);
  const newConceptId = next(ours.concepts);
  const newPassageId = next(ours.passages);
  const newSourceId = next(ours.sources);

  const gone = new Set(deletions.map((d) => `${d.kind}:${d.id}`));
  const catIds = new Map<string, number>();
  for (const c of ours.categories) if (!gone.has(`category:${c.id}`)) catIds.set(`o${c.id}`, c.id);
  for (const c of addedCategories) catIds.set(`n${c.uid}`, newCategoryId());
  // Cascade: a deleted category takes its sub-categories with it.
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of ours.categories)
      if (catIds.has(`o${c.id}`) && c.placement.value.parentId !== null && !catIds.has(`o${c.placement.value.parentId}`)) {
        const moved = updates.find((u) => u.field === 'placement' && u.target.kind === 'category' && u.target.id === c.id);
        if (moved) continue;
        catIds.delete(`o${c.id}`);
        deletions.push({ kind: 'category', id: c.id, uid: c.uid, stamp: joinStamps(itemStamp(c), tick()) });
        grew = true;
      }
  }
  const resolveCat = (r: Ref | null) => (r ? (catIds.get(refKey(r)) ?? null) : null);

  const latest = <F extends FieldUpdate['field']>(kind: string, id: number, field: F) => {
    let found: FieldUpdate | undefined;
    for (const u of updates) if (u.field === field && 'id' in u.target && u.target.kind === kind && u.target.id === id) found = u;
    return found;
  };
  const keepJoin = (kind: string, id: number, s: Stamp) => {
    const k = keep.get(`${kind}:${id}`);
    return k ? joinStamps(s, k) : s;
  };
  const textField = (kind: string, id: number, field: 'label' | 'memo', own: { value: string; stamp: Stamp }) => {
    const u = latest(kind, id, field);
    const f = u ? { value: u.value as string, stamp: u.stamp } : own;
    return { value: f.value, stamp: keepJoin(kind, id, f.stamp) };
  };
  // When a parent or a filing names an item this merge leaves deleted, the value differs from what
  // the other copy has: that difference is a change of ours, stamped with our clock, so the next
  // merge sees our value as the newer one instead of a conflict.
  const place = (p: PlannedPlace, stamp: Stamp): { value: CategoryPlace; stamp: Stamp } => {
    const parentId = resolveCat(p.parent);
    const lost = p.parent !== null && parentId === null;
    return { value: { parentId, component: parentId === null ? p.component : null }, stamp: lost ? joinStamps(stamp, tick()) : stamp };
  };
  const filings = (refs: readonly Ref[], stamp: Stamp): { value: number[]; stamp: Stamp } => {
    const value = [...new Set(refs.map(resolveCat).filter((id): id is number => id !== null))];
    return { value, stamp: value.length < new Set(refs.map(refKey)).size ? joinStamps(stamp, tick()) : stamp };
  };

  const categories: MergeCategory[] = [];
  for (const c of ours.categories) {
    if (!catIds.has(`o${c.id}`)) continue;
    const moved = latest('category', c.id, 'placement');
    categories.push({
      id: c.id,
      uid: c.uid,
      aliases: [...(c.aliases ?? []), ...plan.aliases.filter((a) => a.kind === 'category' && a.id === c.id).map((a) => a.alias)],
      label: textField('category', c.id, 'label', c.label),
      placement: moved
        ? place(moved.value as PlannedPlace, keepJoin('category', c.id, moved.stamp))
        : { value: c.placement.value, stamp: keepJoin('category', c.id, c.placement.stamp) },
      memo: textField('category', c.id, 'memo', c.memo),
    });
  }
  for (const c of addedCategories)
    categories.push({ id: catIds.get(`n${c.uid}`)!, uid: c.uid, aliases: c.aliases, label: c.label, placement: place(c.placement.value, c.placement.stamp), memo: c.memo });

  const conIds = new Map<string, number>();
  for (const c of ours.concepts) if (!gone.has(`concept:${c.id}`)) conIds.set(`o${c.id}`, c.id);
  for (const c of addedConcepts) conIds.set(`n${c.uid}`, newConceptId());
  const concepts: MergeConcept[] = [];
  for (const c of ours.concepts) {
    if (!conIds.has(`o${c.id}`)) continue;
    const refiled = latest('concept', c.id, 'placement');
    const refs = refiled ? (refiled.value as Ref[]) : c.placement.value.map((id): Ref => ({ kind: 'ours', id }));
    concepts.push({
      id: c.id,
      uid: c.uid,
      aliases: [...(c.aliases ?? []), ...plan.aliases.filter((a) => a.kind === 'concept' && a.id === c.id).map((a) => a.alias)],
      label: textField('concept', c.id, 'label', c.label),
      placement: filings(refs, keepJoin('concept', c.id, refiled ? refiled.stamp : c.placement.stamp)),
      memo: textField('concept', c.id, 'memo', c.memo),
    });
  }
  for (const c of addedConcepts)
    concepts.push({ id: conIds.get(`n${c.uid}`)!, uid: c.uid, aliases: c.aliases, label: c.label, placement: filings(c.placement.value, c.placement.stamp), memo: c.memo });

  const sources = [
    ...ours.sources.map((s) => ({ ...s, memo: textField('source', s.id, 'memo', s.memo) })),
    ...plan.sources.added.map((s) => ({ ...s, id: newSourceId() })),
  ];
  const sourceBySha = new Map(sources.map((s) => [s.sha256, s.id]));

  const passages: MergePassage[] = [];
  for (const p of ours.passages) {
    if (gone.has(`passage:${p.id}`)) continue;
    if (!conIds.has(`o${p.conceptId}`)) {
      // its concept was deleted by this merge: the passage goes with it
      deletions.push({ kind: 'passage', id: p.id, uid: p.uid, stamp: joinStamps(itemStamp(p), tick()) });
      continue;
    }
    passages.push({
      ...p,
      aliases: [...(p.aliases ?? []), ...plan.aliases.filter((a) => a.kind === 'passage' && a.id === p.id).map((a) => a.alias)],
      memo: textField('passage', p.id, 'memo', p.memo),
    });
  }
  for (const p of addedPassages) {
    const conceptId = conIds.get(refKey(p.concept));
    const sourceId = sourceBySha.get(p.sourceSha256);
    if (conceptId === undefined || sourceId === undefined) {
      // its concept stays deleted here: the passage is deleted with it, and remembered as such
      deletions.push({ kind: 'passage', id: -1, uid: p.uid, aliases: p.aliases, stamp: joinStamps(p.memo.stamp, tick()) });
      continue;
    }
    passages.push({ id: newPassageId(), uid: p.uid, aliases: p.aliases, sourceId, start: p.start, end: p.end, conceptId, coder: p.coder, memo: p.memo });
  }

  const tombstones: Tombstone[] = [...ours.tombstones];
  const bury = (t: Tombstone) => {
    const i = tombstones.findIndex((x) => x.kind === t.kind && x.uid === t.uid);
    if (i < 0) tombstones.push(t);
    else tombstones[i] = { ...t, stamp: joinStamps(tombstones[i]!.stamp, t.stamp) };
  };
  plan.tombstones.forEach(bury);
  const itemOf = (d: { kind: ItemKind; id: number }) =>
    (d.kind === 'category' ? ours.categories : d.kind === 'concept' ? ours.concepts : ours.passages).find((x) => x.id === d.id);
  for (const d of deletions) {
    const item = d.id >= 0 ? itemOf(d) : undefined;
    const uids = new Set([d.uid || item?.uid, ...(d.aliases ?? item?.aliases ?? [])].filter((u): u is string => !!u));
    for (const uid of uids) bury({ kind: d.kind, uid, stamp: d.stamp });
  }

  return {
    replica: ours.replica,
    clock,
    coders: [...ours.coders, ...plan.coders.added],
    sources,
    categories,
    concepts,
    passages,
    components: ours.components.map((c) => {
      const u = updates.find((x) => x.target.kind === 'component' && x.target.key === c.key && x.field === 'memo');
      return u ? { key: c.key, memo: { value: u.value as string, stamp: u.stamp } } : c;
    }),
    tombstones,
  };
}

/** An item brought back despite our deletion: its stamps now know the deletion. */
function withStamps<T extends { memo: { value: string; stamp: Stamp }; label?: { value: string; stamp: Stamp }; placement?: { value: unknown; stamp: Stamp } }>(item: T, tomb: Stamp): T {
  const out = { ...item, memo: { ...item.memo, stamp: joinStamps(item.memo.stamp, tomb) } };
  if (item.label) out.label = { ...item.label, stamp: joinStamps(item.label.stamp, tomb) };
  if (item.placement) out.placement = { ...item.placement, stamp: joinStamps(item.placement.stamp, tomb) };
  return out;
}
