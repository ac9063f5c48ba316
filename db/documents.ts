// Sources (documents) and their canonical text. The text of a source never changes after import,
// which is what keeps segment offsets valid; it is kept once, in source_text under its SHA-256,
// outside the captured tables, so undo images never carry it.

import type { DocumentSummary, SourceFormat } from '../shared/domain/model';
import type { DocumentId } from '../shared/domain/ids';
import { documentId } from '../shared/domain/ids';
import type { ReadableDB, WritableDB } from './handles';
import { now } from './handles';
import { newUid } from './uid';
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
  id: documentId(Number(r.id)),
  name: r.name,
  format: r.format,
  originalName: r.original_name,
  sha256: r.sha256,
  length: Number(r.length),
  dir: r.dir,
  importedAt: r.imported_at,
  segmentCount: Number(r.segment_count),
  memo: r.memo,
});

export async function listDocuments(db: ReadableDB): Promise<DocumentSummary[]> {
  return (await db.all<DocumentRow>(`${SUMMARY} ORDER BY lower(d.name), d.id`)).map(toSummary);
}

export async function getDocument(db: ReadableDB, id: DocumentId): Promise<DocumentSummary | undefined> {
  const row = await db.get<DocumentRow>(`${SUMMARY} WHERE d.id = ?`, id);
  return row && toSummary(row);
}

/**
 * Recently read texts, keyed by SHA-256: a text never changes after import and its hash names
 * it, so a cached text cannot go stale, whatever is deleted, undone or re-imported.
 */
const texts = new Map<string, string>();
const TEXTS_KEPT = 4;

/** The text stored under a SHA-256 (cached). */
export async function textBySha(db: ReadableDB, sha256: string): Promise<string | undefined> {
  let text = texts.get(sha256);
  if (text === undefined) {
    text = (await db.get<{ text: string }>('SELECT text FROM source_text WHERE sha256 = ?', sha256))?.text;
    if (text === undefined) return undefined;
    if (texts.size >= TEXTS_KEPT) texts.delete(texts.keys().next().value!);
  } else {
    texts.delete(sha256);
  }
  texts.set(sha256, text);
  return text;
}

export async function getDocumentText(db: ReadableDB, id: DocumentId): Promise<string | undefined> {
  const row = await db.get<{ sha256: string }>('SELECT sha256 FROM document WHERE id = ?', id);
  return row ? textBySha(db, row.sha256) : undefined;
}

export async function findDocumentBySha(db: ReadableDB, sha256: string): Promise<DocumentSummary | undefined> {
  const row = await db.get<DocumentRow>(`${SUMMARY} WHERE d.sha256 = ?`, sha256);
  return row && toSummary(row);
}

export async function documentNames(db: ReadableDB): Promise<Set<string>> {
  return new Set((await db.all<{ name: string }>('SELECT name FROM document')).map((r) => r.name));
}

export interface NewDocument {
  name: string;
  format: SourceFormat;
  originalName: string;
  sha256: string;
  dir: 'ltr' | 'rtl';
  text: string;
  /** Kept from an exchange file or a copy of the project; a new GUID otherwise. */
  uid?: string;
  /** The import batch the source came in with (waves may be defined by it). */
  importBatch?: string | null;
}

/** Keeps a text under its SHA-256 (once: a text already kept, say by an undone import, is reused). */
export async function keepText(db: WritableDB, sha256: string, text: string): Promise<void> {
  await db.run('INSERT INTO source_text (sha256, text) VALUES (?, ?) ON CONFLICT DO NOTHING', sha256, text);
}

export async function insertDocument(db: WritableDB, doc: NewDocument): Promise<DocumentId> {
  await keepText(db, doc.sha256, doc.text);
  const row = await db.get<{ id: number }>(
    `INSERT INTO document (name, format, original_name, sha256, length, dir, imported_at, uid, import_batch)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    doc.name,
    doc.format,
    doc.originalName,
    doc.sha256,
    doc.text.length,
    doc.dir,
    now(),
    doc.uid ?? newUid(),
    doc.importBatch ?? null,
  );
  const id = documentId(Number(row!.id));
  await attachRecordForDocument(db, id, doc.name, doc.originalName, doc.text.slice(0, 300).split('\n')[0]);
  return id;
}

export async function renameDocument(db: WritableDB, id: DocumentId, name: string): Promise<void> {
  await db.run('UPDATE document SET name = ? WHERE id = ?', name, id);
}

/** Deletes a source and its segments; returns how many segments went with it. Its text stays (undo). */
export async function deleteDocument(db: WritableDB, id: DocumentId): Promise<number> {
  const segments = (await db.run('DELETE FROM segment WHERE document_id = ?', id)).changes;
  await deleteLayout(db, id);
  await detachRecordOfDocument(db, id);
  await db.run('DELETE FROM document WHERE id = ?', id);
  return segments;
}

export async function setDocumentMemo(db: WritableDB, id: DocumentId, memo: string): Promise<number> {
  return (await db.run('UPDATE document SET memo = ? WHERE id = ?', memo, id)).changes;
}
