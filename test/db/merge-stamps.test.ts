// Version stamps and tombstones as the store keeps them (db/merge-stamps.ts): every change stamps
// what it changed with a new tick of the copy's clock; a deletion leaves a tombstone; an undo or a
// redo is stamped as a change of its own (after what it replaced), never put back to an old stamp;
// the clock only grows.

import { afterEach, describe, expect, it } from 'vitest';
import { fileConcept, insertCategory, insertConcept, deleteConcept, updateConcept } from '../../db/codebook';
import type { ReadableDB } from '../../db/handles';
import { readSnapshot } from '../../db/merge-snapshot';
import { categoryId, conceptId } from '../../shared/domain/ids';
import { compareStamps } from '../../shared/domain/merge/stamps';
import { testProjects } from '../helpers/engine';

// Both engines: the stamping is the command log's, in portable SQL.
const projects = testProjects();
afterEach(() => projects.cleanup());
const create = async (name: string) => (await projects.create(name)).store;

const snap = (db: ReadableDB) => readSnapshot(db);

describe('version stamps kept by the store', () => {
  it('stamp what each change changed, once per change, and a tombstone for what went', async () => {
    const store = await create('Stamps');
    await store.write({ kind: 'x', label: 'make' }, async (db) => {
      const cat = await insertCategory(db, { name: 'Drivers', color: '#111111', parentId: null });
      const con = await insertConcept(db, { label: 'Trust', color: '#222222', inVivo: false });
      await fileConcept(db, cat, con);
    });
    const made = await store.read(snap);
    const r = made.replica;
    expect(made.clock).toBe(1);
    expect(made.concepts[0]).toMatchObject({ label: { stamp: { [r]: 1 } }, placement: { value: [1], stamp: { [r]: 1 } }, memo: { stamp: {} } });
    expect(made.categories[0]).toMatchObject({ label: { stamp: { [r]: 1 } }, placement: { stamp: { [r]: 1 } } });

    await store.write({ kind: 'x', label: 'rename' }, (db) => updateConcept(db, conceptId(1), { label: 'Confidence' }));
    const renamed = await store.read(snap);
    expect(renamed.clock).toBe(2);
    expect(renamed.concepts[0]).toMatchObject({ label: { value: 'Confidence', stamp: { [r]: 2 } }, placement: { stamp: { [r]: 1 } } });

    // A change that touches no merged field (a colour) does not tick the clock.
    await store.write({ kind: 'x', label: 'recolour' }, (db) => updateConcept(db, conceptId(1), { color: '#333333' }));
    expect((await store.read(snap)).clock).toBe(2);

    await store.write({ kind: 'x', label: 'delete' }, (db) => deleteConcept(db, conceptId(1)));
    const deleted = await store.read(snap);
    expect(deleted.concepts).toEqual([]);
    expect(deleted.tombstones).toEqual([{ kind: 'concept', uid: made.concepts[0]!.uid, stamp: { [r]: 3 } }]);
  });

  it('stamp the memo of an item made with one (its insert logged by its key alone)', async () => {
    const store = await create('Memo');
    await store.write({ kind: 'x', label: 'make' }, async (db) => {
      await db.run(`INSERT INTO concept (label, color, in_vivo, memo, created_at, uid) VALUES ('Trust', '#222222', 0, 'Said twice', ?, 'u-trust')`, new Date().toISOString());
      await insertConcept(db, { label: 'Silent', color: '#222222', inVivo: false });
    });
    const made = await store.read(snap);
    const r = made.replica;
    expect(made.concepts.find((c) => c.label.value === 'Trust')).toMatchObject({ memo: { value: 'Said twice', stamp: { [r]: 1 } } });
    expect(made.concepts.find((c) => c.label.value === 'Silent')).toMatchObject({ memo: { stamp: {} } });
  });

  it('stamp an undo and a redo as changes of their own, after what they replaced', async () => {
    const store = await create('Undo');
    await store.write({ kind: 'x', label: 'make' }, (db) => insertConcept(db, { label: 'Trust', color: '#222222', inVivo: false }));
    await store.write({ kind: 'x', label: 'rename' }, (db) => updateConcept(db, conceptId(1), { label: 'Confidence' }));
    const renamed = await store.read(snap);
    const r = renamed.replica;

    await store.undo();
    const undone = await store.read(snap);
    expect(undone.concepts[0]!.label.value).toBe('Trust');
    // not the stamp the name had before (1), but one after the rename's (2)
    expect(undone.concepts[0]!.label.stamp).toEqual({ [r]: 3 });
    expect(compareStamps(renamed.concepts[0]!.label.stamp, undone.concepts[0]!.label.stamp)).toBe('before');

    await store.redo();
    const redone = await store.read(snap);
    expect(redone.concepts[0]!.label).toEqual({ value: 'Confidence', stamp: { [r]: 4 } });
    expect(redone.clock).toBe(4);
  });

  it('bury what an undo takes away, and let what it brings back know its tombstone', async () => {
    const store = await create('Revive');
    await store.write({ kind: 'x', label: 'make' }, (db) => insertConcept(db, { label: 'Trust', color: '#222222', inVivo: false }));
    const uid = (await store.read(snap)).concepts[0]!.uid;
    await store.write({ kind: 'x', label: 'delete' }, (db) => deleteConcept(db, conceptId(1)));
    const tomb = (await store.read(snap)).tombstones[0]!;
    await store.undo(); // the deletion: the concept is back
    const back = await store.read(snap);
    expect(back.concepts.map((c) => c.uid)).toEqual([uid]);
    // every field knows the deletion it survived: a merge sees a knowing revival, not a stale copy
    for (const field of ['label', 'placement'] as const) expect(compareStamps(tomb.stamp, back.concepts[0]![field].stamp)).toBe('before');
    await store.undo(); // the creation: gone again, buried after everything it knew
    const gone = await store.read(snap);
    expect(gone.concepts).toEqual([]);
    expect(compareStamps(back.concepts[0]!.label.stamp, gone.tombstones.find((t) => t.uid === uid)!.stamp)).toBe('before');
    await store.redo();
    await store.redo();
    const again = await store.read(snap);
    expect(again.concepts).toEqual([]);
    expect(again.clock).toBeGreaterThan(gone.clock);
  });

  it('stamp a concept’s filings when a category it is filed in is deleted', async () => {
    const store = await create('Filings');
    await store.write({ kind: 'x', label: 'make' }, async (db) => {
      await insertCategory(db, { name: 'A', color: '#111111', parentId: null });
      await insertConcept(db, { label: 'Trust', color: '#222222', inVivo: false });
      await fileConcept(db, categoryId(1), conceptId(1));
    });
    await store.write({ kind: 'x', label: 'delete category' }, async (db) => {
      await db.run('DELETE FROM category_concept WHERE category_id = 1');
      await db.run('DELETE FROM category WHERE id = 1');
    });
    const s = await store.read(snap);
    expect(s.concepts[0]!.placement).toEqual({ value: [], stamp: { [s.replica]: 2 } });
    expect(s.tombstones.map((t) => t.kind)).toEqual(['category']);
  });
});
