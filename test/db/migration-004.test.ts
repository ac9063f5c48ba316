// Schema 004 rebuilds the document table (to allow pdf and docx): a version-1 project with sources,
// segments, deletions and undo history must come through with every row, reference, id sequence
// and capture trigger intact, and its undo history must still work.

import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { APPLICATION_ID, closeProjectFile, openProjectFile, type ProjectDb } from '../../db/connection';
import * as m001 from '../../db/migrations/001-initial';
import { redo, runCommand, undo } from '../../db/commands';
import { insertDocument } from '../../db/documents';
import { insertPages, pageAt } from '../../db/document-layout';
import { documentId } from '../../shared/domain/ids';
import { tempDir } from '../helpers/backend';

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

let project: ProjectDb | undefined;
afterEach(() => {
  if (project) closeProjectFile(project);
  project = undefined;
});

it('upgrades a version-1 project: rows, references, id sequence and capture triggers survive', () => {
  const file = versionOneProject();
  project = openProjectFile(file);
  const db = project.read;
  expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(4);
  expect(fs.existsSync(`${file}.v1.bak`)).toBe(true);
  expect(db.prepare('SELECT id, name, format, text FROM document ORDER BY id').all()).toEqual([
    { id: 1, name: 'one', format: 'txt', text: 'سلام!' },
    { id: 2, name: 'two', format: 'txt', text: 'hello' },
  ]);
  expect(db.pragma('foreign_key_check')).toEqual([]);
  expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  // The table's CHECK now admits pdf and docx, and still refuses anything else.
  const sql = (db.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'document'`).get() as { sql: string }).sql;
  expect(sql).toContain("'pdf', 'docx'");
  const triggers = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
  for (const table of ['document', 'document_page', 'document_direction', 'segment']) {
    for (const op of ['insert', 'update', 'delete']) expect(triggers).toContain(`${table}_capture_${op}`);
  }
  // A new PDF source: a fresh id (3 was used before the upgrade), captured with its pages, undoable.
  const id = runCommand(project, { kind: 'document.import', label: 'Import' }, (w) => {
    const newId = insertDocument(w, { name: 'paper', format: 'pdf', originalName: 'paper.pdf', sha256: 'd'.repeat(64), dir: 'ltr', text: 'page one\npage two' });
    insertPages(w, newId, [
      { index: 1, label: 'i', start: 0 },
      { index: 2, label: null, start: 9 },
    ]);
    return newId;
  });
  expect(id).toBe(documentId(4));
  expect(pageAt(db, id, 3)).toEqual({ index: 1, label: 'i' });
  expect(pageAt(db, id, 9)).toEqual({ index: 2, label: '2' });
  undo(project);
  expect(db.prepare('SELECT count(*) AS n FROM document_page').get()).toEqual({ n: 0 });
  expect(db.prepare('SELECT count(*) AS n FROM document').get()).toEqual({ n: 2 });
  redo(project);
  expect(pageAt(db, id, 9)).toEqual({ index: 2, label: '2' });
  expect(() =>
    runCommand(project!, { kind: 'x', label: 'x' }, (w) =>
      insertDocument(w, { name: 'bad', format: 'odt' as 'pdf', originalName: 'x.odt', sha256: 'e'.repeat(64), dir: 'ltr', text: 'x' }),
    ),
  ).toThrow(/CHECK constraint/);
  // Deleting a source with segments is still refused by the reference from segment.
  expect(() => project!.raw.prepare('DELETE FROM document WHERE id = 1').run()).toThrow(/FOREIGN KEY/);
});
