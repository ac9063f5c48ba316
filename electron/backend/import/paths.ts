// Import from paths on disk (the command line, the example project): each path is read here, and
// a path that cannot be read is reported like any other bad file. A folder is walked (sub-folders
// included, hidden files and folders skipped, symbolic links to folders not followed); files of
// types that are not imported are reported, not read.

import fs from 'node:fs';
import path from 'node:path';
import { badFile, GroundworkError } from '../../../shared/api/errors';
import { english, fileProblem, say, type Message } from '../../../shared/domain/message';
import type { ImportedFile } from '../../../shared/domain/model';
import type { Store } from '../../../db/store';
import { checkSize } from './decode';
import { isBibliographyFile } from '../../../shared/domain/limits';
import { importSources, SOURCE_FORMATS, type ImportOptions, type IncomingFile } from './index';

/** The bytes of a file, checked for size before reading; throws a message naming the file. */
export function readSourceFile(file: string): Uint8Array {
  const name = path.basename(file);
  try {
    const stat = fs.statSync(file);
    checkSize(name, stat.size);
    return fs.readFileSync(file);
  } catch (error) {
    if (error instanceof GroundworkError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? say('no such file.')
        : code === 'EACCES' || code === 'EPERM'
          ? say('permission denied: the file cannot be read.')
          : say('cannot be read ({reason}).', { reason: (error as Error).message });
    throw badFile(name, reason);
  }
}

/** A line of the report for something not read: its English and its structured form. */
const failedLine = (name: string, reason: Message): ImportedFile => {
  const said = fileProblem(name, reason);
  return { name, status: 'failed', message: english(said), said };
};

/** The files of a folder, in name order, hidden ones skipped; unreadable folders are reported. */
export function walkFolder(folder: string): { files: string[]; failed: ImportedFile[] } {
  const files: string[] = [];
  const failed: ImportedFile[] = [];
  const visit = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      failed.push(failedLine(path.basename(dir), say('the folder cannot be read ({reason}).', { reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message })));
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name, 'en'));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isFile() || entry.isSymbolicLink()) {
        if (entry.isSymbolicLink() && fs.statSync(full, { throwIfNoEntry: false })?.isDirectory()) continue;
        files.push(full);
      }
    }
  };
  visit(folder);
  return { files, failed };
}

const importable = (file: string) => !!SOURCE_FORMATS[path.extname(file).toLowerCase()] || isBibliographyFile(file);

type Read = { file: IncomingFile } | { failed: ImportedFile };

export async function importFromPaths(project: Store, paths: string[], options: ImportOptions = {}): Promise<ImportedFile[]> {
  // Folders are expanded in place; a file named directly is always tried (and gets its reason).
  const expanded: (string | ImportedFile)[] = [];
  for (const p of paths) {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      const { files, failed } = walkFolder(p);
      expanded.push(...failed);
      if (files.length === 0 && failed.length === 0) {
        const name = path.basename(p);
        expanded.push(failedLine(name, say('the folder holds no files to import.')));
      }
      for (const file of files) {
        if (importable(file)) expanded.push(file);
        else {
          const name = path.basename(file);
          const ext = path.extname(name).toLowerCase();
          expanded.push(failedLine(name, ext ? say('skipped, "{ext}" files are not imported.', { ext }) : say('skipped, files without an extension are not imported.')));
        }
      }
    } else {
      expanded.push(p);
    }
  }
  // Each file is read when its turn comes, inside the importer, so a read error is that file's.
  const read = expanded.map((file): Read =>
    typeof file === 'string' ? { file: { name: file, read: () => readSourceFile(file) } } : { failed: file },
  );
  const files = read.flatMap((r) => ('file' in r ? [r.file] : []));
  const imported = files.length > 0 ? await importSources(project, files, options) : [];
  let next = 0;
  return read.map((r) => ('failed' in r ? r.failed : imported[next++]!));
}
