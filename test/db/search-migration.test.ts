// Migration 6 (corpus search) on a project file written by schema version 1: the file is backed
// up, upgraded, and its sources are searchable at once.

import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { APPLICATION_ID, closeProjectFile, openProjectFile } from '../../db/connection';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../db/migrations';
import * as m001 from '../../db/migrations/001-initial';
import { searchCorpus } from '../../db/search';
import { parseQuery } from '../../shared/domain/search-query';
import { tempDir } from '../helpers/backend';

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

it('upgrades a version-1 file and finds its text', () => {
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

  const project = openProjectFile(file);
  try {
    expect(project.read.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(fs.existsSync(`${file}.v1.bak`)).toBe(true);
    const parsed = parseQuery('مشتریان');
    if (!parsed.ok) throw new Error(parsed.error);
    const found = searchCorpus(project, parsed.terms, { limit: 10 });
    expect(found.hits.map((h) => text.slice(h.start, h.end))).toEqual(['مشتريان']);
  } finally {
    closeProjectFile(project);
  }
});
