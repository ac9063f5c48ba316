// Migration 6 (corpus search) on a project file written by schema version 1: the file is backed
// up, upgraded, and its sources are searchable at once.

import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../db/migrations';
import * as m001 from '../../db/migrations/001-initial';
import { refreshSearchIndex, searchCorpus } from '../../db/search';
import { APPLICATION_ID, openProjectFile } from '../../db/sqlite/open';
import { parseQuery } from '../../shared/domain/search-query';
import { tempDir } from '../helpers/files';

let dir: string;
beforeEach(() => {
  dir = tempDir('groundwork-migrate-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

it('lists migrations in version order, the last being the latest schema', () => {
  const versions = MIGRATIONS.map((m) => m.version);
  expect(versions).toEqual([...versions].sort((a, b) => a - b));
  expect(LATEST_SCHEMA_VERSION).toBe(Math.max(...versions));
  expect(versions).toContain(6);
});

it('upgrades a version-1 file and finds its text', async () => {
  const file = path.join(dir, 'old.groundwork');
  const db = new Database(file);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  m001.up(db);
  db.pragma('user_version = 1');
  const text = 'این کتاب درباره مشتريان است.';
  db.prepare('INSERT INTO project (id, name, created_at) VALUES (1, ?, ?)').run('old', '2026-01-01');
  db.prepare(
    `INSERT INTO document (name, format, original_name, sha256, length, dir, imported_at, text) VALUES ('a', 'txt', 'a.txt', 'x', ?, 'rtl', '2026-01-01', ?)`,
  ).run(text.length, text);
  db.close();

  const store = openProjectFile(file);
  try {
    expect((await store.info()).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(fs.existsSync(`${file}.v1.bak`)).toBe(true);
    const parsed = parseQuery('مشتریان');
    if (!parsed.ok) throw new Error(parsed.error.text);
    // Before the index is built (the search scans the texts), and after.
    const before = await store.read((db) => searchCorpus(db, parsed.terms, { limit: 10 }));
    expect(before.hits.map((h) => text.slice(h.start, h.end))).toEqual(['مشتريان']);
    await refreshSearchIndex(store);
    expect(await store.read((db) => db.get('SELECT count(*) AS n FROM search_indexed'))).toEqual({ n: 1 });
    const after = await store.read((db) => searchCorpus(db, parsed.terms, { limit: 10 }));
    expect(after).toEqual(before);
  } finally {
    await store.close();
  }
});
