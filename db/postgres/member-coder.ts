// The coder a server user codes as in one project: a coder of the project that is nobody else's
// (by name, as the coder chip compares names), or a new one with the user's name. The passages a
// user codes and the steps they make carry that coder (segment.coder_id, command.actor).

import type { ReadableDB, WritableDB } from '../handles';
import { now } from '../handles';
import { sameLabel } from '../../shared/domain/normalize';
import { newUid } from '../uid';

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'] as const;

/** The uid of the coder named `displayName` (or `displayName (name)`) that no other user has taken, made if missing. */
export async function coderForUser(db: WritableDB, user: { name: string; displayName: string }, taken: ReadonlySet<string>): Promise<string> {
  const coders = await db.all<{ uid: string; name: string }>('SELECT uid, name FROM coder ORDER BY id');
  for (const wanted of [user.displayName, `${user.displayName} (${user.name})`]) {
    const found = coders.find((c) => sameLabel(c.name, wanted));
    if (found && !taken.has(found.uid)) return found.uid;
    if (!found) {
      const uid = newUid();
      await db.run('INSERT INTO coder (uid, name, color, created_at) VALUES (?, ?, ?, ?)', uid, wanted, COLORS[coders.length % COLORS.length]!, now());
      return uid;
    }
  }
  const uid = newUid();
  await db.run('INSERT INTO coder (uid, name, color, created_at) VALUES (?, ?, ?, ?)', uid, `${user.displayName} (${uid.slice(0, 8)})`, COLORS[0], now());
  return uid;
}

export async function hasCoder(db: ReadableDB, uid: string): Promise<boolean> {
  return (await db.get('SELECT 1 AS one FROM coder WHERE uid = ?', uid)) !== undefined;
}

/** Every coder of the project: its uid and name (a published file's coders become users). */
export async function projectCoders(db: ReadableDB): Promise<{ uid: string; name: string }[]> {
  return db.all<{ uid: string; name: string }>('SELECT uid, name FROM coder ORDER BY id');
}
