// Coded segments: a passage of one source ([start, end) in UTF-16 code units of its canonical
// text) coded with one concept. The coded text and some context are kept with the offsets.

import type { Segment, SegmentMark, SegmentRow, SegmentScope } from '../shared/domain/model';
import type { ConceptId, DocumentId, SegmentId } from '../shared/domain/ids';
import { conceptId, documentId, segmentId } from '../shared/domain/ids';
import type { ReadableDB, WritableDB } from './handles';
import { now, sql } from './handles';
import { FILING_TREE } from './filing-tree';

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
  document_name?: string;
  concept_label?: string;
  page?: string | null;
  concept_color?: string;
}

const COLUMNS = `s.id, s.document_id, s.concept_id, s.start_offset, s.end_offset, s.text, s.context_before,
  s.context_after, s.memo, s.created_at`;

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
});

/** A listed segment with its context, as the export writes it. */
export type ListedSegment = SegmentRow & Pick<Segment, 'contextBefore' | 'contextAfter'>;

const toSegmentRow = (r: Row): ListedSegment => ({
  ...toSegment(r),
  documentName: r.document_name ?? '',
  conceptLabel: r.concept_label ?? '',
  conceptColor: r.concept_color ?? '',
  page: r.page ?? null,
});

export function getSegment(db: ReadableDB, id: SegmentId): Segment | undefined {
  const row = sql(db, `SELECT ${COLUMNS} FROM segment s WHERE s.id = ?`).get(id) as Row | undefined;
  return row && toSegment(row);
}

/** The segments of one source as the reader needs them: ids and offsets, no text. */
export function segmentMarks(db: ReadableDB, id: DocumentId): SegmentMark[] {
  const rows = sql(
    db,
    `SELECT id, concept_id, start_offset, end_offset, memo <> '' AS has_memo FROM segment
     WHERE document_id = ? ORDER BY start_offset, end_offset, id`,
  ).all(id) as { id: number; concept_id: number; start_offset: number; end_offset: number; has_memo: number }[];
  return rows.map((r) => ({
    id: segmentId(r.id),
    conceptId: conceptId(r.concept_id),
    start: r.start_offset,
    end: r.end_offset,
    hasMemo: r.has_memo === 1,
  }));
}

export function findSegment(
  db: ReadableDB,
  key: { documentId: DocumentId; conceptId: ConceptId; start: number; end: number },
): Segment | undefined {
  const row = sql(
    db,
    `SELECT ${COLUMNS} FROM segment s WHERE s.document_id = ? AND s.concept_id = ? AND s.start_offset = ? AND s.end_offset = ?`,
  ).get(key.documentId, key.conceptId, key.start, key.end) as Row | undefined;
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
}

export function insertSegment(db: WritableDB, s: NewSegment): SegmentId {
  const result = sql(
    db,
    `INSERT INTO segment (document_id, concept_id, start_offset, end_offset, text, context_before, context_after, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(s.documentId, s.conceptId, s.start, s.end, s.text, s.contextBefore, s.contextAfter, now());
  return segmentId(Number(result.lastInsertRowid));
}

export function deleteSegment(db: WritableDB, id: SegmentId): boolean {
  return sql(db, 'DELETE FROM segment WHERE id = ?').run(id).changes > 0;
}

export function setSegmentMemo(db: WritableDB, id: SegmentId, memo: string): number {
  return sql(db, 'UPDATE segment SET memo = ? WHERE id = ?').run(memo, id).changes;
}

// A segment's page: the page its start falls on, for sources with a page map (PDF), for citations.
const LISTED = `SELECT ${COLUMNS}, d.name AS document_name, c.label AS concept_label, c.color AS concept_color,
    (SELECT coalesce(p.label, CAST(p.page_index AS TEXT)) FROM document_page p
      WHERE p.document_id = s.document_id AND p.start_offset <= s.start_offset
      ORDER BY p.start_offset DESC, p.page_index DESC LIMIT 1) AS page
  FROM segment s JOIN document d ON d.id = s.document_id JOIN concept c ON c.id = s.concept_id`;
const ORDER = 'ORDER BY d.name COLLATE NOCASE, s.document_id, s.start_offset, s.end_offset, s.id';

export function getSegmentRow(db: ReadableDB, id: SegmentId): ListedSegment | undefined {
  const row = sql(db, `${LISTED} WHERE s.id = ?`).get(id) as Row | undefined;
  return row && toSegmentRow(row);
}

/** Every segment in a scope: a source, a concept, a category (with its sub-categories), a component. */
export function listSegments(db: ReadableDB, scope: SegmentScope): ListedSegment[] {
  let rows: Row[];
  switch (scope.kind) {
    case 'all':
      rows = sql(db, `${LISTED} ${ORDER}`).all() as Row[];
      break;
    case 'document':
      rows = sql(db, `${LISTED} WHERE s.document_id = ? ${ORDER}`).all(scope.id) as Row[];
      break;
    case 'concept':
      rows = sql(db, `${LISTED} WHERE s.concept_id = ? ${ORDER}`).all(scope.id) as Row[];
      break;
    case 'category':
      rows = sql(
        db,
        `WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT c.id FROM category c JOIN sub ON c.parent_id = sub.id)
         ${LISTED} WHERE s.concept_id IN (SELECT concept_id FROM category_concept WHERE category_id IN (SELECT id FROM sub)) ${ORDER}`,
      ).all(scope.id) as Row[];
      break;
    case 'component':
      rows = sql(
        db,
        `WITH RECURSIVE ${FILING_TREE} ${LISTED}
         WHERE s.concept_id IN (SELECT concept_id FROM filing WHERE component = ?) ${ORDER}`,
      ).all(scope.key) as Row[];
      break;
    case 'unassigned':
      rows = sql(
        db,
        `WITH RECURSIVE ${FILING_TREE} ${LISTED}
         WHERE s.concept_id NOT IN (SELECT concept_id FROM filing WHERE component IS NOT NULL) ${ORDER}`,
      ).all() as Row[];
      break;
  }
  return rows.map(toSegmentRow);
}
