// A PDF becomes its text in reading order, with the offset where each page starts.
//
// pdfjs-dist gives positioned text items, in drawing order, with right-to-left text in visual
// order and in Arabic presentation forms. Per page: items are grouped into lines by baseline; a
// two-column page is split at its gutter and read column by column (the right column first on a
// right-to-left page); each line is put back in logical order by the bidi levels of its items
// (right-to-left runs reversed, Latin words and numbers kept left to right inside them) and
// NFKC-normalised (presentation forms to letters); lines are joined into paragraphs by their
// spacing, and a Latin word hyphenated at a line end is joined again. ZWNJ cannot be recovered.

import { GroundworkError } from '../../../shared/api/errors';
import type { DocumentPage } from '../../../shared/domain/model';
import { canonicalizeText } from '../../../shared/domain/text';
import { checkSize, stripControls } from './decode';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsModule: Promise<PdfJs> | undefined;
// The legacy build is the one meant for Node; loaded on first use, so startup does not pay for it.
const loadPdfJs = () => (pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

export interface PdfText {
  text: string;
  pages: DocumentPage[];
}

interface Item {
  s: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

interface Line {
  items: Item[];
  y: number;
  size: number;
  x0: number;
  x1: number;
}

const RTL_LETTER = /[\u0590-\u05FF\u0600-\u065F\u066A-\u06EF\u06FA-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const LTR_STRONG = /[A-Za-z0-9\u00C0-\u024F\u0370-\u04FF\u0660-\u0669\u06F0-\u06F9]/;
const RTL_LETTERS = new RegExp(RTL_LETTER.source, 'g');
const LATIN_LETTERS = /[A-Za-z\u00C0-\u024F\u0370-\u04FF]/g;

const bad = (name: string, reason: string) => new GroundworkError('bad-file', `${name}: ${reason}`);

function lineDirection(text: string): 'ltr' | 'rtl' {
  const rtl = text.match(RTL_LETTERS)?.length ?? 0;
  const ltr = text.match(LATIN_LETTERS)?.length ?? 0;
  return rtl > 0 && rtl >= ltr ? 'rtl' : 'ltr';
}

/** Groups items into lines by baseline, each line's items sorted left to right. */
function groupLines(items: Item[]): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const lines: Line[] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - item.y) <= 0.4 * Math.max(line.size, item.size)) {
      line.items.push(item);
      line.size = Math.max(line.size, item.size);
      line.x0 = Math.min(line.x0, item.x0);
      line.x1 = Math.max(line.x1, item.x1);
    } else {
      lines.push({ items: [item], y: item.y, size: item.size, x0: item.x0, x1: item.x1 });
    }
  }
  for (const line of lines) line.items.sort((a, b) => a.x0 - b.x0);
  return lines;
}

/** Whether a line's text runs across x (inside an item, or across a word gap, not a column gap). */
function crosses(line: Line, x: number): boolean {
  const { items } = line;
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i]!;
    if (x >= item.x0 && x <= item.x1) return true;
    const next = items[i + 1];
    if (next && x > item.x1 && x < next.x0 && next.x0 - item.x1 < 1.5 * line.size) return true;
  }
  return false;
}

/** The x of a column gutter, if the page is set in two columns. */
function findGutter(lines: Line[], width: number): number | undefined {
  if (lines.length < 6) return undefined;
  let best: { x: number; run: number; cover: number } | undefined;
  let runStart = -1;
  let runCover = Infinity;
  const from = Math.floor(width * 0.3);
  const to = Math.ceil(width * 0.7);
  const covers: number[] = [];
  for (let x = from; x <= to; x += 1) covers.push(lines.filter((l) => crosses(l, x)).length);
  const min = Math.min(...covers);
  if (min > lines.length * 0.2) return undefined;
  for (let i = 0; i <= covers.length; i += 1) {
    if (i < covers.length && covers[i] === min) {
      if (runStart < 0) (runStart = i), (runCover = min);
      continue;
    }
    if (runStart >= 0) {
      const run = i - runStart;
      if (!best || run > best.run) best = { x: from + runStart + run / 2, run, cover: runCover };
      runStart = -1;
    }
  }
  if (!best) return undefined;
  const x = best.x;
  const left = lines.filter((l) => !crosses(l, x) && l.items.some((it) => it.x1 < x)).length;
  const right = lines.filter((l) => !crosses(l, x) && l.items.some((it) => it.x0 > x)).length;
  return left >= 3 && right >= 3 ? x : undefined;
}

const subLine = (items: Item[], y: number): Line => ({
  items,
  y,
  size: Math.max(...items.map((i) => i.size)),
  x0: Math.min(...items.map((i) => i.x0)),
  x1: Math.max(...items.map((i) => i.x1)),
});

/** The page's lines in reading order, each marked with the column block it belongs to. */
function readingOrder(lines: Line[], width: number, pageDir: 'ltr' | 'rtl'): { line: Line; block: number }[] {
  const gutter = findGutter(lines, width);
  if (gutter === undefined) return lines.map((line) => ({ line, block: 0 }));
  const out: { line: Line; block: number }[] = [];
  let block = 0;
  let left: Line[] = [];
  let right: Line[] = [];
  const flush = () => {
    const [first, second] = pageDir === 'rtl' ? [right, left] : [left, right];
    if (first.length) block += 1;
    for (const line of first) out.push({ line, block });
    if (second.length) block += 1;
    for (const line of second) out.push({ line, block });
    left = [];
    right = [];
  };
  for (const line of lines) {
    if (crosses(line, gutter)) {
      flush();
      block += 1;
      out.push({ line, block });
      continue;
    }
    const l = line.items.filter((i) => i.x1 <= gutter);
    const r = line.items.filter((i) => i.x1 > gutter);
    if (l.length) left.push(subLine(l, line.y));
    if (r.length) right.push(subLine(r, line.y));
  }
  flush();
  return out;
}

/**
 * One line's text in logical order. Items come sorted by x (visual order); each item's own string
 * is already logical. Levels as in the Unicode bidi algorithm, reduced to what a PDF line needs:
 * the line's base direction, right-to-left items at an odd level, Latin words and numbers at an
 * even one; neutrals (spaces, punctuation) take their neighbours' level when both agree.
 */
export function logicalLine(
  items: readonly { s: string; x0: number; x1: number; size: number }[],
  /** The line's direction when its layout tells it (flush right or left); else its letters decide. */
  baseHint?: 'ltr' | 'rtl',
): string {
  const tokens: string[] = [];
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i]!;
    const previous = items[i - 1];
    if (previous && tokens.length) {
      const gap = item.x0 - previous.x1;
      const last = tokens[tokens.length - 1]!;
      if (gap > 0.18 * item.size && !/\s$/.test(last) && !/^\s/.test(item.s)) tokens.push(' ');
    }
    if (item.s) tokens.push(item.s);
  }
  const base = baseHint ?? lineDirection(tokens.join(''));
  const kind = tokens.map((t) => (RTL_LETTER.test(t) ? 'r' : LTR_STRONG.test(t) ? 'l' : 'n'));
  const baseLevel = base === 'rtl' ? 1 : 0;
  const strongLevel = (k: string) => (k === 'r' ? (base === 'rtl' ? 1 : 1) : base === 'rtl' ? 2 : 0);
  const levels = kind.map((k, i) => {
    if (k !== 'n') return strongLevel(k);
    let before = '';
    for (let j = i - 1; j >= 0 && !before; j -= 1) if (kind[j] !== 'n') before = kind[j]!;
    let after = '';
    for (let j = i + 1; j < kind.length && !after; j += 1) if (kind[j] !== 'n') after = kind[j]!;
    return before && before === after ? strongLevel(before) : baseLevel;
  });
  // Visual to logical: undo the reversals of the bidi algorithm, lowest odd level first.
  const order = tokens.map((_, i) => i);
  const maxLevel = Math.max(...levels, 0);
  for (let level = 1; level <= maxLevel; level += 1) {
    let i = 0;
    while (i < order.length) {
      if (levels[order[i]!]! < level) {
        i += 1;
        continue;
      }
      let j = i;
      while (j < order.length && levels[order[j]!]! >= level) j += 1;
      const run = order.slice(i, j).reverse();
      order.splice(i, j - i, ...run);
      i = j;
    }
  }
  return order.map((i) => tokens[i]).join('').replace(/\s+/g, ' ').trim().normalize('NFKC');
}

const SENTENCE_END = /[.!?:;؟؛۔»"”)]$/;

/** Whether a line mixes right-to-left and Latin letters (its direction is then not obvious). */
const MIXED = (text: string) => RTL_LETTER.test(text) && /[A-Za-z\u00C0-\u024F]/.test(text);

/**
 * A mixed line's direction from its alignment within its column: flush right and short of the
 * left edge reads right to left (an RTL paragraph's last line, or a right-aligned one), flush left
 * and short of the right edge reads left to right. Full lines (justified) get no hint.
 */
function alignmentHints<T extends { line: Line; block: number }>(ordered: T[]): (T & { hint?: 'ltr' | 'rtl' })[] {
  const edges = new Map<number, { x0: number; x1: number }>();
  for (const { line, block } of ordered) {
    const edge = edges.get(block);
    edges.set(block, { x0: Math.min(edge?.x0 ?? Infinity, line.x0), x1: Math.max(edge?.x1 ?? -Infinity, line.x1) });
  }
  return ordered.map((o) => {
    const text = o.line.items.map((i) => i.s).join('');
    if (!MIXED(text)) return o;
    const edge = edges.get(o.block)!;
    const left = o.line.x0 - edge.x0;
    const right = edge.x1 - o.line.x1;
    const near = 0.5 * o.line.size;
    const far = 2 * o.line.size;
    if (right < near && left > far) return { ...o, hint: 'rtl' as const };
    if (left < near && right > far) return { ...o, hint: 'ltr' as const };
    return o;
  });
}

/** Marks a line-end hyphen between two Latin word parts; resolved once the whole text is known. */
export const HYPHEN_MARK = '\uE000';

/** Joins a page's lines into paragraphs by their spacing; hyphenated Latin words are joined. */
function paragraphs(ordered: { line: Line; block: number; text: string; dir: 'ltr' | 'rtl'; sure: boolean }[]): string[] {
  // Line spacing as a multiple of the font size, so a title's wider lines are not paragraph gaps.
  const ratios: number[] = [];
  const blockEdges = new Map<number, { x0: number; x1: number }>();
  for (let i = 0; i < ordered.length; i += 1) {
    const { line, block } = ordered[i]!;
    const edge = blockEdges.get(block);
    blockEdges.set(block, { x0: Math.min(edge?.x0 ?? Infinity, line.x0), x1: Math.max(edge?.x1 ?? -Infinity, line.x1) });
    const a = ordered[i - 1];
    if (a && a.block === block && a.line.y - line.y > 0) ratios.push((a.line.y - line.y) / Math.max(a.line.size, line.size));
  }
  ratios.sort((a, b) => a - b);
  const lineRatio = ratios.length ? ratios[Math.floor(ratios.length / 4)]! : Infinity;
  /** A line that stops well short of its column's far edge: the last line of a paragraph. */
  const short = (o: (typeof ordered)[number]) => {
    const edge = blockEdges.get(o.block)!;
    return o.dir === 'rtl' ? o.line.x0 - edge.x0 > 2 * o.line.size : edge.x1 - o.line.x1 > 2 * o.line.size;
  };
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < ordered.length; i += 1) {
    const { line, block, text } = ordered[i]!;
    if (!text) continue;
    const previous = ordered[i - 1];
    let newParagraph = !current;
    if (previous && current) {
      const size = Math.max(line.size, previous.line.size);
      const ratio = (previous.line.y - line.y) / size;
      if (Math.abs(line.size - previous.line.size) > 0.15 * size) newParagraph = true;
      // A paragraph keeps one direction: a sure change of direction starts a new one.
      else if (ordered[i]!.sure && previous.sure && ordered[i]!.dir !== previous.dir) newParagraph = true;
      else if (block !== previous.block) newParagraph = short(previous);
      else if (ratio > lineRatio * 1.3 || (ratio > 1.9 && ratio > lineRatio * 1.15)) newParagraph = true;
      else if (short(previous) && SENTENCE_END.test(current)) newParagraph = true;
    }
    if (newParagraph) {
      if (current) out.push(current);
      current = text;
    } else {
      current = joinLines(current, text);
    }
  }
  if (current) out.push(current);
  return out;
}

/** Joins two lines of one paragraph: a discretionary hyphen goes, a Latin line-end hyphen is marked. */
function joinLines(current: string, next: string): string {
  if (/[\p{L}][\u00AD\u2010]$/u.test(current) && /^\p{Ll}/u.test(next)) return current.slice(0, -1) + next;
  if (/[A-Za-z\u00C0-\u024F]-$/.test(current) && /^[a-z\u00DF-\u00FF]/.test(next)) return current.slice(0, -1) + HYPHEN_MARK + next;
  return `${current} ${next}`;
}

const lineKey = (line: Line) =>
  logicalLine(line.items)
    .replace(/[0-9\u0660-\u0669\u06F0-\u06F9]+/g, '#')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

const PAGE_NUMBER = /^[-–—\s]*(page |p\. ?|ص\. ?|صفحه )?#( ?(of|\/|از) ?#)?[-–—\s]*$/;

/**
 * Removes running heads and feet: a line among the two top or two bottom lines of a page whose
 * text (digits aside) recurs at that edge on at least half of the pages, and a bare page number
 * at either edge. Only for documents of two pages or more.
 */
function dropRunningHeads(pages: Line[][]): void {
  const withText = pages.filter((lines) => lines.length > 0);
  if (withText.length < 2) return;
  const edges = (lines: Line[]) => ({ top: lines.slice(0, 2), bottom: lines.slice(-2) });
  const count = { top: new Map<string, number>(), bottom: new Map<string, number>() };
  for (const lines of withText) {
    for (const edge of ['top', 'bottom'] as const) {
      for (const key of new Set(edges(lines)[edge].map(lineKey))) count[edge].set(key, (count[edge].get(key) ?? 0) + 1);
    }
  }
  const needed = Math.max(2, Math.ceil(withText.length / 2));
  for (const lines of pages) {
    if (lines.length < 3) continue;
    const { top, bottom } = edges(lines);
    const drop = new Set<Line>();
    for (const [edge, candidates] of [['top', top], ['bottom', bottom]] as const) {
      for (const line of candidates) {
        const key = lineKey(line);
        if (PAGE_NUMBER.test(key) || (count[edge].get(key) ?? 0) >= needed) drop.add(line);
      }
    }
    for (let i = lines.length - 1; i >= 0; i -= 1) if (drop.has(lines[i]!)) lines.splice(i, 1);
  }
}

function pdfError(name: string, error: unknown): GroundworkError {
  const e = error as { name?: string; code?: number; message?: string };
  if (e?.name === 'PasswordException') {
    return bad(name, 'the PDF is password-protected. Remove the password (or print it to a new PDF) and import it again.');
  }
  if (e?.name === 'InvalidPDFException' || e?.name === 'FormatError' || e?.name === 'UnknownErrorException') {
    return bad(name, `the PDF is damaged and cannot be read (${e.message ?? 'invalid PDF structure'}).`);
  }
  return bad(name, `the PDF cannot be read (${e?.message ?? String(error)}).`);
}

/**
 * A word split by a hyphen at a line end ("commit-" / "ment") is joined; a compound ("long-" /
 * "term") keeps its hyphen when the text spells it with a hyphen elsewhere. Each page's start
 * moves with the text.
 */
function resolveHyphensInPages(chunks: string[], pages: DocumentPage[]): string {
  const whole = chunks.join('');
  if (!whole.includes(HYPHEN_MARK)) return canonicalizeText(whole);
  const lower = whole.toLowerCase();
  const starts = new Set(pages.map((p) => p.start));
  let out = '';
  const moved = new Map<number, number>();
  for (let i = 0; i <= whole.length; i += 1) {
    if (starts.has(i)) moved.set(i, out.length);
    if (i === whole.length) break;
    const c = whole[i]!;
    if (c !== HYPHEN_MARK) {
      out += c;
      continue;
    }
    const before = /[\p{L}]+$/u.exec(whole.slice(Math.max(0, i - 60), i))?.[0] ?? '';
    const after = /^[\p{L}]+/u.exec(whole.slice(i + 1, i + 61))?.[0] ?? '';
    if (before && after && lower.includes(`${before}-${after}`.toLowerCase())) out += '-';
  }
  for (const page of pages) page.start = moved.get(page.start) ?? page.start;
  return canonicalizeText(out);
}

export async function pdfToText(name: string, bytes: Uint8Array, signal?: AbortSignal): Promise<PdfText> {
  checkSize(name, bytes.length);
  if (!Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-')) {
    throw bad(name, 'this is not a PDF file (it does not start with "%PDF-").');
  }
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
    const labels = await doc.getPageLabels().catch(() => null);
    const pages: DocumentPage[] = [];
    const chunks: string[] = [];
    let offset = 0;
    let failedPages = 0;
    // First pass: each page's lines (pages that cannot be read are counted, and left empty).
    const read: ({ lines: Line[]; width: number; pageDir: 'ltr' | 'rtl' } | null)[] = [];
    for (let index = 1; index <= doc.numPages; index += 1) {
      if (signal?.aborted) throw bad(name, 'import cancelled.');
      try {
        const page = await doc.getPage(index);
        const viewport = page.getViewport({ scale: 1 });
        const content = await page.getTextContent();
        const items: Item[] = [];
        for (const raw of content.items) {
          if (!('str' in raw) || !raw.str) continue;
          const [a, b, , d, e, f] = raw.transform as number[];
          const size = Math.hypot(a!, b!) || Math.abs(d!) || raw.height || 1;
          items.push({ s: stripControls(raw.str), x0: e!, x1: e! + raw.width, y: f!, size });
        }
        page.cleanup();
        const lines = groupLines(items.filter((i) => i.s.trim() || i.s === ' '));
        read.push({ lines, width: viewport.width, pageDir: lineDirection(items.map((i) => i.s).join('')) });
      } catch {
        failedPages += 1;
        read.push(null);
      }
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
          const runsOn = !SENTENCE_END.test(last) && (/^\p{Ll}/u.test(pageText) || (RTL_LETTER.test(pageText[0]!) && lineDirection(last) === 'rtl'));
          chunks.push(runsOn ? ' ' : '\n');
          offset += 1;
          pages[pages.length - 1]!.start = offset;
        }
        chunks.push(pageText);
        offset += pageText.length;
      }
    }
    // Resolving hyphens shortens the text: page starts are kept by resolving page by page.
    const resolved = resolveHyphensInPages(chunks, pages);
    const text = resolved;
    if (failedPages === doc.numPages) throw bad(name, 'the PDF is damaged: none of its pages can be read.');
    if (!text.trim()) {
      throw bad(name, 'the PDF has no text layer (scanned?). Run text recognition (OCR) on it first, then import the result.');
    }
    return { text, pages };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
