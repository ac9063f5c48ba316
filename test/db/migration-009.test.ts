// Migration 009 on a genuine version-7 file: each source gets the import batch of the step that
// imported it (two sources imported in one step share it), a source whose step was forgotten gets
// the day it came in; the old import still undoes; waves and baselines are captured by the log.

import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations';
import { APPLICATION_ID, openProjectFile } from '../../db/sqlite/open';
import { insertWave, listWaves } from '../../db/waves';
import { count, sha256, storeFiles } from '../helpers/store';

const files = storeFiles();
afterEach(() => files.cleanup());

const AT = '2025-03-04T10:00:00.000Z';

function versionSevenProject(file: string) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('foreign_keys = OFF');
  for (const migration of MIGRATIONS.filter((m) => m.version <= 7)) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  db.pragma('foreign_keys = ON');
  db.prepare('INSERT INTO project (id, name, created_at) VALUES (1, ?, ?)').run('Version seven', AT);
  const add = (name: string) => {
    const text = `The text of ${name}.`;
    db.prepare('INSERT INTO source_text (sha256, text) VALUES (?, ?)').run(sha256(text), text);
    return Number(
      db
        .prepare(`INSERT INTO document (name, format, original_name, sha256, length, dir, imported_at) VALUES (?, 'txt', ?, ?, ?, 'ltr', ?)`)
        .run(name, `${name}.txt`, sha256(text), text.length, AT).lastInsertRowid,
    );
  };
  // A source imported before the history was compacted: no step names it.
  add('old');
  const step = Number(db.prepare(`INSERT INTO command (kind, label, state, created_at) VALUES ('document.import', 'Import 2 sources', 'done', ?)`).run(AT).lastInsertRowid);
  db.prepare('UPDATE change_capture SET command_id = ? WHERE id = 1').run(step);
  add('first');
  add('second');
  db.prepare('UPDATE change_capture SET command_id = NULL WHERE id = 1').run();
  db.close();
  return step;
}

it('gives each existing source its import batch, keeps the old import undoable, and logs waves', async () => {
  const file = files.file('seven.groundwork');
  const step = versionSevenProject(file);
  const store = files.keep(openProjectFile(file));
  expect((await store.info()).schemaVersion).toBeGreaterThanOrEqual(9);
  await store.read(async (db) => {
    expect(await db.all('SELECT name, import_batch FROM document ORDER BY id')).toEqual([
      { name: 'old', import_batch: 'day-2025-03-04' },
      { name: 'first', import_batch: `step-${step}` },
      { name: 'second', import_batch: `step-${step}` },
    ]);
  });
  // The old import's undo image got the batch too: undone and redone, the sources keep it.
  await store.undo({ actor: null });
  expect(await store.read((db) => count(db, 'document'))).toBe(1);
  await store.redo({ actor: null });
  expect(await store.read((db) => db.all('SELECT name, import_batch FROM document ORDER BY id'))).toEqual([
    { name: 'old', import_batch: 'day-2025-03-04' },
    { name: 'first', import_batch: `step-${step}` },
    { name: 'second', import_batch: `step-${step}` },
  ]);
  await store.write({ kind: 'wave.create', label: 'Create wave “W”' }, (db) => insertWave(db, 'W', { kind: 'years', from: 2000, to: null }));
  expect((await store.read(listWaves)).map((w) => w.name)).toEqual(['W']);
  await store.undo();
  expect(await store.read(listWaves)).toEqual([]);
});
