// Project files for tests of the Store itself: fresh files in temporary folders, closed and removed
// after each test, and a source written the way the importer keeps it (its text once, under its
// SHA-256), without the importer's formats.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { keepText } from '../../db/documents';
import type { ReadableDB, WritableDB } from '../../db/handles';
import type { Store } from '../../db/store';
import { documentId, type DocumentId } from '../../shared/domain/ids';
import { tempDir } from './files';

export interface StoreFiles {
  /** A path for a new project file in a fresh folder. */
  file(name?: string): string;
  /** Closes the stores handed to it when the test ends (in reverse order). */
  keep(store: Store): Store;
  cleanup(): Promise<void>;
}

export function storeFiles(): StoreFiles {
  const dirs: string[] = [];
  const stores: Store[] = [];
  return {
    file(name = 'project.groundwork') {
      const dir = tempDir('groundwork-store-');
      dirs.push(dir);
      return path.join(dir, name);
    },
    keep(store) {
      stores.push(store);
      return store;
    },
    async cleanup() {
      for (const store of stores.splice(0).reverse()) await store.close();
      for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const sha256 = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

/** A source row and its text, as an import leaves them (without the record an import also makes). */
export async function addSource(db: WritableDB, name: string, text: string, format = 'txt'): Promise<DocumentId> {
  const sha = sha256(text);
  await keepText(db, sha, text);
  const row = await db.get<{ id: number }>(
    `INSERT INTO document (name, format, original_name, sha256, length, dir, imported_at) VALUES (?, ?, ?, ?, ?, 'ltr', ?) RETURNING id`,
    name,
    format,
    `${name}.${format}`,
    sha,
    text.length,
    new Date().toISOString(),
  );
  return documentId(Number(row!.id));
}

/** Deletes a source row (its text stays, as after a deletion: undo brings it back). */
export async function removeSource(db: WritableDB, id: DocumentId): Promise<void> {
  await db.run('DELETE FROM document WHERE id = ?', id);
}

export const count = async (db: ReadableDB, table: string) => Number((await db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n);

export const labels = async (db: ReadableDB) => (await db.all<{ label: string }>('SELECT label FROM concept ORDER BY label')).map((r) => r.label);

/** The size of a project on disk: the file and its write-ahead log. */
export function bytesOnDisk(file: string): number {
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
  return size(file) + size(`${file}-wal`);
}
