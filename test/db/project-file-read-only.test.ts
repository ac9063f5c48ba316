// A project Groundwork cannot write (an immutable file or folder, a file of another user) or that
// the user opens read-only: it opens, reads and answers "as if" questions, every change is refused
// with one line saying so, and afterwards the file and its folder are exactly as before: nothing
// is written, not even a -wal or -shm. Root ignores file permissions, so the permission cases run
// in a child process as the user "nobody"; the immutable cases use chattr +i.

import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getConcept, insertConcept } from '../../db/codebook';
import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import { openProjectFile } from '../../db/sqlite/open';
import { english } from '../../shared/domain/message';
import { readOnlyMessage } from '../../shared/domain/project-file';
import { REPO, tempDir } from '../helpers/files';
import { bundleHelper, codedProject, folderState, olderProject } from '../helpers/project-files';

const dirs: string[] = [];
const immutable: string[] = [];
afterEach(() => {
  for (const target of immutable.splice(0)) execFileSync('chattr', ['-i', target]);
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const folder = () => {
  const dir = tempDir('groundwork-read-only-test-');
  dirs.push(dir);
  return dir;
};

/** chattr +i (the file system refuses every write, root's too); false where the file system or the container does not allow it. */
function makeImmutable(target: string): boolean {
  try {
    execFileSync('chattr', ['+i', target], { stdio: 'ignore' });
    immutable.push(target);
    return true;
  } catch {
    return false;
  }
}
const probe = tempDir('groundwork-chattr-');
fs.writeFileSync(path.join(probe, 'x'), 'x');
const CHATTR = makeImmutable(path.join(probe, 'x'));
if (CHATTR) execFileSync('chattr', ['-i', path.join(probe, 'x')]);
immutable.length = 0;
fs.rmSync(probe, { recursive: true, force: true });
const AS_ROOT = process.getuid?.() === 0;

const concept = (label: string) => ({ label, color: '#336699', inVivo: false });

async function readOnlyChecks(file: string, reason: 'chosen' | 'not-writable', options: { readOnly?: boolean } = {}) {
  const dir = path.dirname(file);
  const before = folderState(dir);
  const store = openProjectFile(file, options);
  const info = await store.info();
  expect(info).toMatchObject({ path: file, readOnly: reason });
  expect(store.readOnly).toBe(true);
  // Reading works.
  expect(await store.read(async (db) => (await getConcept(db, 1 as never))?.label)).toBe('concept 0');
  // An "as if" answer works (it is always rolled back).
  expect(await store.scratch(async (db) => (await insertConcept(db, concept('as if'))) > 0)).toBe(true);
  // Every change is refused with the one message.
  await expect(store.write({ kind: 'concept.create', label: 'Create' }, (db) => insertConcept(db, concept('new')))).rejects.toThrow(english(readOnlyMessage(path.basename(file), reason)));
  await expect(store.undo()).rejects.toThrow(english(readOnlyMessage(path.basename(file), reason)));
  expect(folderState(dir)).toEqual(before);
  await store.close();
  expect(folderState(dir)).toEqual(before);
  return info;
}

describe('opening read-only by choice', () => {
  it('reads the project, refuses every change, and leaves the file and folder untouched', async () => {
    const file = path.join(folder(), 'chosen.groundwork');
    await codedProject(file);
    await readOnlyChecks(file, 'chosen', { readOnly: true });
  });

  it('reads an older project without upgrading the file (the upgrade runs on a private copy)', async () => {
    const dir = folder();
    const file = path.join(dir, 'six.groundwork');
    olderProject(file, 6, `INSERT INTO concept (label, color, created_at) VALUES ('concept 0', '#336699', 'now');`);
    const info = await readOnlyChecks(file, 'chosen', { readOnly: true });
    expect(info.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(Object.keys(folderState(dir))).toEqual(['six.groundwork']);
  });
});

describe.skipIf(!CHATTR)('a project Groundwork cannot write (chattr +i)', () => {
  it('an immutable file opens read-only by itself, and a command that must write is refused', async () => {
    const file = path.join(folder(), 'locked-down.groundwork');
    await codedProject(file);
    expect(makeImmutable(file)).toBe(true);
    await readOnlyChecks(file, 'not-writable');
    expect(() => openProjectFile(file, { readOnly: false })).toThrow(/^locked-down\.groundwork cannot be changed: the file cannot be written; nothing was written\.$/);
  });

  it('a writable file in a folder that cannot take its -wal and -shm opens read-only', async () => {
    const dir = folder();
    const file = path.join(dir, 'in-a-fixed-folder.groundwork');
    await codedProject(file);
    expect(makeImmutable(dir)).toBe(true);
    await readOnlyChecks(file, 'not-writable');
  });

  it('a file another program left with changes still in its log opens read-only with those changes', async () => {
    const dir = folder();
    const file = path.join(dir, 'pending.groundwork');
    await codedProject(file);
    // A program commits a change and is killed before it folds its log into the file.
    const script = `import Database from 'better-sqlite3';
      const db = new Database(process.argv[1]);
      db.exec("UPDATE concept SET label = 'renamed by the killed program' WHERE id = 1");
      process.stdout.write('committed\\n');
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, file], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((resolve) => child.stdout!.once('data', resolve));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    expect(makeImmutable(file)).toBe(true);
    const before = folderState(dir);
    const store = openProjectFile(file);
    expect(await store.read(async (db) => (await getConcept(db, 1 as never))?.label)).toBe('renamed by the killed program');
    await store.close();
    // The file and its log keep every byte; the -shm (SQLite's shared index of the log, rebuilt by
    // any reader) was there before and is still there.
    const after = folderState(dir);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect([after['pending.groundwork'], after['pending.groundwork-wal']]).toEqual([before['pending.groundwork'], before['pending.groundwork-wal']]);
  });
});

describe.skipIf(!AS_ROOT)('file permissions, met by another user (a child process as "nobody")', () => {
  let child: string;
  beforeAll(async () => {
    child = await bundleHelper('project-file-child.ts');
  });
  afterAll(() => fs.rmSync(child, { force: true }));

  const runAsNobody = (file: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const run = spawn(process.execPath, [child, file], { cwd: REPO, uid: 65534, gid: 65534, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      run.stdout.on('data', (d: Buffer) => (out += d.toString()));
      run.stderr.on('data', (d: Buffer) => (err += d.toString()));
      run.on('close', (code) => (code === 0 && out ? resolve(JSON.parse(out) as Record<string, unknown>) : reject(new Error(`child exited ${code}: ${err}`))));
    });

  it('a file the user may read but not write opens read-only, in a folder they may or may not write, leaving nothing behind', async () => {
    for (const folderMode of [0o755, 0o777]) {
      const dir = folder();
      const file = path.join(dir, 'theirs.groundwork');
      await codedProject(file);
      fs.chmodSync(dir, folderMode);
      fs.chmodSync(file, 0o444);
      const before = folderState(dir);
      expect(await runAsNobody(file)).toEqual({
        opened: { name: 'Coded', readOnly: 'not-writable', concepts: 40 },
        change: { code: 'read-only', message: english(readOnlyMessage('theirs.groundwork', 'not-writable')) },
      });
      expect(folderState(dir)).toEqual(before);
    }
  });

  it('a file the user may not read is refused as unreadable, unchanged', async () => {
    const dir = folder();
    const file = path.join(dir, 'private.groundwork');
    await codedProject(file);
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(file, 0o600);
    const before = folderState(dir);
    expect(await runAsNobody(file)).toEqual({
      refused: { code: 'io', message: 'private.groundwork cannot be read (permission denied); ask for read access to it, or open a copy you can read. The file was not changed.' },
    });
    expect(folderState(dir)).toEqual(before);
  });

  it('a file the user may write opens read-write for them', async () => {
    const dir = folder();
    const file = path.join(dir, 'shared.groundwork');
    await codedProject(file);
    fs.chmodSync(dir, 0o777);
    fs.chmodSync(file, 0o666);
    expect(await runAsNobody(file)).toEqual({ opened: { name: 'Coded', readOnly: null, concepts: 40 }, change: 'saved' });
  });
});
