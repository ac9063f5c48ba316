// Canonical text: every source is stored as one plain text (NFC, LF line ends, no BOM).
// Segment positions are offsets into it in UTF-16 code units (JavaScript string indices).

export type Direction = 'ltr' | 'rtl';

export interface Paragraph {
  /** 0-based line number in the canonical text. */
  index: number;
  /** Offset of the first character (UTF-16 code units). */
  start: number;
  /** Offset just past the last character, before the line feed. */
  end: number;
  dir: Direction;
}

/** NFC, LF line ends, no BOM. Nothing else is changed: the researcher's text stays theirs. */
export function canonicalizeText(raw: string): string {
  let text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  text = text.replace(/\r\n?/g, '\n').replace(/[\u2028\u2029]/g, '\n');
  return text.normalize('NFC');
}

// Strong right-to-left letters: Hebrew, Arabic (incl. Persian, Urdu), Syriac, Thaana, NKo,
// and the Arabic presentation forms.
const RTL_LETTER = /[\u0590-\u05FF\u0600-\u06FF\u0700-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/gu;
const LTR_LETTER = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/gu;
const ARABIC_DIGITS_AND_MARKS = /[\u0660-\u0669\u06F0-\u06F9\u064B-\u065F\u0670\u0640]/gu;

/**
 * The reading direction of one paragraph. Unlike the Unicode first-strong rule (and
 * `dir="auto"`), a Persian paragraph that opens with "B2B" is still right to left:
 * the paragraph is RTL when RTL letters are at least as many as LTR letters.
 */
export function paragraphDirection(line: string): Direction {
  const rtl = (line.replace(ARABIC_DIGITS_AND_MARKS, '').match(RTL_LETTER) ?? []).length;
  if (rtl === 0) return 'ltr';
  const ltr = (line.match(LTR_LETTER) ?? []).length;
  return rtl >= ltr ? 'rtl' : 'ltr';
}

/** One paragraph per line of the canonical text, empty lines included, so indices match line numbers. */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let start = 0;
  let index = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    paragraphs.push({ index, start, end, dir: paragraphDirection(text.slice(start, end)) });
    index += 1;
    if (newline === -1) break;
    start = newline + 1;
  }
  return paragraphs;
}

/** The paragraph holding an offset (binary search over sorted paragraphs). */
export function paragraphAt(paragraphs: readonly Paragraph[], offset: number): Paragraph | undefined {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = paragraphs[mid]!;
    if (offset < p.start) hi = mid - 1;
    else if (offset > p.end) lo = mid + 1;
    else return p;
  }
  return undefined;
}

/** The direction of a whole text: that of its longest paragraphs taken together. */
export function dominantDirection(text: string): Direction {
  return paragraphDirection(text.slice(0, 20000));
}
