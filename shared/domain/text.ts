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

/**
 * Strong right-to-left letters: Hebrew, Arabic (Persian, Urdu included), Syriac, Thaana, NKo and
 * the Arabic presentation forms; Arabic-Indic digits, harakat and tatweel are not letters.
 */
function isRtlLetter(c: number): boolean {
  if (c < 0x0590) return false;
  if (c <= 0x06ff) {
    if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9)) return false;
    if ((c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640) return false;
    return true;
  }
  return c <= 0x08ff || (c >= 0xfb1d && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff);
}

/** Strong left-to-right letters of the scripts a review corpus mixes in: Latin, Greek, Cyrillic. */
const isLtrLetter = (c: number) =>
  (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x4ff);

/**
 * The reading direction of one paragraph. Unlike the Unicode first-strong rule (and
 * `dir="auto"`), a Persian paragraph that opens with "B2B" is still right to left:
 * the paragraph is RTL when RTL letters are at least as many as LTR letters.
 * A plain loop: it runs over every line of multi-megabyte sources.
 */
export function paragraphDirection(line: string): Direction {
  let rtl = 0;
  let ltr = 0;
  for (let i = 0; i < line.length; i += 1) {
    const c = line.charCodeAt(i);
    if (isRtlLetter(c)) rtl += 1;
    else if (isLtrLetter(c)) ltr += 1;
  }
  return rtl > 0 && rtl >= ltr ? 'rtl' : 'ltr';
}

/**
 * One paragraph per line of the canonical text, empty lines included, so indices match line numbers.
 * A direction the source file states for a paragraph (DOCX w:bidi) wins over the guessed one.
 */
export function splitParagraphs(text: string, stated?: readonly { paragraph: number; dir: Direction }[]): Paragraph[] {
  const statedDir = new Map(stated?.map((s) => [s.paragraph, s.dir]));
  const paragraphs: Paragraph[] = [];
  let start = 0;
  let index = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    paragraphs.push({ index, start, end, dir: statedDir.get(index) ?? paragraphDirection(text.slice(start, end)) });
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
