// Schema 004 rebuilds the document table (to allow pdf and docx): a version-1 project with sources,
// segments, deletions and undo history must come through with every row, reference, id sequence
// and capture trigger intact, and its undo history must still work.

import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { getDocumentText } from '../../db/documents';
import { insertPages, pageAt } from '../../db/document-layout';
import * as m001 from '../../db/migrations/001-initial';
import { APPLICATION_ID, openProjectFile } from '../../db/sqlite/open';
import { documentId } from '../../shared/domain/ids';
import { tempDir } from '../helpers/files';
import { addSource, count, storeFiles } from '../helpers/store';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function versionOneProject(): string {
  const dir = tempDir();
  dirs.push(dir);
  const file = path.join(dir, 'old.groundwork');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.transaction(() => {
    m001.up(db);
    db.pragma('user_version = 1');
  })();
  const at = '2026-01-01T00:00:00.000Z';
  db.prepare('INSERT INTO project (id, name, created_at) VALUES (1, ?, ?)').run('Old', at);
  const doc = db.prepare(
    `INSERT INTO document (name, format, original_name, sha256, length, dir, imported_at, text) VALUES (?, 'txt', ?, ?, ?, 'rtl', ?, ?)`,
  );
  doc.run('one', 'one.txt', 'a'.repeat(64), 5, at, 'سلام!');
  doc.run('two', 'two.txt', 'b'.repeat(64), 5, at, 'hello');
  doc.run('three', 'three.txt', 'c'.repeat(64), 5, at, 'third');
  db.prepare(`DELETE FROM document WHERE id = 3`).run(); // its id must never be handed out again
  db.prepare(`INSERT INTO concept (label, color, created_at) VALUES ('greeting', '#aa0000', ?)`).run(at);
  db.prepare(
    `INSERT INTO segment (document_id, concept_id, start_offset, end_offset, text, context_before, context_after, created_at)
     VALUES (1, 1, 0, 4, 'سلام', '', '!', ?)`,
  ).run(at);
  db.close();
  return file;
}

const files = storeFiles();
afterEach(() => files.cleanup());

it('upgrades a version-1 project: rows, references, id sequence and capture triggers survive', async () => {
  const file = versionOneProject();
  const store = files.keep(openProjectFile(file));
  expect((await store.info()).schemaVersion).toBeGreaterThanOrEqual(4);
  expect(fs.existsSync(`${file}.v1.bak`)).toBe(true);
  await store.read(async (db) => {
    expect(await db.all('SELECT id, name, format FROM document ORDER BY id')).toEqual([
      { id: 1, name: 'one', format: 'txt' },
      { id: 2, name: 'two', format: 'txt' },
    ]);
    expect([await getDocumentText(db, documentId(1)), await getDocumentText(db, documentId(2))]).toEqual(['سلام!', 'hello']);
    expect(await db.all('SELECT * FROM pragma_foreign_key_check')).toEqual([]);
    // The table's CHECK now admits pdf and docx, and still refuses anything else.
    const sql = (await db.get<{ sql: string }>(`SELECT sql FROM sqlite_schema WHERE name = 'document'`))!.sql;
    expect(sql).toContain("'pdf', 'docx'");
    const triggers = (await db.all<{ name: string }>(`SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name`)).map((r) => r.name);
    for (const table of ['document', 'document_page', 'document_direction', 'segment']) {
      for (const op of ['insert', 'update', 'delete']) expect(triggers).toContain(`${table}_capture_${op}`);
    }
  });
  // A new PDF source: a fresh id (3 was used before the upgrade), captured with its pages, undoable.
  const id = await store.write({ kind: 'document.import', label: 'Import' }, async (w) => {
    const newId = await addSource(w, 'paper', 'page one\npage two', 'pdf');
    await insertPages(w, newId, [
      { index: 1, label: 'i', start: 0 },
      { index: 2, label: null, start: 9 },
    ]);
    return newId;
  });
  expect(id).toBe(documentId(4));
  expect(await store.read((db) => pageAt(db, id, 3))).toEqual({ index: 1, label: 'i' });
  expect(await store.read((db) => pageAt(db, id, 9))).toEqual({ index: 2, label: '2' });
  await store.undo();
  expect(await store.read(async (db) => [await count(db, 'document_page'), await count(db, 'document')])).toEqual([0, 2]);
  await store.redo();
  expect(await store.read((db) => pageAt(db, id, 9))).toEqual({ index: 2, label: '2' });
  await expect(store.write({ kind: 'x', label: 'x' }, (w) => addSource(w, 'bad', 'x', 'odt'))).rejects.toThrow(/CHECK constraint/);
  // Deleting a source with segments is still refused by the reference from segment.
  await expect(store.write({ kind: 'x', label: 'x' }, (w) => w.run('DELETE FROM document WHERE id = 1'))).rejects.toThrow(/FOREIGN KEY/);
});
