// Bibliographic records, exclusion reasons and duplicate flags. A record holds a source's
// bibliographic identity and its screening stage; every document has exactly one record.
// Records merged into another (duplicates) stay in the table, marked, for the PRISMA figures.
// Deleting a record never leaves a reference to it behind: see deleteRecord.

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
import { reasonId, recordId, RECORD_TYPES, STAGES, titleKey } from '../shared/domain/records';
import type { PrismaFigures } from '../shared/domain/prisma';
import type { ReadableDB, WritableDB } from './handles';
import { now } from './handles';
import { duplicatePairs } from '../shared/domain/duplicates';
import { MAX_DUPLICATE_PAIRS, MAX_LABEL_LENGTH } from '../shared/domain/limits';

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
  id: recordId(Number(r.id)),
  documentId: r.document_id === null ? null : documentId(Number(r.document_id)),
  title: r.title,
  authors: JSON.parse(r.authors) as Author[],
  year: r.year === null ? null : Number(r.year),
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
  reasonId: r.exclusion_reason_id === null ? null : reasonId(Number(r.exclusion_reason_id)),
  reasonName: r.reason_name,
  createdAt: r.created_at,
});

/** Every record not merged into another, in a stable order. */
export async function listRecords(db: ReadableDB): Promise<RecordSummary[]> {
  return (await db.all<RecordRow>(`${SELECT} WHERE r.merged_into IS NULL AND NOT ${ORPHAN} ORDER BY r.id`)).map(toSummary);
}

export async function getRecord(db: ReadableDB, id: RecordId): Promise<RecordSummary | undefined> {
  const row = await db.get<RecordRow>(`${SELECT} WHERE r.id = ? AND r.merged_into IS NULL`, id);
  return row && toSummary(row);
}

export async function recordOfDocument(db: ReadableDB, id: DocumentId): Promise<RecordSummary | undefined> {
  const row = await db.get<RecordRow>(`${SELECT} WHERE r.document_id = ?`, id);
  return row && toSummary(row);
}

export interface NewRecord extends Partial<RecordAttributes> {
  title: string;
  origin: string;
  attachments?: string[];
  stage?: Stage;
  documentId?: DocumentId | null;
}

export async function insertRecord(db: WritableDB, r: NewRecord): Promise<RecordId> {
  const row = await db.get<{ id: number }>(
    `INSERT INTO record (document_id, title, authors, year, venue, doi, url, type, language, abstract, keywords, origin, attachments, stage, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
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
  return recordId(Number(row!.id));
}

const fileKey = (name: string) => titleKey(name.replace(/\.[a-z0-9]{1,5}$/i, ''));

/**
 * Called for every source written to the project. A record without full text whose attachment
 * file name or title names this source takes it; otherwise the source gets its own record,
 * stage "included" (a source imported alone is meant to be coded at once).
 */
export async function attachRecordForDocument(
  db: WritableDB,
  id: DocumentId,
  name: string,
  originalName: string,
  firstLine = '',
): Promise<RecordId> {
  const open = (await db.all<RecordRow>(`${SELECT} WHERE r.document_id IS NULL AND r.merged_into IS NULL ORDER BY r.id`)).map(toSummary);
  const byFile = fileKey(originalName);
  const titles = new Set([titleKey(name), titleKey(firstLine)].filter(Boolean));
  const match =
    open.find((r) => r.attachments.some((a) => fileKey(a) === byFile)) ?? open.find((r) => titles.has(titleKey(r.title)));
  if (match) {
    await linkRecord(db, match.id, id);
    await nameSourceAfterRecord(db, id, match.title);
    return match.id;
  }
  return insertRecord(db, { title: name, origin: 'file', stage: 'included', documentId: id });
}

/**
 * Deletes a record and every reference to it: its "not a duplicate" dismissals go, and the
 * duplicates merged into it pass to `heir` (the record that now stands for the same work), or
 * without one the earliest of them comes back as a record of its own and takes the others.
 */
export async function deleteRecord(db: WritableDB, id: RecordId, heir: RecordId | null = null): Promise<void> {
  await db.run('DELETE FROM duplicate_dismissal WHERE record_a = ? OR record_b = ?', id, id);
  const merged = await db.all<{ id: number }>('SELECT id FROM record WHERE merged_into = ? ORDER BY id', id);
  if (merged.length > 0) {
    const next = heir ?? recordId(Number(merged[0]!.id));
    if (heir === null) await db.run('UPDATE record SET merged_into = NULL WHERE id = ?', next);
    await db.run('UPDATE record SET merged_into = ? WHERE merged_into = ?', next, id);
  }
  await db.run('DELETE FROM record WHERE id = ?', id);
}

/**
 * Before a source is deleted: its own record goes with it (see deleteRecord for the duplicates
 * merged into it); a bibliography record stays, without text.
 */
export async function detachRecordOfDocument(db: WritableDB, id: DocumentId): Promise<void> {
  const own = await db.get<{ id: number }>(`SELECT id FROM record WHERE document_id = ? AND origin = 'file'`, id);
  if (own) await deleteRecord(db, recordId(Number(own.id)));
  await db.run('UPDATE record SET document_id = NULL WHERE document_id = ?', id);
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

export async function updateRecord(db: WritableDB, id: RecordId, changes: Partial<RecordAttributes>): Promise<number> {
  const set = (Object.entries(changes) as [keyof RecordAttributes, unknown][]).filter(([key, value]) => value !== undefined && key in COLUMN);
  if (set.length === 0) return 0;
  const values = set.map(([key, value]) => (key === 'authors' || key === 'keywords' ? JSON.stringify(value) : value) as string | number | null);
  return (await db.run(`UPDATE record SET ${set.map(([key]) => `${COLUMN[key]} = ?`).join(', ')} WHERE id = ?`, ...values, id)).changes;
}

export async function linkRecord(db: WritableDB, id: RecordId, document: DocumentId | null): Promise<void> {
  await db.run('UPDATE record SET document_id = ? WHERE id = ?', document, id);
}

/**
 * Gives a record a source's full text. The record the source had (its own, made on import; the
 * caller checks that) goes, and the duplicates merged into it pass to this record.
 */
export async function linkRecordToSource(db: WritableDB, id: RecordId, document: DocumentId): Promise<SourceRenamed | null> {
  const own = await db.get<{ id: number }>('SELECT id FROM record WHERE document_id = ? AND id <> ?', document, id);
  if (own) await deleteRecord(db, recordId(Number(own.id)), id);
  await linkRecord(db, id, document);
  const record = await db.get<{ title: string }>('SELECT title FROM record WHERE id = ?', id);
  return nameSourceAfterRecord(db, document, record?.title ?? '');
}

export interface SourceRenamed {
  from: string;
  to: string;
}

/**
 * A source joined to a bibliography record takes the record's title as its name (one line, within
 * the label limit, made unique among the sources); null when it keeps the name it has.
 */
export async function nameSourceAfterRecord(db: WritableDB, id: DocumentId, title: string): Promise<SourceRenamed | null> {
  const clean = title.replace(/\s+/gu, ' ').trim();
  const wanted = clean.length > MAX_LABEL_LENGTH ? `${clean.slice(0, MAX_LABEL_LENGTH - 1).trimEnd()}…` : clean;
  const current = (await db.get<{ name: string }>('SELECT name FROM document WHERE id = ?', id))?.name;
  if (!wanted || current === undefined || current === wanted) return null;
  const taken = new Set((await db.all<{ name: string }>('SELECT name FROM document WHERE id <> ?', id)).map((r) => r.name));
  let name = wanted;
  for (let n = 2; taken.has(name); n += 1) name = `${wanted} (${n})`;
  if (name === current) return null;
  await db.run('UPDATE document SET name = ? WHERE id = ?', name, id);
  return { from: current, to: name };
}

export async function setStage(db: WritableDB, id: RecordId, stage: Stage, excludedAt: ExcludedAt | null, reason: ReasonId | null): Promise<number> {
  const result = await db.run(
    'UPDATE record SET stage = ?, excluded_at = ?, exclusion_reason_id = ? WHERE id = ?',
    stage,
    stage === 'excluded' ? excludedAt : null,
    stage === 'excluded' ? reason : null,
    id,
  );
  return result.changes;
}

// ---- exclusion reasons

export async function listReasons(db: ReadableDB): Promise<ExclusionReason[]> {
  const rows = await db.all<{ id: number; name: string; uses: number | string }>(
    `SELECT x.id, x.name, (SELECT count(*) FROM record r WHERE r.exclusion_reason_id = x.id AND r.merged_into IS NULL) AS uses
     FROM exclusion_reason x ORDER BY x.position, x.id`,
  );
  return rows.map((r) => ({ id: reasonId(Number(r.id)), name: r.name, uses: Number(r.uses) }));
}

export async function getReason(db: ReadableDB, id: ReasonId): Promise<ExclusionReason | undefined> {
  return (await listReasons(db)).find((r) => r.id === id);
}

/** Records excluded for this reason, the merged duplicates included (they still refer to it). */
export async function recordsWithReason(db: ReadableDB, id: ReasonId): Promise<number> {
  return Number((await db.get<{ n: number | string }>('SELECT count(*) AS n FROM record WHERE exclusion_reason_id = ?', id))?.n ?? 0);
}

export async function insertReason(db: WritableDB, name: string): Promise<ReasonId> {
  const row = await db.get<{ id: number }>(
    `INSERT INTO exclusion_reason (name, position)
     SELECT CAST(? AS TEXT), coalesce(max(position), -1) + 1 FROM exclusion_reason RETURNING id`,
    name,
  );
  return reasonId(Number(row!.id));
}

export async function renameReason(db: WritableDB, id: ReasonId, name: string): Promise<void> {
  await db.run('UPDATE exclusion_reason SET name = ? WHERE id = ?', name, id);
}

export async function deleteReason(db: WritableDB, id: ReasonId): Promise<void> {
  await db.run('DELETE FROM exclusion_reason WHERE id = ?', id);
}

// ---- duplicates

/**
 * Pairs that look like the same work: the same DOI, or near-same titles (normalised, at most one
 * edit in ten characters) with the same year. Pairs the user dismissed are left out.
 */
export async function duplicateFlags(db: ReadableDB): Promise<DuplicateFlag[]> {
  // Every change to a project is a command (done, undone, or a coalesced edit adding change rows),
  // so the log's state names the data: the flags are computed again only after a change. Call
  // this from reads only: inside a change that may roll back, the same state could later name
  // other data (use freshDuplicateFlags there).
  const state = await db.get<{ k: string }>(
    `SELECT CAST(coalesce(max(id), 0) AS TEXT) || ':' || CAST((SELECT count(*) FROM command WHERE state = 'done') AS TEXT)
       || ':' || CAST((SELECT coalesce(max(id), 0) FROM command_change) AS TEXT) AS k FROM command`,
  );
  const key = state?.k ?? '';
  const cached = flagCache.get(db);
  if (cached?.key === key) return cached.flags;
  const flags = await freshDuplicateFlags(db);
  flagCache.set(db, { key, flags });
  return flags;
}

const flagCache = new WeakMap<ReadableDB, { key: string; flags: DuplicateFlag[] }>();

/**
 * The flags computed from the records as they are now, not cached (for use inside a change): the
 * pure rule of shared/domain/duplicates.ts, which counts identical keys as groups and lists at
 * most MAX_DUPLICATE_PAIRS pairs, so 10,000 identical records cost one group, not 50 million pairs.
 */
export async function freshDuplicateFlags(db: ReadableDB): Promise<DuplicateFlag[]> {
  const records = await listRecords(db);
  const dismissed = new Set(
    (await db.all<{ record_a: number; record_b: number }>('SELECT record_a, record_b FROM duplicate_dismissal')).map(
      (d) => `${Number(d.record_a)}:${Number(d.record_b)}`,
    ),
  );
  return duplicatePairs(records, { dismissed, limit: MAX_DUPLICATE_PAIRS }).pairs;
}

export async function dismissDuplicate(db: WritableDB, a: RecordId, b: RecordId): Promise<void> {
  const [x, y] = a < b ? [a, b] : [b, a];
  await db.run('INSERT INTO duplicate_dismissal (record_a, record_b) VALUES (?, ?) ON CONFLICT DO NOTHING', x, y);
}

/** Merges `drop` into `keep`: empty attributes of keep are filled from drop, the document link kept. */
export async function mergeRecords(db: WritableDB, keep: RecordSummary, drop: RecordSummary): Promise<void> {
  const fill: Partial<RecordAttributes> = {};
  for (const key of ['title', 'venue', 'doi', 'url', 'language', 'abstract'] as const) if (!keep[key] && drop[key]) fill[key] = drop[key];
  if (keep.authors.length === 0 && drop.authors.length > 0) fill.authors = drop.authors;
  if (keep.year === null && drop.year !== null) fill.year = drop.year;
  if (keep.type === 'other' && drop.type !== 'other') fill.type = drop.type;
  const keywords = [...new Set([...keep.keywords, ...drop.keywords])];
  if (keywords.length !== keep.keywords.length) fill.keywords = keywords;
  const attachments = [...new Set([...keep.attachments, ...drop.attachments])];
  await updateRecord(db, keep.id, fill);
  if (attachments.length !== keep.attachments.length) {
    await db.run('UPDATE record SET attachments = ? WHERE id = ?', JSON.stringify(attachments), keep.id);
  }
  const document = keep.documentId ?? drop.documentId;
  await db.run('UPDATE record SET document_id = NULL, merged_into = ? WHERE id = ?', keep.id, drop.id);
  if (document !== keep.documentId) await linkRecord(db, keep.id, document);
  await db.run('DELETE FROM duplicate_dismissal WHERE record_a = ? OR record_b = ?', drop.id, drop.id);
}

// ---- figures

/** The PRISMA 2020 figures of the live records (see shared/domain/prisma.ts). */
export async function prismaFigures(db: ReadableDB): Promise<PrismaFigures> {
  const tally = (when: string) => `sum(CASE WHEN ${when} THEN 1 ELSE 0 END)`;
  const active = 'r.merged_into IS NULL';
  const row = await db.get<Record<string, number | string | null>>(
    `SELECT count(*) AS identified,
       ${tally('r.merged_into IS NOT NULL')} AS duplicates,
       ${tally(`${active} AND r.stage = 'identified'`)} AS waiting_screening,
       ${tally(`${active} AND r.stage = 'excluded' AND r.excluded_at = 'screening'`)} AS excluded_at_screening,
       ${tally(`${active} AND r.stage = 'screened'`)} AS waiting_eligibility,
       ${tally(`${active} AND r.stage = 'eligible'`)} AS waiting_inclusion,
       ${tally(`${active} AND r.stage = 'included'`)} AS included
     FROM record r WHERE NOT ${ORPHAN}`,
  );
  const n = (key: string) => Number(row?.[key] ?? 0);
  const identified = n('identified');
  const duplicatesRemoved = n('duplicates');
  const waitingScreening = n('waiting_screening');
  const excludedAtScreening = n('excluded_at_screening');
  const waitingEligibility = n('waiting_eligibility');
  const screened = identified - duplicatesRemoved - waitingScreening;
  const reasons = await db.all<{ reason: string; count: number | string }>(
    `SELECT coalesce(x.name, '(no reason)') AS reason, count(*) AS count FROM record r LEFT JOIN exclusion_reason x ON x.id = r.exclusion_reason_id
     WHERE r.merged_into IS NULL AND r.stage = 'excluded' AND r.excluded_at = 'eligibility'
     GROUP BY coalesce(x.name, '(no reason)') ORDER BY count(*) DESC, reason`,
  );
  return {
    origin: 'live',
    identified,
    duplicatesRemoved,
    screened,
    excludedAtScreening,
    assessedForEligibility: screened - excludedAtScreening - waitingEligibility,
    excludedAtEligibility: reasons.map((r) => ({ reason: r.reason, count: Number(r.count) })),
    included: n('included'),
    awaiting: waitingScreening + waitingEligibility + n('waiting_inclusion'),
  };
}

export async function corpusStats(db: ReadableDB): Promise<CorpusStats> {
  const records = await listRecords(db);
  const byStage = STAGES.map((stage) => ({ stage, count: records.filter((r) => r.stage === stage).length }));
  const byType = RECORD_TYPES.map((type) => ({ type, count: records.filter((r) => r.type === type).length })).filter((t) => t.count > 0);
  const years = new Map<number | null, number>();
  for (const r of records) years.set(r.year, (years.get(r.year) ?? 0) + 1);
  const byYear = [...years].map(([year, count]) => ({ year, count })).sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity));
  return { total: records.length, withText: records.filter((r) => r.documentId !== null).length, byStage, byYear, byType };
}
