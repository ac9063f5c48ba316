// Search normalisation for Persian, Arabic and English text, with a map back to the original.
// Stored text is never changed: a normalised copy is searched, and every position found in it is
// mapped back to UTF-16 offsets of the canonical text, so a hit lands on the characters as written.
//
// What compares equal (decided here, stated on screen and in the README):
// - NFKC, so Arabic presentation forms (ﻛﺘﺎﺏ) and other compatibility characters fold to plain letters;
// - Arabic yeh ي, alef maksura ى and yeh with hamza ئ → Persian yeh ی;
// - Arabic kaf ك → keheh ک;
// - teh marbuta ة → heh ه (as the label matcher always did), and ۀ ھ → ه;
// - alef with hamza or madda أ إ آ and alef wasla ٱ → alef ا; waw with hamza ؤ → waw و;
// - Persian ۰–۹ and Arabic-Indic ٠–٩ digits → ASCII 0–9;
// - Latin (and every cased script) lower-cased;
// - removed: ZWNJ, ZWJ, zero-width space, soft hyphen, BOM, bidi marks and embeddings, the Arabic
//   letter mark, harakat (U+064B–U+065F, U+0670, U+06D6–U+06ED) and tatweel (U+0640).
// Nothing else is removed: a space stays a space, so two words never fuse into one.

/** The normalised text and, for each of its UTF-16 units, the offset in the original it came from. */
export interface FoldedText {
  text: string;
  /** from[i] is the original offset of the code point that produced text[i]; from[text.length] is the original length. */
  from: Uint32Array;
}

const LETTER_FOLDS: Record<number, string> = {
  0x064a: '\u06CC', // ي Arabic yeh
  0x0649: '\u06CC', // ى alef maksura
  0x0626: '\u06CC', // ئ yeh with hamza above
  0x0643: '\u06A9', // ك Arabic kaf
  0x0629: '\u0647', // ة teh marbuta
  0x06c0: '\u0647', // ۀ heh with yeh above
  0x06be: '\u0647', // ھ heh doachashmee
  0x0623: '\u0627', // أ
  0x0625: '\u0627', // إ
  0x0622: '\u0627', // آ
  0x0671: '\u0627', // ٱ alef wasla
  0x0624: '\u0648', // ؤ
};

/** Characters that are dropped: joiners, invisible marks, harakat, tatweel. */
export function isIgnorable(c: number): boolean {
  if (c < 0x00ad) return false;
  if (c === 0x00ad || c === 0xfeff || c === 0x061c || c === 0x0640 || c === 0x0670) return true;
  if (c >= 0x064b && c <= 0x065f) return true;
  if (c >= 0x06d6 && c <= 0x06ed) return true;
  if (c >= 0x200b && c <= 0x200f) return true;
  if (c >= 0x202a && c <= 0x202e) return true;
  return c >= 0x2066 && c <= 0x2069;
}

/** Harakat and tatweel: marks that belong to the letter before them (a hit's end takes them in). */
const isMarkOfLetter = (c: number) =>
  c === 0x0640 || c === 0x0670 || (c >= 0x064b && c <= 0x065f) || (c >= 0x06d6 && c <= 0x06ed);

const foldCache = new Map<number, string>();

/** The folded form of one code point (possibly empty or several units). */
function foldCodePoint(c: number, ch: string): string {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : ch;
  if (isIgnorable(c)) return '';
  if (c >= 0x0600 && c <= 0x06ff) {
    if (c >= 0x0660 && c <= 0x0669) return String.fromCharCode(c - 0x0660 + 0x30);
    if (c >= 0x06f0 && c <= 0x06f9) return String.fromCharCode(c - 0x06f0 + 0x30);
    return LETTER_FOLDS[c] ?? ch;
  }
  let folded = foldCache.get(c);
  if (folded === undefined) {
    // NFKC may produce Arabic letters (presentation forms) or digits that fold further.
    let out = '';
    for (const part of ch.normalize('NFKC').toLowerCase()) {
      const p = part.codePointAt(0)!;
      out += p >= 0x0600 && p <= 0x06ff ? foldCodePoint(p, part) : isIgnorable(p) ? '' : part;
    }
    folded = out;
    if (foldCache.size < 10_000) foldCache.set(c, folded);
  }
  return folded;
}

/** Normalises a text for searching, keeping the map back to original offsets. */
export function foldForSearch(original: string): FoldedText {
  const n = original.length;
  const parts: string[] = [];
  let from = new Uint32Array(n + 16);
  let length = 0;
  let i = 0;
  let runStart = 0; // a run of characters that fold to themselves is copied in one slice
  const ensure = (more: number) => {
    if (length + more + 1 <= from.length) return;
    const bigger = new Uint32Array(Math.max(from.length * 2, length + more + 1));
    bigger.set(from.subarray(0, length));
    from = bigger;
  };
  const flush = (end: number) => {
    if (end > runStart) {
      parts.push(original.slice(runStart, end));
      ensure(end - runStart);
      for (let k = runStart; k < end; k += 1) from[length++] = k;
    }
  };
  while (i < n) {
    const c = original.charCodeAt(i);
    // Fast path: lower-case ASCII, digits, spaces, punctuation, and Arabic-block letters that stay.
    if ((c < 0x80 && !(c >= 0x41 && c <= 0x5a)) || (c >= 0x0621 && c <= 0x063a && LETTER_FOLDS[c] === undefined) || (c >= 0x0641 && c <= 0x064a && LETTER_FOLDS[c] === undefined && c !== 0x0643)) {
      i += 1;
      continue;
    }
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = original.slice(i, i + width);
    const folded = foldCodePoint(cp, ch);
    if (folded === ch) {
      i += width;
      continue;
    }
    flush(i);
    if (folded.length > 0) {
      ensure(folded.length);
      parts.push(folded);
      for (let k = 0; k < folded.length; k += 1) from[length++] = i;
    }
    i += width;
    runStart = i;
  }
  flush(n);
  ensure(0);
  from[length] = n;
  return { text: parts.join(''), from: from.subarray(0, length + 1) };
}

/** Just the normalised text (for queries and labels). */
export const foldText = (value: string) => foldForSearch(value).text;

/**
 * The original range [start, end) of a normalised range: from the first character's code point to
 * the end of the last one's, with the harakat and tatweel that follow it (they belong to its letter).
 */
export function originalRange(original: string, folded: FoldedText, start: number, end: number): { start: number; end: number } {
  const oStart = folded.from[start]!;
  const last = folded.from[end - 1]!;
  const cp = original.codePointAt(last)!;
  let oEnd = last + (cp > 0xffff ? 2 : 1);
  while (oEnd < original.length && isMarkOfLetter(original.charCodeAt(oEnd))) oEnd += 1;
  return { start: oStart, end: oEnd };
}

/** A word is a run of letters, digits and marks in the normalised text (as SQLite FTS5 is told to tokenise). */
export const WORD = /[\p{L}\p{N}\p{M}]+/gu;
export const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** The words of a text, normalised. */
export function foldedWords(value: string): string[] {
  return foldText(value).match(WORD) ?? [];
}
