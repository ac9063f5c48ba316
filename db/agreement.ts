// What intercoder agreement reads (shared/domain/agreement): each coder's passages as plain
// offsets, the sources either coder coded, short texts of passages for the screen, and the
// adjudication verdicts already given.

import type { CodedPassage } from '../shared/domain/agreement/levels';
import type { CoderId } from '../shared/domain/ids';
import { conceptId, documentId, segmentId } from '../shared/domain/ids';
import type { ReadableDB } from './handles';
import { marks } from './sql';

export async function coderPassages(db: ReadableDB, coder: CoderId): Promise<CodedPassage[]> {
  const rows = await db.all<{ id: number; document_id: number; concept_id: number; start_offset: number; end_offset: number }>(
    'SELECT id, document_id, concept_id, start_offset, end_offset FROM segment WHERE coder_id = ? ORDER BY document_id, start_offset, end_offset, id',
    coder,
  );
  return rows.map((r) => ({
    id: segmentId(Number(r.id)),
    documentId: documentId(Number(r.document_id)),
    conceptId: conceptId(Number(r.concept_id)),
    start: Number(r.start_offset),
    end: Number(r.end_offset),
  }));
}

export async function sourceNames(db: ReadableDB): Promise<Map<number, string>> {
  return new Map((await db.all<{ id: number; name: string }>('SELECT id, name FROM document')).map((r) => [Number(r.id), r.name]));
}

export async function conceptLooks(db: ReadableDB): Promise<Map<number, { label: string; color: string }>> {
  return new Map((await db.all<{ id: number; label: string; color: string }>('SELECT id, label, color FROM concept')).map((r) => [Number(r.id), { label: r.label, color: r.color }]));
}

const chunks = <T>(items: readonly T[], size = 500) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/** Each passage's text, cut to `max` characters. */
export async function passageTexts(db: ReadableDB, ids: readonly number[], max = 240): Promise<Record<number, string>> {
  const out: Record<number, string> = {};
  for (const chunk of chunks(ids)) {
    const rows = await db.all<{ id: number; text: string }>(`SELECT id, text FROM segment WHERE id IN (${marks(chunk.length)})`, ...chunk);
    for (const r of rows) out[Number(r.id)] = r.text.length > max ? `${r.text.slice(0, max - 1)}…` : r.text;
  }
  return out;
}

/** The verdicts given on these passages, by passage id. */
export async function verdictsOf(db: ReadableDB, ids: readonly number[]): Promise<Record<number, 'accepted' | 'rejected'>> {
  const out: Record<number, 'accepted' | 'rejected'> = {};
  for (const chunk of chunks(ids)) {
    const rows = await db.all<{ id: number; verdict: 'accepted' | 'rejected' }>(
      `SELECT s.id, a.verdict FROM segment s JOIN adjudication a ON a.passage_uid = s.uid WHERE s.id IN (${marks(chunk.length)})`,
      ...chunk,
    );
    for (const r of rows) out[Number(r.id)] = r.verdict;
  }
  return out;
}
