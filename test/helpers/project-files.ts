// Project files for tests of opening and refusing them: a coded project of a few dozen pages, an
// older-format project made by running the old migrations, the state of a folder (every file and
// its SHA-256, to show a refused file and its folder unchanged), and a second process bundled
// from a TypeScript helper.

import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { insertConcept } from '../../db/codebook';
import { MIGRATIONS } from '../../db/migrations';
import { APPLICATION_ID, createProjectFile } from '../../db/sqlite/open';
import { REPO } from './files';
import { addSource } from './store';

/** A closed project with a source of about 60 KB and 40 concepts: some dozens of pages. */
export async function codedProject(file: string): Promise<void> {
  const store = createProjectFile(file, 'Coded');
  const text = Array.from({ length: 600 }, (_, i) => `Paragraph ${i}: the partners trust each other and share data.`).join('\n');
  await store.write({ kind: 'document.import', label: 'Import' }, (db) => addSource(db, 'interviews', text));
  for (let i = 0; i < 40; i += 1) {
    await store.write({ kind: 'concept.create', label: `Create ${i}` }, (db) => insertConcept(db, { label: `concept ${i}`, color: '#336699', inVivo: false }));
  }
  await store.close();
}

/** A closed project at an older project format, made as that version of Groundwork made it. */
export function olderProject(file: string, version: number, extraSql = ''): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('foreign_keys = OFF');
  for (const migration of MIGRATIONS.filter((m) => m.version <= version)) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  db.pragma('foreign_keys = ON');
  db.exec(`INSERT INTO project (id, name, created_at) VALUES (1, 'Older', '2026-01-01T00:00:00.000Z'); ${extraSql}`);
  db.close();
}

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Every file in a folder with its SHA-256: equal before and after means nothing was written, added or left behind. */
export function folderState(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((name) => [name, fs.statSync(path.join(dir, name)).isFile() ? sha256(path.join(dir, name)) : 'folder']),
  );
}

/** Bundles a helper in test/helpers for plain Node (dependencies from the repository's node_modules); returns the script's path. */
export async function bundleHelper(entry: string): Promise<string> {
  const out = path.join(REPO, 'node_modules', '.cache', 'groundwork-test', `${path.basename(entry, '.ts')}-${process.pid}.mjs`);
  await esbuild.build({
    entryPoints: [path.join(REPO, 'test/helpers', entry)],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    logLevel: 'error',
  });
  return out;
}

/**
 * Another process holding the project with an exclusive lock (after a write of its own, or before
 * any), as a program that keeps a database to itself does. Kill the child to let go.
 */
export async function holdExclusiveLock(file: string, write: boolean): Promise<ChildProcess> {
  const script = `import Database from 'better-sqlite3';
    const db = new Database(process.argv[1]);
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    ${write ? `db.exec("INSERT INTO project_setting (key, value) VALUES ('held', 'yes')"); db.exec('COMMIT');` : ''}
    process.stdout.write('locked\\n');
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, file], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the lock holder exited (${code})`)));
  });
  return child;
}
