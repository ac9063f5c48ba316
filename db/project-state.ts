// A project file as a whole, as backups and copies see it: what it holds of a researcher's work
// (read before anything replaces it: its steps, the latest one, its sources, concepts, categories
// and passages), a mark that changes with every step (an unchanged project is not backed up
// twice), whether another window or program has it open now, and a copy's own replica GUID.
// Portable SQL.

import type { ReadableDB, WritableDB } from './handles';
import { newUid } from './uid';
import type { Message } from '../shared/domain/message';
import { readLabel, SESSION_LIVE_MS } from './command-log';

export interface WorkCounts {
  steps: number;
  /** The latest step: its label in English and, when stored structured, its template and values. */
  lastStep: { label: string; said?: Message; at: string } | null;
  sources: number;
  concepts: number;
  categories: number;
  segments: number;
}

const count = async (db: ReadableDB, table: 'document' | 'concept' | 'category' | 'segment') =>
  Number((await db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))?.n ?? 0);

function lastStepOf(stored: string, at: string): NonNullable<WorkCounts['lastStep']> {
  const { label, said } = readLabel(stored);
  return said ? { label, said, at } : { label, at };
}

export async function workCounts(db: ReadableDB): Promise<WorkCounts> {
  const steps = Number((await db.get<{ n: number }>(`SELECT count(*) AS n FROM command WHERE state = 'done'`))?.n ?? 0);
  const last = await db.get<{ label: string; created_at: string }>(`SELECT label, created_at FROM command WHERE state = 'done' ORDER BY id DESC LIMIT 1`);
  return {
    steps,
    lastStep: last ? lastStepOf(last.label, last.created_at) : null,
    sources: await count(db, 'document'),
    concepts: await count(db, 'concept'),
    categories: await count(db, 'category'),
    segments: await count(db, 'segment'),
  };
}

/** Changes with every step made, undone or redone, and with compaction. */
export async function changeMark(db: ReadableDB): Promise<string> {
  const row = await db.get<{ n: number; last: number | null; done: number | null }>(
    `SELECT count(*) AS n, max(id) AS last, sum(CASE WHEN state = 'done' THEN id ELSE 0 END) AS done FROM command`,
  );
  return `${Number(row?.n ?? 0)}:${Number(row?.last ?? 0)}:${Number(row?.done ?? 0)}`;
}

/** Sessions other than `except` seen lately: the project is open in another window or program. */
export async function otherLiveSessions(db: ReadableDB, except: string | null): Promise<number> {
  const since = new Date(Date.now() - SESSION_LIVE_MS).toISOString();
  const row = await db.get<{ n: number }>(
    'SELECT count(*) AS n FROM store_session WHERE seen_at >= ? AND id IS DISTINCT FROM ?',
    since,
    except,
  );
  return Number(row?.n ?? 0);
}

/** A saved copy is a replica of its own (migration 008): the same project GUID, a new replica GUID. */
export async function becomeNewReplica(db: WritableDB): Promise<void> {
  await db.run('UPDATE project SET replica = ? WHERE id = 1', newUid());
}
