import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, closeProjectFile, createProjectFile, openProjectFile, projectInfo } from '../../db/connection';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import { tempDir } from '../helpers/backend';

const dirs: string[] = [];
const dir = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('project files', () => {
  it('a new project is a WAL SQLite file with foreign keys, STRICT tables and the latest schema', () => {
    const file = path.join(dir(), 'p.groundwork');
    const project = createProjectFile(file, 'My review');
    expect(project.read.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(project.read.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(project.read.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(projectInfo(project)).toMatchObject({ name: 'My review', schemaVersion: LATEST_SCHEMA_VERSION });
    const tables = project.read
      .prepare(`SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' AND type = 'table'`)
      .all() as { name: string; strict: number }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['document', 'concept', 'category', 'segment', 'command']));
    expect(tables.every((t) => t.strict === 1)).toBe(true);
    closeProjectFile(project);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('reopening a project shows the same name and data', () => {
    const file = path.join(dir(), 'p.groundwork');
    const first = createProjectFile(file, 'Review');
    first.raw.prepare(`INSERT INTO concept (label, color, created_at) VALUES ('trust', '#123456', 'now')`).run();
    closeProjectFile(first);
    const again = openProjectFile(file);
    expect(projectInfo(again).name).toBe('Review');
    expect(again.read.prepare('SELECT label FROM concept').pluck().all()).toEqual(['trust']);
    closeProjectFile(again);
  });

  it('refuses to create over an existing file and leaves it alone', () => {
    const file = path.join(dir(), 'p.groundwork');
    fs.writeFileSync(file, 'keep me');
    expect(() => createProjectFile(file, 'x')).toThrow(/already a file/);
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('refuses a file from a newer Groundwork without changing a byte of it', () => {
    const file = path.join(dir(), 'new.groundwork');
    closeProjectFile(createProjectFile(file, 'From the future'));
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
