// The import path by extension: among files chosen for import, bibliographies (.ris, .bib, .csv)
// go to importBibliography (one undo step each), the rest to the source importer; the results
// come back in the order the files were given.

import path from 'node:path';
import { isGroundworkError } from '../../../shared/api/errors';
import type { ImportedFile } from '../../../shared/domain/model';
import type { ProjectDb } from '../../../db/connection';
import { importBibliography, isBibliographyFile, summarize } from './index';

interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

export function importBibliographyFiles(
  project: ProjectDb,
  files: IncomingFile[],
  importSources: (project: ProjectDb, files: IncomingFile[]) => ImportedFile[],
): ImportedFile[] {
  const sources = files.filter((f) => !isBibliographyFile(f.name));
  const imported = sources.length > 0 ? importSources(project, sources) : [];
  let next = 0;
  return files.map((file): ImportedFile => {
    if (!isBibliographyFile(file.name)) return imported[next++]!;
    const name = path.basename(file.name);
    try {
      const result = importBibliography(project, file.name, file.bytes);
      return { name, status: result.imported > 0 ? 'imported' : 'failed', message: summarize(result) };
    } catch (error) {
      if (!isGroundworkError(error)) throw error;
      return { name, status: 'failed', message: error.message };
    }
  });
}
