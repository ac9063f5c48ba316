// Handlers for sources: list, read, import, rename, delete.

import { requireFound } from '../../../db/command-log';
import { deleteDocument, getDocument, getDocumentText, listDocuments, renameDocument } from '../../../db/documents';
import { getDirections, getPages, pageAt } from '../../../db/document-layout';
import { GroundworkError } from '../../../shared/api/errors';
import { type Backend, requireStore } from '../backend';
import { batchSignal, cancelBatch } from '../import/cancel';
import { importSources } from '../import/index';
import type { HandlerGroup } from './types';
import { short } from './types';
import { fileProblem, say } from '../../../shared/domain/message';

/** The bytes of a file sent before as an upload (its token is spent). */
function uploaded(backend: Backend, name: string, token: string): Buffer {
  const bytes = backend.uploads.take(token);
  if (!bytes) throw new GroundworkError('not-found', fileProblem(name, say('the file sent for import is no longer waiting (files wait ten minutes); send it again.')));
  return bytes;
}

export const documentHandlers = {
  'document.list': (_input, backend) => requireStore(backend).read(listDocuments),
  'document.get': ({ id }, backend) =>
    requireStore(backend).read(async (db) => {
      const document = requireFound(await getDocument(db, id), 'That source');
      return { document, text: (await getDocumentText(db, id))!, pages: await getPages(db, id), directions: await getDirections(db, id) };
    }),
  'document.import': ({ files, batch }, backend) =>
    importSources(
      requireStore(backend),
      // An upload no longer waiting fails its own file only (read when the file's turn comes).
      files.map((f) => ('upload' in f ? { name: f.name, read: () => uploaded(backend, f.name, f.upload) } : { name: f.name, bytes: Buffer.from(f.dataBase64, 'base64') })),
      batch ? { batch, signal: batchSignal(batch) } : {},
    ),
  'document.cancelImport': ({ batch }) => {
    cancelBatch(batch);
    return null;
  },
  'document.rename': ({ id, name }, backend) =>
    requireStore(backend).write({ kind: 'document.rename', label: say('Rename a source') }, async (db, command) => {
      const document = requireFound(await getDocument(db, id), 'That source');
      command.setLabel(say('Rename source “{a}” to “{b}”', { a: short(document.name), b: short(name) }));
      await renameDocument(db, id, name);
      return (await getDocument(db, id))!;
    }),
  'document.delete': ({ id }, backend) =>
    requireStore(backend).write({ kind: 'document.delete', label: say('Delete a source') }, async (db, command) => {
      const document = requireFound(await getDocument(db, id), 'That source');
      command.setLabel(say('Delete source “{a}”', { a: short(document.name) }));
      return { deletedSegments: await deleteDocument(db, id) };
    }),
  'document.pageAt': ({ id, offset }, backend) =>
    requireStore(backend).read(async (db) => {
      requireFound(await getDocument(db, id), 'That source');
      return (await pageAt(db, id, offset)) ?? null;
    }),
} satisfies HandlerGroup<'document.list' | 'document.get' | 'document.import' | 'document.cancelImport' | 'document.rename' | 'document.delete' | 'document.pageAt'>;
