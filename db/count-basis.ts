// What the counts count: every coder's passages, the consensus coding, or one coder's passages.
// Kept as two project settings (count_basis: all | consensus | coder; count_coder: the coder's
// uid) so the counting queries can read it in plain SQL (COUNTED and counted_segment in db/filing-tree.ts).

import type { CountBasis } from '../shared/domain/team';
import { coderByUid, getCoder } from './coders';
import type { ReadableDB, WritableDB } from './handles';
import { getSetting, setSetting } from './project-settings';
import { fail } from '../shared/api/errors';

export async function countBasis(db: ReadableDB): Promise<CountBasis> {
  const kind = await getSetting(db, 'count_basis');
  if (kind === 'consensus') return { kind: 'consensus' };
  if (kind === 'coder') {
    const uid = await getSetting(db, 'count_coder');
    const coder = uid ? await coderByUid(db, uid) : undefined;
    if (coder) return { kind: 'coder', coderId: coder.id };
  }
  return { kind: 'all' };
}

export async function setCountBasis(db: WritableDB, basis: CountBasis): Promise<void> {
  if (basis.kind === 'coder') {
    const coder = await getCoder(db, basis.coderId);
    if (!coder) fail('not-found', 'That coder does not exist (any more).');
    await setSetting(db, 'count_basis', 'coder');
    await setSetting(db, 'count_coder', coder.uid);
    return;
  }
  await setSetting(db, 'count_basis', basis.kind === 'all' ? null : basis.kind);
  await setSetting(db, 'count_coder', null);
}
