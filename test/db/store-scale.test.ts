// The SQLite store at scale (issue 9): a step's log keeps the key of a row it inserts and undo
// and redo still restore every column, in order; upkeep when idle compacts history to the
// project's limits and fills the search index; the index follows imports, deletions, undo and
// redo inside their own changes, and is rebuilt for new folding rules.

import { english } from '../../shared/domain/message';
import { afterEach, describe, expect, it } from 'vitest';
import { insertConcept, updateConcept } from '../../db/codebook';
import type { ReadableDB } from '../../db/handles';
import { setHistoryLimits } from '../../db/history-limits';
import { indexSomeQueued, searchCorpus } from '../../db/search';
import { insertSegment } from '../../db/segments';
import { createProjectFile, openProjectFile } from '../../db/sqlite/open';
import { sqliteSearchIndexState } from '../../db/sqlite/search-index';
import type { Store } from '../../db/store';
import { parseQuery } from '../../shared/domain/search-query';
import { addSource, count, labels, removeSource, storeFiles } from '../helpers/store';

const files = storeFiles();
afterEach(() => files.cleanup());

const newStore = (options: { watch?: boolean } = {}) => {
  const file = files.file();
  return { file, store: files.keep(createProjectFile(file, 'Store test', options)) };
};
const concept = (label: string) => ({ label, color: '#336699', inVivo: false });

describe('the log of a step', () => {
  it('keeps only the key of a row it inserts, and undo and redo still bring back every column', async () => {
    const { store } = newStore();
    const doc = await store.write({ kind: 'document.import', label: 'Import' }, (db) => addSource(db, 'interview', 'We trust our partners. '.repeat(200)));
    const id = await store.write({ kind: 'concept.create', label: 'Create' }, (db) => insertConcept(db, concept('trust')));
    // A big step (an autocode): its rows go back and return in batches.
    await store.write({ kind: 'search.autocode', label: 'Autocode 1,200' }, async (db) => {
      for (let i = 0; i < 1200; i += 1) {
        await insertSegment(db, { documentId: doc, conceptId: id, start: i, end: i + 5, text: `t${i}`, contextBefore: `b${i}`, contextAfter: `a${i}` });
      }
    });
    const images = await store.read((db) => db.all<{ new_row: string }>(`SELECT new_row FROM command_change WHERE table_name = 'segment' LIMIT 3`));
    expect(images.map((r) => Object.keys(JSON.parse(r.new_row)))).toEqual([['id'], ['id'], ['id']]);
    const rows = (db: ReadableDB) => db.all('SELECT * FROM segment ORDER BY id');
    const before = await store.read(rows);
    await store.undo();
    expect(await store.read((db) => count(db, 'segment'))).toBe(0);
    await store.redo();
    expect(await store.read(rows)).toEqual(before);
    await store.undo();
    await store.redo();
    expect(await store.read(rows)).toEqual(before);
  });

  it('redoes a row inserted and then changed to take a unique value from a row deleted after it', async () => {
    const { store } = newStore();
    const doc = await store.write({ kind: 'document.import', label: 'Import' }, (db) => addSource(db, 'paper', 'A paper.'));
    const record = (title: string, documentId: number | null) =>
      `INSERT INTO record (title, document_id, origin, stage, created_at) VALUES ('${title}', ${documentId ?? 'NULL'}, 'file', 'included', '${new Date().toISOString()}')`;
    await store.write({ kind: 'record.create', label: 'Own record' }, (db) => db.run(record('own', doc)));
    // As a bibliography import links a source: a new record, the source's own record gone, the link moved.
    await store.write({ kind: 'bibliography.import', label: 'Link' }, async (db) => {
      await db.run(record('from the bibliography', null));
      await db.run(`DELETE FROM record WHERE title = 'own'`);
      await db.run(`UPDATE record SET document_id = ? WHERE title = 'from the bibliography'`, doc);
    });
    const linked = (db: ReadableDB) => db.all('SELECT title, document_id FROM record ORDER BY title');
    const after = await store.read(linked);
    expect(after).toEqual([{ title: 'from the bibliography', document_id: doc }]);
    await store.undo();
    expect(await store.read(linked)).toEqual([{ title: 'own', document_id: doc }]);
    await store.redo();
    expect(await store.read(linked)).toEqual(after);
  });

  it('undoes and redoes a row inserted, changed and deleted within one step', async () => {
    const { store } = newStore();
    await store.write({ kind: 'concept.create', label: 'Create “kept”' }, (db) => insertConcept(db, concept('kept')));
    await store.write({ kind: 'concept.churn', label: 'Churn' }, async (db) => {
      const brief = await insertConcept(db, concept('brief'));
      await updateConcept(db, brief, { label: 'briefer' });
      await db.run('DELETE FROM concept WHERE id = ?', brief);
      const stays = await insertConcept(db, concept('stays'));
      await updateConcept(db, stays, { label: 'stays on' });
    });
    expect(await store.read(labels)).toEqual(['kept', 'stays on']);
    await store.undo();
    expect(await store.read(labels)).toEqual(['kept']);
    await store.redo();
    expect(await store.read(labels)).toEqual(['kept', 'stays on']);
    await store.undo();
    expect(await store.read(labels)).toEqual(['kept']);
  });
});

describe('upkeep when idle', () => {
  it("compacts history to the project's own limits after opening, keeping its last steps undoable", async () => {
    const { file, store } = newStore();
    await store.write({ kind: 'history.setLimits', label: 'Keep 3' }, (db) => setHistoryLimits(db, { keepSteps: 3, keepDays: 0 }));
    for (let i = 1; i <= 8; i += 1) {
      await store.write({ kind: 'concept.create', label: `Create ${i}` }, (db) => insertConcept(db, concept(`concept ${i}`)));
    }
    await store.close();
    await new Promise((resolve) => setTimeout(resolve, 5));

    const reopened = files.keep(openProjectFile(file, { maintain: true }));
    // Nothing is asked of it: it compacts by itself once idle (looked at less often than it idles).
    await expect.poll(async () => (await reopened.history()).entries.map((e) => e.label), { timeout: 20_000, interval: 1500 }).toEqual(['Create 8', 'Create 7', 'Create 6']);
    expect(await reopened.read((db) => count(db, 'command'))).toBe(3);
    for (const label of ['Create 8', 'Create 7', 'Create 6']) expect((await reopened.undo())?.label).toBe(label);
    expect(await reopened.undo()).toBeNull();
    expect(await reopened.read(labels)).toEqual(['concept 1', 'concept 2', 'concept 3', 'concept 4', 'concept 5']);
  });
});

describe('the search index', () => {
  const indexed = (db: ReadableDB) => db.all<{ id: number }>('SELECT document_id AS id FROM search_indexed ORDER BY document_id');
  const queued = (db: ReadableDB) => db.all<{ id: number }>('SELECT document_id AS id FROM search_queue ORDER BY document_id');
  const find = async (store: Store, word: string) => {
    const parsed = parseQuery(word);
    if (!parsed.ok) throw new Error(english(parsed.error));
    return store.read(async (db) => (await searchCorpus(db, parsed.terms, { limit: 10 })).hits.map((h) => h.documentName));
  };

  it('follows imports, deletions, undo and redo inside their own changes, with no sync before a search', async () => {
    const { store } = newStore();
    const a = await store.write({ kind: 'document.import', label: 'Import a' }, (db) => addSource(db, 'a', 'زرافه در باغ است.'));
    // Queued by the import's own change; found meanwhile by reading its text.
    expect(await store.read(queued)).toEqual([{ id: a }]);
    expect(await find(store, 'زرافه')).toEqual(['a']);
    await indexSomeQueued(store);
    expect([await store.read(indexed), await store.read(queued)]).toEqual([[{ id: a }], []]);
    expect(await find(store, 'زرافه')).toEqual(['a']);

    // Deleted: out of the index in the same change.
    await store.write({ kind: 'document.delete', label: 'Delete a' }, (db) => removeSource(db, a));
    expect([await store.read(indexed), await store.read(queued)]).toEqual([[], []]);
    expect(await store.read((db) => db.all(`SELECT rowid FROM search_index WHERE search_index MATCH 'زرافه'`))).toEqual([]);
    expect(await find(store, 'زرافه')).toEqual([]);
    // Undone: back, queued; redone: gone again.
    await store.undo();
    expect(await store.read(queued)).toEqual([{ id: a }]);
    expect(await find(store, 'زرافه')).toEqual(['a']);
    await store.redo();
    expect([await store.read(indexed), await store.read(queued)]).toEqual([[], []]);
    expect(await find(store, 'زرافه')).toEqual([]);
    // The import undone (the source was never indexed since): nothing left anywhere.
    await store.undo();
    await store.undo();
    expect([await store.read(indexed), await store.read(queued), await find(store, 'زرافه')]).toEqual([[], [], []]);
  });

  it('is filled by the store itself when idle, and rebuilt when built with other folding rules', async () => {
    const { file, store } = newStore();
    const a = await store.write({ kind: 'document.import', label: 'Import a' }, (db) => addSource(db, 'a', 'کسب‌وکار کوچک'));
    await store.close();
    const open = files.keep(openProjectFile(file, { maintain: true }));
    await expect.poll(() => open.read(indexed), { timeout: 20_000, interval: 1500 }).toEqual([{ id: a }]);
    // An index built with other folding rules (an older Groundwork) is emptied and filled again.
    await open.writeUnlogged((db) => db.run('UPDATE search_index_meta SET folding = 0'));
    await open.close();
    const upgraded = files.keep(openProjectFile(file, { maintain: true }));
    expect((await upgraded.read(sqliteSearchIndexState)).current).toBe(false);
    await expect
      .poll(async () => (await upgraded.read(sqliteSearchIndexState)).current && (await upgraded.read(indexed)).length === 1, { timeout: 20_000, interval: 1500 })
      .toBe(true);
    expect(await find(upgraded, 'کسبوکار')).toEqual(['a']);
  });
});
