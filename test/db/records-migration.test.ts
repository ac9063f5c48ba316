// Migration 5 on a project made before records existed: every source gets its own record, titled
// by its name and included, so the project reads and codes as before; undo keeps working.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { APPLICATION_ID, openProjectFile } from '../../db/sqlite/open';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import * as m001 from '../../db/migrations/001-initial';
import { listRecords } from '../../db/records';
import { readExample, tempDir } from '../helpers/backend';

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

it('gives every existing source an included record titled by its name', async () => {
  dir = tempDir('groundwork-migration-');
  const file = path.join(dir, 'old.groundwork');
  // A genuine schema-1 file, written by migration 001 alone, holding two sources.
  const db = new Database(file);
  db.pragma(`application_id = ${APPLICATION_ID}`);
  m001.up(db);
  db.exec(`INSERT INTO project (id, name, created_at) VALUES (1, 'Old project', '2026-01-01')`);
  const insert = db.prepare(
    `INSERT INTO document (name, format, original_name, sha256, length, dir, imported_at, text) VALUES (?, ?, ?, ?, ?, ?, '2026-01-01', ?)`,
  );
  const persian = readExample('Account-based marketing (fa).txt');
  insert.run('Account-based marketing (fa)', 'txt', 'Account-based marketing (fa).txt', 'a'.repeat(64), persian.length, 'rtl', persian);
  insert.run('notes', 'md', 'notes.md', 'b'.repeat(64), 19, 'ltr', '# Notes\nSome notes.');
  db.pragma('user_version = 1');
  db.close();

  const reopened = openProjectFile(file);
  try {
    expect(fs.existsSync(`${file}.v1.bak`)).toBe(true);
    expect((await reopened.info()).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    const records = await reopened.read(listRecords);
    expect(records.map((r) => [r.title, r.stage, r.origin, r.documentId !== null])).toEqual([
      ['Account-based marketing (fa)', 'included', 'file', true],
      ['notes', 'included', 'file', true],
    ]);
  } finally {
    await reopened.close();
  }
});
