// Coders as REFI-QDA exchange files name them (users): found by GUID, else by name (compared as
// labels are, as db/coders.ts finds the command line's --coder), else created with the file's GUID.
// Kept small and apart on purpose: the team-coding work (issue 14) owns the coder repository, and
// this is the one function exchange needs from it.

import type { CoderId } from '../shared/domain/ids';
import { coderId } from '../shared/domain/ids';
import { paletteColor } from '../shared/domain/colors';
import { sameLabel } from '../shared/domain/normalize';
import type { ReadableDB, WritableDB } from './handles';
import { now } from './handles';
import { newUid } from './uid';

/** The coder with this GUID (compared without case or braces), else the one with this name, else a new one. */
export async function findOrCreateExchangeCoder(db: WritableDB, user: { uid: string; name: string }): Promise<{ id: CoderId; created: boolean }> {
  const uid = user.uid.replace(/^\{|\}$/g, '');
  const name = user.name.trim() || uid;
  const coders = await db.all<{ id: number; uid: string; name: string }>('SELECT id, uid, name FROM coder ORDER BY id');
  const found = coders.find((c) => c.uid.toLowerCase() === uid.toLowerCase()) ?? coders.find((c) => sameLabel(c.name, name));
  if (found) return { id: coderId(Number(found.id)), created: false };
  const count = coders.length;
  const row = await db.get<{ id: number }>(
    'INSERT INTO coder (uid, name, color, created_at) VALUES (?, ?, ?, ?) RETURNING id',
    uid || newUid(),
    name,
    paletteColor(count),
    now(),
  );
  return { id: coderId(Number(row!.id)), created: true };
}

/** The coders who coded at least one passage, as an export names them (users). */
export async function codersWithPassages(db: ReadableDB): Promise<{ id: CoderId; uid: string; name: string }[]> {
  const rows = await db.all<{ id: number; uid: string; name: string }>(
    'SELECT id, uid, name FROM coder c WHERE EXISTS (SELECT 1 FROM segment s WHERE s.coder_id = c.id) ORDER BY id',
  );
  return rows.map((r) => ({ id: coderId(Number(r.id)), uid: r.uid, name: r.name }));
}
