// Coders as REFI-QDA exchange files name them (users): found by GUID, else by name, else created.
// Kept small and apart on purpose: the team-coding work (issue 14) owns the coder repository, and
// this is the one function exchange needs from it.

import type { CoderId } from '../shared/domain/ids';
import { coderId } from '../shared/domain/ids';
import { paletteColor } from '../shared/domain/colors';
import type { ReadableDB, WritableDB } from './handles';
import { now } from './handles';
import { newUid } from './uid';

/** The coder with this GUID (compared without case or braces), else the one with this name, else a new one. */
export async function findOrCreateCoder(db: WritableDB, user: { uid: string; name: string }): Promise<CoderId> {
  const uid = user.uid.replace(/^\{|\}$/g, '');
  const name = user.name.trim() || uid;
  const byUid = await db.get<{ id: number }>('SELECT id FROM coder WHERE lower(uid) = lower(?)', uid);
  if (byUid) return coderId(Number(byUid.id));
  const byName = await db.get<{ id: number }>('SELECT id FROM coder WHERE name = ? ORDER BY id LIMIT 1', name);
  if (byName) return coderId(Number(byName.id));
  const count = Number((await db.get<{ n: number }>('SELECT count(*) AS n FROM coder'))!.n);
  const row = await db.get<{ id: number }>(
    'INSERT INTO coder (uid, name, color, created_at) VALUES (?, ?, ?, ?) RETURNING id',
    uid || newUid(),
    name,
    paletteColor(count),
    now(),
  );
  return coderId(Number(row!.id));
}

/** The coders who coded at least one passage, as an export names them (users). */
export async function codersWithPassages(db: ReadableDB): Promise<{ id: CoderId; uid: string; name: string }[]> {
  const rows = await db.all<{ id: number; uid: string; name: string }>(
    'SELECT id, uid, name FROM coder c WHERE EXISTS (SELECT 1 FROM segment s WHERE s.coder_id = c.id) ORDER BY id',
  );
  return rows.map((r) => ({ id: coderId(Number(r.id)), uid: r.uid, name: r.name }));
}
