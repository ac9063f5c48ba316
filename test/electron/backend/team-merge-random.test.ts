// Merging through the store, on randomly edited copies of one project file: the edits go through
// the repositories in commands (renames, memos, filings, moves, new items, passages, deletions, and
// undo and redo now and then), so the stamps are the store's own. The merge writer must leave the
// project exactly as shared/domain/merge's applyMergePlan says; merging the same copy again changes
// nothing; merging back the other way brings no conflict and the two copies end the same. Seeded.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findOrCreateCoder } from '../../../db/coders';
import {
  deleteConcept,
  fileConcept,
  insertCategory,
  insertConcept,
  moveCategory,
  setConceptMemo,
  subtreeIds,
  unfileConcept,
  updateCategory,
  updateConcept,
  assignComponent,
} from '../../../db/codebook';
import type { ReadableDB, WritableDB } from '../../../db/handles';
import { readSnapshot } from '../../../db/merge-snapshot';
import { deleteSegment, insertSegment } from '../../../db/segments';
import { createProjectFile, openProjectFile } from '../../../db/sqlite/open';
import type { Store } from '../../../db/store';
import { applyMerge } from '../../../electron/backend/team/merge';
import { categoryId, conceptId, documentId, segmentId } from '../../../shared/domain/ids';
import { applyMergePlan, resolveAll } from '../../../shared/domain/merge/apply';
import { planMerge } from '../../../shared/domain/merge/plan';
import { content } from '../../shared/domain/merge/merge-helpers';
import { addSource, storeFiles } from '../../helpers/store';
import { clearForCoder } from '../../../db/team-copies';

const files = storeFiles();
afterEach(() => files.cleanup());

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
const TEXT = 'a'.repeat(200);

const ids = async (db: ReadableDB, table: string) => (await db.all<{ id: number }>(`SELECT id FROM ${table} ORDER BY id`)).map((r) => Number(r.id));

async function randomEdits(store: Store, rnd: () => number, n: number, coder: string) {
  const int = (k: number) => Math.floor(rnd() * k);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)];
  for (let i = 0; i < n; i += 1) {
    const op = int(13);
    if (op === 12) {
      await (rnd() < 0.7 ? store.undo() : store.redo());
      continue;
    }
    await store.write({ kind: `random.${op}`, label: `edit ${i}` }, async (db: WritableDB) => {
      const concepts = await ids(db, 'concept');
      const categories = await ids(db, 'category');
      const con = pick(concepts);
      const cat = pick(categories);
      if (op === 0 && con) await updateConcept(db, conceptId(con), { label: pick(LABELS)! });
      else if (op === 1 && con) await setConceptMemo(db, conceptId(con), `${coder} note ${i}`);
      else if (op === 2 && con && cat) {
        if (rnd() < 0.5) for (const c of categories) await unfileConcept(db, categoryId(c), conceptId(con));
        await fileConcept(db, categoryId(cat), conceptId(con));
      } else if (op === 3 && cat) await updateCategory(db, categoryId(cat), { name: `${pick(LABELS)} group` });
      else if (op === 4 && cat) {
        const parent = pick(categories)!;
        const below = await subtreeIds(db, categoryId(cat));
        if (rnd() < 0.3) {
          await moveCategory(db, categoryId(cat), null);
          await assignComponent(db, categoryId(cat), 'context');
        } else if (!below.includes(categoryId(parent))) await moveCategory(db, categoryId(cat), categoryId(parent));
      } else if (op === 5) {
        const id = await insertConcept(db, { label: pick(LABELS)!, color: '#123456', inVivo: false });
        if (cat) await fileConcept(db, categoryId(cat), id);
      } else if ((op === 6 || op === 11) && con) {
        const start = int(5) * 10;
        const who = await findOrCreateCoder(db, rnd() < 0.5 ? 'Alice' : coder);
        const twin = await db.get('SELECT 1 AS one FROM segment WHERE concept_id = ? AND start_offset = ? AND coder_id = ?', con, start, who.id);
        if (!twin) await insertSegment(db, { documentId: documentId(1), conceptId: conceptId(con), start, end: start + 10, text: TEXT.slice(start, start + 10), contextBefore: '', contextAfter: '', coderId: who.id });
      } else if (op === 7) {
        const passage = pick(await ids(db, 'segment'));
        if (passage) await deleteSegment(db, segmentId(passage));
      } else if (op === 8 && con) await deleteConcept(db, conceptId(con));
      else if (op === 9) await insertCategory(db, { name: `${pick(LABELS)} group`, color: '#654321', parentId: rnd() < 0.5 && cat ? categoryId(cat) : null });
      else if (op === 10 && con) await updateConcept(db, conceptId(con), { color: '#abcdef' });
    });
  }
}

describe('merging randomly edited copies through the store', () => {
  it('writes what applyMergePlan says, is idempotent, and converges both ways, for 12 seeds', async () => {
    for (let seed = 1; seed <= 12; seed += 1) {
      const rnd = random(seed);
      const dir = path.dirname(files.file());
      const origin = path.join(dir, `origin-${seed}.groundwork`);
      const store = createProjectFile(origin, 'Origin');
      await store.write({ kind: 'setup', label: 'setup' }, async (db) => {
        await addSource(db, 'one', TEXT);
        await findOrCreateCoder(db, 'Alice');
        const drivers = await insertCategory(db, { name: 'Drivers', color: '#111111', parentId: null });
        await assignComponent(db, drivers, 'causal');
        const economic = await insertCategory(db, { name: 'Economic', color: '#222222', parentId: drivers });
        await fileConcept(db, drivers, await insertConcept(db, { label: 'Trust', color: '#333333', inVivo: false }));
        await fileConcept(db, economic, await insertConcept(db, { label: 'Cost', color: '#444444', inVivo: false }));
      });
      const copies: string[] = [];
      for (const x of ['a', 'b']) {
        copies.push(path.join(dir, `${x}-${seed}.groundwork`));
        await store.backup(copies[copies.length - 1]!);
      }
      await store.close();
      const [a, b] = copies.map((f) => files.keep(openProjectFile(f))) as [Store, Store];
      // each copy as "Prepare copies" makes it: a replica of its own, no history
      for (const [i, copy] of [a, b].entries()) await copy.writeUnlogged((db) => clearForCoder(db, 'nobody', `copy ${i}`));
      await randomEdits(a, rnd, 2 + Math.floor(rnd() * 10), 'Bita');
      await randomEdits(b, rnd, 2 + Math.floor(rnd() * 10), 'Cyrus');

      const ours = await a.read(readSnapshot);
      const theirs = await b.read(readSnapshot);
      const plan = planMerge(ours, theirs);
      const keep = rnd() < 0.5 ? 'ours' : 'theirs';
      const expected = applyMergePlan(ours, plan, resolveAll(plan, keep, ours));
      const report = await applyMerge(a, copies[1]!, resolveAll(plan, keep, ours).filter((r) => 'choose' in r && r.choose !== keep), keep);
      const merged = await a.read(readSnapshot);
      expect(content(merged), `seed ${seed}: the store holds what the plan says`).toEqual(content(expected));
      expect(merged.tombstones.length, `seed ${seed}: tombstones`).toBe(expected.tombstones.length);
      expect(report.nothingChanged, `seed ${seed}`).toBe(plan.empty);

      const again = planMerge(merged, await b.read(readSnapshot));
      expect(again.empty, `seed ${seed}: merging the same copy again plans nothing`).toBe(true);
      expect((await applyMerge(a, copies[1]!, [])).nothingChanged).toBe(true);

      const back = planMerge(await b.read(readSnapshot), merged);
      expect(back.conflicts.map((c) => `${c.kind} ${c.name}`), `seed ${seed}: the resolutions travel back without conflicts`).toEqual([]);
      await applyMerge(b, copies[0]!, []);
      expect(content(await b.read(readSnapshot)), `seed ${seed}: both copies end the same`).toEqual(content(merged));

      await a.close();
      await b.close();
      for (const f of [origin, ...copies]) for (const s of ['', '-wal', '-shm']) fs.rmSync(f + s, { force: true });
    }
  }, 300_000);
});
