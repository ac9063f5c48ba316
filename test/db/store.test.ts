// The Store (db/store.ts) on its SQLite engine, held to what the interface promises: a command is
// one undo step that names what it touched, or nothing; history survives reopening; two windows
// on one file each undo their own steps and never undo over the other's; two processes write at
// once without "database is locked"; a watching store hears other connections; compaction keeps
// the last steps and forgets the rest; memo edits do not copy a source's text into the file.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getConcept, insertConcept, updateConcept } from '../../db/codebook';
import { getDocumentText, setDocumentMemo } from '../../db/documents';
import { insertSegment } from '../../db/segments';
import { createProjectFile, openProjectFile } from '../../db/sqlite/open';
import type { StoreChange } from '../../db/store';
import type { ReadableDB } from '../../db/handles';
import { setHistoryLimits } from '../../db/history-limits';
import { indexSomeQueued, searchCorpus } from '../../db/search';
import { sqliteSearchIndexState } from '../../db/sqlite/search-index';
import type { Store } from '../../db/store';
import { parseQuery } from '../../shared/domain/search-query';
import { GroundworkError } from '../../shared/api/errors';
import { REPO } from '../helpers/files';
import { addSource, bytesOnDisk, count, labels, removeSource, storeFiles } from '../helpers/store';

const files = storeFiles();
afterEach(() => files.cleanup());

const newStore = (options: { watch?: boolean } = {}) => {
  const file = files.file();
  return { file, store: files.keep(createProjectFile(file, 'Store test', options)) };
};
const concept = (label: string) => ({ label, color: '#336699', inVivo: false });

describe('a command', () => {
  it('is one undo step that names the tables and sources it touched', async () => {
    const { store } = newStore();
    const doc = await store.write({ kind: 'document.import', label: 'Import' }, (db) => addSource(db, 'interview', 'We trust our partners.'));
    const heard: StoreChange[] = [];
    store.onChange((change) => heard.push(change));
    const before = (await store.history()).entries.length;

    await store.write({ kind: 'segment.code', label: 'Code “trust”' }, async (db) => {
      const id = await insertConcept(db, concept('trust'));
      await insertSegment(db, { documentId: doc, conceptId: id, start: 3, end: 8, text: 'trust', contextBefore: 'We ', contextAfter: ' our' });
    });

    expect(heard).toEqual([{ external: false, touched: { tables: ['concept', 'segment'], documents: [doc] } }]);
    const history = await store.history();
    expect(history.entries).toHaveLength(before + 1);
    expect(history.undo).toMatchObject({ kind: 'segment.code', label: 'Code “trust”', state: 'done' });
    // One undo takes back both rows.
    await store.undo();
    expect(await store.read(async (db) => [await count(db, 'concept'), await count(db, 'segment')])).toEqual([0, 0]);
    expect(heard[1]).toEqual({ external: false, touched: { tables: ['concept', 'segment'], documents: [doc] } });
  });

  it('that fails writes nothing: no row, no step, no change heard', async () => {
    const { store } = newStore();
    await store.write({ kind: 'concept.create', label: 'Create “kept”' }, (db) => insertConcept(db, concept('kept')));
    const heard: StoreChange[] = [];
    store.onChange((change) => heard.push(change));
    const history = await store.history();

    await expect(
      store.write({ kind: 'concept.create', label: 'Create two' }, async (db) => {
        await insertConcept(db, concept('half'));
        throw new GroundworkError('invalid-input', 'Refused half-way.');
      }),
    ).rejects.toThrow('Refused half-way.');
    // A constraint failing after a first row was written: the first row goes too.
    await expect(
      store.write({ kind: 'segment.code', label: 'Code' }, async (db) => {
        const id = await insertConcept(db, concept('orphan'));
        await insertSegment(db, { documentId: 999 as never, conceptId: id, start: 0, end: 1, text: 'x', contextBefore: '', contextAfter: '' });
      }),
    ).rejects.toThrow(/FOREIGN KEY/);

    expect(await store.read(labels)).toEqual(['kept']);
    expect(await store.history()).toEqual(history);
    expect(heard).toEqual([]);
    // And the store is still usable.
    await store.write({ kind: 'concept.create', label: 'Create “next”' }, (db) => insertConcept(db, concept('next')));
    expect(await store.read(labels)).toEqual(['kept', 'next']);
  });

  it('that changes nothing leaves no step', async () => {
    const { store } = newStore();
    const id = await store.write({ kind: 'concept.create', label: 'Create' }, (db) => insertConcept(db, concept('same')));
    await store.write({ kind: 'concept.update', label: 'Rename' }, (db) => updateConcept(db, id, { label: 'same' }));
    expect((await store.history()).entries.map((e) => e.label)).toEqual(['Create']);
  });
});

describe('undo and redo', () => {
  it('carry across closing and reopening the project', async () => {
    const { file, store } = newStore();
    const id = await store.write({ kind: 'concept.create', label: 'Create “trust”' }, (db) => insertConcept(db, concept('trust')));
    await store.write({ kind: 'concept.update', label: 'Rename to “confidence”' }, (db) => updateConcept(db, id, { label: 'confidence' }));
    await store.close();

    const second = files.keep(openProjectFile(file));
    expect((await second.history()).undo?.label).toBe('Rename to “confidence”');
    expect((await second.undo())?.label).toBe('Rename to “confidence”');
    expect(await second.read(labels)).toEqual(['trust']);
    await second.close();

    const third = files.keep(openProjectFile(file));
    const history = await third.history();
    expect([history.undo?.label, history.redo?.label]).toEqual(['Create “trust”', 'Rename to “confidence”']);
    await third.redo();
    expect(await third.read(labels)).toEqual(['confidence']);
    await third.undo();
    await third.undo();
    expect(await third.read(labels)).toEqual([]);
    expect(await third.undo()).toBeNull();
  });
});

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

describe('two windows on one file', () => {
  it('each undoes only its own step', async () => {
    const { file, store: a } = newStore();
    const b = files.keep(openProjectFile(file));
    await a.write({ kind: 'concept.create', label: 'Create “alpha”' }, (db) => insertConcept(db, concept('alpha')));
    await b.write({ kind: 'concept.create', label: 'Create “beta”' }, (db) => insertConcept(db, concept('beta')));

    expect((await a.undo())?.label).toBe('Create “alpha”');
    expect(await a.read(labels)).toEqual(['beta']);
    // A has nothing of its own left to undo: B's step is B's.
    expect(await a.undo()).toBeNull();
    expect(await b.read(labels)).toEqual(['beta']);
    expect((await b.undo())?.label).toBe('Create “beta”');
    expect(await b.read(labels)).toEqual([]);
    // Redo too stays with its window.
    expect((await a.redo())?.label).toBe('Create “alpha”');
    expect(await a.read(labels)).toEqual(['alpha']);
  });

  it('refuses, with a clear message, to undo a step the other window changed since', async () => {
    const { file, store: a } = newStore();
    const b = files.keep(openProjectFile(file));
    const id = await a.write({ kind: 'concept.create', label: 'Create “trust”' }, (db) => insertConcept(db, concept('trust')));
    await b.write({ kind: 'concept.update', label: 'Rename “trust” to “confidence”' }, (db) => updateConcept(db, id, { label: 'confidence' }));

    const refusal = a.undo();
    await expect(refusal).rejects.toMatchObject({ code: 'conflict' });
    await expect(refusal).rejects.toThrow(
      '“Create “trust”” cannot be undone: a later change by another window (“Rename “trust” to “confidence””) changed the same items.',
    );
    expect(await a.read(async (db) => (await getConcept(db, id))?.label)).toBe('confidence');
    // Once B takes its rename back, A may undo its creation.
    await b.undo();
    expect((await a.undo())?.label).toBe('Create “trust”');
    expect(await a.read(labels)).toEqual([]);
  });
});

describe('two processes writing at once', () => {
  let writer: string;
  beforeAll(async () => {
    // The second process runs the real store code, bundled for plain Node (better-sqlite3 resolved from the repository).
    writer = path.join(REPO, 'node_modules', '.cache', 'groundwork-test', `store-writer-${process.pid}.mjs`);
    await esbuild.build({
      entryPoints: [path.join(REPO, 'test/helpers/store-writer.ts')],
      outfile: writer,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      packages: 'external',
      logLevel: 'error',
    });
  });
  afterAll(() => fs.rmSync(writer, { force: true }));

  it('both complete, every command kept, none failing as "database is locked"', async () => {
    const { file, store } = newStore();
    const CHILD = 300;
    const child = spawn(process.execPath, [writer, file, String(CHILD), 'child'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    let running = true;
    void exited.then(() => (running = false));

    // Write here until the child has finished, so the two overlap for the whole of its run.
    let mine = 0;
    let overlapped = 0;
    while (running || mine < 50) {
      await store.write({ kind: 'concept.create', label: `Create parent ${mine}` }, (db) => insertConcept(db, concept(`parent ${mine}`)));
      mine += 1;
      if (running && stdout.includes('ready')) overlapped += 1;
      await new Promise((resolve) => setImmediate(resolve));
    }

    expect({ code: await exited, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain(`wrote ${CHILD}`);
    expect(overlapped).toBeGreaterThan(0);
    expect(await store.read((db) => count(db, 'concept'))).toBe(mine + CHILD);
    expect(await store.read((db) => count(db, 'command'))).toBe(mine + CHILD);
  });
});

describe('watching the file', () => {
  it('hears a change another connection committed', async () => {
    const { file, store } = newStore({ watch: true });
    const heard = new Promise<StoreChange>((resolve) => store.onChange(resolve));
    const other = files.keep(openProjectFile(file));
    await other.write({ kind: 'concept.create', label: 'Create “elsewhere”' }, (db) => insertConcept(db, concept('elsewhere')));
    expect(await heard).toEqual({ external: true, touched: { tables: null, documents: null } });
    expect(await store.read(labels)).toEqual(['elsewhere']);
  });
});

describe('compaction', () => {
  it('keeps the last N steps undoable, forgets the older ones and the texts only they kept', async () => {
    const { store } = newStore();
    const gone = await store.write({ kind: 'document.import', label: 'Import “gone”' }, (db) => addSource(db, 'gone', 'A text deleted long ago.'));
    await store.write({ kind: 'document.delete', label: 'Delete “gone”' }, (db) => removeSource(db, gone));
    const kept = await store.write({ kind: 'document.import', label: 'Import “kept”' }, (db) => addSource(db, 'kept', 'A text still in the project.'));
    for (let i = 1; i <= 5; i += 1) {
      await store.write({ kind: 'concept.create', label: `Create ${i}` }, (db) => insertConcept(db, concept(`concept ${i}`)));
    }
    const recent = await store.write({ kind: 'document.import', label: 'Import “recent”' }, (db) => addSource(db, 'recent', 'Deleted, but by a step still kept.'));
    await store.write({ kind: 'document.delete', label: 'Delete “recent”' }, (db) => removeSource(db, recent));
    // Steps are dated to the millisecond: let the clock pass the last one.
    await new Promise((resolve) => setTimeout(resolve, 5));

    // Young steps are kept whatever their number.
    expect(await store.compact({ keepSteps: 0, keepDays: 1 })).toMatchObject({ removedSteps: 0, removedTexts: 0 });

    const report = await store.compact({ keepSteps: 3, keepDays: 0 });
    expect(report).toMatchObject({ removedSteps: 7, removedTexts: 1 });
    const history = await store.history();
    expect(history.entries.map((e) => e.label)).toEqual(['Delete “recent”', 'Import “recent”', 'Create 5']);
    expect(await store.read((db) => count(db, 'source_text'))).toBe(2);
    expect(await store.read((db) => getDocumentText(db, kept))).toBe('A text still in the project.');

    // The kept steps still undo (the deleted source comes back with its text), and nothing older does.
    expect((await store.undo())?.label).toBe('Delete “recent”');
    expect(await store.read((db) => getDocumentText(db, recent))).toBe('Deleted, but by a step still kept.');
    expect((await store.undo())?.label).toBe('Import “recent”');
    expect((await store.undo())?.label).toBe('Create 5');
    expect(await store.undo()).toBeNull();
    expect(await store.read(labels)).toEqual(['concept 1', 'concept 2', 'concept 3', 'concept 4']);
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
    if (!parsed.ok) throw new Error(parsed.error);
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

describe('the file size', () => {
  it('grows by less than 100 KB over 100 memo edits of a 1 MB source', async () => {
    const { file, store } = newStore();
    const paragraph = 'Trust between buyer and seller grows from repeated, reliable exchanges over many years. ';
    const text = paragraph.repeat(Math.ceil(1_048_576 / paragraph.length)).slice(0, 1_048_576);
    const doc = await store.write({ kind: 'document.import', label: 'Import' }, (db) => addSource(db, 'long source', text));
    await store.compact({ keepSteps: 1000, keepDays: 1000 }); // a checkpoint: the WAL folded into the file
    const before = bytesOnDisk(file);
    expect(before).toBeGreaterThan(1_048_576);

    for (let i = 1; i <= 100; i += 1) {
      await store.write({ kind: 'document.memo', label: `Memo ${i}` }, (db) => setDocumentMemo(db, doc, `Memo draft ${i}: the source shows trust growing.`));
    }
    expect((await store.history(200)).entries.filter((e) => e.kind === 'document.memo')).toHaveLength(100);
    await store.close();
    expect(bytesOnDisk(file) - before).toBeLessThan(100 * 1024);
  });
});
