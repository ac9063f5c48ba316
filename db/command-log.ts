// The command log, shared by every engine: a command is one row in `command` and its row changes
// in `command_change` (written by each engine's capture triggers: the full row when inserted or
// deleted, the key and the changed columns when updated). Undo and redo replay those rows, so no
// change escapes the log; a step is undone only by its own session or author, and never when
// another session's later step changed the same rows.

import { GroundworkError } from '../shared/api/errors';
import { commandId } from '../shared/domain/ids';
import type { HistoryEntry, HistoryState } from '../shared/domain/model';
import type { ReadableDB, WritableDB } from './handles';
import { now } from './handles';
import { alignStampRows, beforeReplay, EXPLICITLY_STAMPED, MERGE_BOOKKEEPING, restamp, stampCommand } from './merge-stamps';
import type { CommandContext, CommandSpec, Touched, UndoScope } from './store';

/** What an engine does for the log: switch its capture on and off, and describe its tables. */
export interface CaptureHooks {
  /** From now on, row changes are recorded under command `id`. */
  begin(db: WritableDB, id: number): Promise<void>;
  end(db: WritableDB): Promise<void>;
  /** Replays may briefly break references (a segment before its concept): check them at commit. */
  deferForeignKeys(db: WritableDB): Promise<void>;
  /** The columns a table has now (images written before a migration may name dropped ones). */
  columns(db: ReadableDB, table: string): Promise<Set<string>>;
  /** The primary key columns of a captured table. */
  keyOf(table: string): readonly string[];
}

const COALESCE_MS = 120_000;

interface CommandRow {
  id: number;
  kind: string;
  label: string;
  state: 'done' | 'undone';
  created_at: string;
  actor: string | null;
}

const COLUMNS = 'id, kind, label, state, created_at, actor';

const toEntry = (row: CommandRow): HistoryEntry => ({
  id: commandId(row.id),
  kind: row.kind,
  label: row.label,
  state: row.state,
  createdAt: row.created_at,
  actor: row.actor,
});

/** A session is live while it has been seen this recently (sessions refresh it while open). */
export const SESSION_LIVE_MS = 60_000;

/** SQL that keeps the steps of one scope: its session, or (for steps of no live session) its author. */
function scopeWhere(scope: UndoScope, alias = ''): { where: string; params: (string | null)[] } {
  const column = (name: string) => (alias ? `${alias}.${name}` : name);
  if (scope.session !== undefined) return { where: `(${column('session')} = ?)`, params: [scope.session] };
  return { where: `(${column('actor')} IS NOT DISTINCT FROM ?)`, params: [scope.actor ?? null] };
}

/** Steps of the scope's author made by sessions that have ended (not by another open window). */
function endedSessionsOf(actor: string | null): { where: string; params: (string | null)[] } {
  const since = new Date(Date.now() - SESSION_LIVE_MS).toISOString();
  return {
    where: '(actor IS NOT DISTINCT FROM ? AND (session IS NULL OR session NOT IN (SELECT id FROM store_session WHERE seen_at > ?)))',
    params: [actor, since],
  };
}

/** The scope's latest done step: its own session's, or else its author's from an ended session (a reopened project). */
async function latest(db: ReadableDB, state: 'done' | 'undone', scope: UndoScope): Promise<CommandRow | undefined> {
  const order = state === 'done' ? 'DESC' : 'ASC';
  const tries = scope.session !== undefined ? [scopeWhere({ session: scope.session }), endedSessionsOf(scope.actor ?? null)] : [scopeWhere(scope)];
  for (const { where, params } of tries) {
    const row = await db.get<CommandRow>(
      `SELECT ${COLUMNS} FROM command WHERE state = ? AND ${where} ORDER BY id ${order} LIMIT 1`,
      state,
      ...params,
    );
    if (row) return row;
  }
  return undefined;
}

/** Marks a session as open now (on opening, on each change and every few seconds while watching). */
export async function touchSession(db: WritableDB, session: string, actor: string | null): Promise<void> {
  const at = now();
  await db.run(
    'INSERT INTO store_session (id, actor, opened_at, seen_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at, actor = excluded.actor',
    session,
    actor,
    at,
    at,
  );
}

export async function endSession(db: WritableDB, session: string): Promise<void> {
  await db.run('DELETE FROM store_session WHERE id = ?', session);
}

/** Drops the scope's redo steps: once it does something new, what it undid cannot come back. */
async function discardUndone(db: WritableDB, scope: UndoScope): Promise<void> {
  const { where, params } = scopeWhere(scope.session !== undefined ? { session: scope.session } : scope);
  await db.run(
    `DELETE FROM command_change WHERE command_id IN (SELECT id FROM command WHERE state = 'undone' AND ${where})`,
    ...params,
  );
  await db.run(`UPDATE command SET state = 'discarded' WHERE state = 'undone' AND ${where}`, ...params);
}

async function coalescable(db: ReadableDB, key: string, scope: UndoScope): Promise<number | null> {
  const last = await db.get<{ id: number; coalesce_key: string | null; created_at: string; session: string | null }>(
    `SELECT id, coalesce_key, created_at, session FROM command WHERE state = 'done' ORDER BY id DESC LIMIT 1`,
  );
  if (!last || last.coalesce_key !== key) return null;
  if (scope.session !== undefined && last.session !== scope.session) return null;
  if (Date.now() - Date.parse(last.created_at) > COALESCE_MS) return null;
  return last.id;
}

/** The tables and sources a command's changes (those after change `after`) touched. */
export async function touchedBy(db: ReadableDB, id: number, after = 0): Promise<Touched> {
  const tables = await db.all<{ table_name: string }>(
    'SELECT DISTINCT table_name FROM command_change WHERE command_id = ? AND id > ?',
    id,
    after,
  );
  const documents = await db.all<{ document_id: number }>(
    'SELECT DISTINCT document_id FROM command_change WHERE command_id = ? AND id > ? AND document_id IS NOT NULL',
    id,
    after,
  );
  // Version stamps and tombstones are the merge's bookkeeping: no view shows them.
  const shown = tables.map((r) => r.table_name).filter((t) => !MERGE_BOOKKEEPING.has(t));
  return { tables: shown.sort(), documents: documents.map((r) => Number(r.document_id)) };
}

export interface Logged<T> {
  value: T;
  /** The step the change went into, or null when it changed nothing. */
  commandId: number | null;
  touched: Touched;
  /** The step's history label (as set by the command). */
  label: string;
}

/**
 * Runs `change` as one command. Call inside a write transaction; the caller commits or rolls
 * back. A command that changes nothing leaves no step.
 */
export async function runLogged<T>(
  db: WritableDB,
  hooks: CaptureHooks,
  spec: CommandSpec,
  scope: { session: string; actor: string | null },
  change: (db: WritableDB, command: CommandContext) => Promise<T>,
): Promise<Logged<T>> {
  const pending = await db.get<{ n: number }>(
    `SELECT count(*) AS n FROM command WHERE state = 'undone' AND session = ?`,
    scope.session,
  );
  const reuse = spec.coalesceKey && Number(pending?.n ?? 0) === 0 ? await coalescable(db, spec.coalesceKey, scope) : null;
  await discardUndone(db, { session: scope.session });
  await touchSession(db, scope.session, scope.actor);
  let id: number;
  if (reuse !== null) {
    id = reuse;
    await db.run('UPDATE command SET created_at = ? WHERE id = ?', now(), id);
  } else {
    const row = await db.get<{ id: number }>(
      `INSERT INTO command (kind, label, state, coalesce_key, created_at, actor, session) VALUES (?, ?, 'done', ?, ?, ?, ?) RETURNING id`,
      spec.kind,
      spec.label,
      spec.coalesceKey ?? null,
      now(),
      scope.actor,
      scope.session,
    );
    id = Number(row!.id);
  }
  const mark = await db.get<{ n: number | null }>('SELECT max(id) AS n FROM command_change');
  const after = Number(mark?.n ?? 0);
  let label = spec.label;
  await hooks.begin(db, id);
  let value: T;
  try {
    value = await change(db, { id, setLabel: (l) => (label = l) });
    // Version stamps for merging copies follow every change, in the same step (db/merge-stamps.ts).
    if (!EXPLICITLY_STAMPED.has(spec.kind)) await stampCommand(db, id, after);
  } finally {
    await hooks.end(db);
  }
  if (label !== spec.label) await db.run('UPDATE command SET label = ? WHERE id = ?', label, id);
  const changed = await db.get<{ n: number }>('SELECT count(*) AS n FROM command_change WHERE command_id = ?', id);
  if (Number(changed?.n ?? 0) === 0) {
    await db.run('DELETE FROM command WHERE id = ?', id);
    return { value, commandId: null, touched: { tables: [], documents: [] }, label };
  }
  return { value, commandId: id, touched: await touchedBy(db, id, after), label };
}

type Row = Record<string, unknown>;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Writes `target` (a row image, or null for "absent") over the row whose image is `current`. */
async function applyRowImage(db: WritableDB, hooks: CaptureHooks, table: string, current: Row | null, target: Row | null) {
  const keys = hooks.keyOf(table);
  const known = await hooks.columns(db, table);
  const keyValues = (row: Row) => keys.map((k) => (row[k] ?? null) as string | number | null);
  const where = keys.map((k) => `${quote(k)} = ?`).join(' AND ');
  if (target === null) {
    if (current) await db.run(`DELETE FROM ${quote(table)} WHERE ${where}`, ...keyValues(current));
    return;
  }
  const columns = Object.keys(target).filter((c) => known.has(c));
  const values = columns.map((c) => (target[c] ?? null) as string | number | null);
  if (current === null) {
    await db.run(
      `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      ...values,
    );
  } else {
    const set = columns.filter((c) => !keys.includes(c) || target[c] !== current[c]);
    if (set.length === 0) return;
    await db.run(
      `UPDATE ${quote(table)} SET ${set.map((c) => `${quote(c)} = ?`).join(', ')} WHERE ${where}`,
      ...set.map((c) => (target[c] ?? null) as string | number | null),
      ...keyValues(current),
    );
  }
}

async function replay(db: WritableDB, hooks: CaptureHooks, id: number, direction: 'undo' | 'redo'): Promise<void> {
  const order = direction === 'undo' ? 'DESC' : 'ASC';
  const changes = await db.all<{ table_name: string; old_row: string | null; new_row: string | null }>(
    `SELECT table_name, old_row, new_row FROM command_change WHERE command_id = ? ORDER BY id ${order}`,
    id,
  );
  await hooks.deferForeignKeys(db);
  for (const change of changes) {
    const oldRow = change.old_row === null ? null : (JSON.parse(change.old_row) as Row);
    const newRow = change.new_row === null ? null : (JSON.parse(change.new_row) as Row);
    if (direction === 'undo') await applyRowImage(db, hooks, change.table_name, newRow, oldRow);
    else await applyRowImage(db, hooks, change.table_name, oldRow, newRow);
  }
}

/** A later step of someone else that changed a row this step changed, if any. */
async function laterDependent(db: ReadableDB, row: CommandRow, scope: UndoScope): Promise<CommandRow | undefined> {
  const { where, params } = scopeWhere(scope.session !== undefined ? { session: scope.session } : scope, 'c');
  return db.get<CommandRow>(
    `SELECT c.id, c.kind, c.label, c.state, c.created_at, c.actor FROM command c WHERE c.id > ? AND c.state = 'done' AND NOT ${where}
       AND EXISTS (SELECT 1 FROM command_change x JOIN command_change y ON x.table_name = y.table_name AND x.row_key = y.row_key
                   WHERE x.command_id = c.id AND y.command_id = ?)
     ORDER BY c.id LIMIT 1`,
    row.id,
    ...params,
    row.id,
  );
}

export interface Stepped {
  entry: HistoryEntry;
  touched: Touched;
}

/**
 * Undo takes the scope's latest done step and replays its changes backwards; redo takes the
 * scope's earliest undone one and replays them forwards. Call inside a write transaction.
 */
export async function step(db: WritableDB, hooks: CaptureHooks, direction: 'undo' | 'redo', scope: UndoScope): Promise<Stepped | null> {
  const row = await latest(db, direction === 'undo' ? 'done' : 'undone', scope);
  if (!row) return null;
  if (direction === 'undo') {
    const later = await laterDependent(db, row, scope);
    if (later) {
      // The author as people know them: the coder's name where the actor is a coder (a server's user).
      const who = later.actor ? ((await db.get<{ name: string }>('SELECT name FROM coder WHERE uid = ?', later.actor))?.name ?? later.actor) : null;
      throw new GroundworkError(
        'conflict',
        `“${row.label}” cannot be undone: a later change by ${who ? `“${who}”` : 'another window'} (“${later.label}”) changed the same items.`,
      );
    }
  }
  // An undo or redo is a change of its own for merging; a merge is undone exactly (db/merge-stamps.ts).
  const before = EXPLICITLY_STAMPED.has(row.kind) ? null : await beforeReplay(db, row.id);
  await alignStampRows(db, row.id, direction);
  await replay(db, hooks, row.id, direction);
  if (before) await restamp(db, before);
  const to = direction === 'undo' ? 'undone' : 'done';
  await db.run('UPDATE command SET state = ? WHERE id = ?', to, row.id);
  return { entry: toEntry({ ...row, state: to }), touched: await touchedBy(db, row.id) };
}

export async function history(db: ReadableDB, limit: number, scope: UndoScope): Promise<HistoryState> {
  const rows = await db.all<CommandRow>(
    `SELECT ${COLUMNS} FROM command WHERE state IN ('done', 'undone') ORDER BY id DESC LIMIT ?`,
    limit,
  );
  const undoRow = await latest(db, 'done', scope);
  const redoRow = await latest(db, 'undone', scope);
  return { entries: rows.map(toEntry), undo: undoRow ? toEntry(undoRow) : null, redo: redoRow ? toEntry(redoRow) : null };
}

/** For checks inside a command (a handler's validation). */
export function requireFound<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new GroundworkError('not-found', `${what} does not exist (any more).`);
  return value;
}
