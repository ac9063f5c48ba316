// What a source file knows beyond its text: where each page starts (PDF) and the direction each
// paragraph states (DOCX). Both are written once at import, inside the import command, and read
// by the reader and by citations ("p. 7").

import type { DocumentId } from '../shared/domain/ids';
import type { DocumentPage, ParagraphDirection } from '../shared/domain/model';
import type { ReadableDB, WritableDB } from './handles';
import { sql } from './handles';

export function insertPages(db: WritableDB, id: DocumentId, pages: readonly DocumentPage[]): void {
  const insert = sql(db, 'INSERT INTO document_page (document_id, page_index, label, start_offset) VALUES (?, ?, ?, ?)');
  for (const page of pages) insert.run(id, page.index, page.label ?? null, page.start);
}

export function insertDirections(db: WritableDB, id: DocumentId, directions: readonly ParagraphDirection[]): void {
  const insert = sql(db, 'INSERT INTO document_direction (document_id, paragraph, dir) VALUES (?, ?, ?)');
  for (const d of directions) insert.run(id, d.paragraph, d.dir);
}

export function getPages(db: ReadableDB, id: DocumentId): DocumentPage[] {
  const rows = sql(db, 'SELECT page_index, label, start_offset FROM document_page WHERE document_id = ? ORDER BY page_index').all(id) as {
    page_index: number;
    label: string | null;
    start_offset: number;
  }[];
  return rows.map((r) => ({ index: r.page_index, label: r.label, start: r.start_offset }));
}

export function getDirections(db: ReadableDB, id: DocumentId): ParagraphDirection[] {
  const rows = sql(db, 'SELECT paragraph, dir FROM document_direction WHERE document_id = ? ORDER BY paragraph').all(id) as {
    paragraph: number;
    dir: 'ltr' | 'rtl';
  }[];
  return rows.map((r) => ({ paragraph: r.paragraph, dir: r.dir }));
}

/**
 * The page holding an offset of a source's text, or undefined for a source without pages.
 * The label is what a citation shows: the PDF's own page label, else the page's number.
 */
export function pageAt(db: ReadableDB, id: DocumentId, offset: number): { index: number; label: string } | undefined {
  const row = sql(
    db,
    `SELECT page_index, label FROM document_page WHERE document_id = ? AND start_offset <= ?
     ORDER BY start_offset DESC, page_index DESC LIMIT 1`,
  ).get(id, offset) as { page_index: number; label: string | null } | undefined;
  return row && { index: row.page_index, label: row.label ?? String(row.page_index) };
}

/** Removes a source's pages and directions (before the source itself: they refer to it). */
export function deleteLayout(db: WritableDB, id: DocumentId): void {
  sql(db, 'DELETE FROM document_page WHERE document_id = ?').run(id);
  sql(db, 'DELETE FROM document_direction WHERE document_id = ?').run(id);
}
