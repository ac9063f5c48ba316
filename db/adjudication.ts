// Adjudication: the consensus coding is built passage by passage from the coders' disagreements
// (and agreements). A coder's passage that is accepted is copied into the consensus coder's
// passages (once: a passage both coders coded alike gives one consensus passage); each decision is
// kept per coder's passage (adjudication), so a decision can be changed and the screen shows it.

import type { ConceptId, DocumentId, SegmentId } from '../shared/domain/ids';
import { consensusCoder } from './coders';
import type { WritableDB } from './handles';
import { now } from './handles';
import { findSegment, insertSegment } from './segments';
import { marks } from './sql';

interface PassageRow {
  id: number;
  uid: string;
  document_id: number;
  concept_id: number;
  start_offset: number;
  end_offset: number;
  text: string;
  context_before: string;
  context_after: string;
}

async function passages(db: WritableDB, ids: readonly SegmentId[]): Promise<PassageRow[]> {
  if (ids.length === 0) return [];
  return db.all<PassageRow>(
    `SELECT id, uid, document_id, concept_id, start_offset, end_offset, text, context_before, context_after FROM segment WHERE id IN (${marks(ids.length)})`,
    ...ids,
  );
}

/** Takes back earlier decisions on these passages: their consensus copies go unless another decision keeps them. */
async function undecide(db: WritableDB, uids: readonly string[]): Promise<void> {
  if (uids.length === 0) return;
  const copies = await db.all<{ consensus_uid: string }>(
    `SELECT DISTINCT consensus_uid FROM adjudication WHERE consensus_uid IS NOT NULL AND passage_uid IN (${marks(uids.length)})`,
    ...uids,
  );
  await db.run(`DELETE FROM adjudication WHERE passage_uid IN (${marks(uids.length)})`, ...uids);
  for (const { consensus_uid } of copies) {
    const still = await db.get('SELECT 1 AS one FROM adjudication WHERE consensus_uid = ? LIMIT 1', consensus_uid);
    if (!still) await db.run('DELETE FROM segment WHERE uid = ?', consensus_uid);
  }
}

/** The consensus coder's copy of a passage (made if it has none), by uid. */
async function consensusCopy(db: WritableDB, p: PassageRow): Promise<string> {
  const consensus = await consensusCoder(db, true);
  const key = { documentId: Number(p.document_id) as DocumentId, conceptId: Number(p.concept_id) as ConceptId, start: p.start_offset, end: p.end_offset, coderId: consensus.id };
  const existing = await findSegment(db, key);
  const id = existing?.id ?? (await insertSegment(db, { ...key, text: p.text, contextBefore: p.context_before, contextAfter: p.context_after }));
  return (await db.get<{ uid: string }>('SELECT uid FROM segment WHERE id = ?', id))!.uid;
}

/**
 * Decides on the passages of one disagreement: `accepted` go into the consensus, the others are
 * rejected. An earlier decision on any of them is replaced.
 */
export async function adjudicate(db: WritableDB, accepted: readonly SegmentId[], rejected: readonly SegmentId[]): Promise<{ accepted: number; rejected: number }> {
  const yes = await passages(db, accepted);
  const no = await passages(db, rejected);
  await undecide(db, [...yes, ...no].map((p) => p.uid));
  const at = now();
  for (const p of yes) {
    const copy = await consensusCopy(db, p);
    await db.run(`INSERT INTO adjudication (passage_uid, verdict, consensus_uid, decided_at) VALUES (?, 'accepted', ?, ?)`, p.uid, copy, at);
  }
  for (const p of no) await db.run(`INSERT INTO adjudication (passage_uid, verdict, consensus_uid, decided_at) VALUES (?, 'rejected', NULL, ?)`, p.uid, at);
  return { accepted: yes.length, rejected: no.length };
}

/** A pair both coders coded alike: one consensus passage (as `a` is coded), both accepted. Undecided pairs only. */
export async function acceptPair(db: WritableDB, a: SegmentId, b: SegmentId): Promise<boolean> {
  const [pa, pb] = [(await passages(db, [a]))[0], (await passages(db, [b]))[0]];
  if (!pa || !pb) return false;
  const decided = await db.get(`SELECT 1 AS one FROM adjudication WHERE passage_uid IN (?, ?) LIMIT 1`, pa.uid, pb.uid);
  if (decided) return false;
  const copy = await consensusCopy(db, pa);
  const at = now();
  for (const p of [pa, pb]) await db.run(`INSERT INTO adjudication (passage_uid, verdict, consensus_uid, decided_at) VALUES (?, 'accepted', ?, ?)`, p.uid, copy, at);
  return true;
}

export async function consensusPassageCount(db: WritableDB): Promise<number> {
  return Number((await db.get<{ n: number }>(`SELECT count(*) AS n FROM segment WHERE coder_id IN (SELECT id FROM coder WHERE kind = 'consensus')`))!.n);
}
