// Handlers for sources: list, read, import, rename, delete.

import { runCommand } from '../../../db/commands';
import { requireFound } from '../../../db/commands';
import { deleteDocument, getDocument, getDocumentText, listDocuments, renameDocument } from '../../../db/documents';
import { requireProject } from '../backend';
import { importSources } from '../import/index';
import { importBibliographyFiles } from '../bibliography/files';
import type { HandlerGroup } from './types';
import { quoted } from './types';

export const documentHandlers = {
  'document.list': (_input, backend) => listDocuments(requireProject(backend).read),
  'document.get': ({ id }, backend) => {
    const { read } = requireProject(backend);
    const document = requireFound(getDocument(read, id), 'That source');
    return { document, text: getDocumentText(read, id)! };
  },
  'document.import': ({ files }, backend) =>
    importBibliographyFiles(
      requireProject(backend),
      files.map((f) => ({ name: f.name, bytes: Buffer.from(f.dataBase64, 'base64') })),
      importSources,
    ),
  'document.rename': ({ id, name }, backend) => {
    const project = requireProject(backend);
    const document = requireFound(getDocument(project.read, id), 'That source');
    runCommand(project, { kind: 'document.rename', label: `Rename source ${quoted(document.name)} to ${quoted(name)}` }, (db) =>
      renameDocument(db, id, name),
    );
    return getDocument(project.read, id)!;
  },
  'document.delete': ({ id }, backend) => {
    const project = requireProject(backend);
    const document = requireFound(getDocument(project.read, id), 'That source');
    const deletedSegments = runCommand(project, { kind: 'document.delete', label: `Delete source ${quoted(document.name)}` }, (db) =>
      deleteDocument(db, id),
    );
    return { deletedSegments };
  },
} satisfies HandlerGroup<'document.list' | 'document.get' | 'document.import' | 'document.rename' | 'document.delete'>;
