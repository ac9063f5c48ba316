// Baselines: named pictures of the model frozen at a moment (or a study's published figures),
// kept as JSON text that nothing rewrites (migration 009's trigger refuses an update of it). Only
// the name may change; a baseline is made and deleted whole.

import type { ReadableDB, WritableDB } from './handles';
import { now } from './handles';

export type BaselineKind = 'frozen' | 'reported';

export interface BaselineRow {
  id: number;
  name: string;
  kind: BaselineKind;
  createdAt: string;
  /** The picture as JSON (electron/backend/evolution/snapshot.ts). */
  snapshot: string;
}

interface Row {
  id: number;
  name: string;
  kind: BaselineKind;
  created_at: string;
  snapshot: string;
}

const toRow = (r: Row): BaselineRow => ({ id: Number(r.id), name: r.name, kind: r.kind, createdAt: r.created_at, snapshot: r.snapshot });

/** Every baseline, the study's reported figures first, then by when they were frozen. */
export async function listBaselines(db: ReadableDB): Promise<BaselineRow[]> {
  return (await db.all<Row>(`SELECT id, name, kind, created_at, snapshot FROM baseline ORDER BY CASE WHEN kind = 'reported' THEN 0 ELSE 1 END, id`)).map(toRow);
}

export async function getBaseline(db: ReadableDB, id: number): Promise<BaselineRow | undefined> {
  const row = await db.get<Row>('SELECT id, name, kind, created_at, snapshot FROM baseline WHERE id = ?', id);
  return row && toRow(row);
}

export async function findBaselineByName(db: ReadableDB, name: string): Promise<BaselineRow | undefined> {
  const row = await db.get<Row>('SELECT id, name, kind, created_at, snapshot FROM baseline WHERE lower(name) = lower(?)', name);
  return row && toRow(row);
}

export async function insertBaseline(db: WritableDB, name: string, kind: BaselineKind, snapshot: string): Promise<number> {
  const row = await db.get<{ id: number }>(
    'INSERT INTO baseline (name, kind, created_at, snapshot) VALUES (?, ?, ?, ?) RETURNING id',
    name,
    kind,
    now(),
    snapshot,
  );
  return Number(row!.id);
}

export async function renameBaseline(db: WritableDB, id: number, name: string): Promise<void> {
  await db.run('UPDATE baseline SET name = ? WHERE id = ?', name, id);
}

export async function deleteBaseline(db: WritableDB, id: number): Promise<number> {
  return (await db.run('DELETE FROM baseline WHERE id = ?', id)).changes;
}
