// Import from paths on disk (the command line, the example project): each path is read here, and
// a path that cannot be read is reported like any other bad file.

import fs from 'node:fs';
import path from 'node:path';
import { GroundworkError } from '../../../shared/api/errors';
import type { ImportedFile } from '../../../shared/domain/model';
import type { ProjectDb } from '../../../db/connection';
import { checkSize } from './decode';
import { importSources, type IncomingFile } from './index';

/** The bytes of a file, checked for size before reading; throws a message naming the file. */
export function readSourceFile(file: string): Uint8Array {
  const name = path.basename(file);
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw new GroundworkError('bad-file', `${name}: is a folder; name the files inside it.`);
    checkSize(name, stat.size);
    return fs.readFileSync(file);
  } catch (error) {
    if (error instanceof GroundworkError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file.'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied: the file cannot be read.'
          : `cannot be read (${(error as Error).message}).`;
    throw new GroundworkError('bad-file', `${name}: ${reason}`);
  }
}

type Read = { file: IncomingFile } | { failed: ImportedFile };

export function importFromPaths(project: ProjectDb, paths: string[]): ImportedFile[] {
  const read = paths.map((file): Read => {
    try {
      return { file: { name: file, bytes: readSourceFile(file) } };
    } catch (error) {
      if (!(error instanceof GroundworkError)) throw error;
      return { failed: { name: path.basename(file), status: 'failed', message: error.message } };
    }
  });
  const files = read.flatMap((r) => ('file' in r ? [r.file] : []));
  const imported = files.length > 0 ? importSources(project, files) : [];
  let next = 0;
  return read.map((r) => ('failed' in r ? r.failed : imported[next++]!));
}
