// Reading one source file into what the project stores: its canonical text, SHA-256, direction,
// page map and paragraph directions, or a clear reason why not. Runs in the import worker (see
// worker-pool.ts): pure, no project; each format's module loads its library on first use.

import crypto from 'node:crypto';
import path from 'node:path';
import { badFile, GroundworkError } from '../../../shared/api/errors';
import { MAX_LABEL_LENGTH, MAX_SOURCE_CHARS } from '../../../shared/domain/limits';
import { fileProblem, say } from '../../../shared/domain/message';
import type { DocumentPage, ParagraphDirection, SourceFormat } from '../../../shared/domain/model';
import { canonicalizeText, dominantDirection } from '../../../shared/domain/text';
import { decodeText, stripControls } from './decode';

export interface PreparedSource {
  name: string;
  originalName: string;
  format: SourceFormat;
  text: string;
  sha256: string;
  dir: 'ltr' | 'rtl';
  pages: DocumentPage[];
  directions: ParagraphDirection[];
}

export const SOURCE_FORMATS: Record<string, SourceFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
};

export const sha256 = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');


/** The format of a file by its extension; throws a message naming the file when it is not imported. */
export function sourceFormat(originalName: string): SourceFormat {
  const extension = path.extname(originalName).toLowerCase();
  const format = SOURCE_FORMATS[extension];
  if (!format) {
    throw badFile(
      originalName,
      extension
        ? say('"{extension}" files are not imported. Import PDF (.pdf), Word (.docx), saved web pages (.html), plain text (.txt, .md) or bibliographies (.ris, .bib, .csv).', { extension })
        : say('files without an extension are not imported. Import PDF (.pdf), Word (.docx), saved web pages (.html), plain text (.txt, .md) or bibliographies (.ris, .bib, .csv).'),
    );
  }
  return format;
}

/** A title as a source name: one line, no control characters, no longer than a label. */
function nameFromTitle(title: string): string {
  const clean = stripControls(title).replace(/\s+/g, ' ').trim();
  return clean.length > MAX_LABEL_LENGTH ? `${clean.slice(0, MAX_LABEL_LENGTH - 1).trimEnd()}…` : clean;
}

export function checkLength(name: string, length: number): void {
  if (length > MAX_SOURCE_CHARS) {
    throw badFile(name, say('its text is longer than {max} characters (MAX_SOURCE_CHARS): not imported. Split it into parts.', { max: MAX_SOURCE_CHARS }));
  }
}

/** Reads and checks one file; throws a GroundworkError naming the file on any problem. */
export async function parseSource(originalName: string, bytes: Uint8Array): Promise<PreparedSource> {
  const format = sourceFormat(originalName);
  let raw: string;
  let title = '';
  let pageTitle = '';
  let pages: DocumentPage[] = [];
  let directions: ParagraphDirection[] = [];
  let dir: 'ltr' | 'rtl' | undefined;
  if (format === 'html') {
    const { htmlToText } = await import('./html');
    ({ text: raw, title, pageTitle } = await htmlToText(originalName, bytes));
  } else if (format === 'pdf') {
    const { pdfToText } = await import('./pdf');
    ({ text: raw, pages } = await pdfToText(originalName, bytes));
  } else if (format === 'docx') {
    const { docxToText } = await import('./docx');
    ({ text: raw, directions, dir } = await docxToText(originalName, bytes));
  } else {
    raw = decodeText(originalName, bytes);
  }
  checkLength(originalName, raw.length);
  let text = canonicalizeText(stripControls(raw));
  if ((format === 'pdf' || format === 'docx') && text !== raw) {
    // Page starts and paragraph numbers are positions in raw: it must already be canonical.
    throw new GroundworkError('internal', fileProblem(originalName, say('the text read from the file is not canonical.')));
  }
  if (title && !text.startsWith(title)) text = `${title}\n${text}`;
  if (!text.trim()) throw badFile(originalName, say('the file holds no text (only spaces or line breaks).'));
  checkLength(originalName, text.length);
  const stem = path.basename(originalName, path.extname(originalName)).trim() || originalName;
  return {
    // A web page is named by its <title> when it has one, as a browser's tab and bookmarks name it.
    name: (pageTitle && nameFromTitle(pageTitle)) || stem,
    originalName,
    format,
    text,
    sha256: sha256(text),
    dir: dir ?? dominantDirection(text),
    pages,
    directions,
  };
}
