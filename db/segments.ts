// Coded segments: a passage of one source ([start, end) in UTF-16 code units of its canonical
// text) coded with one concept. The coded text and some context are kept with the offsets.

import { say } from '../shared/domain/message';
import type { Segment, SegmentMark, SegmentRow, SegmentScope } from '../shared/domain/model';
import type { CoderId, ConceptId, DocumentId, SegmentId } from '../shared/domain/ids';
import { coderId, conceptId, documentId, segmentId } from '../shared/domain/ids';
import type { ReadableDB, WritableDB } from './handles';
import { now } from './handles';
import { newUid } from './uid';
import { FILING_TREE } from './filing-tree';
import { flag, marks, type SqlValue } from './sql';
import { GroundworkError } from '../shared/api/errors';

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

// Paged lists. A page is read in the list's order (source name, source, start, end, id) after a
// cursor naming the last row read, so a page costs the same at the start and deep in a list of a
// million. A scope holding many segments is read source by source (the source order and
// segment_position index give the order, LIMIT stops early); a scope holding few is read whole
// through segment_concept_coder and sorted.

export interface SegmentPage {
  rows: ListedSegment[];
  /** Where the next page starts, or null after the last. */
  next: string | null;
  /** The segments in the scope, on the first page (null on later ones). */
  total: number | null;
}

/** Scopes with at most this many segments are read whole and sorted; larger ones source by source. */
const SORT_AT_MOST = 5_000;

interface Cursor {
  /** lower(name) and id of the last row's source, its start, end and id. */
  after: [string, number, number, number, number];
  dense: boolean;
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');

function decodeCursor(text: string): Cursor | null {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    const [name, ...numbers] = c.after;
    if (typeof name !== 'string' || numbers.length !== 4 || numbers.some((n) => !Number.isInteger(n))) return null;
    return { after: c.after, dense: c.dense === true };
  } catch {
    return null;
  }
}

/** The scope as SQL over segment s: common table expressions and a condition, each with its parameters. */
function scopeSql(scope: SegmentScope): { with: string; withParams: SqlValue[]; where: string; whereParams: SqlValue[] } {
  switch (scope.kind) {
    case 'all':
      return { with: '', withParams: [], where: '1 = 1', whereParams: [] };
    case 'document':
      return { with: '', withParams: [], where: 's.document_id = ?', whereParams: [scope.id] };
    case 'concept':
      return { with: '', withParams: [], where: 's.concept_id = ?', whereParams: [scope.id] };
    case 'category':
      return {
        with: 'WITH RECURSIVE sub(id) AS (SELECT CAST(? AS INTEGER) UNION SELECT c.id FROM category c JOIN sub ON c.parent_id = sub.id)',
        withParams: [scope.id],
        where: 's.concept_id IN (SELECT concept_id FROM category_concept WHERE category_id IN (SELECT id FROM sub))',
        whereParams: [],
      };
    case 'component':
      return {
        with: `WITH RECURSIVE ${FILING_TREE}`,
        withParams: [],
        where: 's.concept_id IN (SELECT concept_id FROM filing WHERE component = ?)',
        whereParams: [scope.key],
      };
    case 'unassigned':
      return {
        with: `WITH RECURSIVE ${FILING_TREE}`,
        withParams: [],
        // Through the concepts (an IN list the segment_concept_coder index serves), not a scan of every segment.
        where: 's.concept_id IN (SELECT k.id FROM concept k WHERE k.id NOT IN (SELECT concept_id FROM filing WHERE component IS NOT NULL))',
        whereParams: [],
      };
  }
}

interface Keyed {
  id: number;
  name_key: string;
  document_id: number;
  start_offset: number;
  end_offset: number;
}

const KEY_COLUMNS = 's.id, lower(d.name) AS name_key, s.document_id, s.start_offset, s.end_offset';
const KEY_ORDER = 'ORDER BY lower(d.name), s.document_id, s.start_offset, s.end_offset, s.id';

/** The scope's SQL narrowed to one coder's passages (null: those of no coder), when `coder` is given. */
function pageScopeSql(scope: SegmentScope, coder: CoderId | null | undefined): ReturnType<typeof scopeSql> {
  const q = scopeSql(scope);
  if (coder === undefined) return q;
  return { ...q, where: `${q.where} AND s.coder_id IS NOT DISTINCT FROM ?`, whereParams: [...q.whereParams, coder] };
}

/** The ids of the next `limit` segments of a scope after `after` (or from the start). */
async function pageKeys(db: ReadableDB, q: ReturnType<typeof scopeSql>, after: Cursor['after'] | null, dense: boolean, limit: number): Promise<Keyed[]> {
  if (!dense) {
    const rest = after ? 'AND (lower(d.name), s.document_id, s.start_offset, s.end_offset, s.id) > (?, ?, ?, ?, ?)' : '';
    return db.all<Keyed>(
      `${q.with} SELECT ${KEY_COLUMNS} FROM segment s JOIN document d ON d.id = s.document_id WHERE ${q.where} ${rest} ${KEY_ORDER} LIMIT ?`,
      ...q.withParams,
      ...q.whereParams,
      ...(after ?? []),
      limit,
    );
  }
  const keys: Keyed[] = [];
  if (after) {
    // The rest of the source the last page ended in.
    keys.push(
      ...(await db.all<Keyed>(
        `${q.with} SELECT ${KEY_COLUMNS} FROM segment s JOIN document d ON d.id = s.document_id
         WHERE s.document_id = ? AND (s.start_offset, s.end_offset, s.id) > (?, ?, ?) AND ${q.where}
         ORDER BY s.start_offset, s.end_offset, s.id LIMIT ?`,
        ...q.withParams,
        after[1],
        after[2],
        after[3],
        after[4],
        ...q.whereParams,
        limit,
      )),
    );
    if (keys.length >= limit) return keys;
  }
  // The sources after it, in order, each read through segment_position: CROSS JOIN keeps the
  // sources as the outer loop (SQLite), so the order needs no sort and LIMIT stops the scan.
  const from = after ? 'AND (lower(d.name), d.id) > (?, ?)' : '';
  keys.push(
    ...(await db.all<Keyed>(
      `${q.with} SELECT ${KEY_COLUMNS} FROM document d CROSS JOIN segment s
       WHERE s.document_id = d.id ${from} AND ${q.where} ${KEY_ORDER} LIMIT ?`,
      ...q.withParams,
      ...(after ? [after[0], after[1]] : []),
      ...q.whereParams,
      limit - keys.length,
    )),
  );
  return keys;
}

/** One page of a scope's segments, in the order listSegments gives them. */
export async function pageSegments(
  db: ReadableDB,
  scope: SegmentScope,
  options: { cursor?: string; limit: number; coder?: CoderId | null },
): Promise<SegmentPage> {
  let cursor: Cursor | null = null;
  let total: number | null = null;
  const q = pageScopeSql(scope, options.coder);
  if (options.cursor !== undefined) {
    cursor = decodeCursor(options.cursor);
    if (!cursor) throw new GroundworkError('invalid-input', say('That page of segments cannot be found: start the list again.'));
  } else {
    total = Number((await db.get<{ n: number }>(`${q.with} SELECT count(*) AS n FROM segment s WHERE ${q.where}`, ...q.withParams, ...q.whereParams))?.n ?? 0);
  }
  const dense = cursor ? cursor.dense : scope.kind === 'document' || total! > SORT_AT_MOST;
  const keys = await pageKeys(db, q, cursor?.after ?? null, dense, options.limit + 1);
  const more = keys.length > options.limit;
  const shown = keys.slice(0, options.limit);
  const rows = shown.length === 0 ? [] : await db.all<Row>(`${LISTED} WHERE s.id IN (${marks(shown.length)})`, ...shown.map((k) => k.id));
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  const last = shown.at(-1);
  return {
    rows: shown.map((k) => toSegmentRow(byId.get(Number(k.id))!)),
    next:
      more && last
        ? encodeCursor({ after: [last.name_key, Number(last.document_id), Number(last.start_offset), Number(last.end_offset), Number(last.id)], dense })
        : null,
    total,
  };
}
