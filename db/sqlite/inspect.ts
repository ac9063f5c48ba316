// Checking a file before Groundwork uses it as a project: is it there and readable, is it SQLite,
// is it Groundwork's, of which project format, is it whole, is another program holding it. The
// checks read and never write: a refused file keeps every byte, and nothing is left beside it.

import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { GroundworkError } from '../../shared/api/errors';
import { say, type Message } from '../../shared/domain/message';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../migrations';

/** "GWK1" as a 32-bit integer, written into the SQLite header of every project file. */
export const APPLICATION_ID = 0x47574b31;

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** The header facts Groundwork checks (sqlite.org/fileformat2.html#the_database_header). */
export interface FileHeader {
  pageSize: number;
  /** Pages the file should hold, when the header's own count is valid (else null). */
  pages: number | null;
  applicationId: number;
  schemaVersion: number;
}

/** What a look at the file, without opening it as a database, found. */
export interface FileFacts {
  target: string;
  name: string;
  size: number;
  header: FileHeader;
  /** A write-ahead log with content sits beside it (another program has it open, or one stopped mid-way): the header may lag behind. */
  walPending: boolean;
  /** Null when Groundwork can write the file (and its folder); otherwise why not. */
  notWritable: Message | null;
}

export function parseHeader(bytes: Buffer): FileHeader | null {
  if (bytes.length < 100 || !bytes.subarray(0, 16).equals(SQLITE_MAGIC)) return null;
  const raw = bytes.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return null;
  const pages = bytes.readUInt32BE(28);
  const valid = pages > 0 && bytes.readUInt32BE(92) === bytes.readUInt32BE(24);
  return { pageSize, pages: valid ? pages : null, applicationId: bytes.readInt32BE(68), schemaVersion: bytes.readUInt32BE(60) };
}

const sizeOf = (file: string): number => {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
};

function writeProblem(target: string): Message | null {
  try {
    fs.accessSync(target, fs.constants.W_OK);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EROFS' ? say('the disk is read-only') : say('the file cannot be written');
  }
  // WAL mode keeps FILE-wal and FILE-shm beside the file: the folder must take them.
  try {
    fs.accessSync(path.dirname(target), fs.constants.W_OK);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EROFS' ? say('the disk is read-only') : say('its folder cannot be written');
  }
  return null;
}

const refuse = (code: GroundworkError['code'], message: Message) => new GroundworkError(code, message);

/** A damaged file, in words a researcher can pass on (SQLite's own words go to the log): where the damage shows, when known. */
export const damaged = (name: string, where?: { cutAt: number; midPage: boolean }) =>
  !where
    ? refuse('damaged', say('{a} is damaged (its pages do not read as a sound database) and cannot be opened; restore one of its backups from the start screen. The file was not changed.', { a: name }))
    : where.midPage
      ? refuse('damaged', say('{a} is damaged (it ends part-way through a page, at byte {position}) and cannot be opened; restore one of its backups from the start screen. The file was not changed.', { a: name, position: where.cutAt }))
      : refuse('damaged', say('{a} is damaged (it is cut short at byte {position}) and cannot be opened; restore one of its backups from the start screen. The file was not changed.', { a: name, position: where.cutAt }));

/** Looks at the file's bytes: refuses what is missing, unreadable, not SQLite, not Groundwork's, newer, or cut short. */
export function examineFile(target: string): FileFacts {
  const name = path.basename(target);
  let size: number;
  let bytes: Buffer;
  try {
    const stat = fs.statSync(target);
    if (stat.isDirectory()) throw refuse('not-a-project', say('{a} is a folder, not a project file; choose the .groundwork file itself.', { a: target }));
    size = stat.size;
    const fd = fs.openSync(target, 'r');
    try {
      bytes = Buffer.alloc(100);
      bytes = bytes.subarray(0, fs.readSync(fd, bytes, 0, 100, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    if (error instanceof GroundworkError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw refuse('not-found', say('There is no project file at {a}; check the path, or if it was deleted, restore one of its backups from the start screen.', { a: target }));
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw refuse('io', say('{a} cannot be read (permission denied); ask for read access to it, or open a copy you can read. The file was not changed.', { a: name }));
    }
    throw refuse('io', say('{a} cannot be read ({reason}); the file was not changed.', { a: name, reason: code ?? (error as Error).message }));
  }
  const header = parseHeader(bytes);
  if (!header) {
    // An empty or very short file, or one whose first bytes are not SQLite's.
    throw refuse('not-a-project', say('{a} is not a Groundwork project file (it is not a database); the file was not changed.', { a: name }));
  }
  const walPending = sizeOf(`${target}-wal`) > 0;
  if (!walPending) {
    // Without a pending log the header is the truth: refuse without opening the file at all.
    if (header.applicationId !== APPLICATION_ID) {
      throw refuse('not-a-project', say('{a} is a database of another program, not a Groundwork project; the file was not changed.', { a: name }));
    }
    if (header.schemaVersion > LATEST_SCHEMA_VERSION) throw newerVersion(name, header.schemaVersion);
    if (size % header.pageSize !== 0) {
      throw damaged(name, { cutAt: size, midPage: true });
    }
    if (header.pages !== null && size < header.pages * header.pageSize) {
      throw damaged(name, { cutAt: size, midPage: false });
    }
  }
  return { target, name, size, header, walPending, notWritable: writeProblem(target) };
}

export const newerVersion = (name: string, version: number) =>
  refuse('newer-version', say('{a} was saved by a newer version of Groundwork (project format {version}). Update Groundwork to open it; the file was not changed.', { a: name, version }));

/** A refusal for an error SQLite raised while the file was being checked or opened. */
export function openError(error: unknown, name: string): GroundworkError {
  if (error instanceof GroundworkError) return error;
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error).message;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return refuse('busy', say('{a} is locked by another program; close it there, then open it again. The file was not changed.', { a: name }));
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return damaged(name);
  if (code.startsWith('SQLITE_CANTOPEN')) return refuse('io', say('{a} cannot be opened ({reason}); the file was not changed.', { a: name, reason: message }));
  return refuse('io', say('{a} could not be opened ({reason}); the file was not changed.', { a: name, reason: message }));
}

type Schema = Map<string, Set<string>>;
const expected = new Map<string, Schema>();

function schemaOf(db: Database.Database): Schema {
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
  const schema: Schema = new Map();
  for (const table of tables) {
    schema.set(table, new Set(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]));
  }
  return schema;
}

/**
 * The tables and columns a project of this format has (without the migrations `lacking`, which a
 * build that skipped them left out): the migrations run on an empty database in memory, once each.
 */
function expectedSchema(version: number, lacking: readonly number[]): Schema {
  const key = `${version}/${lacking.join(',')}`;
  let schema = expected.get(key);
  if (!schema) {
    const db = new Database(':memory:');
    try {
      db.pragma('foreign_keys = OFF');
      db.transaction(() => MIGRATIONS.filter((m) => m.version <= version && !lacking.includes(m.version)).forEach((m) => m.up(db)))();
      schema = schemaOf(db);
    } finally {
      db.close();
    }
    expected.set(key, schema);
  }
  return schema;
}

/**
 * Checks an open connection to the file (nothing is written): Groundwork's id, a format this
 * version reads, the tables of that format, and SQLite's own structural check of every page.
 * Returns the project format.
 */
export function checkDatabase(db: Database.Database, name: string): number {
  try {
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    if (applicationId !== APPLICATION_ID) {
      throw refuse('not-a-project', say('{a} is a database of another program, not a Groundwork project; the file was not changed.', { a: name }));
    }
    if (version > LATEST_SCHEMA_VERSION) throw newerVersion(name, version);
    const have = schemaOf(db);
    const lacking = MIGRATIONS.filter((m) => m.version <= version && m.missing?.(db)).map((m) => m.version);
    const want = expectedSchema(version, lacking);
    // Tables it should have that are missing or lack columns (a file of format 0 should have none).
    const wrong =
      version === 0
        ? [...have.keys()]
        : [...want].filter(([table, columns]) => {
            const found = have.get(table);
            return !found || [...columns].some((c) => !found.has(c));
          }).map(([table]) => table);
    if (wrong.length > 0) {
      // Table names are SQL's own words: written as they are, quoted, in either language.
      const named = wrong.slice(0, 4).map((table) => `“${table}”`).join(', ') + (wrong.length > 4 ? ', …' : '');
      throw refuse('not-a-project', say('{a} is marked as a Groundwork project, but its tables do not match project format {version} ({tables}); the file was not changed.', { a: name, version, tables: named }));
    }
    const faults = (db.pragma('quick_check(3)', { simple: false }) as { quick_check: string }[]).filter((p) => p.quick_check !== 'ok');
    if (faults.length > 0) throw damaged(name);
    return version;
  } catch (error) {
    throw openError(error, name);
  }
}
