// Bibliographic records, exclusion reasons and duplicate flags. A record holds a source's
// bibliographic identity and its screening stage; every document has exactly one record.
// Records merged into another (duplicates) stay in the table, marked, for the PRISMA figures.

import type { DocumentId } from '../shared/domain/ids';
import { documentId } from '../shared/domain/ids';
import type {
  Author,
  CorpusStats,
  DuplicateFlag,
  ExcludedAt,
  ExclusionReason,
  ReasonId,
  RecordAttributes,
  RecordId,
  RecordSummary,
  RecordType,
  Stage,
} from '../shared/domain/records';
import { nearSameTitle, normalizeDoi, reasonId, recordId, RECORD_TYPES, STAGES, titleKey } from '../shared/domain/records';
import type { PrismaFigures } from '../shared/domain/prisma';
import type { ReadableDB, WritableDB } from './handles';
import { now, sql } from './handles';

interface RecordRow {
  id: number;
  document_id: number | null;
  title: string;
  authors: string;
  year: number | null;
  venue: string;
  doi: string;
  url: string;
  type: RecordType;
  language: string;
  abstract: string;
  keywords: string;
  origin: string;
  attachments: string;
  stage: Stage;
  excluded_at: ExcludedAt | null;
  exclusion_reason_id: number | null;
  reason_name: string | null;
  created_at: string;
}

/**
 * A record made for a source alone means nothing once that source is gone (normally it is deleted
 * with it; undoing an import from before schema 5 can leave one): such records are not shown.
 */
const ORPHAN = `(r.origin = 'file' AND r.document_id IS NULL)`;

const SELECT = `SELECT r.*, x.name AS reason_name FROM record r LEFT JOIN exclusion_reason x ON x.id = r.exclusion_reason_id`;

const toSummary = (r: RecordRow): RecordSummary => ({
  id: recordId(r.id),
  documentId: r.document_id === null ? null : documentId(r.document_id),
  title: r.title,
  authors: JSON.parse(r.authors) as Author[],
  year: r.year,
  venue: r.venue,
  doi: r.doi,
  url: r.url,
  type: r.type,
  language: r.language,
  abstract: r.abstract,
  keywords: JSON.parse(r.keywords) as string[],
  origin: r.origin,
  attachments: JSON.parse(r.attachments) as string[],
  stage: r.stage,
  excludedAt: r.excluded_at,
  reasonId: r.exclusion_reason_id === null ? null : reasonId(r.exclusion_reason_id),
  reasonName: r.reason_name,
  createdAt: r.created_at,
});

/** Every record not merged into another, in a stable order. */
export function listRecords(db: ReadableDB): RecordSummary[] {
  return (sql(db, `${SELECT} WHERE r.merged_into IS NULL AND NOT ${ORPHAN} ORDER BY r.id`).all() as RecordRow[]).map(toSummary);
}

export function getRecord(db: ReadableDB, id: RecordId): RecordSummary | undefined {
  const row = sql(db, `${SELECT} WHERE r.id = ? AND r.merged_into IS NULL`).get(id) as RecordRow | undefined;
  return row && toSummary(row);
}

export function recordOfDocument(db: ReadableDB, id: DocumentId): RecordSummary | undefined {
  const row = sql(db, `${SELECT} WHERE r.document_id = ?`).get(id) as RecordRow | undefined;
  return row && toSummary(row);
}

export interface NewRecord extends Partial<RecordAttributes> {
  title: string;
  origin: string;
  attachments?: string[];
  stage?: Stage;
  documentId?: DocumentId | null;
}

export function insertRecord(db: WritableDB, r: NewRecord): RecordId {
  const result = sql(
    db,
    `INSERT INTO record (document_id, title, authors, year, venue, doi, url, type, language, abstract, keywords, origin, attachments, stage, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    r.documentId ?? null,
    r.title,
    JSON.stringify(r.authors ?? []),
    r.year ?? null,
    r.venue ?? '',
    r.doi ?? '',
    r.url ?? '',
    r.type ?? 'other',
    r.language ?? '',
    r.abstract ?? '',
    JSON.stringify(r.keywords ?? []),
    r.origin,
    JSON.stringify(r.attachments ?? []),
    r.stage ?? 'identified',
    now(),
  );
  return recordId(Number(result.lastInsertRowid));
}

const fileKey = (name: string) => titleKey(name.replace(/\.[a-z0-9]{1,5}$/i, ''));

/**
 * Called for every source written to the project. A record without full text whose attachment
 * file name or title names this source takes it; otherwise the source gets its own record,
 * stage "included" (a source imported alone is meant to be coded at once).
 */
export function attachRecordForDocument(db: WritableDB, id: DocumentId, name: string, originalName: string, firstLine = ''): RecordId {
  const open = (sql(db, `${SELECT} WHERE r.document_id IS NULL AND r.merged_into IS NULL ORDER BY r.id`).all() as RecordRow[]).map(toSummary);
  const byFile = fileKey(originalName);
  const titles = new Set([titleKey(name), titleKey(firstLine)].filter(Boolean));
  const match =
    open.find((r) => r.attachments.some((a) => fileKey(a) === byFile)) ?? open.find((r) => titles.has(titleKey(r.title)));
  if (match) {
    sql(db, 'UPDATE record SET document_id = ? WHERE id = ?').run(id, match.id);
    return match.id;
  }
  return insertRecord(db, { title: name, origin: 'file', stage: 'included', documentId: id });
}

/** Before a source is deleted: its own record goes with it; a bibliography record stays, without text. */
export function detachRecordOfDocument(db: WritableDB, id: DocumentId): void {
  sql(db, `DELETE FROM record WHERE document_id = ? AND origin = 'file'`).run(id);
  sql(db, 'UPDATE record SET document_id = NULL WHERE document_id = ?').run(id);
}

const COLUMN: Record<keyof RecordAttributes, string> = {
  title: 'title',
  authors: 'authors',
  year: 'year',
  venue: 'venue',
  doi: 'doi',
  url: 'url',
  type: 'type',
  language: 'language',
  abstract: 'abstract',
  keywords: 'keywords',
};

export function updateRecord(db: WritableDB, id: RecordId, changes: Partial<RecordAttributes>): number {
  let changed = 0;
  for (const [key, value] of Object.entries(changes) as [keyof RecordAttributes, unknown][]) {
    if (value === undefined) continue;
    const stored = key === 'authors' || key === 'keywords' ? JSON.stringify(value) : value;
    changed += sql(db, `UPDATE record SET ${COLUMN[key]} = ? WHERE id = ?`).run(stored as string | number | null, id).changes;
  }
  return changed;
}

export function linkRecord(db: WritableDB, id: RecordId, document: DocumentId | null): void {
  sql(db, 'UPDATE record SET document_id = ? WHERE id = ?').run(document, id);
}

export function setStage(db: WritableDB, id: RecordId, stage: Stage, excludedAt: ExcludedAt | null, reason: ReasonId | null): number {
  return sql(db, 'UPDATE record SET stage = ?, excluded_at = ?, exclusion_reason_id = ? WHERE id = ?').run(
    stage,
    stage === 'excluded' ? excludedAt : null,
    stage === 'excluded' ? reason : null,
    id,
  ).changes;
}

// ---- exclusion reasons

export function listReasons(db: ReadableDB): ExclusionReason[] {
  const rows = sql(
    db,
    `SELECT x.id, x.name, (SELECT count(*) FROM record r WHERE r.exclusion_reason_id = x.id AND r.merged_into IS NULL) AS uses
     FROM exclusion_reason x ORDER BY x.position, x.id`,
  ).all() as { id: number; name: string; uses: number }[];
  return rows.map((r) => ({ id: reasonId(r.id), name: r.name, uses: r.uses }));
}

export function insertReason(db: WritableDB, name: string): ReasonId {
  const position = (sql(db, 'SELECT coalesce(max(position), -1) + 1 AS p FROM exclusion_reason').get() as { p: number }).p;
  return reasonId(Number(sql(db, 'INSERT INTO exclusion_reason (name, position) VALUES (?, ?)').run(name, position).lastInsertRowid));
}

export function renameReason(db: WritableDB, id: ReasonId, name: string): void {
  sql(db, 'UPDATE exclusion_reason SET name = ? WHERE id = ?').run(name, id);
}

export function deleteReason(db: WritableDB, id: ReasonId): void {
  sql(db, 'DELETE FROM exclusion_reason WHERE id = ?').run(id);
}

// ---- duplicates

/**
 * Pairs that look like the same work: the same DOI, or near-same titles (normalised, at most one
 * edit in ten characters) with the same year. Pairs the user dismissed are left out.
 */
export function duplicateFlags(db: ReadableDB): DuplicateFlag[] {
  // Every change to a project is a command (done, undone, or a coalesced edit adding change rows),
  // so the log's state names the data: the flags are computed again only after a change.
  const state = sql(db, `SELECT coalesce(max(id), 0) || ':' || (SELECT count(*) FROM command WHERE state = 'done') || ':' || (SELECT coalesce(max(id), 0) FROM command_change) AS k FROM command`).get() as { k: string };
  const cached = flagCache.get(db);
  if (cached?.key === state.k) return cached.flags;
  const flags = computeFlags(db);
  flagCache.set(db, { key: state.k, flags });
  return flags;
}

const flagCache = new WeakMap<ReadableDB, { key: string; flags: DuplicateFlag[] }>();

function computeFlags(db: ReadableDB): DuplicateFlag[] {
  const records = listRecords(db);
  const dismissed = new Set(
    (sql(db, 'SELECT record_a, record_b FROM duplicate_dismissal').all() as { record_a: number; record_b: number }[]).map(
      (d) => `${d.record_a}:${d.record_b}`,
    ),
  );
  const flags: DuplicateFlag[] = [];
  const seen = new Set<string>();
  const add = (a: RecordId, b: RecordId, why: DuplicateFlag['why']) => {
    const [x, y] = a < b ? [a, b] : [b, a];
    const key = `${x}:${y}`;
    if (seen.has(key) || dismissed.has(key)) return;
    seen.add(key);
    flags.push({ a: x, b: y, why });
  };
  const byDoi = new Map<string, RecordId[]>();
  for (const r of records) {
    const doi = normalizeDoi(r.doi);
    if (!doi) continue;
    const list = byDoi.get(doi) ?? [];
    for (const other of list) add(other, r.id, 'doi');
    list.push(r.id);
    byDoi.set(doi, list);
  }
  // Within each year; letter counts give a cheap lower bound of the edit distance, so most pairs
  // are ruled out before the distance itself is computed.
  const byYear = new Map<string, { id: RecordId; key: string; letters: Map<string, number> }[]>();
  for (const r of records) {
    const key = titleKey(r.title);
    if (key.length < 8) continue;
    const letters = new Map<string, number>();
    for (const ch of key) letters.set(ch, (letters.get(ch) ?? 0) + 1);
    const limit = Math.floor(key.length / 10) + 1;
    const bucket = byYear.get(String(r.year)) ?? [];
    for (const other of bucket) {
      let difference = 0;
      for (const [ch, n] of letters) difference += Math.abs(n - (other.letters.get(ch) ?? 0));
      for (const [ch, n] of other.letters) if (!letters.has(ch)) difference += n;
      if (difference / 2 > limit + 1) continue;
      if (nearSameTitle(other.key, key)) add(other.id, r.id, 'title');
    }
    bucket.push({ id: r.id, key, letters });
    byYear.set(String(r.year), bucket);
  }
  return flags.sort((p, q) => p.a - q.a || p.b - q.b);
}

export function dismissDuplicate(db: WritableDB, a: RecordId, b: RecordId): void {
  const [x, y] = a < b ? [a, b] : [b, a];
  sql(db, 'INSERT OR IGNORE INTO duplicate_dismissal (record_a, record_b) VALUES (?, ?)').run(x, y);
}

/** Merges `drop` into `keep`: empty attributes of keep are filled from drop, the document link kept. */
export function mergeRecords(db: WritableDB, keep: RecordSummary, drop: RecordSummary): void {
  const fill: Partial<RecordAttributes> = {};
  for (const key of ['title', 'venue', 'doi', 'url', 'language', 'abstract'] as const) if (!keep[key] && drop[key]) fill[key] = drop[key];
  if (keep.authors.length === 0 && drop.authors.length > 0) fill.authors = drop.authors;
  if (keep.year === null && drop.year !== null) fill.year = drop.year;
  if (keep.type === 'other' && drop.type !== 'other') fill.type = drop.type;
  const keywords = [...new Set([...keep.keywords, ...drop.keywords])];
  if (keywords.length !== keep.keywords.length) fill.keywords = keywords;
  const attachments = [...new Set([...keep.attachments, ...drop.attachments])];
  updateRecord(db, keep.id, fill);
  if (attachments.length !== keep.attachments.length) sql(db, 'UPDATE record SET attachments = ? WHERE id = ?').run(JSON.stringify(attachments), keep.id);
  const document = keep.documentId ?? drop.documentId;
  sql(db, 'UPDATE record SET document_id = NULL, merged_into = ? WHERE id = ?').run(keep.id, drop.id);
  if (document !== keep.documentId) linkRecord(db, keep.id, document);
  sql(db, 'DELETE FROM duplicate_dismissal WHERE record_a = ? OR record_b = ?').run(drop.id, drop.id);
}

// ---- figures

/** The PRISMA 2020 figures of the live records (see shared/domain/prisma.ts). */
export function prismaFigures(db: ReadableDB): PrismaFigures {
  const count = (where: string) => (sql(db, `SELECT count(*) AS n FROM record r WHERE NOT ${ORPHAN} AND ${where}`).get() as { n: number }).n;
  const active = 'merged_into IS NULL';
  const identified = count('1 = 1');
  const duplicatesRemoved = count('merged_into IS NOT NULL');
  const waitingScreening = count(`${active} AND stage = 'identified'`);
  const excludedAtScreening = count(`${active} AND stage = 'excluded' AND excluded_at = 'screening'`);
  const waitingEligibility = count(`${active} AND stage = 'screened'`);
  const screened = identified - duplicatesRemoved - waitingScreening;
  const reasons = sql(
    db,
    `SELECT coalesce(x.name, '(no reason)') AS reason, count(*) AS count FROM record r LEFT JOIN exclusion_reason x ON x.id = r.exclusion_reason_id
     WHERE r.merged_into IS NULL AND r.stage = 'excluded' AND r.excluded_at = 'eligibility' GROUP BY 1 ORDER BY count DESC, reason`,
  ).all() as { reason: string; count: number }[];
  return {
    origin: 'live',
    identified,
    duplicatesRemoved,
    screened,
    excludedAtScreening,
    assessedForEligibility: screened - excludedAtScreening - waitingEligibility,
    excludedAtEligibility: reasons,
    included: count(`${active} AND stage = 'included'`),
    awaiting: waitingScreening + waitingEligibility + count(`${active} AND stage = 'eligible'`),
  };
}

export function corpusStats(db: ReadableDB): CorpusStats {
  const records = listRecords(db);
  const byStage = STAGES.map((stage) => ({ stage, count: records.filter((r) => r.stage === stage).length }));
  const byType = RECORD_TYPES.map((type) => ({ type, count: records.filter((r) => r.type === type).length })).filter((t) => t.count > 0);
  const years = new Map<number | null, number>();
  for (const r of records) years.set(r.year, (years.get(r.year) ?? 0) + 1);
  const byYear = [...years].map(([year, count]) => ({ year, count })).sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity));
  return { total: records.length, withText: records.filter((r) => r.documentId !== null).length, byStage, byYear, byType };
}
