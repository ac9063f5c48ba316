// Opening, creating and migrating a project file, the SQLite engine's Store. A project is one
// SQLite file (WAL, foreign keys, STRICT tables) marked with Groundwork's application_id. A file
// from a newer version of Groundwork, or a file that is not a Groundwork project, is refused.

import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { fail, GroundworkError } from '../../shared/api/errors';
import { now } from '../handles';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../migrations';
import type { Store } from '../store';
import { PROJECT_EXTENSION, sqliteStore, type SqliteStoreOptions } from './store';

export { PROJECT_EXTENSION };

/** "GWK1" as a 32-bit integer, written into the SQLite header of every project file. */
export const APPLICATION_ID = 0x47574b31;

function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // Short: a change waiting for another process's lock retries without blocking the thread
  // (db/sqlite/store.ts); the timeout only covers a lock held for an instant.
  db.pragma('busy_timeout = 50');
  // FULL: a commit is on the disk before it is acknowledged, so an acknowledged change survives
  // a power loss or an OS crash (NORMAL in WAL mode may lose the last ones).
  db.pragma('synchronous = FULL');
}

function migrate(db: Database.Database, from: number): void {
  // Foreign keys are off while migrating, so a migration can rebuild a table others refer to
  // (sqlite.org/lang_altertable.html); each migration must leave every reference intact.
  db.pragma('foreign_keys = OFF');
  try {
    for (const migration of MIGRATIONS) {
      if (migration.version <= from) continue;
      db.transaction(() => {
        migration.up(db);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`Migration ${migration.version} broke ${broken.length} reference(s)`);
        db.pragma(`user_version = ${migration.version}`);
      })();
    }
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/** Creates a new, empty project file. Fails if anything already exists at that path. */
export function createProjectFile(file: string, name: string, options: SqliteStoreOptions = {}): Store {
  const target = path.resolve(file);
  if (fs.existsSync(target)) {
    fail('conflict', 'There is already a file at {path}; choose another name.', { path: target });
  }
  const folder = path.dirname(target);
  if (!fs.existsSync(folder)) fail('io', 'The folder {path} does not exist.', { path: folder });
  let db: Database.Database | undefined;
  try {
    db = new Database(target);
    configure(db);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db, 0);
    db.prepare('INSERT INTO project (id, name, created_at) VALUES (1, ?, ?)').run(name.trim(), now());
    return sqliteStore(db, target, options);
  } catch (error) {
    db?.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
    if (error instanceof GroundworkError) throw error;
    fail('io', 'Could not create {path}: {reason}', { path: target, reason: (error as Error).message });
  }
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function readHeader(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(100);
    const read = fs.readSync(fd, header, 0, 100, 0);
    return header.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

/** Opens an existing project, migrating it (after a backup) if it is from an older version. */
export function openProjectFile(file: string, options: SqliteStoreOptions = {}): Store {
  const target = path.resolve(file);
  let header: Buffer;
  try {
    if (!fs.statSync(target).isFile()) fail('not-a-project', '{path} is a folder, not a project file.', { path: target });
    header = readHeader(target);
  } catch (error) {
    if (error instanceof GroundworkError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') fail('not-found', 'There is no project file at {path}.', { path: target });
    fail('io', 'Cannot read {path}: {reason}', { path: target, reason: (error as Error).message });
  }
  if (header.length < 100 || !header.subarray(0, 16).equals(SQLITE_HEADER)) {
    fail('not-a-project', '{file} is not a Groundwork project file.', { file: path.basename(target) });
  }
  // Check identity and version with SQL (the header in the main file can lag behind the WAL)
  // before anything is configured or written.
  let db: Database.Database;
  try {
    db = new Database(target, { fileMustExist: true });
  } catch (error) {
    fail('io', 'Cannot open {path}: {reason}', { path: target, reason: (error as Error).message });
  }
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  if (applicationId !== APPLICATION_ID) {
    db.close();
    fail('not-a-project', '{file} is an SQLite database, but not a Groundwork project.', { file: path.basename(target) });
  }
  if (schemaVersion > LATEST_SCHEMA_VERSION) {
    db.close();
    fail(
      'newer-version',
      '{file} was saved by a newer version of Groundwork (project format {version}; this version reads up to {latestVersion}). Update Groundwork to open it; the file was not changed.',
      { file: path.basename(target), version: schemaVersion, latestVersion: LATEST_SCHEMA_VERSION },
    );
  }
  try {
    configure(db);
    if (schemaVersion < LATEST_SCHEMA_VERSION) {
      // A backup of the file as it was, taken before the first migration touches it.
      db.pragma('wal_checkpoint(TRUNCATE)');
      fs.copyFileSync(target, `${target}.v${schemaVersion}.bak`);
      migrate(db, schemaVersion);
    }
    return sqliteStore(db, target, options);
  } catch (error) {
    db.close();
    fail('io', 'Could not open {path}: {reason}', { path: target, reason: (error as Error).message });
  }
}
