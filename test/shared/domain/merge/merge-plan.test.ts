// The merge rules, each on two copies made from one starting point: matching (SHA-256, uid, label in
// the same place, identical passages), what comes in, conflicts and their resolutions, deletions,
// and idempotence: after a merge, merging the same copy again changes nothing.

import { describe, expect, it } from 'vitest';
import { applyMergePlan, resolutionProblem, resolveAll } from '../../../../shared/domain/merge/apply';
import { english, type Message } from '../../../../shared/domain/message';

const englishOf = (m: Message | null) => (m ? english(m) : m);
import { planMerge } from '../../../../shared/domain/merge/plan';
import { compareStamps, joinStamps } from '../../../../shared/domain/merge/stamps';
import type { ProjectSnapshot, Resolution } from '../../../../shared/domain/merge/types';
import { addPassage, category, concept, content, edit, newId, origin, remove } from './merge-helpers';

const ours0 = origin('copy-a');
const theirs0 = origin('copy-b');

/** Merges theirs into ours with the given resolutions, and checks that a second merge is empty. */
function mergeTwice(ours: ProjectSnapshot, theirs: ProjectSnapshot, resolutions: (plan: ReturnType<typeof planMerge>) => Resolution[] = () => []) {
  const plan = planMerge(ours, theirs);
  const merged = applyMergePlan(ours, plan, resolutions(plan));
  const again = planMerge(merged, theirs);
  expect(again, 'the second merge of the same copy plans nothing').toMatchObject({ empty: true, conflicts: [], updates: [] });
  expect(content(applyMergePlan(merged, again, []))).toEqual(content(merged));
  return { plan, merged };
}

describe('matching', () => {
  it('two untouched copies of one project merge to nothing', () => {
    const plan = planMerge(ours0, theirs0);
    expect(plan.empty).toBe(true);
    expect(plan.sources.matched).toEqual([{ theirs: 1, ours: 1 }]);
    expect(plan.categories.matched.map((m) => m.by)).toEqual(['uid', 'uid']);
    expect(plan.passages.matched).toEqual([{ theirs: 1, ours: 1, by: 'uid' }]);
  });

  it('matches sources by the SHA-256 of their text, whatever their ids and names', () => {
    const theirs = edit(theirs0, (d) => {
      d.sources[0]!.id = 7;
      d.sources[0]!.name = 'renamed.pdf';
      d.passages[0]!.sourceId = 7;
      d.sources.push({ id: 8, sha256: 'sha-two', name: 'Two', memo: { value: '', stamp: {} } });
    });
    const plan = planMerge(ours0, theirs);
    expect(plan.sources.matched).toEqual([{ theirs: 7, ours: 1 }]);
    expect(plan.sources.added.map((s) => s.sha256)).toEqual(['sha-two']);
    expect(plan.passages.added).toEqual([]);
  });

  it('brings in new sources, categories, concepts and passages with their coders, filed where they were', () => {
    const theirs = edit(theirs0, (d, stamp) => {
      d.coders.push({ uid: 'coder-bita', name: 'Bita', color: '#0c0' });
      d.sources.push({ id: 2, sha256: 'sha-two', name: 'Two', memo: { value: '', stamp: {} } });
      d.categories.push({ id: 3, uid: 'cat-social', label: { value: 'Social', stamp }, placement: { value: { parentId: 1, component: null }, stamp }, memo: { value: '', stamp: {} } });
      d.concepts.push({ id: 3, uid: 'con-peers', label: { value: 'Peers', stamp }, placement: { value: [3], stamp }, memo: { value: 'first seen in Two', stamp } });
      addPassage(d, { uid: 'pas-b1', sourceId: 2, start: 5, end: 25, conceptId: 3, coder: 'coder-bita' }, stamp);
    });
    const { plan, merged } = mergeTwice(ours0, theirs);
    expect(plan.coders.added.map((c) => c.name)).toEqual(['Bita']);
    expect(plan.categories.added[0]).toMatchObject({ uid: 'cat-social', placement: { value: { parent: { kind: 'ours', id: 1 } } } });
    expect(plan.concepts.added[0]).toMatchObject({ uid: 'con-peers', placement: { value: [{ kind: 'new', uid: 'cat-social' }] } });
    expect(plan.passages.added[0]).toMatchObject({ sourceSha256: 'sha-two', concept: { kind: 'new', uid: 'con-peers' }, coder: 'coder-bita' });
    expect(content(merged).concepts).toContain('Peers in Social | first seen in Two');
    expect(content(merged).passages).toContain('sha-two 5-25 Peers coder-bita | ');
    expect(merged.categories.find((c) => c.uid === 'cat-social')).toMatchObject({ id: 3, placement: { value: { parentId: 1, component: null } } });
  });

  it('matches an item created on both sides by its label in the same place, and remembers the other uid', () => {
    const ours = edit(ours0, (d, stamp) => d.concepts.push({ id: 3, uid: 'con-a-price', label: { value: 'Price', stamp }, placement: { value: [2], stamp }, memo: { value: '', stamp: {} } }));
    const theirs = edit(theirs0, (d, stamp) => {
      d.concepts.push({ id: 3, uid: 'con-b-price', label: { value: 'price ', stamp }, placement: { value: [2], stamp }, memo: { value: 'why', stamp } });
      addPassage(d, { uid: 'pas-b1', sourceId: 1, start: 40, end: 50, conceptId: 3, coder: 'coder-alice' }, stamp);
    });
    const { plan, merged } = mergeTwice(ours, theirs, (p) => resolveAll(p, 'ours'));
    expect(plan.concepts.matched).toContainEqual({ theirs: 3, ours: 3, by: 'label' });
    expect(plan.aliases).toEqual([{ kind: 'concept', id: 3, alias: 'con-b-price' }]);
    expect(plan.concepts.added).toEqual([]);
    // both named it on their own: the spelling is a conflict; the memo only they wrote comes in
    expect(plan.conflicts.map((c) => c.kind)).toEqual(['renamed']);
    expect(merged.concepts.find((c) => c.id === 3)).toMatchObject({ label: { value: 'Price' }, memo: { value: 'why' }, aliases: ['con-b-price'] });
    expect(merged.passages.find((p) => p.uid === 'pas-b1')?.conceptId).toBe(3);
  });

  it('does not match a label in another place', () => {
    const ours = edit(ours0, (d, stamp) => d.concepts.push({ id: 3, uid: 'con-a-price', label: { value: 'Price', stamp }, placement: { value: [1], stamp }, memo: { value: '', stamp: {} } }));
    const theirs = edit(theirs0, (d, stamp) => d.concepts.push({ id: 3, uid: 'con-b-price', label: { value: 'Price', stamp }, placement: { value: [2], stamp }, memo: { value: '', stamp: {} } }));
    const { plan, merged } = mergeTwice(ours, theirs);
    expect(plan.concepts.added.map((c) => c.uid)).toEqual(['con-b-price']);
    expect(merged.concepts.filter((c) => c.label.value === 'Price')).toHaveLength(2);
  });

  it('does not double a passage that is identical: same source, offsets, concept and coder', () => {
    const passage = { sourceId: 1, start: 100, end: 180, conceptId: 2, coder: 'coder-alice' };
    const ours = edit(ours0, (d, stamp) => addPassage(d, { uid: 'pas-a9', ...passage }, stamp));
    const theirs = edit(theirs0, (d, stamp) => {
      addPassage(d, { uid: 'pas-b9', ...passage }, stamp);
      addPassage(d, { uid: 'pas-b10', ...passage, coder: 'coder-bita' }, stamp); // another coder: kept
      addPassage(d, { uid: 'pas-b11', ...passage, end: 181 }, stamp); // other offsets: kept
      d.coders.push({ uid: 'coder-bita', name: 'Bita', color: '#0c0' });
    });
    const { plan, merged } = mergeTwice(ours, theirs);
    expect(plan.passages.matched).toContainEqual({ theirs: 2, ours: 2, by: 'identical' });
    expect(plan.passages.added.map((p) => p.uid)).toEqual(['pas-b10', 'pas-b11']);
    expect(merged.passages).toHaveLength(4);
  });

  it('matches coders by uid, else by name', () => {
    const theirs = edit(theirs0, (d) => d.coders.push({ uid: 'coder-b-alice2', name: 'alice ', color: '#00c' }, { uid: 'coder-sara', name: 'Sara', color: '#cc0' }));
    const plan = planMerge(ours0, theirs);
    expect(plan.coders.matched).toEqual([
      { theirs: 'coder-alice', ours: 'coder-alice' },
      { theirs: 'coder-b-alice2', ours: 'coder-alice' },
    ]);
    expect(plan.coders.added.map((c) => c.name)).toEqual(['Sara']);
  });

  it('warns when the two projects share no item by uid', () => {
    const stranger = edit(theirs0, (d) => {
      d.categories.forEach((c) => (c.uid = `other-${c.uid}`));
      d.concepts.forEach((c) => (c.uid = `other-${c.uid}`));
    });
    expect(planMerge(ours0, stranger).warnings.map(english)).toEqual([expect.stringMatching(/share no codebook item by uid/)]);
  });
});

describe('changes made on one side only', () => {
  it('take the newer value: a rename, a move, a refiling and a memo', () => {
    const theirs = edit(theirs0, (d, _stamp, touch) => {
      touch(category(d, 'Economic').label, 'Economics');
      touch(category(d, 'Economics').placement, { parentId: null, component: 'context' });
      touch(concept(d, 'Trust').placement, [1, 2]);
      touch(concept(d, 'Cost').memo, 'cost of switching');
    });
    const { plan, merged } = mergeTwice(ours0, theirs);
    expect(plan.conflicts).toEqual([]);
    expect(plan.updates.map((u) => `${u.target.kind}.${u.field}`)).toEqual(['category.label', 'category.placement', 'concept.placement', 'concept.memo']);
    expect(content(merged).categories).toContain('Economics < context | ');
    expect(content(merged).concepts).toEqual(['Cost in Economics | cost of switching', 'Trust in Drivers,Economics | ']);
  });

  it('keep ours where we changed and they did not', () => {
    const ours = edit(ours0, (d, _s, touch) => touch(concept(d, 'Trust').label, 'Confidence'));
    const plan = planMerge(ours, theirs0);
    expect(plan.empty).toBe(true);
  });

  it('the same rename on both sides is no conflict; the stamps are joined so later edits compare right', () => {
    const ours = edit(ours0, (d, _s, touch) => touch(concept(d, 'Trust').label, 'Confidence'));
    const theirs = edit(theirs0, (d, _s, touch) => touch(concept(d, 'Trust').label, 'Confidence'));
    const { plan, merged } = mergeTwice(ours, theirs);
    expect(plan.conflicts).toEqual([]);
    expect(plan.updates).toEqual([{ target: { kind: 'concept', id: 1 }, field: 'label', value: 'Confidence', stamp: { origin: 1, 'copy-a': 1, 'copy-b': 1 } }]);
    expect(compareStamps(merged.concepts[0]!.label.stamp, theirs.concepts[0]!.label.stamp)).toBe('after');
  });
});

describe('conflicts', () => {
  const ours = edit(ours0, (d, _s, touch) => {
    touch(concept(d, 'Trust').label, 'Confidence');
    touch(concept(d, 'Cost').placement, [1]);
    touch(category(d, 'Drivers').memo, 'ours: why these drive it');
    touch(category(d, 'Economic').placement, { parentId: null, component: 'context' });
  });
  const theirs = edit(theirs0, (d, _s, touch) => {
    touch(concept(d, 'Trust').label, 'Reliance');
    touch(concept(d, 'Cost').placement, [1, 2]);
    touch(category(d, 'Drivers').memo, 'theirs: another reading');
    touch(category(d, 'Economic').placement, { parentId: null, component: 'intervening' });
  });
  const plan = planMerge(ours, theirs);

  it('lists the same item renamed, moved or refiled differently, and the same memo edited, on both sides', () => {
    expect(plan.conflicts.map((c) => [c.kind, c.target, c.field, c.ours, c.theirs])).toEqual([
      ['memo', { kind: 'category', id: 1 }, 'memo', 'ours: why these drive it', 'theirs: another reading'],
      ['moved', { kind: 'category', id: 2 }, 'placement', { parent: null, component: 'context' }, { parent: null, component: 'intervening' }],
      ['renamed', { kind: 'concept', id: 1 }, 'label', 'Confidence', 'Reliance'],
      ['moved', { kind: 'concept', id: 2 }, 'placement', [{ kind: 'ours', id: 1 }], [{ kind: 'ours', id: 1 }, { kind: 'ours', id: 2 }]],
    ]);
    expect(plan.conflicts.find((c) => c.kind === 'moved' && c.target.kind === 'concept')!.choices).toEqual(['ours', 'theirs', 'both']);
    expect(plan.updates).toEqual([]);
  });

  it('cannot be applied until each is resolved, with a valid choice', () => {
    expect(englishOf(resolutionProblem(plan, []))).toMatch(/4 conflicts are not resolved yet/);
    expect(() => applyMergePlan(ours, plan, [])).toThrow(/not resolved/);
    const renamed = plan.conflicts.find((c) => c.kind === 'renamed')!;
    const memo = plan.conflicts.find((c) => c.kind === 'memo')!;
    expect(englishOf(resolutionProblem(plan, [{ conflict: renamed.id, choose: 'both' }]))).toMatch(/not a choice/);
    expect(englishOf(resolutionProblem(plan, [{ conflict: renamed.id, text: '  ' }]))).toMatch(/cannot be blank/);
    expect(englishOf(resolutionProblem(plan, [{ conflict: 'nope', choose: 'ours' }]))).toMatch(/No conflict/);
    expect(resolutionProblem(plan, [{ conflict: memo.id, text: 'merged memo' }, ...resolveAll(plan, 'ours').filter((r) => r.conflict !== memo.id)])).toBeNull();
  });

  it('resolved as ours, theirs, both or a typed text, and a second merge changes nothing', () => {
    const pick = (kind: string, target: string): string => plan.conflicts.find((c) => c.kind === kind && c.target.kind === target)!.id;
    const { merged } = mergeTwice(ours, theirs, () => [
      { conflict: pick('renamed', 'concept'), choose: 'theirs' },
      { conflict: pick('moved', 'concept'), choose: 'both' },
      { conflict: pick('memo', 'category'), text: 'both readings' },
      { conflict: pick('moved', 'category'), choose: 'ours' },
    ]);
    expect(content(merged).concepts).toEqual(['Cost in Drivers,Economic | ', 'Reliance in Drivers | ']);
    expect(content(merged).categories).toEqual(['Drivers < causal | both readings', 'Economic < context | ']);
    // a decision made here ticks our clock once
    expect(merged.clock).toBe(ours.clock + 1);
  });

  it('after resolving, the other copy takes the resolution without a conflict', () => {
    const merged = applyMergePlan(ours, plan, resolveAll(plan, 'ours'));
    const back = planMerge(theirs, merged);
    expect(back.conflicts).toEqual([]);
    const theirsNow = applyMergePlan(theirs, back, []);
    expect(content(theirsNow)).toEqual(content(merged));
  });

  it('refuses to take their place for a category where it would close a loop, and “theirs for all” keeps ours there', () => {
    // we: Economic to the top, then Drivers under Economic; they: Economic to the top and back
    // under Drivers. Taking their Economic would put Drivers → Economic → Drivers.
    const o = edit(ours0, (d, _s, touch) => {
      touch(category(d, 'Economic').placement, { parentId: null, component: 'context' });
      touch(category(d, 'Drivers').placement, { parentId: 2, component: null });
    });
    const t = edit(
      edit(theirs0, (d, _s, touch) => touch(category(d, 'Economic').placement, { parentId: null, component: 'intervening' })),
      (d, _s, touch) => touch(category(d, 'Economic').placement, { parentId: 1, component: null }),
    );
    const p = planMerge(o, t);
    expect(p.conflicts.map((c) => [c.kind, c.name])).toEqual([['moved', 'Economic']]);
    expect(englishOf(resolutionProblem(p, [{ conflict: p.conflicts[0]!.id, choose: 'theirs' }], o))).toMatch(/“Economic” would put it inside itself/);
    expect(() => applyMergePlan(o, p, [{ conflict: p.conflicts[0]!.id, choose: 'theirs' }])).toThrow(/inside itself/);
    expect(resolveAll(p, 'theirs', o)).toEqual([{ conflict: p.conflicts[0]!.id, choose: 'ours' }]);
    mergeTwice(o, t, (plan) => resolveAll(plan, 'theirs', o));
  });
});

describe('a loop made by two moves that are each one-sided', () => {
  it('is named as a cycle, and keeping ours is idempotent', () => {
    // start: Drivers (main), Economic under Drivers, plus a main category Social
    const base = (replica: string) =>
      edit(origin(replica), (d) => {
        d.categories.push({ id: 3, uid: 'cat-social', label: { value: 'Social', stamp: { origin: 1 } }, placement: { value: { parentId: null, component: 'causal' }, stamp: { origin: 1 } }, memo: { value: '', stamp: {} } });
      });
    const o = edit({ ...base('copy-a'), clock: 0 }, (d, _s, touch) => touch(category(d, 'Social').placement, { parentId: 2, component: null })); // Social under Economic
    const t = edit({ ...base('copy-b'), clock: 0 }, (d, _s, touch) => touch(category(d, 'Drivers').placement, { parentId: 3, component: null })); // Drivers under Social
    const plan = planMerge(o, t);
    expect(plan.conflicts.map((c) => [c.kind, c.name, c.choices])).toEqual([['cycle', 'Drivers', ['ours']]]);
    mergeTwice(o, t, (p) => resolveAll(p, 'ours'));
  });
});

describe('deletions', () => {
  it('an item they deleted and we did not change since is deleted here, with its tombstone', () => {
    const theirs = edit(theirs0, (d, stamp) => {
      remove(d, 'passage', 1, stamp);
    });
    const { plan, merged } = mergeTwice(ours0, theirs);
    expect(plan.deletions).toEqual([{ kind: 'passage', id: 1, uid: 'pas-1', stamp: expect.any(Object) }]);
    expect(merged.passages).toEqual([]);
    expect(merged.tombstones.map((t) => t.uid)).toEqual(['pas-1']);
  });

  it('a concept they deleted is kept while we still have passages on it, unless the user says otherwise', () => {
    const ours = edit(ours0, (d, stamp) => addPassage(d, { uid: 'pas-a2', sourceId: 1, start: 30, end: 40, conceptId: 2, coder: 'coder-alice' }, stamp));
    const theirs = edit(theirs0, (d, stamp, touch) => {
      remove(d, 'concept', 2, stamp);
      touch(category(d, 'Drivers').memo, 'Cost removed');
    });
    const plan = planMerge(ours, theirs);
    expect(plan.conflicts.map((c) => [c.kind, c.name, c.ours])).toEqual([['deleted-there', 'Cost', 'in use']]);
    const kept = mergeTwice(ours, theirs, (p) => resolveAll(p, 'ours')).merged;
    expect(content(kept).concepts).toContain('Cost in Economic | ');
    const deleted = mergeTwice(ours, theirs, (p) => resolveAll(p, 'theirs')).merged;
    expect(deleted.concepts.map((c) => c.label.value)).toEqual(['Trust']);
    expect(deleted.passages.map((p) => p.uid)).toEqual(['pas-1']); // its passage went with it
  });

  it('an item they deleted that we changed since is a conflict', () => {
    const ours = edit(ours0, (d, _s, touch) => touch(concept(d, 'Cost').memo, 'important'));
    const theirs = edit(theirs0, (d, stamp) => remove(d, 'concept', 2, stamp));
    const { plan, merged } = mergeTwice(ours, theirs, (p) => resolveAll(p, 'ours'));
    expect(plan.conflicts.map((c) => c.kind)).toEqual(['deleted-there']);
    expect(content(merged).concepts).toContain('Cost in Economic | important');
  });

  it('an item we deleted stays deleted when they did not change it', () => {
    const ours = edit(ours0, (d, stamp) => remove(d, 'concept', 2, stamp));
    const { plan } = mergeTwice(ours, theirs0);
    expect(plan.empty).toBe(true);
  });

  it('an item we deleted that they changed, or coded on, is a conflict', () => {
    const ours = edit(ours0, (d, stamp) => remove(d, 'concept', 2, stamp));
    const theirs = edit(theirs0, (d, stamp) => addPassage(d, { uid: 'pas-b7', sourceId: 1, start: 60, end: 70, conceptId: 2, coder: 'coder-alice' }, stamp));
    const plan = planMerge(ours, theirs);
    expect(plan.conflicts.map((c) => [c.kind, c.name])).toEqual([['deleted-here', 'Cost']]);
    const stays = mergeTwice(ours, theirs, (p) => resolveAll(p, 'ours')).merged;
    expect(stays.concepts.map((c) => c.label.value)).toEqual(['Trust']);
    expect(stays.passages.map((p) => p.uid)).toEqual(['pas-1']);
    const back = mergeTwice(ours, theirs, (p) => resolveAll(p, 'theirs')).merged;
    expect(content(back).concepts).toContain('Cost in Economic | ');
    expect(back.passages.map((p) => p.uid)).toEqual(['pas-1', 'pas-b7']);
  });
});

describe('idempotence over a whole session of team work', () => {
  it('two coders code apart, merge both ways, and end with the same project; merging again changes nothing', () => {
    let a = edit(ours0, (d, stamp, touch) => {
      d.coders.push({ uid: 'coder-reza', name: 'Reza', color: '#00c' });
      addPassage(d, { uid: 'pas-a1', sourceId: 1, start: 20, end: 30, conceptId: 2, coder: 'coder-reza' }, stamp);
      touch(concept(d, 'Trust').memo, 'Reza: trust in the platform');
    });
    let b = edit(theirs0, (d, stamp, touch) => {
      d.coders.push({ uid: 'coder-bita', name: 'Bita', color: '#0c0' });
      d.sources.push({ id: 2, sha256: 'sha-two', name: 'Two', memo: { value: '', stamp: {} } });
      d.concepts.push({ id: 3, uid: 'con-peers', label: { value: 'Peers', stamp }, placement: { value: [1], stamp }, memo: { value: '', stamp: {} } });
      addPassage(d, { uid: 'pas-b1', sourceId: 2, start: 0, end: 12, conceptId: 3, coder: 'coder-bita' }, stamp);
      addPassage(d, { uid: 'pas-b2', sourceId: 1, start: 20, end: 30, conceptId: 2, coder: 'coder-bita' }, stamp);
      touch(category(d, 'Economic').label, 'Economics');
    });
    a = mergeTwice(a, b).merged;
    b = mergeTwice(b, a).merged;
    expect(content(b)).toEqual(content(a));
    expect(planMerge(a, b).empty).toBe(true);
    expect(content(a).passages).toHaveLength(4);
    expect(a.tombstones).toEqual([]);
  });
});

describe('stamps', () => {
  it('order versions: before, after, equal, concurrent', () => {
    expect(compareStamps({ a: 1 }, { a: 2 })).toBe('before');
    expect(compareStamps({ a: 2, b: 1 }, { a: 2 })).toBe('after');
    expect(compareStamps({}, {})).toBe('equal');
    expect(compareStamps({ a: 1 }, { b: 1 })).toBe('concurrent');
    expect(joinStamps({ a: 1, b: 3 }, { a: 2 })).toEqual({ a: 2, b: 3 });
  });

  it('a copy of a copy (same replica, same counter, different values) is a conflict, not silently equal', () => {
    const twin = edit(ours0, (d, _s, touch) => touch(concept(d, 'Trust').label, 'One'));
    const other = edit(ours0, (d, _s, touch) => touch(concept(d, 'Trust').label, 'Two'));
    expect(planMerge(twin, other).conflicts.map((c) => c.kind)).toEqual(['renamed']);
    expect(newId(twin.concepts)).toBe(3);
  });
});
