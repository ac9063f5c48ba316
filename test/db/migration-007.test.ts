// Migration 007 (text kept once, the log keeps only what changed) on a genuine version-6 file:
// written by migrations 1–6 alone, with sources, a record each, a coded passage and an undo
// history of an import, a coding, a rename, a memo edit and an undone step, recorded the way
// version 6 recorded them (whole rows, texts included). Opened now, it must hold the same rows,
// texts and offsets, keep its history undoable, and keep each text once.

import Database from 'better-sqlite3';
import fs from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { getDocumentText } from '../../db/documents';
import { MIGRATIONS } from '../../db/migrations';
import { searchCorpus } from '../../db/search';
import { APPLICATION_ID, openProjectFile } from '../../db/sqlite/open';
import { documentId } from '../../shared/domain/ids';
import { parseQuery } from '../../shared/domain/search-query';
import { foldText } from '../../shared/domain/search-text';
import { readExample } from '../helpers/files';
import { count, sha256, storeFiles } from '../helpers/store';

const files = storeFiles();
afterEach(() => files.cleanup());

const PERSIAN = readExample('Account-based marketing (fa).txt');
const ENGLISH = readExample('Study abstract (en).txt');
const AT = '2026-01-01T00:00:00.000Z';
const WORD = 'استراتژی';
const TABLES = ['document', 'record', 'concept', 'segment', 'document_direction', 'command', 'command_change'];

/** A command as version 6 ran it: a log row, capture on while the change is written. */
function legacyCommand(db: Database.Database, kind: string, label: string, change: () => void): number {
  const id = Number(db.prepare(`INSERT INTO command (kind, label, state, created_at) VALUES (?, ?, 'done', ?)`).run(kind, label, AT).lastInsertRowid);
  db.prepare('UPDATE change_capture SET command_id = ? WHERE id = 1').run(id);
  change();
  db.prepare('UPDATE change_capture SET command_id = NULL WHERE id = 1').run();
  return id;
}

function versionSixProject(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('foreign_keys = OFF'); // as the migration runner has them
  for (const migration of MIGRATIONS.filter((m) => m.version <= 6)) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  db.pragma('foreign_keys = ON');
  db.prepare('INSERT INTO project (id, name, created_at) VALUES (1, ?, ?)').run('Version six', AT);

  const insertDocument = db.prepare(
    `INSERT INTO document (name, format, original_name, sha256, length, dir, imported_at, text) VALUES (?, 'txt', ?, ?, ?, ?, ?, ?)`,
  );
  const insertRecord = db.prepare(`INSERT INTO record (document_id, title, origin, stage, created_at) VALUES (?, ?, 'file', 'included', ?)`);
  legacyCommand(db, 'document.import', 'Import 2 sources', () => {
    for (const [name, text, dir] of [['marketing', PERSIAN, 'rtl'], ['abstract', ENGLISH, 'ltr']] as const) {
      const id = Number(insertDocument.run(name, `${name}.txt`, sha256(text), text.length, dir, AT, text).lastInsertRowid);
      insertRecord.run(id, name, AT);
    }
    db.prepare(`INSERT INTO document_direction (document_id, paragraph, dir) VALUES (2, 0, 'ltr')`).run();
  });
  const start = PERSIAN.indexOf(WORD);
  legacyCommand(db, 'segment.code', `Code with new concept “${WORD}” in “marketing”`, () => {
    db.prepare(`INSERT INTO concept (label, color, created_at) VALUES (?, '#aa3300', ?)`).run(WORD, AT);
    db.prepare(
      `INSERT INTO segment (document_id, concept_id, start_offset, end_offset, text, context_before, context_after, created_at)
       VALUES (1, 1, ?, ?, ?, '', ?, ?)`,
    ).run(start, start + WORD.length, WORD, PERSIAN.slice(start + WORD.length, start + WORD.length + 10), AT);
  });
  legacyCommand(db, 'document.rename', 'Rename “marketing” to “بازاریابی”', () => {
    db.prepare(`UPDATE document SET name = 'بازاریابی' WHERE id = 1`).run();
  });
  legacyCommand(db, 'document.memo', 'Edit the memo of “بازاریابی”', () => {
    db.prepare(`UPDATE document SET memo = 'Read twice.' WHERE id = 1`).run();
  });
  // A step undone before the file was closed: version 6 replayed it backwards and marked it.
  const undone = legacyCommand(db, 'concept.create', 'Create concept “later”', () => {
    db.prepare(`INSERT INTO concept (label, color, created_at) VALUES ('later', '#00aa33', ?)`).run(AT);
  });
  db.prepare(`DELETE FROM concept WHERE label = 'later'`).run();
  db.prepare(`UPDATE command SET state = 'undone' WHERE id = ?`).run(undone);
  // The search index as version 6 left it after a search.
  for (const [id, text] of [[1, PERSIAN], [2, ENGLISH]] as const) {
    db.prepare('INSERT INTO search_text (rowid, body) VALUES (?, ?)').run(id, foldText(text));
    db.prepare('INSERT INTO search_indexed (document_id, sha256) VALUES (?, ?)').run(id, sha256(text));
  }

  const counts = Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
  const history = db.prepare(`SELECT id, kind, label, state FROM command ORDER BY id DESC`).all();
  const segments = db.prepare('SELECT id, document_id, start_offset, end_offset, text FROM segment').all();
  db.close();
  return { counts, history, segments };
}

it('converts a version-6 file: same rows, texts, offsets and history; each text kept once; updates logged by their changed columns', async () => {
  const file = files.file('six.groundwork');
  const before = versionSixProject(file);
  const store = files.keep(openProjectFile(file));
  expect(fs.existsSync(`${file}.v6.bak`)).toBe(true);
  expect((await store.info()).schemaVersion).toBeGreaterThanOrEqual(7);

  await store.read(async (db) => {
    for (const table of TABLES) expect([table, await count(db, table)]).toEqual([table, before.counts[table]]);
    expect(await db.all('SELECT id, document_id, start_offset, end_offset, text FROM segment')).toEqual(before.segments);
    expect(await getDocumentText(db, documentId(1))).toBe(PERSIAN);
    expect(await getDocumentText(db, documentId(2))).toBe(ENGLISH);
    const [segment] = before.segments as { start_offset: number; end_offset: number; text: string }[];
    expect(PERSIAN.slice(segment!.start_offset, segment!.end_offset)).toBe(segment!.text);

    // Each text once: in source_text under its hash, nowhere in the sources' rows or the log.
    expect(await db.all('SELECT sha256, length(text) AS length FROM source_text ORDER BY length(text)')).toEqual(
      [ENGLISH, PERSIAN].map((t) => ({ sha256: sha256(t), length: t.length })).sort((a, b) => a.length - b.length),
    );
    expect((await db.all<{ name: string }>(`SELECT name FROM pragma_table_info('document')`)).map((c) => c.name)).not.toContain('text');
    for (const text of [PERSIAN, ENGLISH]) {
      const piece = text.slice(200, 260);
      expect(await db.get(`SELECT count(*) AS n FROM command_change WHERE old_row LIKE ? OR new_row LIKE ?`, `%${piece}%`, `%${piece}%`)).toEqual({ n: 0 });
    }

    // An update keeps the row's key and the columns it changed; inserts keep the whole row (no text).
    const images = async (kind: string) =>
      (
        await db.all<{ table_name: string; row_key: string; document_id: number | null; old_row: string | null; new_row: string | null }>(
          `SELECT x.table_name, x.row_key, x.document_id, x.old_row, x.new_row FROM command_change x JOIN command c ON c.id = x.command_id
           WHERE c.kind = ? ORDER BY x.id`,
          kind,
        )
      ).map((r) => ({ ...r, old_row: r.old_row && JSON.parse(r.old_row), new_row: r.new_row && JSON.parse(r.new_row) }));
    expect(await images('document.rename')).toEqual([
      { table_name: 'document', row_key: '1', document_id: 1, old_row: { id: 1, name: 'marketing' }, new_row: { id: 1, name: 'بازاریابی' } },
    ]);
    expect(await images('document.memo')).toEqual([
      { table_name: 'document', row_key: '1', document_id: 1, old_row: { id: 1, memo: '' }, new_row: { id: 1, memo: 'Read twice.' } },
    ]);
    const imported = (await images('document.import')).filter((r) => r.table_name === 'document');
    expect(imported.map((r) => [r.row_key, r.new_row.sha256, r.new_row.name, 'text' in r.new_row])).toEqual([
      ['1', sha256(PERSIAN), 'marketing', false],
      ['2', sha256(ENGLISH), 'abstract', false],
    ]);
  });

  // The history reads as before, and its steps still undo and redo.
  const history = await store.history();
  expect(history.entries.map((e) => ({ id: e.id, kind: e.kind, label: e.label, state: e.state }))).toEqual(before.history);
  expect(history.undo?.label).toBe('Edit the memo of “بازاریابی”');
  expect(history.redo?.label).toBe('Create concept “later”');

  // The search finds the coded word where the segment says it is.
  const terms = parseQuery(WORD);
  if (!terms.ok) throw new Error(terms.error.text);
  const found = await store.read((db) => searchCorpus(db, terms.terms, { limit: 1 }));
  const segment = (before.segments as { start_offset: number }[])[0]!;
  expect(found.hits[0]).toMatchObject({ documentId: 1, documentName: 'بازاریابی', start: segment.start_offset });

  const sources = () => store.read((db) => db.all<{ id: number; name: string; memo: string }>('SELECT id, name, memo FROM document ORDER BY id'));
  expect((await store.undo())?.label).toBe('Edit the memo of “بازاریابی”');
  expect((await store.undo())?.label).toBe('Rename “marketing” to “بازاریابی”');
  expect(await sources()).toEqual([
    { id: 1, name: 'marketing', memo: '' },
    { id: 2, name: 'abstract', memo: '' },
  ]);
  expect((await store.undo())?.label).toBe(`Code with new concept “${WORD}” in “marketing”`);
  expect((await store.undo())?.label).toBe('Import 2 sources');
  expect(await store.read(async (db) => [await count(db, 'document'), await count(db, 'record'), await count(db, 'document_direction')])).toEqual([0, 0, 0]);
  expect(await store.undo()).toBeNull();

  // Redone, the import brings the sources back with their texts, from the one copy kept.
  expect((await store.redo())?.label).toBe('Import 2 sources');
  expect(await store.read((db) => getDocumentText(db, documentId(1)))).toBe(PERSIAN);
  expect(await store.read((db) => count(db, 'record'))).toBe(2);
});
