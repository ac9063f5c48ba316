// The storage boundary: everything the backend asks of a project goes through a Store. Reads run
// in a consistent snapshot; every change runs as one command (one undo step, written with its
// log entry in one transaction) and names what it touched. SQLite (db/sqlite/) is the embedded
// engine; a server engine implements the same interface and runs the same repositories.

import type { HistoryEntry, HistoryState, ProjectInfo } from '../shared/domain/model';
import type { Message } from '../shared/domain/message';
import type { ReadableDB, WritableDB } from './handles';

export interface CommandSpec {
  /** The contract method or action, e.g. 'segment.code'. */
  kind: string;
  /**
   * What the history shows: `say('Code with “{a}” in “{b}”', { a, b })`, translated wherever it is
   * shown (a plain string shows as written). May be set later with setLabel.
   */
  label: string | Message;
  /**
   * Consecutive commands of the same author with the same key within a short time merge into one
   * undo step (memo typing; an import batch sent file by file).
   */
  coalesceKey?: string;
}

/** What a change touched: the tables whose rows changed, and the sources whose anchored data did. */
export interface Touched {
  /** null: anything may have changed (another process wrote to the file). */
  tables: string[] | null;
  /** Sources whose rows, segments, pages or directions changed; null: any. */
  documents: number[] | null;
}

export interface StoreChange {
  touched: Touched;
  /** Made by another process or connection (seen after the fact). */
  external: boolean;
  /** Who made an external change, when the engine is told (PostgreSQL: the other session's actor). */
  actor?: string | null;
  /** The change's mark, where the engine numbers changes (PostgreSQL: db/postgres/marks.ts). */
  mark?: number;
  /** Its history label in English (an undo or redo: the step's, with `undo`/`redo` as the kind)… */
  label?: string;
  /** …and structured, when the step's label is (what an interface translates). */
  said?: Message;
  kind?: 'do' | 'undo' | 'redo';
}

/** Who undoes: a step is undone only by the session or author that made it. */
export interface UndoScope {
  session?: string;
  actor?: string | null;
}

export interface CommandContext {
  readonly id: number;
  /** Replaces the history label (when it depends on what the command read). */
  setLabel(label: string | Message): void;
}

export interface CompactOptions {
  /** Keep at least this many of the latest undo steps. */
  keepSteps: number;
  /** And every step younger than this many days. */
  keepDays: number;
  /** Also rewrite the file to give back free pages (SQLite VACUUM). */
  vacuum?: boolean;
}

export interface CompactReport {
  removedSteps: number;
  removedTexts: number;
  bytesBefore: number | null;
  bytesAfter: number | null;
}

export interface Store {
  readonly engine: 'sqlite' | 'postgres';
  /** The project file (SQLite) or a description of the server project. */
  readonly location: string;
  /** Opened read-only: reads work, every write is refused with a clear message. */
  readonly readOnly: boolean;
  /** This connection's session: the undo scope of the steps it makes. */
  readonly session: string;
  /** The author recorded on new steps (a coder or user id), null for a single researcher. */
  actor: string | null;

  info(): Promise<ProjectInfo>;
  read<T>(fn: (db: ReadableDB) => Promise<T>): Promise<T>;
  /** One user action: all of it with its log entry, or nothing. A command that changes nothing leaves no step. */
  write<T>(spec: CommandSpec, fn: (db: WritableDB, command: CommandContext) => Promise<T>): Promise<T>;
  /** A change that is not a user action (building a bundled project, derived data): not in the history. */
  writeUnlogged<T>(fn: (db: WritableDB) => Promise<T>): Promise<T>;
  /** Runs fn in a transaction that is always rolled back: answers "as if" (counts under other readings). */
  scratch<T>(fn: (db: WritableDB) => Promise<T>): Promise<T>;

  undo(scope?: UndoScope): Promise<HistoryEntry | null>;
  redo(scope?: UndoScope): Promise<HistoryEntry | null>;
  history(limit?: number, scope?: UndoScope): Promise<HistoryState>;
  /** Forgets undo steps older than the limits and the data only they kept alive. */
  compact(options: CompactOptions): Promise<CompactReport>;
  /**
   * Writes a consistent copy of the project, as committed, to a new file at `target` (refused if
   * one exists): a project of its own that opens like this one. Allowed on a read-only project.
   */
  backup(target: string): Promise<void>;

  /** The latest change mark of the project, where the engine numbers changes (PostgreSQL). */
  changeMark?(): Promise<number>;

  /** Heard after every committed change, this connection's and (polled) other connections'. */
  onChange(listener: (change: StoreChange) => void): () => void;
  close(): Promise<void>;
}

export const ALL_TOUCHED: Touched = { tables: null, documents: null };

/** The union of two touched sets. */
export function mergeTouched(a: Touched | null, b: Touched): Touched {
  if (!a) return b;
  const union = <T>(x: T[] | null, y: T[] | null) => (x === null || y === null ? null : [...new Set([...x, ...y])]);
  return { tables: union(a.tables, b.tables), documents: union(a.documents, b.documents) };
}
