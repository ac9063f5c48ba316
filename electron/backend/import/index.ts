// Import of sources: each file is read and checked on its own (a bad file gets its own message),
// then every good one is written in a single command, so an import is one undo step and a
// failure part-way writes nothing.

import crypto from 'node:crypto';
import path from 'node:path';
import { GroundworkError, isGroundworkError } from '../../../shared/api/errors';
import type { ImportedFile, SourceFormat } from '../../../shared/domain/model';
import { canonicalizeText, dominantDirection } from '../../../shared/domain/text';
import { runCommand } from '../../../db/commands';
import type { ProjectDb } from '../../../db/connection';
import { documentNames, findDocumentBySha, getDocument, insertDocument } from '../../../db/documents';
import { decodeText, stripControls } from './decode';
import { htmlToText } from './html';

export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

export interface PreparedSource {
  name: string;
  originalName: string;
  format: SourceFormat;
  text: string;
  sha256: string;
  dir: 'ltr' | 'rtl';
}

const FORMATS: Record<string, SourceFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
};

export const sha256 = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

/** Reads and checks one file; throws a GroundworkError naming the file on any problem. */
export function prepareSource(file: IncomingFile): PreparedSource {
  const originalName = path.basename(file.name);
  const extension = path.extname(originalName).toLowerCase();
  const format = FORMATS[extension];
  if (!format) {
    throw new GroundworkError(
      'bad-file',
      `${originalName}: ${extension ? `"${extension}" files are` : 'files without an extension are'} not imported yet. ` +
        'Import plain text (.txt, .md) or saved web pages (.html).',
    );
  }
  let raw: string;
  let title = '';
  if (format === 'html') {
    ({ text: raw, title } = htmlToText(originalName, file.bytes));
  } else {
    raw = decodeText(originalName, file.bytes);
  }
  let text = canonicalizeText(stripControls(raw));
  if (title && !text.startsWith(title)) text = `${title}\n${text}`;
  if (!text.trim()) throw new GroundworkError('bad-file', `${originalName}: the file holds no text (only spaces or line breaks).`);
  const stem = path.basename(originalName, path.extname(originalName)).trim() || originalName;
  return { name: stem, originalName, format, text, sha256: sha256(text), dir: dominantDirection(text) };
}

const uniqueName = (wanted: string, taken: Set<string>) => {
  let name = wanted;
  for (let n = 2; taken.has(name); n += 1) name = `${wanted} (${n})`;
  taken.add(name);
  return name;
};

export function importSources(project: ProjectDb, files: IncomingFile[]): ImportedFile[] {
  const results: ImportedFile[] = [];
  const accepted: { index: number; source: PreparedSource }[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const name = path.basename(file.name);
    try {
      const source = prepareSource(file);
      const existing = findDocumentBySha(project.read, source.sha256);
      const twin = seen.get(source.sha256);
      if (existing || twin) {
        results.push({
          name,
          status: 'duplicate',
          message: `${name}: not imported, its text is the same as "${existing?.name ?? twin}" already in the project.`,
        });
        continue;
      }
      seen.set(source.sha256, source.name);
      accepted.push({ index: results.length, source });
      results.push({ name, status: 'imported', message: '' });
    } catch (error) {
      if (!isGroundworkError(error)) throw error;
      results.push({ name, status: 'failed', message: error.message });
    }
  }
  if (accepted.length === 0) return results;
  const label = accepted.length === 1 ? `Import "${accepted[0]!.source.name}"` : `Import ${accepted.length} sources`;
  runCommand(project, { kind: 'document.import', label }, (db) => {
    const taken = documentNames(db);
    for (const { index, source } of accepted) {
      const id = insertDocument(db, { ...source, name: uniqueName(source.name, taken) });
      const document = getDocument(db, id)!;
      results[index] = {
        name: results[index]!.name,
        status: 'imported',
        message: `${results[index]!.name}: imported as "${document.name}" (${document.length.toLocaleString('en')} characters).`,
        document,
      };
    }
  });
  return results;
}
