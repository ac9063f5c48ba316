// Coded segments: a passage of one source ([start, end) in UTF-16 code units of its canonical
// text) coded with one concept. The coded text and some context are kept with the offsets.

import type { Segment, SegmentMark, SegmentRow, SegmentScope } from '../shared/domain/model';
import type { CoderId, ConceptId, DocumentId, SegmentId } from '../shared/domain/ids';
import { coderId, conceptId, documentId, segmentId } from '../shared/domain/ids';
import type { ReadableDB, WritableDB } from './handles';
import { now } from './handles';
import { newUid } from './uid';
import { FILING_TREE } from './filing-tree';
import { flag } from './sql';

interface Row {
  id: number;
  document_id: number;
  concept_id: number;
  start_offset: number;
  end_offset: number;
  text: string;
  context_before: string;
  context_after: string;
  memo: string;
  created_at: string;
  coder_id: number | null;
  coder_name?: string | null;
  document_name?: string;
  concept_label?: string;
  page?: string | null;
  concept_color?: string;
}

const COLUMNS = `s.id, s.document_id, s.concept_id, s.start_offset, s.end_offset, s.text, s.context_before,
  s.context_after, s.memo, s.created_at, s.coder_id`;

const toSegment = (r: Row): Segment => ({
  id: segmentId(r.id),
  documentId: documentId(r.document_id),
  conceptId: conceptId(r.concept_id),
  start: r.start_offset,
  end: r.end_offset,
  text: r.text,
  contextBefore: r.context_before,
  contextAfter: r.context_after,
  memo: r.memo,
  createdAt: r.created_at,
  coderId: r.coder_id === null ? null : coderId(Number(r.coder_id)),
});

/** A listed segment with its context, as the export writes it. */
export type ListedSegment = SegmentRow & Pick<Segment, 'contextBefore' | 'contextAfter'>;

const toSegmentRow = (r: Row): ListedSegment => ({
  ...toSegment(r),
  documentName: r.document_name ?? '',
  conceptLabel: r.concept_label ?? '',
  conceptColor: r.concept_color ?? '',
  page: r.page ?? null,
  coderName: r.coder_name ?? null,
});

export async function getSegment(db: ReadableDB, id: SegmentId): Promise<Segment | undefined> {
  const row = await db.get<Row>(`SELECT ${COLUMNS} FROM segment s WHERE s.id = ?`, id);
  return row && toSegment(row);
}

/** The segments of one source as the reader needs them: ids and offsets, no text. */
export async function segmentMarks(db: ReadableDB, id: DocumentId): Promise<SegmentMark[]> {
  const rows = await db.all<{ id: number; concept_id: number; coder_id: number | null; start_offset: number; end_offset: number; has_memo: unknown }>(
    `SELECT id, concept_id, coder_id, start_offset, end_offset, CASE WHEN memo <> '' THEN 1 ELSE 0 END AS has_memo FROM segment
     WHERE document_id = ? ORDER BY start_offset, end_offset, id`,
    id,
  );
  return rows.map((r) => ({
    id: segmentId(r.id),
    conceptId: conceptId(r.concept_id),
    coderId: r.coder_id === null ? null : coderId(Number(r.coder_id)),
    start: r.start_offset,
    end: r.end_offset,
    hasMemo: flag(r.has_memo),
  }));
}

/** The passage one coder (null: no coder) coded with a concept at exactly these offsets. */
export async function findSegment(
  db: ReadableDB,
  key: { documentId: DocumentId; conceptId: ConceptId; start: number; end: number; coderId?: CoderId | null },
): Promise<Segment | undefined> {
  const row = await db.get<Row>(
    `SELECT ${COLUMNS} FROM segment s WHERE s.document_id = ? AND s.concept_id = ? AND s.start_offset = ? AND s.end_offset = ?
       AND s.coder_id IS NOT DISTINCT FROM ?`,
    key.documentId,
    key.conceptId,
    key.start,
    key.end,
    key.coderId ?? null,
  );
  return row && toSegment(row);
}

export interface NewSegment {
  documentId: DocumentId;
  conceptId: ConceptId;
  start: number;
  end: number;
  text: string;
  contextBefore: string;
  contextAfter: string;
  /** Who coded it; null: no coder (a researcher working alone). */
  coderId?: CoderId | null;
  /** Kept from an exchange file or a copy of the project; a new GUID otherwise. */
  uid?: string;
  /** When it was coded, kept from an exchange file; now otherwise. */
  createdAt?: string;
}

export async function insertSegment(db: WritableDB, s: NewSegment): Promise<SegmentId> {
  const row = await db.get<{ id: number }>(
    `INSERT INTO segment (document_id, concept_id, start_offset, end_offset, text, context_before, context_after, created_at, coder_id, uid)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    s.documentId,
    s.conceptId,
    s.start,
    s.end,
    s.text,
    s.contextBefore,
    s.contextAfter,
    s.createdAt ?? now(),
    s.coderId ?? null,
    s.uid ?? newUid(),
  );
  return segmentId(Number(row!.id));
}

export async function deleteSegment(db: WritableDB, id: SegmentId): Promise<boolean> {
  return (await db.run('DELETE FROM segment WHERE id = ?', id)).changes > 0;
}

export async function setSegmentMemo(db: WritableDB, id: SegmentId, memo: string): Promise<number> {
  return (await db.run('UPDATE segment SET memo = ? WHERE id = ?', memo, id)).changes;
}

// A segment's page: the page its start falls on, for sources with a page map (PDF), for citations.
const LISTED = `SELECT ${COLUMNS}, d.name AS document_name, c.label AS concept_label, c.color AS concept_color,
    (SELECT k.name FROM coder k WHERE k.id = s.coder_id) AS coder_name,
    (SELECT coalesce(p.label, CAST(p.page_index AS TEXT)) FROM document_page p
      WHERE p.document_id = s.document_id AND p.start_offset <= s.start_offset
      ORDER BY p.start_offset DESC, p.page_index DESC LIMIT 1) AS page
  FROM segment s JOIN document d ON d.id = s.document_id JOIN concept c ON c.id = s.concept_id`;
const ORDER = 'ORDER BY lower(d.name), s.document_id, s.start_offset, s.end_offset, s.id';

export async function getSegmentRow(db: ReadableDB, id: SegmentId): Promise<ListedSegment | undefined> {
  const row = await db.get<Row>(`${LISTED} WHERE s.id = ?`, id);
  return row && toSegmentRow(row);
}

/** Every segment in a scope: a source, a concept, a category (with its sub-categories), a component. */
export async function listSegments(db: ReadableDB, scope: SegmentScope): Promise<ListedSegment[]> {
  let rows: Row[];
  switch (scope.kind) {
    case 'all':
      rows = await db.all<Row>(`${LISTED} ${ORDER}`);
      break;
    case 'document':
      rows = await db.all<Row>(`${LISTED} WHERE s.document_id = ? ${ORDER}`, scope.id);
      break;
    case 'concept':
      rows = await db.all<Row>(`${LISTED} WHERE s.concept_id = ? ${ORDER}`, scope.id);
      break;
    case 'category':
      rows = await db.all<Row>(
        `WITH RECURSIVE sub(id) AS (SELECT CAST(? AS INTEGER) UNION SELECT c.id FROM category c JOIN sub ON c.parent_id = sub.id)
         ${LISTED} WHERE s.concept_id IN (SELECT concept_id FROM category_concept WHERE category_id IN (SELECT id FROM sub)) ${ORDER}`, scope.id
      );
      break;
    case 'component':
      rows = await db.all<Row>(
        `WITH RECURSIVE ${FILING_TREE} ${LISTED}
         WHERE s.concept_id IN (SELECT concept_id FROM filing WHERE component = ?) ${ORDER}`, scope.key
      );
      break;
    case 'unassigned':
      rows = await db.all<Row>(
        `WITH RECURSIVE ${FILING_TREE} ${LISTED}
         WHERE s.concept_id NOT IN (SELECT concept_id FROM filing WHERE component IS NOT NULL) ${ORDER}`,
      );
      break;
  }
  return rows.map(toSegmentRow);
}
