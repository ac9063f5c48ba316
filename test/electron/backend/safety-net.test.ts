// The safety net through the contract, as the app uses it: starting a bundled project afresh says
// what it holds and keeps a dated copy that restores it; a restore keeps the file it replaces
// (also a damaged one) and never replaces a project open elsewhere; "Save a copy" writes a
// consistent project of its own; daily backups are taken once a day when something changed and
// the last ten are kept; a project open read-only reads, searches and exports, and refuses changes.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend } from '../../../electron/backend/backend';
import { backupFolder, KEEP, takeDailyBackup } from '../../../electron/backend/backups';
import { localTransport } from '../../../electron/backend/dispatcher';
import { openProjectFile } from '../../../db/sqlite/open';
import { createClient } from '../../../shared/api/client';
import { english } from '../../../shared/domain/message';
import { readOnlyMessage } from '../../../shared/domain/project-file';
import { EXAMPLES, importTexts, startBackend, tempDir, type TestBackend } from '../../helpers/backend';
import { folderState, holdExclusiveLock } from '../../helpers/project-files';

let t: TestBackend;
const extra: string[] = [];
beforeEach(() => {
  t = startBackend();
});
afterEach(async () => {
  await t.cleanup();
  for (const dir of extra.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const labels = async () => (await t.api.call('codebook.get', {})).concepts.map((c) => c.label).sort();

describe('starting a bundled project afresh', () => {
  it('says what the project holds, keeps a dated copy, and that copy restores the work', async () => {
    expect(await t.api.call('project.bundledWork', { bundled: 'example' })).toBeNull();
    await t.api.call('project.openExample', {});
    await t.api.call('project.close', {});
    expect(await t.api.call('project.bundledWork', { bundled: 'example' })).toMatchObject({ name: 'Example project', steps: 0, lastStep: null, concepts: 0, segments: 0 });
    // Nothing of anyone's work in it: started afresh without a copy.
    await t.api.call('project.openExample', { fresh: true });
    expect(await t.api.call('backup.list', {})).toEqual([]);

    await t.api.call('project.openExample', {});
    const [doc] = await t.api.call('document.list', {});
    await t.api.call('segment.code', { documentId: doc!.id, start: 0, end: 5, newConcept: { label: 'my work' } });
    await t.api.call('concept.create', { label: 'more work' });
    await t.api.call('project.close', {});
    const work = await t.api.call('project.bundledWork', { bundled: 'example' });
    expect(work).toMatchObject({ steps: 2, lastStep: { label: 'Create concept “more work”' }, concepts: 2, segments: 1 });

    await t.api.call('project.openExample', { fresh: true });
    expect(await labels()).toEqual([]);
    const [project] = await t.api.call('backup.list', {});
    expect(project).toMatchObject({ path: path.join(t.home, 'Example project.groundwork'), name: 'Example project', current: { exists: true } });
    expect(project!.backups).toEqual([{ id: expect.any(String), kind: 'before-fresh', takenAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), bytes: expect.any(Number) }]);

    // Restoring it (the start screen does, after asking) brings the work back and opens it.
    const restored = await t.api.call('backup.restore', { id: project!.backups[0]!.id });
    expect(restored.path).toBe(project!.path);
    expect(await labels()).toEqual(['more work', 'my work']);
    // The fresh project it replaced is kept too: restoring can itself be undone.
    const [after] = await t.api.call('backup.list', {});
    expect(after!.backups.map((b) => b.kind)).toEqual(['before-restore', 'before-fresh']);
  });

  it('a damaged bundled project is described as such, kept byte for byte, and replaced', async () => {
    await t.api.call('project.openExample', {});
    await t.api.call('project.close', {});
    const file = path.join(t.home, 'Example project.groundwork');
    const damaged = fs.readFileSync(file).subarray(0, 8192);
    fs.writeFileSync(file, damaged);
    expect(await t.api.call('project.bundledWork', { bundled: 'example' })).toMatchObject({ steps: 0, problem: expect.stringMatching(/is damaged \(it is cut short at byte 8192\)/) });
    await t.api.call('project.openExample', { fresh: true });
    expect((await t.api.call('document.list', {})).length).toBeGreaterThan(0);
    const [project] = await t.api.call('backup.list', {});
    const kept = path.join(t.home, 'backups', ...project!.backups[0]!.id.split('/'));
    expect(fs.readFileSync(kept).equals(damaged)).toBe(true);
  });
});

describe('a bundled project another program holds', () => {
  it('is not started afresh: refused as locked, the file and its folder unchanged', async () => {
    await t.api.call('project.openExample', {});
    await t.api.call('concept.create', { label: 'mine' });
    await t.api.call('project.close', {});
    const file = path.join(t.home, 'Example project.groundwork');
    const holder = await holdExclusiveLock(file, false);
    try {
      const before = folderState(t.home);
      await expect(t.api.call('project.openExample', { fresh: true })).rejects.toMatchObject({ code: 'busy', message: expect.stringMatching(/^Example project\.groundwork is locked by another program/) });
      expect(folderState(t.home)).toEqual(before);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((resolve) => holder.once('exit', resolve));
    }
  });
});

describe('restoring a backup', () => {
  async function projectWithBackup() {
    const info = await t.api.call('project.create', { name: 'Review' });
    await t.api.call('concept.create', { label: 'before' });
    const entry = await takeDailyBackup(t.home, t.backend.store!);
    expect(entry).toMatchObject({ kind: 'daily' });
    await t.api.call('concept.create', { label: 'after' });
    return { file: info.path, id: entry!.id };
  }

  it('replaces the project with the backup and keeps the replaced file among the backups', async () => {
    const { file, id } = await projectWithBackup();
    // The project open in this window is closed first.
    const restored = await t.api.call('backup.restore', { id });
    expect(restored.path).toBe(file);
    expect(await labels()).toEqual(['before']);
    const [project] = await t.api.call('backup.list', {});
    expect(project!.backups.map((b) => b.kind)).toEqual(['before-restore', 'daily']);
    const replaced = openProjectFile(path.join(t.home, 'backups', ...project!.backups[0]!.id.split('/')), { readOnly: true });
    expect(await replaced.read((db) => db.all('SELECT label FROM concept ORDER BY label'))).toEqual([{ label: 'after' }, { label: 'before' }]);
    await replaced.close();
  });

  it('refuses while the project is open in another window or program, and changes nothing', async () => {
    const { file, id } = await projectWithBackup();
    await t.api.call('project.close', {});
    const elsewhere = openProjectFile(file);
    try {
      await elsewhere.read(async () => undefined);
      const before = folderState(path.dirname(file));
      await expect(t.api.call('backup.restore', { id })).rejects.toThrow(/^Review\.groundwork is open in another window or program; close it there first\. Nothing was changed\.$/);
      // The file and its log are as they were (the -shm is SQLite's shared index, which readers mark).
      const after = folderState(path.dirname(file));
      expect(Object.keys(after)).toEqual(Object.keys(before));
      expect([after['Review.groundwork'], after['Review.groundwork-wal']]).toEqual([before['Review.groundwork'], before['Review.groundwork-wal']]);
    } finally {
      await elsewhere.close();
    }
  });

  it('puts back a project whose file was damaged, keeping the damaged file as it was', async () => {
    const { file, id } = await projectWithBackup();
    await t.api.call('project.close', {});
    const damaged = Buffer.concat([fs.readFileSync(file).subarray(0, 100), Buffer.alloc(20_000, 7)]);
    fs.writeFileSync(file, damaged);
    await expect(t.api.call('project.open', { path: file })).rejects.toMatchObject({ code: 'damaged' });
    await t.api.call('backup.restore', { id });
    expect(await labels()).toEqual(['before']);
    const [project] = await t.api.call('backup.list', {});
    expect(fs.readFileSync(path.join(t.home, 'backups', ...project!.backups[0]!.id.split('/'))).equals(damaged)).toBe(true);
  });

  it('refuses an id that does not name a backup (or points outside the backups folder)', async () => {
    await projectWithBackup();
    for (const id of ['nothing/here.groundwork', '../x', '../../etc/passwd', 'a/b/c']) {
      await expect(t.api.call('backup.restore', { id })).rejects.toMatchObject({ code: 'not-found' });
    }
  });
});

describe('save a copy', () => {
  it('writes a consistent copy that opens as a project of its own (same GUIDs, its own replica)', async () => {
    const info = await t.api.call('project.create', { name: 'Original' });
    const [doc] = await importTexts(t.api, { 'one.txt': 'We trust our partners.' });
    await t.api.call('segment.code', { documentId: doc!.document!.id, start: 3, end: 8, newConcept: { label: 'trust' } });
    const target = path.join(t.home, 'elsewhere', 'kept');
    await expect(t.api.call('project.saveCopy', { path: target })).rejects.toThrow(/does not exist; nothing was written/);
    fs.mkdirSync(path.dirname(target));
    const copy = await t.api.call('project.saveCopy', { path: target });
    expect(copy).toEqual({ path: `${target}.groundwork`, bytes: fs.statSync(`${target}.groundwork`).size });
    await expect(t.api.call('project.saveCopy', { path: target })).rejects.toThrow(/There is already a file at/);
    // The original is still the open project, and unchanged in what it shows.
    expect((await t.api.call('project.current', {}))!.path).toBe(info.path);
    const ids = async (file: string) => {
      const store = openProjectFile(file, { readOnly: true });
      try {
        return await store.read(async (db) => ({
          project: await db.get<{ uid: string; replica: string }>('SELECT uid, replica FROM project'),
          concepts: await db.all('SELECT uid, label FROM concept'),
          segments: await db.all('SELECT uid, start_offset, end_offset FROM segment'),
        }));
      } finally {
        await store.close();
      }
    };
    await t.api.call('project.close', {});
    const [a, b] = [await ids(info.path), await ids(copy.path)];
    expect(b.concepts).toEqual(a.concepts);
    expect(b.segments).toEqual(a.segments);
    expect(b.project!.uid).toBe(a.project!.uid);
    expect(b.project!.replica).not.toBe(a.project!.replica);
  });

  it('without a path goes into the Groundwork home under a dated name, also from a read-only project', async () => {
    const info = await t.api.call('project.create', { name: 'Dated' });
    await t.api.call('concept.create', { label: 'x' });
    await t.api.call('project.close', {});
    await t.api.call('project.open', { path: info.path, readOnly: true });
    const first = await t.api.call('project.saveCopy', {});
    const second = await t.api.call('project.saveCopy', {});
    const day = new Date().toLocaleDateString('sv');
    expect([first.path, second.path]).toEqual([path.join(t.home, `Dated copy ${day}.groundwork`), path.join(t.home, `Dated copy ${day} (2).groundwork`)]);
  });
});

describe('daily backups', () => {
  it('are taken in the background when a project is opened, once a day, only when it changed, the last ten kept', async () => {
    const home = tempDir('groundwork-daily-');
    extra.push(home);
    const backend = createBackend({ host: 'test', version: '0', home, examplesDir: EXAMPLES, dailyBackups: true });
    const api = createClient(localTransport(backend));
    try {
      const info = await api.call('project.create', { name: 'Daily' });
      // A project nobody has done anything in yet is not backed up.
      await api.call('project.close', {});
      await api.call('project.open', { path: info.path });
      await api.call('concept.create', { label: 'one' });
      await api.call('project.close', {});
      expect(await api.call('backup.list', {})).toEqual([]);

      await api.call('project.open', { path: info.path });
      await vi.waitFor(async () => expect((await api.call('backup.list', {}))[0]?.backups).toHaveLength(1));
      await api.call('project.close', {});
      // Opened again the same day: no second one.
      await api.call('project.open', { path: info.path });
      await api.call('concept.create', { label: 'two' });
      await api.call('project.close', {});
      expect((await api.call('backup.list', {}))[0]!.backups).toHaveLength(1);

      // Make the one backup look a day old: a changed project gets a new one, an unchanged one does not.
      const folder = backupFolder(home, info.path);
      const age = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().replace(/:/g, '-');
      const [only] = fs.readdirSync(folder).filter((f) => f.endsWith('daily.groundwork'));
      const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'project.json'), 'utf8')) as { marks: Record<string, string> };
      const yesterday = `${age(1)} daily.groundwork`;
      fs.renameSync(path.join(folder, only!), path.join(folder, yesterday));
      manifest.marks = { [yesterday]: manifest.marks[only!]! };
      fs.writeFileSync(path.join(folder, 'project.json'), JSON.stringify({ ...manifest, path: info.path, name: 'Daily' }));
      await api.call('project.open', { path: info.path });
      await vi.waitFor(async () => expect((await api.call('backup.list', {}))[0]?.backups).toHaveLength(2));
      await api.call('project.close', {});

      // Twelve older ones: after the next, ten are left, the newest.
      const [newest] = fs.readdirSync(folder).filter((f) => f.endsWith('daily.groundwork')).sort().reverse();
      for (let day = 2; day <= 13; day += 1) fs.copyFileSync(path.join(folder, newest!), path.join(folder, `${age(day)} daily.groundwork`));
      fs.renameSync(path.join(folder, newest!), path.join(folder, `${age(1.5)} daily.groundwork`));
      await api.call('project.open', { path: info.path });
      await api.call('concept.create', { label: 'three' });
      await api.call('project.close', {});
      await api.call('project.open', { path: info.path });
      await vi.waitFor(async () => {
        const backups = (await api.call('backup.list', {}))[0]!.backups;
        expect(backups).toHaveLength(KEEP.daily);
        expect(backups[0]!.takenAt.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
      });
    } finally {
      await backend.close();
    }
  });
});

describe('a project open read-only', () => {
  it('reads, searches, exports and answers "as if", and refuses every change with one line', async () => {
    await t.api.call('project.openStudy', {});
    const file = t.backend.store!.location;
    await t.api.call('project.close', {});
    const before = folderState(path.dirname(file));
    const info = await t.api.call('project.open', { path: file, readOnly: true });
    expect(info.readOnly).toBe('chosen');
    const message = english(readOnlyMessage(path.basename(file), 'chosen'));
    expect((await t.api.call('codebook.get', {})).concepts.length).toBeGreaterThan(300);
    expect((await t.api.call('search.query', { query: 'بازاریابی' })).total).toBeGreaterThan(0);
    expect((await t.api.call('export.table8Csv', {})).csv).toContain('Causal');
    expect((await t.api.call('counts.compare', { readings: { consequences: 'C' } })).rows.length).toBeGreaterThan(0);
    for (const refused of [
      t.api.call('concept.create', { label: 'new' }),
      t.api.call('history.undo', {}),
      t.api.call('document.import', { files: [{ name: 'x.txt', dataBase64: Buffer.from('text').toString('base64') }] }),
      t.api.call('reading.choose', { reading: 'consequences', option: 'C' }),
    ]) {
      await expect(refused).rejects.toMatchObject({ code: 'read-only', message });
    }
    // Opened again without "read-only", it can be changed.
    expect((await t.api.call('project.open', { path: file, readOnly: false })).readOnly).toBeUndefined();
    await t.api.call('concept.create', { label: 'now it can' });
    await t.api.call('project.close', {});
    expect(Object.keys(folderState(path.dirname(file)))).toEqual(Object.keys(before));
  });
});
