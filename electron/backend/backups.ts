// Backups of project files, kept in the Groundwork home (backups/NAME-HASH/, one folder per
// project file): one a day when a project is opened, if it changed since the last; a copy before
// a project is started afresh and before a restore replaces it. Every backup is a whole project
// file made by SQLite's backup (consistent under a live log), checked before it is kept; the last
// KEEP of each kind are kept. Nothing here asks: the app asks before it discards, this keeps copies.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fail, GroundworkError, saidOf } from '../../shared/api/errors';
import type { BackupEntry, BackupKind, ProjectBackups } from '../../shared/domain/project-file';
import { changeMark, otherLiveSessions } from '../../db/project-state';
import { checkProjectFile, openProjectFile, PROJECT_EXTENSION } from '../../db/sqlite/open';
import type { Store } from '../../db/store';

export const BACKUPS_FOLDER = 'backups';
/** How many backups of each kind are kept per project. */
export const KEEP: Record<BackupKind, number> = { daily: 10, 'before-fresh': 10, 'before-restore': 10 };
const MANIFEST = 'project.json';

interface Manifest {
  path: string;
  name: string;
  /** The change mark of the project when each backup was taken, by file name. */
  marks: Record<string, string>;
}

const projectName = (file: string) => path.basename(file, PROJECT_EXTENSION);
const safe = (name: string) => name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 60) || 'project';

/** The folder holding the backups of the project file at `file`. */
export function backupFolder(home: string, file: string): string {
  const hash = crypto.createHash('sha256').update(path.resolve(file)).digest('hex').slice(0, 10);
  return path.join(home, BACKUPS_FOLDER, `${safe(projectName(file))}-${hash}`);
}

function readManifest(folder: string): Manifest | null {
  try {
    const value = JSON.parse(fs.readFileSync(path.join(folder, MANIFEST), 'utf8')) as Partial<Manifest>;
    if (typeof value.path !== 'string' || typeof value.name !== 'string') return null;
    return { path: value.path, name: value.name, marks: typeof value.marks === 'object' && value.marks ? value.marks : {} };
  } catch {
    return null;
  }
}

function writeManifest(folder: string, manifest: Manifest): void {
  const temp = path.join(folder, `${MANIFEST}.${process.pid}.tmp`);
  fs.writeFileSync(temp, `${JSON.stringify(manifest, null, 2)}\n`);
  fs.renameSync(temp, path.join(folder, MANIFEST));
}

// A backup's file name says when and why: 2026-12-05T09-30-12.345Z daily.groundwork
const stampOf = (date: Date) => date.toISOString().replace(/:/g, '-');
const BACKUP_NAME = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z) (daily|before-fresh|before-restore)\.groundwork$/;

function entriesIn(folder: string): (BackupEntry & { file: string })[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .map((file) => ({ file, match: BACKUP_NAME.exec(file) }))
    .filter((f): f is { file: string; match: RegExpExecArray } => f.match !== null)
    .map(({ file, match }) => ({
      id: `${path.basename(folder)}/${file}`,
      file,
      kind: match[2] as BackupKind,
      takenAt: match[1]!.replace(/T(\d{2})-(\d{2})-(\d{2})/, 'T$1:$2:$3'),
      bytes: fs.statSync(path.join(folder, file)).size,
    }))
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

/** Drops the oldest backups of a kind beyond KEEP. */
function prune(folder: string, manifest: Manifest, kind: BackupKind): void {
  for (const old of entriesIn(folder).filter((e) => e.kind === kind).slice(KEEP[kind])) {
    // A file kept as it was may have its log beside it.
    for (const suffix of ['', '-wal']) fs.rmSync(path.join(folder, old.file + suffix), { force: true });
    delete manifest.marks[old.file];
  }
}

/** Writes a backup of an open project: copied, checked, then kept under its final name. */
async function keepBackup(home: string, store: Store, kind: BackupKind, mark: string | null): Promise<BackupEntry> {
  const folder = backupFolder(home, store.location);
  fs.mkdirSync(folder, { recursive: true });
  const manifest = readManifest(folder) ?? { path: store.location, name: (await store.info()).name, marks: {} };
  const file = `${stampOf(new Date())} ${kind}${PROJECT_EXTENSION}`;
  const checking = path.join(folder, `${file}.checking`);
  fs.rmSync(checking, { force: true });
  try {
    await store.backup(checking);
    // A copy that is not a sound project is not kept (and does not push a good one out).
    checkProjectFile(checking);
    fs.renameSync(checking, path.join(folder, file));
  } finally {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(checking + suffix, { force: true });
  }
  if (mark !== null) manifest.marks[file] = mark;
  prune(folder, manifest, kind);
  writeManifest(folder, manifest);
  return entriesIn(folder).find((e) => e.file === file)!;
}

const localDay = (iso: string | Date) => new Date(iso).toLocaleDateString('sv');

/**
 * The daily backup of a project just opened: taken unless one was taken today, the project has
 * not changed since the last one, it has no steps at all (nothing of anyone's work yet), or it is
 * open read-only. Returns the backup taken, or null.
 */
export async function takeDailyBackup(home: string, store: Store): Promise<BackupEntry | null> {
  if (store.readOnly) return null;
  const folder = backupFolder(home, store.location);
  const dailies = entriesIn(folder).filter((e) => e.kind === 'daily');
  if (dailies[0] && localDay(dailies[0].takenAt) === localDay(new Date())) return null;
  const mark = await store.read(changeMark);
  if (mark.startsWith('0:')) return null;
  if (dailies[0] && readManifest(folder)?.marks[dailies[0].file] === mark) return null;
  return keepBackup(home, store, 'daily', mark);
}

/**
 * Keeps a copy of a project file that is about to be replaced (started afresh, restored over).
 * A file Groundwork can open is copied through SQLite (its log included); a file it refuses
 * (damaged) is copied byte for byte, with its log. With `refuseIfOpen`, a project open in
 * another window or program is refused instead; with `skipIfNoWork`, a project with no steps in
 * its history is not copied. Returns the backup, or null if none was needed.
 */
export async function keepCopyOfFile(
  home: string,
  file: string,
  kind: BackupKind,
  options: { refuseIfOpen?: boolean; skipIfNoWork?: boolean } = {},
): Promise<BackupEntry | null> {
  if (!fs.existsSync(file)) return null;
  let store: Store | null = null;
  try {
    store = openProjectFile(file, { readOnly: true });
  } catch (error) {
    // Only a file that is not a sound project of this version is copied as it is; one that is
    // locked or unreadable is not replaced at all.
    if (!(error instanceof GroundworkError) || !['damaged', 'not-a-project', 'newer-version'].includes(error.code)) throw error;
  }
  if (store) {
    try {
      if (options.refuseIfOpen) {
        if ((await store.read((db) => otherLiveSessions(db, null))) > 0) {
          fail('busy', '{a} is open in another window or program; close it there first. Nothing was changed.', { a: path.basename(file) });
        }
      }
      // A project nobody has changed since it was made holds nothing to lose (it is built again as it was).
      if (options.skipIfNoWork && (await store.read(changeMark)).startsWith('0:')) return null;
      return await keepBackup(home, store, kind, null);
    } finally {
      await store.close();
    }
  }
  // Unreadable as a project: kept as it is, so nothing of it is lost either.
  const folder = backupFolder(home, file);
  fs.mkdirSync(folder, { recursive: true });
  const manifest = readManifest(folder) ?? { path: path.resolve(file), name: projectName(file), marks: {} };
  const name = `${stampOf(new Date())} ${kind}${PROJECT_EXTENSION}`;
  fs.copyFileSync(file, path.join(folder, name));
  if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, path.join(folder, `${name}-wal`));
  prune(folder, manifest, kind);
  writeManifest(folder, manifest);
  return entriesIn(folder).find((e) => e.file === name)!;
}

/** Every project that has backups, with its backups newest first (projects by their latest backup). */
export function listBackups(home: string): ProjectBackups[] {
  const root = path.join(home, BACKUPS_FOLDER);
  let folders: string[];
  try {
    folders = fs.readdirSync(root);
  } catch {
    return [];
  }
  const projects: ProjectBackups[] = [];
  for (const name of folders) {
    const folder = path.join(root, name);
    const manifest = readManifest(folder);
    const backups = entriesIn(folder).map(({ file: _file, ...entry }) => entry);
    if (!manifest || backups.length === 0) continue;
    let current: ProjectBackups['current'] = { exists: false, modifiedAt: null };
    try {
      const stat = fs.statSync(manifest.path);
      current = { exists: stat.isFile(), modifiedAt: stat.mtime.toISOString() };
    } catch {
      // Moved or deleted since: a restore puts it back where it was.
    }
    projects.push({ path: manifest.path, name: manifest.name, current, backups });
  }
  return projects.sort((a, b) => b.backups[0]!.takenAt.localeCompare(a.backups[0]!.takenAt));
}

/** The backup an id names (folder/file inside the backups folder), with its project's path. */
export function findBackup(home: string, id: string): { file: string; project: string; entry: BackupEntry } {
  const [folderName, fileName, ...more] = id.split('/');
  // Only a folder directly inside the backups folder (no "..", no deeper path) names a backup.
  const folder = folderName && !folderName.startsWith('.') && more.length === 0 ? path.join(home, BACKUPS_FOLDER, folderName) : null;
  const manifest = folder ? readManifest(folder) : null;
  const found = folder && manifest ? entriesIn(folder).find((e) => e.file === fileName) : undefined;
  if (!folder || !manifest || !found) fail('not-found', 'There is no backup “{a}”; it may have been removed.', { a: id });
  const { file, ...entry } = found;
  return { file: path.join(folder, file), project: manifest.path, entry };
}

/**
 * Puts a backup back where its project was. The file there now (if any) is kept first as a
 * "before-restore" backup, so a restore can itself be undone by restoring that; a project open
 * in another window or program is not replaced. Returns the project's path and the copy kept.
 */
export async function restoreBackup(home: string, id: string): Promise<{ project: string; kept: BackupEntry | null }> {
  const { file, project, entry } = findBackup(home, id);
  const name = path.basename(project);
  try {
    checkProjectFile(file);
  } catch (error) {
    fail('damaged', 'The backup of {a} taken {takenAt} cannot be restored: {reason}', { a: name, takenAt: entry.takenAt, reason: saidOf(error) });
  }
  const folder = path.dirname(project);
  if (!fs.existsSync(folder)) fail('io', 'The folder {a} no longer exists; nothing was restored.', { a: folder });
  const kept = await keepCopyOfFile(home, project, 'before-restore', { refuseIfOpen: true });
  // The log beside the old file belongs to it: left there, SQLite would replay it over the restored file.
  for (const suffix of ['-wal', '-shm']) fs.rmSync(project + suffix, { force: true });
  const partial = `${project}.restoring-${process.pid}`;
  try {
    fs.copyFileSync(file, partial);
    fs.renameSync(partial, project);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    fail('io', '{a} could not be restored ({reason}); its previous state is kept among its backups.', { a: name, reason: (error as Error).message });
  }
  return { project, kept };
}
