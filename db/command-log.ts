// The command log, shared by every engine: a command is one row in `command` and its row changes
// in `command_change` (written by each engine's capture triggers: the key of a row inserted (its
// whole image once the step is undone), the full row deleted, the key and the changed columns
// when updated). Undo and redo replay those rows, so no
// change escapes the log; a step is undone only by its own session or author, and never when
// another session's later step changed the same rows.

import { fail } from '../shared/api/errors';
import { commandId } from '../shared/domain/ids';
import { english, isMessage, say, type Message } from '../shared/domain/message';
import type { HistoryEntry, HistoryState } from '../shared/domain/model';
import type { ReadableDB, WritableDB } from './handles';
import { now } from './handles';
import { INSERTED_WHOLE } from './capture-tables';
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
  /**
   * Derived data the engine keeps in step with the sources (SQLite: the search index), run inside
   * the change's transaction with the sources whose row the change inserted or deleted.
   */
  sourceRowsChanged?(db: WritableDB, ids: number[]): Promise<void>;
  /**
   * As undo is about to delete rows the step inserted (they stand as they were right after the
   * insert, what came later having been undone): their whole image written into those changes,
   * for redo (engines that log only the key of an inserted row).
   */
  completeInsertImages?(db: WritableDB, table: string, changeIds: readonly number[]): Promise<void>;
  /** Once redo has inserted those rows again: their changes back to the key alone, as first logged. */
  trimInsertImages?(db: WritableDB, table: string, changeIds: readonly number[]): Promise<void>;
}

/** The sources whose row a command's changes (those after change `after`) inserted or deleted. */
async function sourceRowsAddedOrRemoved(db: ReadableDB, id: number, after: number): Promise<number[]> {
  const rows = await db.all<{ document_id: number }>(
    `SELECT DISTINCT document_id FROM command_change
     WHERE command_id = ? AND id > ? AND table_name = 'document' AND (old_row IS NULL OR new_row IS NULL) AND document_id IS NOT NULL`,
    id,
    after,
  );
  return rows.map((r) => Number(r.document_id));
}

async function keepDerivedInStep(db: WritableDB, hooks: CaptureHooks, id: number, after: number): Promise<void> {
  if (!hooks.sourceRowsChanged) return;
  const ids = await sourceRowsAddedOrRemoved(db, id, after);
  if (ids.length > 0) await hooks.sourceRowsChanged(db, ids);
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

/**
 * A step's label as stored: plain English (every step written before labels were structured, and a
 * caller that gives a string), or a structured message as JSON `{"text":…,"params":…}` in the same
 * column, so every engine keeps it without a schema change.
 */
export function storedLabel(label: string | Message): string {
  return typeof label === 'string' ? label : JSON.stringify({ text: label.text, ...(label.params ? { params: label.params } : {}) });
}

/** A stored label read back: its English, and its structured form when it has one. */
export function readLabel(stored: string): { label: string; said: Message | null } {
  if (stored.startsWith('{"text":')) {
    try {
      const said = JSON.parse(stored) as unknown;
      if (isMessage(said)) return { label: english(said), said };
    } catch {
      // Not JSON after all: an English label that happens to start so.
    }
  }
  return { label: stored, said: null };
}

const toEntry = (row: CommandRow): HistoryEntry => {
  const { label, said } = readLabel(row.label);
  return {
    id: commandId(row.id),
    kind: row.kind,
    label,
    ...(said ? { said } : {}),
    state: row.state,
    createdAt: row.created_at,
    actor: row.actor,
  };
};

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
  /** The step's history label (as set by the command), as stored (storedLabel: read it with readLabel). */
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
      storedLabel(spec.label),
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
  await keepDerivedInStep(db, hooks, id, after);
  if (label !== spec.label) await db.run('UPDATE command SET label = ? WHERE id = ?', storedLabel(label), id);
  const changed = await db.get<{ n: number }>('SELECT count(*) AS n FROM command_change WHERE command_id = ?', id);
  if (Number(changed?.n ?? 0) === 0) {
    await db.run('DELETE FROM command WHERE id = ?', id);
    return { value, commandId: null, touched: { tables: [], documents: [] }, label: storedLabel(label) };
  }
  return { value, commandId: id, touched: await touchedBy(db, id, after), label: storedLabel(label) };
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

/** Rows per statement when a replay deletes or inserts many rows of one table (under every engine's parameter limit). */
const BATCH_ROWS = 500;
const BATCH_PARAMS = 30_000;

/** Deletes the rows of `table` whose images are given, a batch per statement (a one-column key). */
async function deleteRows(db: WritableDB, table: string, key: string, images: Row[]): Promise<void> {
  for (let at = 0; at < images.length; at += BATCH_ROWS) {
    const keys = images.slice(at, at + BATCH_ROWS).map((row) => (row[key] ?? null) as string | number | null);
    await db.run(`DELETE FROM ${quote(table)} WHERE ${quote(key)} IN (${keys.map(() => '?').join(', ')})`, ...keys);
  }
}

/** Inserts rows of `table` from their images, many per statement when they name the same columns. */
async function insertRows(db: WritableDB, hooks: CaptureHooks, table: string, images: Row[]): Promise<void> {
  const known = await hooks.columns(db, table);
  let at = 0;
  while (at < images.length) {
    const columns = Object.keys(images[at]!).filter((c) => known.has(c));
    const signature = columns.join(',');
    const perStatement = Math.max(1, Math.min(BATCH_ROWS, Math.floor(BATCH_PARAMS / Math.max(1, columns.length))));
    const batch: Row[] = [];
    while (at < images.length && batch.length < perStatement && Object.keys(images[at]!).filter((c) => known.has(c)).join(',') === signature) {
      batch.push(images[at]!);
      at += 1;
    }
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    await db.run(
      `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${batch.map(() => tuple).join(', ')}`,
      ...batch.flatMap((row) => columns.map((c) => (row[c] ?? null) as string | number | null)),
    );
  }
}

async function replay(db: WritableDB, hooks: CaptureHooks, id: number, direction: 'undo' | 'redo'): Promise<void> {
  const order = direction === 'undo' ? 'DESC' : 'ASC';
  const changes = await db.all<{ id: number; table_name: string; old_row: string | null; new_row: string | null }>(
    `SELECT id, table_name, old_row, new_row FROM command_change WHERE command_id = ? ORDER BY id ${order}`,
    id,
  );
  await hooks.deferForeignKeys(db);
  // Each change takes its row from `current` to `target`; a run of deletions or insertions of one
  // table goes as a few statements (undoing an autocode of thousands), anything else row by row.
  const images = changes.map((change) => {
    const oldRow = change.old_row === null ? null : (JSON.parse(change.old_row) as Row);
    const newRow = change.new_row === null ? null : (JSON.parse(change.new_row) as Row);
    return {
      id: Number(change.id),
      table: change.table_name,
      current: direction === 'undo' ? newRow : oldRow,
      target: direction === 'undo' ? oldRow : newRow,
      // Undoing an insert: the row's image is written into the change before it goes (for redo);
      // redoing it: the change goes back to the key alone once the row is in again.
      keepImage: direction === 'undo' && oldRow === null && !INSERTED_WHOLE.has(change.table_name),
      trimImage: direction === 'redo' && oldRow === null && !INSERTED_WHOLE.has(change.table_name),
    };
  });
  let i = 0;
  while (i < images.length) {
    const { table, current, target } = images[i]!;
    const keys = hooks.keyOf(table);
    const kind = target === null ? 'delete' : current === null ? 'insert' : 'update';
    let end = i + 1;
    if (kind !== 'update') {
      while (end < images.length && images[end]!.table === table && (images[end]!.target === null) === (kind === 'delete') && (kind === 'delete' || images[end]!.current === null)) {
        end += 1;
      }
    }
    if (kind === 'delete' && hooks.completeInsertImages) {
      const inserted = images.slice(i, end).filter((x) => x.keepImage);
      if (inserted.length > 0) await hooks.completeInsertImages(db, table, inserted.map((x) => x.id));
    }
    if (kind === 'delete' && keys.length === 1 && end - i > 1) {
      await deleteRows(db, table, keys[0]!, images.slice(i, end).map((x) => x.current!));
    } else if (kind === 'insert' && end - i > 1) {
      await insertRows(db, hooks, table, images.slice(i, end).map((x) => x.target!));
    } else {
      for (let k = i; k < end; k += 1) await applyRowImage(db, hooks, images[k]!.table, images[k]!.current, images[k]!.target);
    }
    if (kind === 'insert' && hooks.trimInsertImages) {
      const reinserted = images.slice(i, end).filter((x) => x.trimImage);
      if (reinserted.length > 0) await hooks.trimInsertImages(db, table, reinserted.map((x) => x.id));
    }
    i = end;
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
      const labelOf = (stored: string) => readLabel(stored).said ?? readLabel(stored).label;
      if (later.actor) {
        // The author as people know them: the coder's name where the actor is a coder (a server's user).
        const who = (await db.get<{ name: string }>('SELECT name FROM coder WHERE uid = ?', later.actor))?.name ?? later.actor;
        fail('conflict', '“{step}” cannot be undone: a later change by “{actor}” (“{later}”) changed the same items.', {
          step: labelOf(row.label),
          actor: who,
          later: labelOf(later.label),
        });
      }
      fail('conflict', '“{step}” cannot be undone: a later change by another window (“{later}”) changed the same items.', { step: labelOf(row.label), later: labelOf(later.label) });
    }
  }
  // An undo or redo is a change of its own for merging; a merge is undone exactly (db/merge-stamps.ts).
  const before = EXPLICITLY_STAMPED.has(row.kind) ? null : await beforeReplay(db, row.id);
  await alignStampRows(db, row.id, direction);
  await replay(db, hooks, row.id, direction);
  if (before) await restamp(db, before);
  await keepDerivedInStep(db, hooks, row.id, 0);
  const to = direction === 'undo' ? 'undone' : 'done';
  await db.run('UPDATE command SET state = ? WHERE id = ?', to, row.id);
  return { entry: toEntry({ ...row, state: to }), touched: await touchedBy(db, row.id) };
}

/**
 * Marks as discarded (never undone or redone again) the done steps the limits no longer keep:
 * those beyond the last `keepSteps` and older than `keepDays`. Returns how many.
 */
export async function discardOldSteps(db: WritableDB, limits: { keepSteps: number; keepDays: number }): Promise<number> {
  const keep = await db.get<{ id: number | null }>(
    `SELECT min(id) AS id FROM (SELECT id FROM command WHERE state = 'done' ORDER BY id DESC LIMIT ?) kept`,
    limits.keepSteps,
  );
  const keepFrom = keep?.id === null || keep?.id === undefined ? Number.MAX_SAFE_INTEGER : Number(keep.id);
  const cutoff = new Date(Date.now() - limits.keepDays * 86_400_000).toISOString();
  return (await db.run(`UPDATE command SET state = 'discarded' WHERE state = 'done' AND id < ? AND created_at < ?`, keepFrom, cutoff)).changes;
}

/**
 * Deletes at most `budget` change rows of discarded steps (a small transaction each), and the
 * discarded steps once none is left; true while rows remain.
 */
export async function purgeDiscarded(db: WritableDB, budget: number): Promise<boolean> {
  const removed = await db.run(
    `DELETE FROM command_change WHERE id IN (
       SELECT cc.id FROM command c JOIN command_change cc ON cc.command_id = c.id WHERE c.state = 'discarded' LIMIT ?)`,
    budget,
  );
  if (removed.changes >= budget) return true;
  await db.run(`DELETE FROM command WHERE state = 'discarded' AND NOT EXISTS (SELECT 1 FROM command_change cc WHERE cc.command_id = command.id)`);
  return false;
}

/** Whether compaction under these limits has anything to do (a cheap look). */
export async function compactionDue(db: ReadableDB, limits: { keepSteps: number; keepDays: number }): Promise<boolean> {
  const boundary = await db.get<{ id: number }>(`SELECT id FROM command WHERE state = 'done' ORDER BY id DESC LIMIT 1 OFFSET ?`, limits.keepSteps);
  const cutoff = new Date(Date.now() - limits.keepDays * 86_400_000).toISOString();
  const old = boundary
    ? await db.get(`SELECT 1 AS one FROM command WHERE state = 'done' AND id <= ? AND created_at < ? LIMIT 1`, boundary.id, cutoff)
    : undefined;
  return old !== undefined || (await db.get(`SELECT 1 AS one FROM command WHERE state = 'discarded' LIMIT 1`)) !== undefined;
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

/** For checks inside a command (a handler's validation): `what` is a template of its own ('That concept'). */
export function requireFound<T>(value: T | undefined | null, what: string | Message): T {
  if (value === undefined || value === null) fail('not-found', '{what} does not exist (any more).', { what: typeof what === 'string' ? say(what) : what });
  return value;
}
