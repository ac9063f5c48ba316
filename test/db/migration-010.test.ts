// Migration 010 on a genuine version-7 file (written by migrations 1–7, its steps logged by the
// version-7 triggers, whole rows for inserts): the old full-text index with its copy of the text
// goes, every source waits for the new one and is found meanwhile, the history still undoes and
// redoes, and the project keeps the default history limits. A file that a build with 011 but
// without 010 left at version 11 is given 010 all the same.

import { english } from '../../shared/domain/message';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { getHistoryLimits } from '../../db/history-limits';
import { MIGRATIONS } from '../../db/migrations';
import { refreshSearchIndex, searchCorpus } from '../../db/search';
import { APPLICATION_ID, openProjectFile } from '../../db/sqlite/open';
import { parseQuery } from '../../shared/domain/search-query';
import { readExample } from '../helpers/files';
import { count, sha256, storeFiles } from '../helpers/store';

const files = storeFiles();
afterEach(() => files.cleanup());

const PERSIAN = readExample('Account-based marketing (fa).txt');
const AT = '2026-01-01T00:00:00.000Z';

/** A project as a build with the migrations `applied` (by version) wrote it, with one import step. */
function olderProject(file: string, applied: (version: number) => boolean): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('foreign_keys = OFF');
  for (const migration of MIGRATIONS.filter((m) => applied(m.version))) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  db.pragma('foreign_keys = ON');
  db.prepare('INSERT INTO project (id, name, created_at) VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING').run('Older', AT);
  // An import as version 7 logged it: the text once, the row captured whole by its triggers.
  const id = Number(
    db.prepare(`INSERT INTO command (kind, label, state, created_at, actor, session) VALUES ('document.import', 'Import "marketing"', 'done', ?, NULL, 'old')`).run(AT)
      .lastInsertRowid,
  );
  db.prepare('UPDATE change_capture SET command_id = ? WHERE id = 1').run(id);
  db.prepare('INSERT INTO source_text (sha256, text) VALUES (?, ?)').run(sha256(PERSIAN), PERSIAN);
  db.prepare(`INSERT INTO document (name, format, original_name, sha256, length, dir, imported_at) VALUES ('marketing', 'txt', 'm.txt', ?, ?, 'rtl', ?)`).run(
    sha256(PERSIAN),
    PERSIAN.length,
    AT,
  );
  db.prepare('UPDATE change_capture SET command_id = NULL WHERE id = 1').run();
  // The version-6 index, with its own copy of the text.
  db.prepare('INSERT INTO search_text (rowid, body) VALUES (1, ?)').run(PERSIAN);
  db.close();
}

const versionSevenProject = (file: string) => olderProject(file, (v) => v <= 7);

it('replaces the index that copied the text, keeps the history undoable, and sets the default history limits', async () => {
  const file = files.file('seven.groundwork');
  versionSevenProject(file);
  const store = files.keep(openProjectFile(file));
  const tables = await store.read((db) => db.all<{ name: string }>(`SELECT name FROM sqlite_schema WHERE type IN ('table', 'index') ORDER BY name`));
  const names = tables.map((t) => t.name);
  expect(names).not.toContain('search_text');
  expect(names).toEqual(expect.arrayContaining(['search_index', 'search_queue', 'segment_position', 'document_list_order', 'command_change_step']));
  expect(await store.read(getHistoryLimits)).toEqual({ keepSteps: 2000, keepDays: 180 });

  // Waiting for the index, the source is found by reading its text; then through the index.
  const parsed = parseQuery('بازاریابی');
  if (!parsed.ok) throw new Error(english(parsed.error));
  expect(await store.read((db) => db.all('SELECT document_id FROM search_queue'))).toEqual([{ document_id: 1 }]);
  const before = await store.read((db) => searchCorpus(db, parsed.terms, { limit: 5 }));
  expect(before.total).toBeGreaterThan(0);
  await refreshSearchIndex(store);
  expect(await store.read((db) => count(db, 'search_queue'))).toBe(0);
  expect(await store.read((db) => searchCorpus(db, parsed.terms, { limit: 5 }))).toEqual(before);

  // The old step, logged whole by version 7, undoes and redoes (and the index follows).
  expect((await store.undo({ actor: null }))?.label).toBe('Import "marketing"');
  expect(await store.read((db) => count(db, 'document'))).toBe(0);
  expect((await store.read((db) => searchCorpus(db, parsed.terms, { limit: 5 }))).total).toBe(0);
  expect((await store.redo({ actor: null }))?.label).toBe('Import "marketing"');
  expect((await store.read((db) => searchCorpus(db, parsed.terms, { limit: 5 }))).total).toBe(before.total);
});

it('gives 010 to a file that a build without it left at version 11, which stays at 11', async () => {
  const file = files.file('eleven.groundwork');
  olderProject(file, (v) => v !== 10);
  const store = files.keep(openProjectFile(file));
  expect((await store.info()).schemaVersion).toBe(11);
  const names = (await store.read((db) => db.all<{ name: string }>(`SELECT name FROM sqlite_schema WHERE type IN ('table', 'index')`))).map((t) => t.name);
  expect(names).not.toContain('search_text');
  expect(names).toEqual(expect.arrayContaining(['search_index', 'search_queue', 'segment_position', 'merge_stamp', 'adjudication']));
  expect(await store.read(getHistoryLimits)).toEqual({ keepSteps: 2000, keepDays: 180 });
  const parsed = parseQuery('بازاریابی');
  if (!parsed.ok) throw new Error(english(parsed.error));
  await refreshSearchIndex(store);
  expect((await store.read((db) => searchCorpus(db, parsed.terms, { limit: 5 }))).total).toBeGreaterThan(0);
  // The old whole-row step still undoes and redoes.
  expect((await store.undo({ actor: null }))?.label).toBe('Import "marketing"');
  expect(await store.read((db) => count(db, 'document'))).toBe(0);
  expect((await store.redo({ actor: null }))?.label).toBe('Import "marketing"');
  expect(await store.read((db) => count(db, 'document'))).toBe(1);
  await store.close();
  // Opened again, nothing is left to apply: no second backup.
  const again = files.keep(openProjectFile(file));
  expect((await again.info()).schemaVersion).toBe(11);
  expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('.bak'))).toHaveLength(1);
});
