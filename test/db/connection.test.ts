import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, createProjectFile, openProjectFile } from '../../db/sqlite/open';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import { tempDir } from '../helpers/files';

const dirs: string[] = [];
const dir = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('project files', () => {
  it('a new project is a WAL SQLite file with foreign keys, STRICT tables and the latest schema', async () => {
    const file = path.join(dir(), 'p.groundwork');
    const store = createProjectFile(file, 'My review');
    expect(await store.info()).toMatchObject({ name: 'My review', schemaVersion: LATEST_SCHEMA_VERSION, path: file });
    const tables = await store.read((db) =>
      db.all<{ name: string; strict: number }>(
        `SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' AND type = 'table'`,
      ),
    );
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['document', 'source_text', 'concept', 'category', 'segment', 'command']));
    expect(tables.every((t) => t.strict === 1)).toBe(true);
    // Closing folds the write-ahead log into the one file; the file's own settings are read from it directly.
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    await store.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    raw.close();
  });

  it('opens with foreign keys enforced', async () => {
    const store = createProjectFile(path.join(dir(), 'p.groundwork'), 'Keys');
    await expect(
      store.write({ kind: 'x', label: 'x' }, (db) =>
        db.run(`INSERT INTO segment (uid, document_id, concept_id, start_offset, end_offset, text, context_before, context_after, created_at) VALUES ('u', 9, 9, 0, 1, 'x', '', '', 'now')`),
      ),
    ).rejects.toThrow(/FOREIGN KEY/);
    await store.close();
  });

  it('reopening a project shows the same name and data', async () => {
    const file = path.join(dir(), 'p.groundwork');
    const first = createProjectFile(file, 'Review');
    await first.write({ kind: 'concept.create', label: 'Create' }, (db) =>
      db.run(`INSERT INTO concept (label, color, created_at) VALUES ('trust', '#123456', 'now')`),
    );
    await first.close();
    const again = openProjectFile(file);
    expect((await again.info()).name).toBe('Review');
    expect(await again.read((db) => db.all('SELECT label FROM concept'))).toEqual([{ label: 'trust' }]);
    await again.close();
  });

  it('refuses to create over an existing file and leaves it alone', () => {
    const file = path.join(dir(), 'p.groundwork');
    fs.writeFileSync(file, 'keep me');
    expect(() => createProjectFile(file, 'x')).toThrow(/already a file/);
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('refuses a file from a newer Groundwork without changing a byte of it', async () => {
    const file = path.join(dir(), 'new.groundwork');
    await createProjectFile(file, 'From the future').close();
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const before = fs.readFileSync(file);
    expect(() => openProjectFile(file)).toThrow(/newer version of Groundwork/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses an SQLite database that is not a Groundwork project', () => {
    const file = path.join(dir(), 'other.db');
    const db = new Database(file);
    db.exec('CREATE TABLE t (x)');
    db.close();
    expect(() => openProjectFile(file)).toThrow(/not a Groundwork project/);
  });

  it('refuses a file that is not a database at all, and a missing file', () => {
    const d = dir();
    fs.writeFileSync(path.join(d, 'notes.groundwork'), 'just some text that is long enough '.repeat(10));
    expect(() => openProjectFile(path.join(d, 'notes.groundwork'))).toThrow(/not a Groundwork project file/);
    expect(() => openProjectFile(path.join(d, 'missing.groundwork'))).toThrow(/no project file/);
  });
});
