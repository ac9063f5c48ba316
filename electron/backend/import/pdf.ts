// A PDF becomes its text in reading order, with the offset where each page starts.
//
// pdfjs-dist gives positioned text items, in drawing order, with right-to-left text in visual
// order and in Arabic presentation forms. Per page: items are grouped into lines by baseline; a
// two-column page is split at its gutter and read column by column (the right column first on a
// right-to-left page); each line is put back in logical order by the bidi levels of its items
// (right-to-left runs reversed, Latin words and numbers kept left to right inside them) and
// NFKC-normalised (presentation forms to letters); lines are joined into paragraphs by their
// spacing, and a Latin word hyphenated at a line end is joined again. ZWNJ cannot be recovered.
//
// The parts: pdf-streams.ts (what compressed streams unpack to, checked before pdfjs), pdf-layout.ts
// (lines, columns, reading order, running heads), pdf-bidi.ts (a line in logical order),
// pdf-paragraphs.ts (paragraphs and hyphens); this file reads the PDF with pdfjs, within
// MAX_PDF_PAGES pages and MAX_SOURCE_CHARS characters.

import { badFile as bad, type GroundworkError } from '../../../shared/api/errors';
import { MAX_PDF_PAGES, MAX_SOURCE_CHARS } from '../../../shared/domain/limits';
import { say } from '../../../shared/domain/message';
import type { DocumentPage } from '../../../shared/domain/model';
import { checkSize, stripControls } from './decode';
import { checkPdfStreams } from './pdf-streams';
import { lineDirection, logicalLine, MIXED, RTL_LETTER } from './pdf-bidi';
import { alignmentHints, dropRunningHeads, groupLines, readingOrder, type Item, type Line } from './pdf-layout';
import { endsSentence, paragraphs, resolveHyphensInPages } from './pdf-paragraphs';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsModule: Promise<PdfJs> | undefined;
// The legacy build is the one meant for Node; loaded on first use, so startup does not pay for it.
const loadPdfJs = () => (pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

export interface PdfText {
  text: string;
  pages: DocumentPage[];
}


function pdfError(name: string, error: unknown): GroundworkError {
  const e = error as { name?: string; code?: number; message?: string };
  if (e?.name === 'PasswordException') {
    return bad(name, say('the PDF is password-protected. Remove the password (or print it to a new PDF) and import it again.'));
  }
  if (e?.name === 'InvalidPDFException' || e?.name === 'FormatError' || e?.name === 'UnknownErrorException') {
    return bad(name, say('the PDF is damaged and cannot be read ({reason}).', { reason: e.message ?? 'invalid PDF structure' }));
  }
  return bad(name, say('the PDF cannot be read ({reason}).', { reason: e?.message ?? String(error) }));
}

export async function pdfToText(name: string, bytes: Uint8Array): Promise<PdfText> {
  checkSize(name, bytes.length);
  if (!Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-')) {
    throw bad(name, say('this is not a PDF file (it does not start with "%PDF-").'));
  }
  checkPdfStreams(name, bytes);
  const pdfjs = await loadPdfJs();
  // pdfjs takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw pdfError(name, error);
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) {
      throw bad(name, say('the PDF has {n} pages, more than {max} (MAX_PDF_PAGES): refused. Split it into parts.', { n: doc.numPages, max: MAX_PDF_PAGES }));
    }
    const labels = await doc.getPageLabels().catch(() => null);
    const pages: DocumentPage[] = [];
    const chunks: string[] = [];
    let offset = 0;
    let failedPages = 0;
    let characters = 0;
    // First pass: each page's lines (pages that cannot be read are counted, and left empty).
    const read: ({ lines: Line[]; width: number; pageDir: 'ltr' | 'rtl' } | null)[] = [];
    for (let index = 1; index <= doc.numPages; index += 1) {
      let items: Item[];
      let width: number;
      try {
        const page = await doc.getPage(index);
        const viewport = page.getViewport({ scale: 1 });
        const content = await page.getTextContent();
        items = [];
        for (const raw of content.items) {
          if (!('str' in raw) || !raw.str) continue;
          const [a, b, , d, e, f] = raw.transform as number[];
          const size = Math.hypot(a!, b!) || Math.abs(d!) || raw.height || 1;
          items.push({ s: stripControls(raw.str), x0: e!, x1: e! + raw.width, y: f!, size });
          characters += raw.str.length;
        }
        width = viewport.width;
        page.cleanup();
      } catch {
        failedPages += 1;
        read.push(null);
        continue;
      }
      // Counted as pages are read, so a PDF that repeats its text endlessly stops early.
      if (characters > MAX_SOURCE_CHARS) {
        throw bad(name, say('its text is longer than {max} characters (MAX_SOURCE_CHARS): refused. Split it into parts.', { max: MAX_SOURCE_CHARS }));
      }
      const lines = groupLines(items.filter((i) => i.s.trim() || i.s === ' '));
      read.push({ lines, width, pageDir: lineDirection(items.map((i) => i.s).join('')) });
    }
    dropRunningHeads(read.map((r) => r?.lines ?? []));
    // Second pass: reading order, lines, paragraphs; pages joined, each page's start recorded.
    for (let index = 1; index <= doc.numPages; index += 1) {
      const page = read[index - 1];
      let pageText = '';
      if (page) {
        const ordered = alignmentHints(readingOrder(page.lines, page.width, page.pageDir)).map((o) => {
          const text = logicalLine(o.line.items, o.hint);
          return { ...o, text, dir: o.hint ?? lineDirection(text), sure: !!o.hint || !MIXED(text) };
        });
        pageText = paragraphs(ordered).join('\n').replace(/\u00AD/g, '');
      }
      pages.push({ index, label: labels?.[index - 1]?.trim() || null, start: offset });
      if (pageText) {
        if (offset > 0) {
          // A sentence running on over the page break stays one paragraph: the last page ends
          // without a sentence end and this one goes on in lower case, or in a script without case.
          const last = chunks[chunks.length - 1]!;
          const runsOn = !endsSentence(last) && (/^\p{Ll}/u.test(pageText) || (RTL_LETTER.test(pageText[0]!) && lineDirection(last) === 'rtl'));
          chunks.push(runsOn ? ' ' : '\n');
          offset += 1;
          pages[pages.length - 1]!.start = offset;
        }
        chunks.push(pageText);
        offset += pageText.length;
      }
    }
    // Resolving hyphens shortens the text: page starts are kept by resolving page by page.
    const text = resolveHyphensInPages(chunks, pages);
    if (failedPages === doc.numPages) throw bad(name, say('the PDF is damaged: none of its pages can be read.'));
    if (!text.trim()) {
      throw bad(name, say('the PDF has no text layer (scanned?). Run text recognition (OCR) on it first, then import the result.'));
    }
    return { text, pages };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
