// Free-form attributes of a source beyond its record's fields (REFI-QDA variables, sets of sources,
// cases): one value per name and source. They go with their source when it is deleted
// (document-layout.ts deleteLayout).

import type { DocumentId } from '../shared/domain/ids';
import { documentId } from '../shared/domain/ids';
import type { ReadableDB, WritableDB } from './handles';

export interface SourceAttribute {
  documentId: DocumentId;
  name: string;
  value: string;
}

/** Adds an attribute; a name the source already has keeps its value. Returns whether it was added. */
export async function addSourceAttribute(db: WritableDB, id: DocumentId, name: string, value: string): Promise<boolean> {
  return (
    (await db.run('INSERT INTO source_attribute (document_id, name, value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', id, name, value)).changes > 0
  );
}

/** Every attribute of every source (or of one), by source and name. */
export async function listSourceAttributes(db: ReadableDB, id?: DocumentId): Promise<SourceAttribute[]> {
  const rows =
    id === undefined
      ? await db.all<{ document_id: number; name: string; value: string }>('SELECT document_id, name, value FROM source_attribute ORDER BY document_id, name')
      : await db.all<{ document_id: number; name: string; value: string }>(
          'SELECT document_id, name, value FROM source_attribute WHERE document_id = ? ORDER BY name',
          id,
        );
  return rows.map((r) => ({ documentId: documentId(Number(r.document_id)), name: r.name, value: r.value }));
}
