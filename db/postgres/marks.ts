// Change marks: every committed step, undo and redo of a server project gets a number that only
// grows (groundwork.change_mark), so a client can say which changes it has seen. A write is refused
// when a row it changes was changed by another session after the client's mark (optimistic
// versioning by rows: the table and row key of command_change), and is told when it replaces a
// recent change of someone else that it had seen. Runs inside the project's write transaction.

import { fail } from '../../shared/api/errors';
import { say } from '../../shared/domain/message';
import { readLabel } from '../command-log';
import type { ReadableDB, WritableDB } from '../handles';
import { now } from '../handles';
import type { PostgresServer } from './server';

/** The table in the registry's schema (created with it in server.ts). */
export const CHANGE_MARK_SQL = `
  CREATE TABLE IF NOT EXISTS groundwork.change_mark (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id bigint NOT NULL REFERENCES groundwork.project (id) ON DELETE CASCADE,
    command_id bigint NOT NULL,
    session text,
    actor text,
    kind text NOT NULL CHECK (kind IN ('do', 'undo', 'redo')),
    at text NOT NULL
  );
  CREATE INDEX IF NOT EXISTS change_mark_project ON groundwork.change_mark (project_id, seq);`;

/**
 * Tables whose rows every change may touch (bookkeeping, not a researcher's item): a shared row
 * there is no conflict. The team branch's replica clock will belong here when it lands.
 */
export const UNCONTESTED_TABLES: readonly string[] = ['store_session', 'project_setting'];

/** What a client sends with a write: the last change it has seen, and where to report a replaced change. */
export interface ConflictGuard {
  /** The client's mark (the highest change it has seen and refreshed for); undefined: no check. */
  seen(): number | undefined;
  /** Told when the write replaced a recent change of another user that the client had seen. */
  replaced?(notice: { actor: string | null; label: string }): void;
}

/** How recent a replaced change must be to be worth a notice. */
const NOTICE_WINDOW_MS = 10 * 60_000;

export async function recordMark(
  db: WritableDB,
  projectId: number,
  mark: { commandId: number; session: string; actor: string | null; kind: 'do' | 'undo' | 'redo' },
): Promise<number> {
  const row = await db.get<{ seq: number }>(
    'INSERT INTO groundwork.change_mark (project_id, command_id, session, actor, kind, at) VALUES (?, ?, ?, ?, ?, ?) RETURNING seq',
    projectId,
    mark.commandId,
    mark.session,
    mark.actor,
    mark.kind,
    now(),
  );
  return Number(row!.seq);
}

/** The project's latest mark (0 before any change). */
export async function latestMark(db: ReadableDB, projectId: number): Promise<number> {
  const row = await db.get<{ seq: number | null }>('SELECT max(seq) AS seq FROM groundwork.change_mark WHERE project_id = ?', projectId);
  return Number(row?.seq ?? 0);
}

const uncontested = UNCONTESTED_TABLES.map((t) => `'${t}'`).join(', ');

/** A change of another session, after `after` (and before `before`, if given), to a row command `id` changed. */
async function otherChange(db: ReadableDB, projectId: number, id: number, session: string, after: number, before?: number) {
  return db.get<{ seq: number; actor: string | null; kind: string; label: string; at: string }>(
    `SELECT m.seq, m.actor, m.kind, c.label, m.at FROM groundwork.change_mark m JOIN command c ON c.id = m.command_id
     WHERE m.project_id = ? AND m.seq > ? ${before === undefined ? '' : 'AND m.seq <= ?'} AND m.session IS DISTINCT FROM ? AND m.command_id <> ?
       AND EXISTS (SELECT 1 FROM command_change x JOIN command_change y ON x.table_name = y.table_name AND x.row_key = y.row_key
                   WHERE x.command_id = m.command_id AND y.command_id = ? AND y.table_name NOT IN (${uncontested}))
     ORDER BY m.seq DESC LIMIT 1`,
    projectId,
    after,
    ...(before === undefined ? [] : [before]),
    session,
    id,
    id,
  );
}

/** The name of a change's author in a message: their coder name in the project, else null ("another user"). */
async function authorName(db: ReadableDB, actor: string | null): Promise<string | null> {
  if (!actor) return null;
  const row = await db.get<{ name: string }>('SELECT name FROM coder WHERE uid = ?', actor);
  return row ? row.name : null;
}

/**
 * Refuses command `id` (rolling its transaction back) if a row it changed was changed by another
 * session after the client's mark; else reports the latest recent change of another user it replaced.
 */
export async function checkConflicts(
  db: WritableDB,
  projectId: number,
  id: number,
  by: { session: string; actor: string | null },
  guard: ConflictGuard,
): Promise<void> {
  const seen = guard.seen();
  if (seen === undefined) return;
  const unseen = await otherChange(db, projectId, id, by.session, seen);
  if (unseen) {
    const { label, said } = readLabel(unseen.label);
    const step = said ?? label;
    const what = unseen.kind === 'do' ? say('“{step}”', { step }) : unseen.kind === 'undo' ? say('undid “{step}”', { step }) : say('redid “{step}”', { step });
    const author = await authorName(db, unseen.actor);
    if (author !== null) {
      fail('conflict', '“{a}” changed the same item a moment ago ({what}), after what your screen shows; your change was not saved. Look at it again, then make your change anew.', {
        a: author,
        what,
      });
    }
    fail('conflict', 'Another user changed the same item a moment ago ({what}), after what your screen shows; your change was not saved. Look at it again, then make your change anew.', { what });
  }
  if (!guard.replaced) return;
  const floor = await db.get<{ seq: number | null }>(
    'SELECT min(seq) AS seq FROM groundwork.change_mark WHERE project_id = ? AND at >= ?',
    projectId,
    new Date(Date.now() - NOTICE_WINDOW_MS).toISOString(),
  );
  if (floor?.seq === null || floor?.seq === undefined) return;
  const replaced = await otherChange(db, projectId, id, by.session, Number(floor.seq) - 1, seen);
  if (replaced && replaced.actor !== by.actor) guard.replaced({ actor: replaced.actor, label: replaced.label });
}

/** Forgets marks older than `days` (a client whose mark is older is checked against what is left). */
export async function pruneMarks(server: PostgresServer, days: number): Promise<number> {
  const cutoff = new Date(Date.now() - days * 86_400_000).toISOString();
  return (await server.pool.query('DELETE FROM groundwork.change_mark WHERE at < $1', [cutoff])).rowCount ?? 0;
}
