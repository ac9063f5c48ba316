// Sources (documents) and their canonical text. The text of a source never changes after import,
// which is what keeps segment offsets valid.

import type { DocumentSummary, SourceFormat } from '../shared/domain/model';
import type { DocumentId } from '../shared/domain/ids';
import { documentId } from '../shared/domain/ids';
import type { ReadableDB, WritableDB } from './handles';
import { now, sql } from './handles';
import { deleteLayout } from './document-layout';
import { attachRecordForDocument, detachRecordOfDocument } from './records';

interface DocumentRow {
  id: number;
  name: string;
  format: SourceFormat;
  original_name: string;
  sha256: string;
  length: number;
  dir: 'ltr' | 'rtl';
  imported_at: string;
  memo: string;
  segment_count: number;
}

const SUMMARY = `SELECT d.id, d.name, d.format, d.original_name, d.sha256, d.length, d.dir, d.imported_at, d.memo,
  (SELECT count(*) FROM segment s WHERE s.document_id = d.id) AS segment_count FROM document d`;

const toSummary = (r: DocumentRow): DocumentSummary => ({
  id: documentId(r.id),
  name: r.name,
  format: r.format,
  originalName: r.original_name,
  sha256: r.sha256,
  length: r.length,
  dir: r.dir,
  importedAt: r.imported_at,
  segmentCount: r.segment_count,
  memo: r.memo,
});

export function listDocuments(db: ReadableDB): DocumentSummary[] {
  return (sql(db, `${SUMMARY} ORDER BY d.name COLLATE NOCASE, d.id`).all() as DocumentRow[]).map(toSummary);
}

export function getDocument(db: ReadableDB, id: DocumentId): DocumentSummary | undefined {
  const row = sql(db, `${SUMMARY} WHERE d.id = ?`).get(id) as DocumentRow | undefined;
  return row && toSummary(row);
}

/**
 * Recently read texts, per connection, keyed by SHA-256: a text never changes after import and its
 * hash names it, so a cached text cannot go stale, whatever is deleted, undone or re-imported.
 */
const texts = new WeakMap<ReadableDB, Map<string, string>>();
const TEXTS_KEPT = 4;

export function getDocumentText(db: ReadableDB, id: DocumentId): string | undefined {
  const row = sql(db, 'SELECT sha256 FROM document WHERE id = ?').get(id) as { sha256: string } | undefined;
  if (!row) return undefined;
  let cache = texts.get(db);
  if (!cache) texts.set(db, (cache = new Map()));
  let text = cache.get(row.sha256);
  if (text === undefined) {
    text = (sql(db, 'SELECT text FROM document WHERE id = ?').get(id) as { text: string }).text;
    if (cache.size >= TEXTS_KEPT) cache.delete(cache.keys().next().value!);
  } else {
    cache.delete(row.sha256);
  }
  cache.set(row.sha256, text);
  return text;
}

export function findDocumentBySha(db: ReadableDB, sha256: string): DocumentSummary | undefined {
  const row = sql(db, `${SUMMARY} WHERE d.sha256 = ?`).get(sha256) as DocumentRow | undefined;
  return row && toSummary(row);
}

export function documentNames(db: ReadableDB): Set<string> {
  return new Set((sql(db, 'SELECT name FROM document').all() as { name: string }[]).map((r) => r.name));
}

export interface NewDocument {
  name: string;
  format: SourceFormat;
  originalName: string;
  sha256: string;
  dir: 'ltr' | 'rtl';
  text: string;
}

export function insertDocument(db: WritableDB, doc: NewDocument): DocumentId {
  const result = sql(
    db,
    `INSERT INTO document (name, format, original_name, sha256, length, dir, imported_at, text)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(doc.name, doc.format, doc.originalName, doc.sha256, doc.text.length, doc.dir, now(), doc.text);
  const id = documentId(Number(result.lastInsertRowid));
  attachRecordForDocument(db, id, doc.name, doc.originalName, doc.text.slice(0, 300).split('\n')[0]);
  return id;
}

export function renameDocument(db: WritableDB, id: DocumentId, name: string): void {
  sql(db, 'UPDATE document SET name = ? WHERE id = ?').run(name, id);
}

/** Deletes a source and its segments; returns how many segments went with it. */
export function deleteDocument(db: WritableDB, id: DocumentId): number {
  const segments = sql(db, 'DELETE FROM segment WHERE document_id = ?').run(id).changes;
  deleteLayout(db, id);
  detachRecordOfDocument(db, id);
  sql(db, 'DELETE FROM document WHERE id = ?').run(id);
  return segments;
}

export function setDocumentMemo(db: WritableDB, id: DocumentId, memo: string): number {
  return sql(db, 'UPDATE document SET memo = ? WHERE id = ?').run(memo, id).changes;
}
