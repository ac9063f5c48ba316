// The one way to change a project: runCommand writes the change and its command-log entry in one
// transaction (the capture triggers record every row touched). Undo and redo replay those rows,
// so they survive a reload and cover every change, cascades included.

import type Database from 'better-sqlite3';
import { GroundworkError } from '../shared/api/errors';
import type { HistoryEntry, HistoryState } from '../shared/domain/model';
import { commandId } from '../shared/domain/ids';
import { applyRowImage } from './capture';
import type { ProjectDb } from './connection';
import type { WritableDB } from './handles';
import { now, sql } from './handles';

export interface CommandSpec {
  /** The contract method or action, e.g. 'segment.code'. */
  kind: string;
  /** What the history shows, e.g. 'Code "trust" in Source 2'. */
  label: string;
  /**
   * Consecutive commands with the same key within COALESCE_MS merge into one undo step
   * (used for memo typing, so undo does not walk back one keystroke pause at a time).
   */
  coalesceKey?: string;
}

const COALESCE_MS = 120_000;

function activeCommand(db: Database.Database): number | null {
  const row = sql(db, 'SELECT command_id FROM change_capture WHERE id = 1').get() as { command_id: number | null };
  return row.command_id;
}

function setCapture(db: Database.Database, id: number | null): void {
  sql(db, 'UPDATE change_capture SET command_id = ? WHERE id = 1').run(id);
}

/** Drops the redo stack: once something new is done, what was undone cannot come back. */
function discardUndone(db: Database.Database): void {
  sql(db, `DELETE FROM command_change WHERE command_id IN (SELECT id FROM command WHERE state = 'undone')`).run();
  sql(db, `UPDATE command SET state = 'discarded' WHERE state = 'undone'`).run();
}

function coalescable(db: Database.Database, key: string): number | null {
  const last = sql(db, `SELECT id, coalesce_key, created_at FROM command WHERE state = 'done' ORDER BY id DESC LIMIT 1`).get() as
    | { id: number; coalesce_key: string | null; created_at: string }
    | undefined;
  if (!last || last.coalesce_key !== key) return null;
  if (Date.now() - Date.parse(last.created_at) > COALESCE_MS) return null;
  return last.id;
}

/**
 * Runs `change` as one command: all of it is written, with its log entry, or none of it.
 * A command that changes nothing leaves no entry in the history.
 */
export function runCommand<T>(project: ProjectDb, spec: CommandSpec, change: (db: WritableDB) => T): T {
  const db = project.raw;
  return db.transaction(() => {
    if (activeCommand(db) !== null) throw new Error('Commands cannot be nested');
    const pending = sql(db, `SELECT count(*) AS n FROM command WHERE state = 'undone'`).get() as { n: number };
    const reuse = spec.coalesceKey && pending.n === 0 ? coalescable(db, spec.coalesceKey) : null;
    discardUndone(db);
    const id =
      reuse ??
      Number(
        sql(db, `INSERT INTO command (kind, label, state, coalesce_key, created_at) VALUES (?, ?, 'done', ?, ?)`).run(
          spec.kind,
          spec.label,
          spec.coalesceKey ?? null,
          now(),
        ).lastInsertRowid,
      );
    if (reuse !== null) sql(db, 'UPDATE command SET created_at = ? WHERE id = ?').run(now(), id);
    setCapture(db, id);
    const result = change(db as WritableDB);
    setCapture(db, null);
    const changed = sql(db, 'SELECT count(*) AS n FROM command_change WHERE command_id = ?').get(id) as { n: number };
    if (changed.n === 0) sql(db, 'DELETE FROM command WHERE id = ?').run(id);
    return result;
  })();
}

interface ChangeRow {
  table_name: string;
  old_row: string | null;
  new_row: string | null;
}

function replay(db: Database.Database, id: number, direction: 'undo' | 'redo'): void {
  const order = direction === 'undo' ? 'DESC' : 'ASC';
  const changes = sql(db, `SELECT table_name, old_row, new_row FROM command_change WHERE command_id = ? ORDER BY id ${order}`).all(
    id,
  ) as ChangeRow[];
  // Rows come back in an order that may briefly break a reference (a segment before its concept);
  // the check runs at commit instead.
  db.pragma('defer_foreign_keys = ON');
  for (const change of changes) {
    const oldRow = change.old_row === null ? null : (JSON.parse(change.old_row) as Record<string, string | number | null>);
    const newRow = change.new_row === null ? null : (JSON.parse(change.new_row) as Record<string, string | number | null>);
    if (direction === 'undo') applyRowImage(db, change.table_name, newRow, oldRow);
    else applyRowImage(db, change.table_name, oldRow, newRow);
  }
}

const toEntry = (row: { id: number; kind: string; label: string; state: 'done' | 'undone'; created_at: string }): HistoryEntry => ({
  id: commandId(row.id),
  kind: row.kind,
  label: row.label,
  state: row.state,
  createdAt: row.created_at,
});

type CommandRow = Parameters<typeof toEntry>[0];

/**
 * Undo takes the latest done command and replays its changes backwards; redo takes the earliest
 * undone one (the last undone) and replays them forwards. Both in one transaction.
 */
function step(project: ProjectDb, direction: 'undo' | 'redo'): HistoryEntry | null {
  const db = project.raw;
  const [from, to, order] = direction === 'undo' ? (['done', 'undone', 'DESC'] as const) : (['undone', 'done', 'ASC'] as const);
  return db.transaction(() => {
    const row = sql(db, `SELECT id, kind, label, state, created_at FROM command WHERE state = ? ORDER BY id ${order} LIMIT 1`).get(from) as
      | CommandRow
      | undefined;
    if (!row) return null;
    replay(db, row.id, direction);
    sql(db, 'UPDATE command SET state = ? WHERE id = ?').run(to, row.id);
    return toEntry({ ...row, state: to });
  })();
}

export const undo = (project: ProjectDb) => step(project, 'undo');
export const redo = (project: ProjectDb) => step(project, 'redo');

export function history(project: ProjectDb, limit = 100): HistoryState {
  const rows = sql(
    project.raw,
    `SELECT id, kind, label, state, created_at FROM command WHERE state IN ('done', 'undone') ORDER BY id DESC LIMIT ?`,
  ).all(limit) as CommandRow[];
  const entries = rows.map(toEntry);
  const undoRow = sql(project.raw, `SELECT id, kind, label, state, created_at FROM command WHERE state = 'done' ORDER BY id DESC LIMIT 1`).get() as
    | CommandRow
    | undefined;
  const redoRow = sql(project.raw, `SELECT id, kind, label, state, created_at FROM command WHERE state = 'undone' ORDER BY id ASC LIMIT 1`).get() as
    | CommandRow
    | undefined;
  return { entries, undo: undoRow ? toEntry(undoRow) : null, redo: redoRow ? toEntry(redoRow) : null };
}

/** For checks that must hold inside a command (a handler's validation). */
export function requireFound<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new GroundworkError('not-found', `${what} does not exist (any more).`);
  return value;
}
