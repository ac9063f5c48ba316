// The Store (db/store.ts) held to what the interface promises, on SQLite (the `unit` test project)
// and on PostgreSQL (the `postgres` one): a command is one undo step that names what it touched,
// or nothing; history survives reopening; two windows on one project each undo their own steps
// and never undo over the other's; two processes write at once without "database is locked"; a
// watching store hears other connections; compaction keeps the last steps and forgets the rest;
// memo edits do not copy a source's text into the project.

import { say } from '../../shared/domain/message';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getConcept, insertConcept, updateConcept } from '../../db/codebook';
import { getDocumentText, setDocumentMemo } from '../../db/documents';
import { insertSegment } from '../../db/segments';
import type { Store, StoreChange } from '../../db/store';
import { GroundworkError } from '../../shared/api/errors';
import { ENGINE, testProjects } from '../helpers/engine';
import { REPO } from '../helpers/files';
import { addSource, count, labels, removeSource } from '../helpers/store';

const projects = testProjects();
afterEach(() => projects.cleanup());

const newStore = async (options: { watch?: boolean } = {}) => {
  const project = await projects.create('Store test', options);
  return { store: project.store, open: project.open, address: project.address };
};
const concept = (label: string) => ({ label, color: '#336699', inVivo: false });

/** A change as both engines tell it (PostgreSQL adds its mark, kind and label). */
const core = ({ mark: _mark, kind: _kind, label: _label, ...change }: StoreChange) => change;

describe('a command', () => {
  it('is one undo step that names the tables and sources it touched', async () => {
    const { store } = await newStore();
    const doc = await store.write({ kind: 'document.import', label: 'Import' }, (db) => addSource(db, 'interview', 'We trust our partners.'));
    const heard: StoreChange[] = [];
    store.onChange((change) => heard.push(change));
    const before = (await store.history()).entries.length;

    await store.write({ kind: 'segment.code', label: 'Code “trust”' }, async (db) => {
      const id = await insertConcept(db, concept('trust'));
      await insertSegment(db, { documentId: doc, conceptId: id, start: 3, end: 8, text: 'trust', contextBefore: 'We ', contextAfter: ' our' });
    });

    expect(heard.map(core)).toEqual([{ external: false, touched: { tables: ['concept', 'segment'], documents: [doc] } }]);
    // PostgreSQL numbers each change (its mark) and tells its label.
    if (ENGINE === 'postgres') expect(heard[0]).toMatchObject({ kind: 'do', label: 'Code “trust”', mark: expect.any(Number) });
    const history = await store.history();
    expect(history.entries).toHaveLength(before + 1);
    expect(history.undo).toMatchObject({ kind: 'segment.code', label: 'Code “trust”', state: 'done' });
    // One undo takes back both rows.
    await store.undo();
    expect(await store.read(async (db) => [await count(db, 'concept'), await count(db, 'segment')])).toEqual([0, 0]);
    expect(core(heard[1]!)).toEqual({ external: false, touched: { tables: ['concept', 'segment'], documents: [doc] } });
    if (ENGINE === 'postgres') expect(heard[1]!.mark).toBeGreaterThan(heard[0]!.mark!);
  });

  it('that fails writes nothing: no row, no step, no change heard', async () => {
    const { store } = await newStore();
    await store.write({ kind: 'concept.create', label: 'Create “kept”' }, (db) => insertConcept(db, concept('kept')));
    const heard: StoreChange[] = [];
    store.onChange((change) => heard.push(change));
    const history = await store.history();

    await expect(
      store.write({ kind: 'concept.create', label: 'Create two' }, async (db) => {
        await insertConcept(db, concept('half'));
        throw new GroundworkError('invalid-input', say('Refused half-way.'));
      }),
    ).rejects.toThrow('Refused half-way.');
    // A constraint failing after a first row was written: the first row goes too.
    await expect(
      store.write({ kind: 'segment.code', label: 'Code' }, async (db) => {
        const id = await insertConcept(db, concept('orphan'));
        await insertSegment(db, { documentId: 999 as never, conceptId: id, start: 0, end: 1, text: 'x', contextBefore: '', contextAfter: '' });
      }),
    ).rejects.toThrow(/FOREIGN KEY|foreign key/);

    expect(await store.read(labels)).toEqual(['kept']);
    expect(await store.history()).toEqual(history);
    expect(heard).toEqual([]);
    // And the store is still usable.
    await store.write({ kind: 'concept.create', label: 'Create “next”' }, (db) => insertConcept(db, concept('next')));
    expect(await store.read(labels)).toEqual(['kept', 'next']);
  });

  it('that changes nothing leaves no step', async () => {
    const { store } = await newStore();
    const id = await store.write({ kind: 'concept.create', label: 'Create' }, (db) => insertConcept(db, concept('same')));
    await store.write({ kind: 'concept.update', label: 'Rename' }, (db) => updateConcept(db, id, { label: 'same' }));
    expect((await store.history()).entries.map((e) => e.label)).toEqual(['Create']);
  });
});

describe('undo and redo', () => {
  it('carry across closing and reopening the project', async () => {
    const { open, store } = await newStore();
    const id = await store.write({ kind: 'concept.create', label: 'Create “trust”' }, (db) => insertConcept(db, concept('trust')));
    await store.write({ kind: 'concept.update', label: 'Rename to “confidence”' }, (db) => updateConcept(db, id, { label: 'confidence' }));
    await store.close();

    const second = await open();
    expect((await second.history()).undo?.label).toBe('Rename to “confidence”');
    expect((await second.undo())?.label).toBe('Rename to “confidence”');
    expect(await second.read(labels)).toEqual(['trust']);
    await second.close();

    const third = await open();
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

describe('two windows on one file', () => {
  it('each undoes only its own step', async () => {
    const { open, store: a } = await newStore();
    const b = await open();
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
    const { open, store: a } = await newStore();
    const b = await open();
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

  it('both complete, every command kept, none failing as "database is locked", the watching one hearing the other', async () => {
    const { address, store } = await newStore({ watch: true });
    let heard = 0;
    store.onChange((change) => {
      if (change.external) heard += 1;
    });
    const CHILD = 300;
    const child = spawn(process.execPath, [writer, address, String(CHILD), 'child'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
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
    // And this store heard the other process's changes as they were committed.
    await expect.poll(() => heard).toBeGreaterThan(0);
  });
});

describe('watching the project', () => {
  it('hears a change another connection committed', async () => {
    const { open, store } = await newStore({ watch: true });
    const heard = new Promise<StoreChange>((resolve) => store.onChange(resolve));
    const other = await open();
    await other.write({ kind: 'concept.create', label: 'Create “elsewhere”' }, (db) => insertConcept(db, concept('elsewhere')));
    // SQLite sees that the file changed; PostgreSQL's notification names what the change touched.
    const expected = ENGINE === 'sqlite' ? { touched: { tables: null, documents: null } } : { touched: { tables: ['concept'], documents: [] }, actor: null };
    expect(core(await heard)).toEqual({ external: true, ...expected });
    expect(await store.read(labels)).toEqual(['elsewhere']);
  });
});

describe('compaction', () => {
  it('keeps the last N steps undoable, forgets the older ones and the texts only they kept', async () => {
    const { store } = await newStore();
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

describe('the project size', () => {
  it('grows by less than 100 KB over 100 memo edits of a 1 MB source', async () => {
    const { store } = await newStore();
    const paragraph = 'Trust between buyer and seller grows from repeated, reliable exchanges over many years. ';
    // Each paragraph differs, so PostgreSQL's compression of long texts cannot shrink it much.
    let text = '';
    for (let i = 0; text.length < 1_048_576; i += 1) text += `${i.toString(36)} ${paragraph}`;
    text = text.slice(0, 1_048_576);
    const doc = await store.write({ kind: 'document.import', label: 'Import' }, (db) => addSource(db, 'long source', text));
    // Compaction that forgets nothing reports the size (SQLite: the file after a checkpoint; PostgreSQL: the tables).
    const size = async (s: Store) => (await s.compact({ keepSteps: 1000, keepDays: 1000 })).bytesAfter!;
    const before = await size(store);
    expect(before).toBeGreaterThan(ENGINE === 'sqlite' ? 1_048_576 : 400_000);

    for (let i = 1; i <= 100; i += 1) {
      await store.write({ kind: 'document.memo', label: `Memo ${i}` }, (db) => setDocumentMemo(db, doc, `Memo draft ${i}: the source shows trust growing.`));
    }
    expect((await store.history(200)).entries.filter((e) => e.kind === 'document.memo')).toHaveLength(100);
    expect((await size(store)) - before).toBeLessThan(100 * 1024);
  });
});
