// Two (and three) copies edited apart at random (renames, memos, refilings, moves, new items, new passages,
// deletions), then merged both ways with every conflict resolved: the copies end the same, and
// merging again changes nothing. Seeded, so a failure can be replayed.

import { describe, expect, it } from 'vitest';
import { applyMergePlan, resolveAll } from '../../../../shared/domain/merge/apply';
import { planMerge } from '../../../../shared/domain/merge/plan';
import type { ProjectSnapshot } from '../../../../shared/domain/merge/types';
import type { Draft } from './merge-helpers';
import { addPassage, content, edit, newId, origin, remove } from './merge-helpers';

function random(seed: number) {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

const LABELS = ['Trust', 'Cost', 'Price', 'Speed', 'Peers', 'Risk'];

function randomEdits(s: ProjectSnapshot, rnd: () => number, n: number, tag: string): ProjectSnapshot {
  const int = (k: number) => Math.floor(rnd() * k);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)];
  let out = s;
  for (let i = 0; i < n; i += 1) {
    out = edit(out, (d: Draft, stamp, touch) => {
      const op = int(10);
      const con = pick(d.concepts);
      const cat = pick(d.categories);
      if (op === 0 && con) touch(con.label, `${pick(LABELS)}`);
      else if (op === 1 && con) touch(con.memo, `${tag} note ${i}`);
      else if (op === 2 && con && d.categories.length) touch(con.placement, [...new Set([pick(d.categories)!.id, ...(rnd() < 0.5 ? con.placement.value : [])])]);
      else if (op === 3 && cat) touch(cat.label, `${pick(LABELS)} group`);
      else if (op === 4 && cat) {
        const parent = pick(d.categories)!;
        // a move that keeps this copy's own tree free of loops
        let ok = parent.id !== cat.id;
        for (let x: number | null = parent.placement.value.parentId; ok && x !== null; x = d.categories.find((c) => c.id === x)?.placement.value.parentId ?? null) if (x === cat.id) ok = false;
        if (ok) touch(cat.placement, rnd() < 0.3 ? { parentId: null, component: 'context' } : { parentId: parent.id, component: null });
      } else if (op === 5) {
        const id = newId(d.concepts);
        d.concepts.push({ id, uid: `${tag}-con-${i}`, label: { value: pick(LABELS)!, stamp }, placement: { value: d.categories.length ? [pick(d.categories)!.id] : [], stamp }, memo: { value: '', stamp: {} } });
      } else if (op === 6 && con) {
        const start = int(5) * 10;
        addPassage(d, { uid: `${tag}-pas-${i}`, sourceId: 1, start, end: start + 10, conceptId: con.id, coder: rnd() < 0.5 ? 'coder-alice' : `coder-${tag}` }, stamp);
        if (!d.coders.some((c) => c.uid === `coder-${tag}`)) d.coders.push({ uid: `coder-${tag}`, name: tag, color: '#000' });
      } else if (op === 7 && d.passages.length) remove(d, 'passage', pick(d.passages)!.id, stamp);
      else if (op === 8 && con) {
        // deleting a concept deletes its passages, as the store does
        for (const p of d.passages.filter((x) => x.conceptId === con.id)) remove(d, 'passage', p.id, stamp);
        remove(d, 'concept', con.id, stamp);
      } else if (op === 9) {
        const id = newId(d.categories);
        d.categories.push({ id, uid: `${tag}-cat-${i}`, label: { value: `${pick(LABELS)} group`, stamp }, placement: { value: { parentId: rnd() < 0.5 && cat ? cat.id : null, component: null }, stamp }, memo: { value: '', stamp: {} } });
      }
    });
  }
  return out;
}

describe('merging randomly edited copies', () => {
  it('converges both ways and is idempotent, for 150 seeds', () => {
    for (let seed = 1; seed <= 150; seed += 1) {
      const rnd = random(seed);
      let a = randomEdits(origin('copy-a'), rnd, 1 + Math.floor(rnd() * 8), 'a');
      let b = randomEdits(origin('copy-b'), rnd, 1 + Math.floor(rnd() * 8), 'b');
      const first = planMerge(a, b);
      a = applyMergePlan(a, first, resolveAll(first, rnd() < 0.5 ? 'ours' : 'theirs', a));
      const again = planMerge(a, b);
      expect(again.empty, `seed ${seed}: merging b into a again plans nothing (${JSON.stringify(again.conflicts.map((c) => c.id).concat(again.updates.map((u) => JSON.stringify(u.target) + u.field)))})`).toBe(true);
      const back = planMerge(b, a);
      expect(back.conflicts.map((c) => `${c.kind} ${c.name}`), `seed ${seed}: a's resolutions come back to b without conflicts`).toEqual([]);
      b = applyMergePlan(b, back, []);
      expect(content(b), `seed ${seed}: the two copies end the same`).toEqual(content(a));
      expect(planMerge(a, b).empty, `seed ${seed}: a and b have nothing more to merge`).toBe(true);
      expect(planMerge(b, a).empty, `seed ${seed}: b and a have nothing more to merge`).toBe(true);
    }
  });
});

describe('three copies', () => {
  it('converge in a ring of merges (a ← b, c ← a, b ← c, a ← b, c ← a, b ← c), for 200 seeds', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const rnd = random(seed);
      let a = randomEdits(origin('copy-a'), rnd, 1 + Math.floor(rnd() * 10), 'a');
      let b = randomEdits(origin('copy-b'), rnd, 1 + Math.floor(rnd() * 10), 'b');
      let c = randomEdits(origin('copy-c'), rnd, 1 + Math.floor(rnd() * 10), 'c');
      const m = (x: ProjectSnapshot, y: ProjectSnapshot) => {
        const p = planMerge(x, y);
        const res = resolveAll(p, rnd() < 0.5 ? 'ours' : 'theirs', x);
        const r = applyMergePlan(x, p, res);

        const ag = planMerge(r, y);

        expect(ag.empty, `seed ${seed} idempotent`).toBe(true);
        return r;
      };
      a = m(a, b);
      a = randomEdits(a, rnd, Math.floor(rnd() * 4), 'a2');
      c = m(c, a);
      b = m(b, c);
      a = m(a, b);
      c = m(c, a);
      const last = planMerge(b, c);
      expect(last.conflicts.map((x) => x.kind + ' ' + x.name), `seed ${seed} no conflicts at the end`).toEqual([]);
      b = applyMergePlan(b, last, []);
      expect(content(a), `seed ${seed} a=c`).toEqual(content(c));
      expect(content(b), `seed ${seed} b=c`).toEqual(content(c));
    }
  });
});
