// Coders (migration 008): who coded a passage. The subset the command line's --coder needs: find a
// coder by name (compared as labels are) or make one, and the coder a store's author is. The team
// branch (issue 14) holds the full repository with the same names; where both exist, keep that one.

import { fail } from '../shared/api/errors';
import type { CoderId } from '../shared/domain/ids';
import { coderId } from '../shared/domain/ids';
import { sameLabel } from '../shared/domain/normalize';
import type { ReadableDB, WritableDB } from './handles';
import { now } from './handles';
import { newUid } from './uid';

export interface CoderRef {
  id: CoderId;
  uid: string;
  name: string;
}

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'] as const;

async function allCoders(db: ReadableDB): Promise<CoderRef[]> {
  return (await db.all<{ id: number; uid: string; name: string }>('SELECT id, uid, name FROM coder ORDER BY id')).map((r) => ({
    id: coderId(Number(r.id)),
    uid: r.uid,
    name: r.name,
  }));
}

/** The coder of that name, made if there is none (the command line's --coder). */
export async function findOrCreateCoder(db: WritableDB, name: string): Promise<CoderRef> {
  const trimmed = name.trim();
  if (!trimmed) fail('invalid-input', 'A coder needs a name.');
  if (trimmed.length > 100) fail('invalid-input', 'A coder’s name is at most {max} characters long.', { max: 100 });
  const coders = await allCoders(db);
  const found = coders.find((c) => sameLabel(c.name, trimmed));
  if (found) return found;
  const row = await db.get<{ id: number }>(
    'INSERT INTO coder (uid, name, color, created_at) VALUES (?, ?, ?, ?) RETURNING id',
    newUid(),
    trimmed,
    COLORS[coders.length % COLORS.length]!,
    now(),
  );
  return (await allCoders(db)).find((c) => c.id === Number(row!.id))!;
}

/** The coder a store's author is (the window's current coder), or null: no coder. */
export async function coderOfActor(db: ReadableDB, actor: string | null): Promise<CoderId | null> {
  if (!actor) return null;
  const row = await db.get<{ id: number }>('SELECT id FROM coder WHERE uid = ?', actor);
  return row ? coderId(Number(row.id)) : null;
}
