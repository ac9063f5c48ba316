// Coders: who coded a passage (segment.coder_id), by name, colour and a GUID that every copy of the
// project keeps. Other parts (the command line, exchange imports, merges) find or make a coder by
// name or by GUID; a name is never blank and never another coder's (compared as labels are).

import { fail, GroundworkError } from '../shared/api/errors';
import type { CoderId } from '../shared/domain/ids';
import { sameLabel } from '../shared/domain/normalize';
import { coderId } from '../shared/domain/ids';
import type { Coder } from '../shared/domain/team';
import { CODER_COLORS, coderNameProblem, CONSENSUS_NAME } from '../shared/domain/team';
import type { ReadableDB, WritableDB } from './handles';
import { now } from './handles';
import { newUid } from './uid';

interface CoderRow {
  id: number;
  uid: string;
  name: string;
  color: string;
  kind: 'person' | 'consensus';
  segment_count: number;
}

const SELECT = `SELECT c.id, c.uid, c.name, c.color, c.kind,
  (SELECT count(*) FROM segment s WHERE s.coder_id = c.id) AS segment_count FROM coder c`;

const toCoder = (r: CoderRow): Coder => ({
  id: coderId(Number(r.id)),
  uid: r.uid,
  name: r.name,
  color: r.color,
  kind: r.kind,
  segmentCount: Number(r.segment_count),
});

export async function listCoders(db: ReadableDB): Promise<Coder[]> {
  return (await db.all<CoderRow>(`${SELECT} ORDER BY CASE WHEN c.kind = 'consensus' THEN 1 ELSE 0 END, lower(c.name), c.id`)).map(toCoder);
}

export async function getCoder(db: ReadableDB, id: CoderId): Promise<Coder | undefined> {
  const row = await db.get<CoderRow>(`${SELECT} WHERE c.id = ?`, id);
  return row && toCoder(row);
}

export async function coderByUid(db: ReadableDB, uid: string): Promise<Coder | undefined> {
  const row = await db.get<CoderRow>(`${SELECT} WHERE c.uid = ?`, uid);
  return row && toCoder(row);
}

/** The coder of that name (compared as labels are: letter forms, case, spaces), if any. */
export async function coderByName(db: ReadableDB, name: string): Promise<Coder | undefined> {
  if (!name.trim()) return undefined;
  return (await listCoders(db)).find((c) => sameLabel(c.name, name));
}

export interface NewCoder {
  name: string;
  color?: string;
  /** Kept from a copy of the project or an exchange file; a new GUID otherwise. */
  uid?: string;
  kind?: Coder['kind'];
}

/** Adds a coder; a blank name or another coder's is refused with a message. */
export async function insertCoder(db: WritableDB, c: NewCoder): Promise<Coder> {
  const others = await listCoders(db);
  const problem = coderNameProblem(c.name, others);
  if (problem) throw new GroundworkError('invalid-input', problem);
  const row = await db.get<{ id: number }>(
    'INSERT INTO coder (uid, name, color, created_at, kind) VALUES (?, ?, ?, ?, ?) RETURNING id',
    c.uid ?? newUid(),
    c.name.trim(),
    c.color ?? CODER_COLORS[others.length % CODER_COLORS.length]!,
    now(),
    c.kind ?? 'person',
  );
  return (await getCoder(db, coderId(Number(row!.id))))!;
}

export async function updateCoder(db: WritableDB, id: CoderId, change: { name?: string; color?: string }): Promise<void> {
  if (change.name !== undefined) {
    const problem = coderNameProblem(change.name, (await listCoders(db)).filter((c) => c.id !== id));
    if (problem) throw new GroundworkError('invalid-input', problem);
    await db.run('UPDATE coder SET name = ? WHERE id = ?', change.name.trim(), id);
  }
  if (change.color !== undefined) await db.run('UPDATE coder SET color = ? WHERE id = ?', change.color, id);
}

/** The coder of that name, made if there is none (the command line's --coder, exchange users). */
export async function findOrCreateCoder(db: WritableDB, name: string, uid?: string): Promise<Coder> {
  if (uid) {
    const byUid = await coderByUid(db, uid);
    if (byUid) return byUid;
  }
  if (!name.trim()) fail('invalid-input', 'A coder needs a name.');
  return (await coderByName(db, name)) ?? insertCoder(db, { name, uid });
}

/** The consensus coder, made when `create` is set and there is none yet. */
export async function consensusCoder(db: WritableDB, create: true): Promise<Coder>;
export async function consensusCoder(db: ReadableDB, create?: false): Promise<Coder | undefined>;
export async function consensusCoder(db: ReadableDB | WritableDB, create = false): Promise<Coder | undefined> {
  const row = await db.get<CoderRow>(`${SELECT} WHERE c.kind = 'consensus' ORDER BY c.id LIMIT 1`);
  if (row) return toCoder(row);
  if (!create) return undefined;
  const taken = await listCoders(db);
  let name = CONSENSUS_NAME;
  for (let n = 2; coderNameProblem(name, taken); n += 1) name = `${CONSENSUS_NAME} ${n}`;
  return insertCoder(db as WritableDB, { name, kind: 'consensus', color: '#444444' });
}

/** The coder a store's author is (the window's current coder), or null: no coder. */
export async function coderOfActor(db: ReadableDB, actor: string | null): Promise<CoderId | null> {
  if (!actor) return null;
  return (await coderByUid(db, actor))?.id ?? null;
}
