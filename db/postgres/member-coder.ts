// The coder a server user codes as in one project: a coder of the project that is nobody else's
// (by name, as the coder chip compares names), or a new one with the user's name. The passages a
// user codes and the steps they make carry that coder (segment.coder_id, command.actor).

import type { ReadableDB, WritableDB } from '../handles';
import { now } from '../handles';
import { sameLabel } from '../../shared/domain/normalize';

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'] as const;

/** The name a new coder for the user gets: their display name, or with their sign-in name when another coder has it. */
export async function coderNameFor(db: ReadableDB, user: { name: string; displayName: string }): Promise<string> {
  const coders = await db.all<{ name: string }>('SELECT name FROM coder');
  for (const wanted of [user.displayName, `${user.displayName} (${user.name})`]) if (!coders.some((c) => sameLabel(c.name, wanted))) return wanted;
  return `${user.displayName} (${user.name}, ${coders.length + 1})`;
}

/** A coder of the project named like the user that no other user has taken, if there is one. */
export async function freeCoderNamed(db: ReadableDB, displayName: string, taken: ReadonlySet<string>): Promise<string | null> {
  const coders = await db.all<{ uid: string; name: string }>('SELECT uid, name FROM coder ORDER BY id');
  return coders.find((c) => sameLabel(c.name, displayName) && !taken.has(c.uid))?.uid ?? null;
}

/** Adds the coder (uid chosen before) unless it is there. */
export async function insertCoderOnce(db: WritableDB, uid: string, name: string): Promise<void> {
  const count = await db.get<{ n: number }>('SELECT count(*) AS n FROM coder');
  await db.run(
    'INSERT INTO coder (uid, name, color, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (uid) DO NOTHING',
    uid,
    name,
    COLORS[Number(count?.n ?? 0) % COLORS.length]!,
    now(),
  );
}

export async function hasCoder(db: ReadableDB, uid: string): Promise<boolean> {
  return (await db.get('SELECT 1 AS one FROM coder WHERE uid = ?', uid)) !== undefined;
}

/** Every coder of the project: its uid and name (a published file's coders become users). */
export async function projectCoders(db: ReadableDB): Promise<{ uid: string; name: string }[]> {
  return db.all<{ uid: string; name: string }>('SELECT uid, name FROM coder ORDER BY id');
}
