// What the bibliography importer reads besides records: the sources a bibliography record may
// take, with the opening of each text (enough to find a printed DOI or a title line), so an
// import never loads every whole text into memory.

import type { DocumentId } from '../shared/domain/ids';
import type { Stage } from '../shared/domain/records';
import { documentId } from '../shared/domain/ids';
import type { ReadableDB } from './handles';

export interface LinkableSource {
  id: DocumentId;
  name: string;
  originalName: string;
  /** The DOI in the source's own record ('' if none). */
  doi: string;
  /** The screening stage of its own record (null: none), which a bibliography record replaces. */
  stage: Stage | null;
  /** At least the first `chars` UTF-16 units of the text (whole characters, so maybe a few more). */
  opening: string;
}

/**
 * Sources whose record is still their own, in the order the sources list shows them (the first
 * match wins, so the order must be stable).
 */
export async function linkableSources(db: ReadableDB, chars: number): Promise<LinkableSource[]> {
  const rows = await db.all<{ id: number; name: string; original_name: string; doi: string | null; stage: Stage | null; opening: string }>(
    `SELECT d.id, d.name, d.original_name, r.doi, r.stage, substr(t.text, 1, ?) AS opening
     FROM document d JOIN source_text t ON t.sha256 = d.sha256 LEFT JOIN record r ON r.document_id = d.id
     WHERE r.id IS NULL OR r.origin = 'file'
     ORDER BY lower(d.name), d.id`,
    chars,
  );
  return rows.map((r) => ({
    id: documentId(Number(r.id)),
    name: r.name,
    originalName: r.original_name,
    doi: r.doi ?? '',
    stage: r.stage ?? null,
    opening: r.opening,
  }));
}
