// Opening a project file that is damaged, cut short, someone else's, newer, locked, missing or
// that fails its upgrade: each is refused with one line that names the problem and what to do,
// and the file and its folder are exactly as before (every byte, no -wal, -shm or backup left).
// The same refusal reaches the app (the dispatcher's answer) and the command line (one line on
// stderr), never "Something went wrong".

import Database from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import { APPLICATION_ID, openProjectFile } from '../../db/sqlite/open';
import { GroundworkError } from '../../shared/api/errors';
import { REPO, startBackend, tempDir } from '../helpers/backend';
import { runCli } from '../helpers/cli';
import { codedProject, folderState, holdExclusiveLock, olderProject } from '../helpers/project-files';

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) {
    child.kill('SIGKILL');
    if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
  }
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const folder = () => {
  const dir = tempDir('groundwork-refusal-');
  dirs.push(dir);
  return dir;
};

/** Opens the file, expects a refusal, and checks that the folder is byte for byte as it was. */
function expectRefused(file: string, code: string, message: RegExp): GroundworkError {
  const before = folderState(path.dirname(file));
  let refusal: unknown;
  try {
    const store = openProjectFile(file);
    void store.close();
  } catch (error) {
    refusal = error;
  }
  expect(refusal).toBeInstanceOf(GroundworkError);
  const { code: got, message: text } = refusal as GroundworkError;
  expect({ code: got, text }).toMatchObject({ code, text: expect.stringMatching(message) });
  expect(text).not.toContain('\n');
  expect(text).not.toMatch(/Something went wrong|    at /);
  expect(folderState(path.dirname(file))).toEqual(before);
  return refusal as GroundworkError;
}

async function coded(dir: string, name = 'project.groundwork') {
  const file = path.join(dir, name);
  await codedProject(file);
  return { file, bytes: fs.readFileSync(file) };
}

describe('a damaged project file', () => {
  it('cut short at any point is refused as damaged (or as no database at all), unchanged', async () => {
    const source = await coded(folder());
    const page = 4096;
    expect(source.bytes.length % page).toBe(0);
    const pages = source.bytes.length / page;
    expect(pages).toBeGreaterThan(20);
    const cuts = [0, 50, 99, 100, 1000, page, 2 * page, Math.floor(pages / 2) * page, Math.floor(pages / 2) * page + 123, source.bytes.length - page, source.bytes.length - 1];
    for (const cut of cuts) {
      const dir = folder();
      const file = path.join(dir, 'cut.groundwork');
      fs.writeFileSync(file, source.bytes.subarray(0, cut));
      if (cut < 100) expectRefused(file, 'not-a-project', /^cut\.groundwork is not a Groundwork project file \(it is not a database\); the file was not changed\.$/);
      else expectRefused(file, 'damaged', new RegExp(`^cut\\.groundwork is damaged \\((it is cut short|it ends part-way through a page,) at byte ${cut}\\) and cannot be opened; restore one of its backups from the start screen\\. The file was not changed\\.$`));
    }
  });

  it('with garbage after an intact header, or a page in the middle overwritten, is refused as damaged, unchanged', async () => {
    const source = await coded(folder());
    const garbage = Buffer.from(source.bytes);
    for (let i = 100; i < garbage.length; i += 1) garbage[i] = (i * 131 + 7) % 251;
    const dir = folder();
    fs.writeFileSync(path.join(dir, 'garbage.groundwork'), garbage);
    expectRefused(path.join(dir, 'garbage.groundwork'), 'damaged', /^garbage\.groundwork is damaged \(its pages do not read as a sound database\) and cannot be opened; restore one of its backups/);

    const middle = Buffer.from(source.bytes);
    const page = Math.floor(middle.length / 4096 / 2);
    middle.fill(0xff, page * 4096, (page + 1) * 4096);
    fs.writeFileSync(path.join(dir, 'middle.groundwork'), middle);
    expectRefused(path.join(dir, 'middle.groundwork'), 'damaged', /^middle\.groundwork is damaged \(its pages do not read as a sound database\) and cannot be opened/);
  });
});

describe('a file that is not a Groundwork project', () => {
  it('another program’s SQLite database (rollback journal or WAL) is refused without being opened as a project', () => {
    const dir = folder();
    for (const [name, wal] of [
      ['notes.db', false],
      ['notes-wal.db', true],
    ] as const) {
      const db = new Database(path.join(dir, name));
      if (wal) db.pragma('journal_mode = WAL');
      db.exec(`CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO note (body) VALUES ('keep me')`);
      db.close();
      expectRefused(path.join(dir, name), 'not-a-project', new RegExp(`^${name.replace('.', '\\.')} is a database of another program, not a Groundwork project; the file was not changed\\.$`));
    }
  });

  it('a file with Groundwork’s id and a conflicting table is refused: no switch to WAL, no backup beside it', () => {
    const dir = folder();
    const file = path.join(dir, 'conflict.groundwork');
    const db = new Database(file);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec(`CREATE TABLE document (id INTEGER PRIMARY KEY, whatever TEXT); INSERT INTO document (whatever) VALUES ('x')`);
    db.close();
    expectRefused(file, 'not-a-project', /^conflict\.groundwork is marked as a Groundwork project, but its tables do not match project format 0 \(“document”\); the file was not changed\.$/);
    // The header still says rollback journal (1), not WAL (2).
    expect(fs.readFileSync(file)[18]).toBe(1);
  });

  it('a current-format file whose tables are not Groundwork’s is refused, naming what is missing', async () => {
    const dir = folder();
    const file = path.join(dir, 'odd.groundwork');
    await codedProject(file);
    const db = new Database(file);
    db.exec('DROP TABLE store_session');
    db.close();
    expectRefused(file, 'not-a-project', new RegExp(`is marked as a Groundwork project, but its tables do not match project format ${LATEST_SCHEMA_VERSION} \\(“store_session”\\)`));
  });

  it('a file from a newer Groundwork, a folder, and a missing file are refused with what to do', async () => {
    const dir = folder();
    const file = path.join(dir, 'new.groundwork');
    await codedProject(file);
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    expectRefused(file, 'newer-version', /^new\.groundwork was saved by a newer version of Groundwork \(project format \d+\)\. Update Groundwork to open it; the file was not changed\.$/);
    fs.mkdirSync(path.join(dir, 'folder.groundwork'));
    expectRefused(path.join(dir, 'folder.groundwork'), 'not-a-project', /is a folder, not a project file/);
    expectRefused(path.join(dir, 'gone.groundwork'), 'not-found', /^There is no project file at .*gone\.groundwork; check the path, or if it was deleted, restore one of its backups from the start screen\.$/);
  });
});

describe('a project locked by another program', () => {
  it('is refused as locked, whether that program has written to it or not, and nothing is left behind', async () => {
    for (const write of [false, true]) {
      const { file } = await coded(folder());
      children.push(await holdExclusiveLock(file, write));
      expectRefused(file, 'busy', /^project\.groundwork is locked by another program; close it there, then open it again\. The file was not changed\.$/);
    }
  });
});

describe('an upgrade', () => {
  it('that fails leaves the older file exactly as it was, with no backup beside it, even after earlier steps succeeded', () => {
    const dir = folder();
    const file = path.join(dir, 'six.groundwork');
    // Migration 7 succeeds; migration 8 meets a table it means to create.
    olderProject(file, 6, 'CREATE TABLE coder (x TEXT) STRICT;');
    const refusal = expectRefused(file, 'io', /^six\.groundwork could not be upgraded from project format 6 to this version's; the file was not changed\.$/);
    // Why is kept on the error for whoever looks into it.
    expect(String((refusal.cause as Error).message)).toBe('table coder already exists');
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    db.close();
  });

  it('that succeeds keeps the file as it was beside it, as FILE.vN.bak, and the project opens at the latest format', async () => {
    const dir = folder();
    const file = path.join(dir, 'six.groundwork');
    olderProject(file, 6);
    const store = openProjectFile(file);
    expect((await store.info()).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    await store.close();
    expect(Object.keys(folderState(dir))).toEqual(['six.groundwork', 'six.groundwork.v6.bak']);
    const backup = new Database(path.join(dir, 'six.groundwork.v6.bak'), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(6);
    expect(backup.prepare('SELECT name FROM project').pluck().get()).toBe('Older');
    backup.close();
  });
});

describe('the refusal reaches the user as one line', () => {
  it('in the app (the dispatcher’s answer) and on the command line (stderr), never as "Something went wrong"', async () => {
    const source = await coded(folder());
    const dir = folder();
    const file = path.join(dir, 'cut.groundwork');
    fs.writeFileSync(file, source.bytes.subarray(0, 3 * 4096));
    const before = folderState(dir);
    const t = startBackend();
    try {
      const refusal = await t.api.call('project.open', { path: file }).catch((error: unknown) => error);
      expect(refusal).toMatchObject({ code: 'damaged', message: expect.stringMatching(/^cut\.groundwork is damaged \(it is cut short at byte 12288\)/) });
      expect(await t.api.call('project.current', {})).toBeNull();
    } finally {
      await t.cleanup();
    }
    for (const args of [['counts', file], ['sources', file], ['import', file, path.join(REPO, 'README.md')]]) {
      const result = await runCli(...args);
      expect(result.code).toBe(1);
      expect(result.err).toEqual([expect.stringMatching(/^groundwork: cut\.groundwork is damaged \(it is cut short at byte 12288\) and cannot be opened; restore one of its backups from the start screen\. The file was not changed\.$/)]);
    }
    expect(folderState(dir)).toEqual(before);
  });
});
