// What a source file knows beyond its text: where each page starts (PDF) and the direction each
// paragraph states (DOCX). Both are written once at import, inside the import command, and read
// by the reader and by citations ("p. 7").

import type { DocumentId } from '../shared/domain/ids';
import type { DocumentPage, ParagraphDirection } from '../shared/domain/model';
import type { ReadableDB, WritableDB } from './handles';

export async function insertPages(db: WritableDB, id: DocumentId, pages: readonly DocumentPage[]): Promise<void> {
  for (const page of pages) {
    await db.run('INSERT INTO document_page (document_id, page_index, label, start_offset) VALUES (?, ?, ?, ?)', id, page.index, page.label ?? null, page.start);
  }
}

export async function insertDirections(db: WritableDB, id: DocumentId, directions: readonly ParagraphDirection[]): Promise<void> {
  for (const d of directions) {
    await db.run('INSERT INTO document_direction (document_id, paragraph, dir) VALUES (?, ?, ?)', id, d.paragraph, d.dir);
  }
}

export async function getPages(db: ReadableDB, id: DocumentId): Promise<DocumentPage[]> {
  const rows = await db.all<{ page_index: number; label: string | null; start_offset: number }>(
    'SELECT page_index, label, start_offset FROM document_page WHERE document_id = ? ORDER BY page_index',
    id,
  );
  return rows.map((r) => ({ index: r.page_index, label: r.label, start: r.start_offset }));
}

export async function getDirections(db: ReadableDB, id: DocumentId): Promise<ParagraphDirection[]> {
  const rows = await db.all<{ paragraph: number; dir: 'ltr' | 'rtl' }>(
    'SELECT paragraph, dir FROM document_direction WHERE document_id = ? ORDER BY paragraph',
    id,
  );
  return rows.map((r) => ({ paragraph: r.paragraph, dir: r.dir }));
}

/**
 * The page holding an offset of a source's text, or undefined for a source without pages.
 * The label is what a citation shows: the PDF's own page label, else the page's number.
 */
export async function pageAt(db: ReadableDB, id: DocumentId, offset: number): Promise<{ index: number; label: string } | undefined> {
  const row = await db.get<{ page_index: number; label: string | null }>(
    `SELECT page_index, label FROM document_page WHERE document_id = ? AND start_offset <= ?
     ORDER BY start_offset DESC, page_index DESC LIMIT 1`,
    id,
    offset,
  );
  return row && { index: row.page_index, label: row.label ?? String(row.page_index) };
}

/** Removes a source's pages, directions and attributes (before the source itself: they refer to it). */
export async function deleteLayout(db: WritableDB, id: DocumentId): Promise<void> {
  await db.run('DELETE FROM document_page WHERE document_id = ?', id);
  await db.run('DELETE FROM document_direction WHERE document_id = ?', id);
  await db.run('DELETE FROM source_attribute WHERE document_id = ?', id);
}
