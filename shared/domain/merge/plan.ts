// The merge plan: what another copy of the project brings into ours. Sources are matched by the
// SHA-256 of their text, codebook items by uid (or an alias learnt earlier), else by label in the same
// place; passages by uid, else as identical (same source, offsets, concept and coder). A field both
// copies changed apart is a conflict; one changed on one side only is taken from that side. Planning
// twice against the same other copy, after applying the first plan, yields an empty plan.

import { say, type Message } from '../message';
import { sameLabel } from '../normalize';
import type { ComponentKey } from '../paradigm';
import { cycleConflicts, inUseDeletions } from './checks';
import { byUid, itemStamp, lookup, parentsFirst, placeKey, refsKey } from './refs';
import type { Stamp } from './stamps';
import { compareStamps, joinStamps, stampWithin } from './stamps';
import type {
  Conflict,
  FieldUpdate,
  ItemKind,
  MergeCategory,
  MergeCoder,
  MergeConcept,
  MergePassage,
  MergeSource,
  PlannedCategory,
  PlannedConcept,
  PlannedPassage,
  PlannedPlace,
  ProjectSnapshot,
  Ref,
  Stamped,
  Target,
  Tombstone,
} from './types';

export interface Matched {
  theirs: number;
  ours: number;
  by: 'uid' | 'label' | 'identical';
}

export interface MergePlan {
  coders: { matched: { theirs: string; ours: string }[]; added: MergeCoder[] };
  sources: { matched: { theirs: number; ours: number }[]; added: MergeSource[] };
  categories: { matched: Matched[]; added: PlannedCategory[] };
  concepts: { matched: Matched[]; added: PlannedConcept[] };
  /** `identical`: passages of theirs we already have (matched by uid or as identical). */
  passages: { matched: Matched[]; added: PlannedPassage[] };
  /** Fields of our items that take their value (or only a joined stamp, when both values are equal). */
  updates: FieldUpdate[];
  /** Our items they deleted, unchanged here since (`stamp`: their tombstone's). */
  deletions: { kind: ItemKind; id: number; uid: string; stamp: Stamp }[];
  /** Their tombstones we lack or know less of (joined with ours): kept so no later merge brings those items back. */
  tombstones: Tombstone[];
  /** Uids our items are also known by from now on. */
  aliases: { kind: ItemKind; id: number; alias: string }[];
  conflicts: Conflict[];
  /** One-line notes for the report (English). */
  warnings: Message[];
  /** Nothing to bring in, change or decide. */
  empty: boolean;
}

export function planMerge(ours: ProjectSnapshot, theirs: ProjectSnapshot): MergePlan {
  const updates: FieldUpdate[] = [];
  const conflicts: Conflict[] = [];
  const aliases: MergePlan['aliases'] = [];
  const warnings: Message[] = [];
  const tombsOurs = new Map(ours.tombstones.map((t) => [`${t.kind}:${t.uid}`, t]));
  const tombsTheirs = new Map(theirs.tombstones.map((t) => [`${t.kind}:${t.uid}`, t]));
  const tombFor = (tombs: Map<string, Tombstone>, kind: ItemKind, x: { uid: string; aliases?: readonly string[] }) => {
    for (const u of [x.uid, ...(x.aliases ?? [])]) {
      const t = tombs.get(`${kind}:${u}`);
      if (t) return t;
    }
    return undefined;
  };
  const learn = (kind: ItemKind, o: { id: number; uid: string; aliases?: readonly string[] }, t: { uid: string; aliases?: readonly string[] }) => {
    const known = new Set([o.uid, ...(o.aliases ?? [])]);
    for (const u of [t.uid, ...(t.aliases ?? [])]) if (!known.has(u)) (known.add(u), aliases.push({ kind, id: o.id, alias: u }));
  };

  /** One field of a matched item: nothing, their value, a joined stamp, or a conflict. */
  const field = <V>(
    target: Target,
    name: string,
    which: 'label' | 'placement' | 'memo',
    o: Stamped<V>,
    t: Stamped<V>,
    same: (a: V, b: V) => boolean,
    make: (value: V, stamp: Stamp) => FieldUpdate,
    choices: Conflict['choices'] = ['ours', 'theirs'],
  ) => {
    const order = compareStamps(o.stamp, t.stamp);
    if (same(o.value, t.value)) {
      if (order === 'before' || order === 'concurrent') updates.push(make(o.value, joinStamps(o.stamp, t.stamp)));
      return;
    }
    if (order === 'after') return;
    if (order === 'before') return void updates.push(make(t.value, t.stamp));
    const id = `${which}:${target.kind}:${'id' in target ? target.id : target.key}`;
    const kind = which === 'label' ? 'renamed' : which === 'placement' ? 'moved' : 'memo';
    conflicts.push({ id, kind, target, name, field: which, ours: o.value, theirs: t.value, oursStamp: o.stamp, theirsStamp: t.stamp, choices });
  };
  const text = (a: string, b: string) => a === b;
  const textUpdate = (target: Target, which: 'label' | 'memo') => (value: string, stamp: Stamp): FieldUpdate => ({ target, field: which, value, stamp });

  // Coders: by uid, else by name.
  const coderMap = new Map<string, string>();
  const codersPlan: MergePlan['coders'] = { matched: [], added: [] };
  for (const tc of theirs.coders) {
    const oc = ours.coders.find((c) => c.uid === tc.uid) ?? ours.coders.find((c) => sameLabel(c.name, tc.name));
    if (oc) {
      coderMap.set(tc.uid, oc.uid);
      codersPlan.matched.push({ theirs: tc.uid, ours: oc.uid });
    } else {
      coderMap.set(tc.uid, tc.uid);
      codersPlan.added.push(tc);
    }
  }

  // Sources: by SHA-256 of the canonical text.
  const oursBySha = new Map(ours.sources.map((s) => [s.sha256, s]));
  const shaOf = new Map(theirs.sources.map((s) => [s.id, s.sha256]));
  const sourcesPlan: MergePlan['sources'] = { matched: [], added: [] };
  for (const ts of theirs.sources) {
    const os = oursBySha.get(ts.sha256);
    if (!os) {
      sourcesPlan.added.push(ts);
      continue;
    }
    sourcesPlan.matched.push({ theirs: ts.id, ours: os.id });
    const target: Target = { kind: 'source', id: os.id };
    field(target, os.name, 'memo', os.memo, ts.memo, text, textUpdate(target, 'memo'));
  }

  // Which of their items bring work we have not seen under something we deleted.
  const oursCatUid = byUid(ours.categories);
  const oursConUid = byUid(ours.concepts);
  const oursPasUid = byUid(ours.passages);
  const unknownToUs = (kind: ItemKind, x: { uid: string; aliases?: readonly string[] }, index: Map<string, unknown>) =>
    !lookup(index, x) && !tombFor(tombsOurs, kind, x);
  const newWorkUnderCategory = (id: number) =>
    theirs.categories.some((c) => c.placement.value.parentId === id && unknownToUs('category', c, oursCatUid)) ||
    theirs.concepts.some((c) => c.placement.value.includes(id) && unknownToUs('concept', c, oursConUid));
  const newWorkUnderConcept = (id: number) => theirs.passages.some((p) => p.conceptId === id && unknownToUs('passage', p, oursPasUid));

  /**
   * Their item we deleted: stays deleted when they did not change it since (and added nothing under
   * it); comes back when they knew of the deletion and revived it; otherwise the user decides.
   */
  const deletedHere = (kind: ItemKind, x: { uid: string; aliases?: readonly string[] }, stamp: Stamp, newWork: boolean, name: string, planned: unknown) => {
    const tomb = tombFor(tombsOurs, kind, x)!;
    if (stampWithin(tomb.stamp, stamp) && compareStamps(tomb.stamp, stamp) !== 'equal') return 'add' as const;
    if (stampWithin(stamp, tomb.stamp) && !newWork) return 'skip' as const;
    conflicts.push({
      id: `existence:${kind}:${x.uid}`,
      kind: 'deleted-here',
      target: { kind, uid: x.uid },
      name,
      field: 'existence',
      ours: null,
      theirs: planned,
      oursStamp: tomb.stamp,
      theirsStamp: stamp,
      choices: ['ours', 'theirs'],
    });
    return 'conflict' as const;
  };

  // Categories: parents first, so a child can be matched "in the same place".
  const catMap = new Map<number, Ref>();
  const usedCats = new Set<number>();
  const categoriesPlan: MergePlan['categories'] = { matched: [], added: [] };
  const mapPlace = (p: { parentId: number | null; component: ComponentKey | null }): PlannedPlace => {
    if (p.parentId === null) return { parent: null, component: p.component };
    const parent = catMap.get(p.parentId) ?? { kind: 'new' as const, uid: theirs.categories.find((c) => c.id === p.parentId)?.uid ?? `missing-${p.parentId}` };
    return { parent, component: p.component };
  };
  const oursPlace = (c: MergeCategory): PlannedPlace => ({
    parent: c.placement.value.parentId === null ? null : { kind: 'ours', id: c.placement.value.parentId },
    component: c.placement.value.component,
  });
  const categoryMatches: [MergeCategory, MergeCategory][] = [];
  const theirsCatUid = byUid(theirs.categories);
  const oursCategoriesById = [...ours.categories].sort((a, b) => a.id - b.id);
  for (const tc of parentsFirst(theirs.categories)) {
    let oc = lookup(oursCatUid, tc);
    let by: Matched['by'] = 'uid';
    if (!oc && tombFor(tombsOurs, 'category', tc)) {
      const planned = plannedCategory(tc, mapPlace);
      const verdict = deletedHere('category', tc, itemStamp(tc), newWorkUnderCategory(tc.id), tc.label.value, planned);
      if (verdict === 'add') categoriesPlan.added.push(planned);
      catMap.set(tc.id, { kind: 'new', uid: tc.uid });
      continue;
    }
    if (!oc) {
      const place = mapPlace(tc.placement.value);
      const parentId = place.parent === null ? null : place.parent.kind === 'ours' ? place.parent.id : undefined;
      if (parentId !== undefined)
        oc = oursCategoriesById.find(
          (c) =>
            !usedCats.has(c.id) &&
            c.placement.value.parentId === parentId &&
            // theirs knows this item of ours already (alive or deleted): it is not the one they made
            !lookup(theirsCatUid, c) &&
            !tombFor(tombsTheirs, 'category', c) &&
            sameLabel(c.label.value, tc.label.value),
        );
      by = 'label';
    }
    if (!oc) {
      categoriesPlan.added.push(plannedCategory(tc, mapPlace));
      catMap.set(tc.id, { kind: 'new', uid: tc.uid });
      continue;
    }
    usedCats.add(oc.id);
    catMap.set(tc.id, { kind: 'ours', id: oc.id });
    categoriesPlan.matched.push({ theirs: tc.id, ours: oc.id, by });
    learn('category', oc, tc);
    categoryMatches.push([oc, tc]);
  }
  // Fields once every category is mapped (a placement may name a category matched later).
  for (const [oc, tc] of categoryMatches) {
    const target = { kind: 'category' as const, id: oc.id };
    field(target, oc.label.value, 'label', oc.label, tc.label, text, textUpdate(target, 'label'));
    field(
      target,
      oc.label.value,
      'placement',
      { value: oursPlace(oc), stamp: oc.placement.stamp },
      { value: mapPlace(tc.placement.value), stamp: tc.placement.stamp },
      (a, b) => placeKey(a) === placeKey(b),
      (value, stamp) => ({ target, field: 'placement', value, stamp }),
    );
    field(target, oc.label.value, 'memo', oc.memo, tc.memo, text, textUpdate(target, 'memo'));
  }

  // Concepts: by uid, else by label where both are filed in a common category (or both unfiled).
  const conMap = new Map<number, Ref>();
  const usedCons = new Set<number>();
  const conceptsPlan: MergePlan['concepts'] = { matched: [], added: [] };
  const mapFilings = (ids: readonly number[]): Ref[] => ids.map((id) => catMap.get(id)).filter((r): r is Ref => !!r);
  const theirsConUid = byUid(theirs.concepts);
  const oursConceptsById = [...ours.concepts].sort((a, b) => a.id - b.id);
  for (const tc of [...theirs.concepts].sort((a, b) => a.id - b.id)) {
    let oc = lookup(oursConUid, tc);
    let by: Matched['by'] = 'uid';
    if (!oc && tombFor(tombsOurs, 'concept', tc)) {
      const planned = plannedConcept(tc, mapFilings);
      const verdict = deletedHere('concept', tc, itemStamp(tc), newWorkUnderConcept(tc.id), tc.label.value, planned);
      if (verdict === 'add') conceptsPlan.added.push(planned);
      conMap.set(tc.id, { kind: 'new', uid: tc.uid });
      continue;
    }
    if (!oc) {
      const filed = new Set(mapFilings(tc.placement.value).filter((r) => r.kind === 'ours').map((r) => (r as { id: number }).id));
      oc = oursConceptsById.find(
          (c) =>
            !usedCons.has(c.id) &&
            !lookup(theirsConUid, c) &&
            !tombFor(tombsTheirs, 'concept', c) &&
            sameLabel(c.label.value, tc.label.value) &&
            (c.placement.value.length === 0 && tc.placement.value.length === 0 ? true : c.placement.value.some((id) => filed.has(id))),
        );
      by = 'label';
    }
    if (!oc) {
      conceptsPlan.added.push(plannedConcept(tc, mapFilings));
      conMap.set(tc.id, { kind: 'new', uid: tc.uid });
      continue;
    }
    usedCons.add(oc.id);
    conMap.set(tc.id, { kind: 'ours', id: oc.id });
    conceptsPlan.matched.push({ theirs: tc.id, ours: oc.id, by });
    learn('concept', oc, tc);
    const target = { kind: 'concept' as const, id: oc.id };
    field(target, oc.label.value, 'label', oc.label, tc.label, text, textUpdate(target, 'label'));
    field(
      target,
      oc.label.value,
      'placement',
      { value: oc.placement.value.map((id): Ref => ({ kind: 'ours', id })), stamp: oc.placement.stamp },
      { value: mapFilings(tc.placement.value), stamp: tc.placement.stamp },
      (a, b) => refsKey(a) === refsKey(b),
      (value, stamp) => ({ target, field: 'placement', value, stamp }),
      ['ours', 'theirs', 'both'],
    );
    field(target, oc.label.value, 'memo', oc.memo, tc.memo, text, textUpdate(target, 'memo'));
  }

  // Passages: by uid, else identical (same source, offsets, concept and coder), else new.
  const passagesPlan: MergePlan['passages'] = { matched: [], added: [] };
  const oursSourceSha = new Map(ours.sources.map((s) => [s.id, s.sha256]));
  const identicalKey = (sha: string, start: number, end: number, concept: number, coder: string) => `${sha}|${start}|${end}|${concept}|${coder}`;
  const oursIdentical = new Map<string, MergePassage>();
  const theirsPasUid = byUid(theirs.passages);
  for (const p of [...ours.passages].sort((a, b) => a.id - b.id)) {
    const k = identicalKey(oursSourceSha.get(p.sourceId) ?? '', p.start, p.end, p.conceptId, p.coder);
    if (!oursIdentical.has(k)) oursIdentical.set(k, p);
  }
  const usedPassages = new Set<number>();
  for (const tp of [...theirs.passages].sort((a, b) => a.id - b.id)) {
    const sha = shaOf.get(tp.sourceId);
    const concept = conMap.get(tp.conceptId);
    if (!sha || !concept) {
      warnings.push(say('Their passage {id} names a source or concept their project does not have; it was left out.', { id: String(tp.id) }));
      continue;
    }
    const planned: PlannedPassage = {
      uid: tp.uid,
      aliases: [...(tp.aliases ?? [])],
      sourceSha256: sha,
      start: tp.start,
      end: tp.end,
      concept,
      coder: coderMap.get(tp.coder) ?? tp.coder,
      memo: tp.memo,
    };
    let op = lookup(oursPasUid, tp);
    let by: Matched['by'] = 'uid';
    if (!op && tombFor(tombsOurs, 'passage', tp)) {
      const verdict = deletedHere('passage', tp, itemStamp(tp), false, `${tp.start}–${tp.end}`, planned);
      if (verdict === 'add') passagesPlan.added.push(planned);
      continue;
    }
    if (!op && concept.kind === 'ours') {
      const candidate = oursIdentical.get(identicalKey(sha, tp.start, tp.end, concept.id, planned.coder));
      if (candidate && !usedPassages.has(candidate.id) && !lookup(theirsPasUid, candidate) && !tombFor(tombsTheirs, 'passage', candidate)) op = candidate;
      by = 'identical';
    }
    if (!op) {
      passagesPlan.added.push(planned);
      continue;
    }
    usedPassages.add(op.id);
    passagesPlan.matched.push({ theirs: tp.id, ours: op.id, by });
    learn('passage', op, tp);
    const target = { kind: 'passage' as const, id: op.id };
    field(target, `${op.start}–${op.end}`, 'memo', op.memo, tp.memo, text, textUpdate(target, 'memo'));
  }

  // Component memos.
  for (const tc of theirs.components) {
    const oc = ours.components.find((c) => c.key === tc.key);
    if (!oc) continue;
    const target: Target = { kind: 'component', key: tc.key };
    field(target, tc.key, 'memo', oc.memo, tc.memo, text, textUpdate(target, 'memo'));
  }

  // Their deletions of our items.
  const deletions: MergePlan['deletions'] = [];
  const theirsAlive: Record<ItemKind, Map<string, unknown>> = { category: theirsCatUid, concept: theirsConUid, passage: theirsPasUid };
  const deletedThere = (kind: ItemKind, item: { id: number; uid: string; aliases?: readonly string[] }, stamp: Stamp, name: string) => {
    // A tombstone beside a living item of the same uid: they deleted it and brought it back.
    if (lookup(theirsAlive[kind], item)) return;
    const tomb = tombFor(tombsTheirs, kind, item);
    if (!tomb || stampWithin(tomb.stamp, stamp)) return; // not deleted there, or revived here knowingly
    if (stampWithin(stamp, tomb.stamp)) return void deletions.push({ kind, id: item.id, uid: item.uid, stamp: tomb.stamp });
    conflicts.push({
      id: `existence:${kind}:${item.id}`,
      kind: 'deleted-there',
      target: { kind, id: item.id },
      name,
      field: 'existence',
      ours: 'kept',
      theirs: null,
      oursStamp: stamp,
      theirsStamp: tomb.stamp,
      choices: ['ours', 'theirs'],
    });
  };
  for (const c of ours.categories) deletedThere('category', c, itemStamp(c), c.label.value);
  for (const c of ours.concepts) deletedThere('concept', c, itemStamp(c), c.label.value);
  for (const p of ours.passages) deletedThere('passage', p, itemStamp(p), `${p.start}–${p.end}`);
  inUseDeletions(ours, deletions, updates, conflicts);

  // Their tombstones we lack, or know less of (both deleted the item, or they decided after us).
  const tombstones = theirs.tombstones.flatMap((t) => {
    const mine = tombsOurs.get(`${t.kind}:${t.uid}`);
    if (!mine) return [t];
    return stampWithin(t.stamp, mine.stamp) ? [] : [{ ...t, stamp: joinStamps(mine.stamp, t.stamp) }];
  });
  cycleConflicts(ours, categoriesPlan.added, updates, conflicts);

  if (ours.categories.length + ours.concepts.length > 0 && theirs.categories.length + theirs.concepts.length > 0 && categoryMatchesBy(categoriesPlan, conceptsPlan) === 0)
    warnings.push(say('The two projects share no codebook item by uid: they may not be copies of the same project. Items were matched by label only.'));

  const empty =
    codersPlan.added.length +
      sourcesPlan.added.length +
      categoriesPlan.added.length +
      conceptsPlan.added.length +
      passagesPlan.added.length +
      updates.length +
      deletions.length +
      tombstones.length +
      aliases.length +
      conflicts.length ===
    0;
  return {
    coders: codersPlan,
    sources: sourcesPlan,
    categories: categoriesPlan,
    concepts: conceptsPlan,
    passages: passagesPlan,
    updates,
    deletions,
    tombstones,
    aliases,
    conflicts,
    warnings,
    empty,
  };
}

const categoryMatchesBy = (cats: MergePlan['categories'], cons: MergePlan['concepts']) =>
  [...cats.matched, ...cons.matched].filter((m) => m.by === 'uid').length;

function plannedCategory(c: MergeCategory, mapPlace: (p: MergeCategory['placement']['value']) => PlannedPlace): PlannedCategory {
  return { uid: c.uid, aliases: [...(c.aliases ?? [])], label: c.label, placement: { value: mapPlace(c.placement.value), stamp: c.placement.stamp }, memo: c.memo };
}

function plannedConcept(c: MergeConcept, mapFilings: (ids: readonly number[]) => Ref[]): PlannedConcept {
  return { uid: c.uid, aliases: [...(c.aliases ?? [])], label: c.label, placement: { value: mapFilings(c.placement.value), stamp: c.placement.stamp }, memo: c.memo };
}
