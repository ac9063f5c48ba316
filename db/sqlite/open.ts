// Opening, creating and migrating a project file, the SQLite engine's Store. A project is one
// SQLite file (WAL, foreign keys, STRICT tables) marked with Groundwork's application_id. Every
// file is checked (db/sqlite/inspect.ts) before anything writes to it: a refused file is never
// changed. A migration runs as one transaction after a backup, so it happens whole or not at all.
// A file that cannot be written opens read-only, from a private working copy.

import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fail, GroundworkError } from '../../shared/api/errors';
import { say } from '../../shared/domain/message';
import type { ReadOnlyReason } from '../../shared/domain/project-file';
import { now } from '../handles';
import { newUid } from '../uid';
import { pendingMigrations } from '../migrations';
import type { Store } from '../store';
import { APPLICATION_ID, checkDatabase, examineFile, openError, type FileFacts } from './inspect';
import { PROJECT_EXTENSION, sqliteStore, type SqliteStoreOptions } from './store';

export { APPLICATION_ID, PROJECT_EXTENSION };

export interface OpenOptions extends Omit<SqliteStoreOptions, 'readOnly' | 'readOnlyReason'> {
  /**
   * true: open read-only (the user asked); false: the caller will write, so a file that cannot be
   * written is refused; left out: read-write, or read-only when the file cannot be written.
   */
  readOnly?: boolean;
}

function configure(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // Short: a change waiting for another process's lock retries without blocking the thread
  // (db/sqlite/store.ts); the timeout only covers a lock held for an instant.
  db.pragma('busy_timeout = 50');
  // FULL: a commit is on the disk before it is acknowledged, so an acknowledged change survives
  // a power loss or an OS crash (NORMAL in WAL mode may lose the last ones).
  db.pragma('synchronous = FULL');
  // 32 MiB of page cache (SQLite's default is 2 MiB): undoing a step of thousands of rows changes
  // pages all over the segment indexes, and a cache that holds them is twice as quick at 1M segments.
  db.pragma('cache_size = -32768');
}

/** While a file is checked, another program's lock is waited for this long before it is called locked. */
const CHECK_BUSY_MS = 1000;

/** Applies every migration after `from` in one transaction: the file ends at the latest format, or as it was. */
function migrate(db: Database.Database, from: number): void {
  // Foreign keys are off while migrating, so a migration can rebuild a table others refer to
  // (sqlite.org/lang_altertable.html); each migration must leave every reference intact.
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const migration of pendingMigrations(db, from)) {
        migration.up(db);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`migration ${migration.version} broke ${broken.length} reference(s)`);
        // A migration applied late (one a later version lacked) leaves the version as it was.
        db.pragma(`user_version = ${Math.max(migration.version, db.pragma('user_version', { simple: true }) as number)}`);
      }
    })();
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
    // Its own GUID (shared by every copy made of it) and this copy's replica GUID.
    db.prepare('INSERT INTO project (id, name, created_at, uid, replica) VALUES (1, ?, ?, ?, ?)').run(name.trim(), now(), newUid(), newUid());
    return sqliteStore(db, target, options);
  } catch (error) {
    db?.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
    if (error instanceof GroundworkError) throw error;
    fail('io', 'Could not create {path}: {reason}', { path: target, reason: (error as Error).message });
  }
}

/** A name beside `base` that is not taken yet (base, base.2, base.3, …). */
function freeName(base: string): string {
  let candidate = base;
  for (let n = 2; fs.existsSync(candidate); n += 1) candidate = `${base}.${n}`;
  return candidate;
}

/**
 * Runs `check` on a read-only connection to a file whose log is pending (the header may lag).
 * A read-only connection may create FILE-shm; if it did, it is removed again.
 */
function checkPending<T>(facts: FileFacts, check: (db: Database.Database) => T): T {
  const shm = `${facts.target}-shm`;
  const hadShm = fs.existsSync(shm);
  let db: Database.Database | undefined;
  try {
    db = new Database(facts.target, { readonly: true, fileMustExist: true });
    db.pragma(`busy_timeout = ${CHECK_BUSY_MS}`);
    return check(db);
  } catch (error) {
    throw openError(error, facts.name);
  } finally {
    db?.close();
    if (!hadShm) fs.rmSync(shm, { force: true });
  }
}

/** Opens a file Groundwork may write: checked first, migrated (after a backup) if older, then configured. */
function openReadWrite(facts: FileFacts, options: SqliteStoreOptions): Store {
  const { target, name } = facts;
  if (facts.walPending) checkPending(facts, (db) => checkDatabase(db, name));
  let db: Database.Database;
  try {
    db = new Database(target, { fileMustExist: true });
  } catch (error) {
    throw openError(error, name);
  }
  try {
    // Nothing is written before the checks pass: no journal mode, no pragma that changes the file.
    db.pragma(`busy_timeout = ${CHECK_BUSY_MS}`);
    const version = checkDatabase(db, name);
    if (pendingMigrations(db, version).length > 0) {
      // The file as it was, kept beside it; dropped again if the migration does not go through.
      const backup = freeName(`${target}.v${version}.bak`);
      try {
        db.prepare('VACUUM INTO ?').run(backup);
      } catch (error) {
        fs.rmSync(backup, { force: true });
        throw new GroundworkError('io', say('{a} could not be backed up before its upgrade ({reason}); the file was not changed.', { a: name, reason: (error as Error).message }));
      }
      try {
        migrate(db, version);
      } catch (error) {
        fs.rmSync(backup, { force: true });
        // The reason is SQLite's or a migration's own words: kept on the error, not shown.
        throw new GroundworkError('io', say("{a} could not be upgraded from project format {version} to this version's; the file was not changed.", { a: name, version }), { cause: error });
      }
    }
    configure(db);
    return sqliteStore(db, target, options);
  } catch (error) {
    db.close();
    throw openError(error, name);
  }
}

/**
 * Opens a project read-only: from a private copy in the temporary folder, so nothing is ever
 * written beside the file (no -wal, no -shm), an older format is upgraded on the copy, and "as
 * if" answers (store.scratch) still work. The copy is the project as it was when opened.
 */
function openReadOnly(facts: FileFacts, reason: ReadOnlyReason, options: SqliteStoreOptions): Store {
  const { target, name } = facts;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-read-only-'));
  const copy = path.join(dir, `copy${PROJECT_EXTENSION}`);
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  let db: Database.Database | undefined;
  try {
    const snapshot = (source: Database.Database) => {
      source.pragma(`busy_timeout = ${CHECK_BUSY_MS}`);
      checkDatabase(source, name);
      source.prepare('VACUUM INTO ?').run(copy);
    };
    if (facts.walPending) {
      checkPending(facts, snapshot);
    } else if (facts.notWritable === null) {
      // Writable, but the user chose read-only: a read-write connection that writes nothing takes
      // a consistent snapshot, and closing it removes the -wal and -shm it made.
      const source = new Database(target, { fileMustExist: true });
      try {
        snapshot(source);
      } finally {
        source.close();
      }
    } else {
      // Nobody writes a file that cannot be written, and no log is pending: the file is the project.
      fs.copyFileSync(target, copy);
    }
    db = new Database(copy, { fileMustExist: true });
    const version = checkDatabase(db, name);
    if (pendingMigrations(db, version).length > 0) migrate(db, version);
    configure(db);
    const store = sqliteStore(db, target, { ...options, readOnly: true, readOnlyReason: reason });
    const close = store.close.bind(store);
    store.close = async () => {
      await close();
      remove();
    };
    return store;
  } catch (error) {
    db?.close();
    remove();
    throw openError(error, name);
  }
}

/** Opens an existing project: checked, then read-write (migrated if older) or read-only. */
export function openProjectFile(file: string, options: OpenOptions = {}): Store {
  const facts = examineFile(path.resolve(file));
  const { readOnly, ...rest } = options;
  if (readOnly === true) return openReadOnly(facts, 'chosen', rest);
  if (facts.notWritable !== null) {
    if (readOnly === false) {
      throw new GroundworkError('read-only', say('{a} cannot be changed: {reason}; nothing was written.', { a: facts.name, reason: facts.notWritable }));
    }
    return openReadOnly(facts, 'not-writable', rest);
  }
  return openReadWrite(facts, rest);
}

/** Checks a project file without keeping it open (a backup before it is kept); throws the refusal a user would see. */
export function checkProjectFile(file: string): void {
  const facts = examineFile(path.resolve(file));
  if (facts.walPending) return checkPending(facts, (db) => void checkDatabase(db, facts.name));
  if (facts.notWritable !== null) {
    // A read-only connection would leave -wal and -shm beside the file: check a copy instead.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-check-'));
    try {
      fs.copyFileSync(facts.target, path.join(dir, 'copy'));
      const db = new Database(path.join(dir, 'copy'), { fileMustExist: true });
      try {
        checkDatabase(db, facts.name);
      } finally {
        db.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  let db: Database.Database;
  try {
    db = new Database(facts.target, { fileMustExist: true });
  } catch (error) {
    throw openError(error, facts.name);
  }
  try {
    checkDatabase(db, facts.name);
  } finally {
    db.close();
  }
}
