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

/**
 * The version of the rules above. Change it with them: every project's search index, built with
 * the old rules, is then built again from the texts.
 */
export const FOLDING_VERSION = 1;

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

// Each unit of the Basic Multilingual Plane is folded once (foldCodePoint) and remembered in
// UNIT: itself or the one unit it folds to (≥ 0), DROP (folds to nothing), MANY (to several units,
// kept in FOLDED), SURROGATE (folded by code point) or UNSEEN. A text is then folded by table
// lookups into a buffer of units, which keeps indexing 100 MB of sources quick.
const UNSEEN = -1;
const DROP = -2;
const MANY = -3;
const SURROGATE = -4;
const UNIT = new Int32Array(0x10000).fill(UNSEEN).fill(SURROGATE, 0xd800, 0xe000);
const FOLDED: string[] = [];

function learn(c: number): number {
  const folded = foldCodePoint(c, String.fromCharCode(c));
  FOLDED[c] = folded;
  return (UNIT[c] = folded.length === 0 ? DROP : folded.length === 1 ? folded.charCodeAt(0) : MANY);
}

/** Units as a string (lone surrogates kept as they are), read in chunks the argument list can hold. */
function unitsToString(units: Uint16Array, length: number): string {
  const chunks: string[] = [];
  for (let at = 0; at < length; at += 8192) {
    chunks.push(String.fromCharCode.apply(null, units.subarray(at, Math.min(length, at + 8192)) as unknown as number[]));
  }
  return chunks.join('');
}

/**
 * Folds `text` into units; with `withMap`, also the original offset each unit came from. A unit
 * folds to at most one unit, except the rare MANY and astral code points, where room is made.
 */
function fold(text: string, withMap: boolean): { units: Uint16Array; map: Uint32Array | null; length: number } {
  const n = text.length;
  let units = new Uint16Array(n + 16);
  let map = withMap ? new Uint32Array(n + 17) : null;
  let length = 0;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    let unit = UNIT[c]!;
    if (unit === UNSEEN) unit = learn(c);
    if (unit >= 0) {
      if (map) map[length] = i;
      units[length++] = unit;
      i += 1;
      continue;
    }
    if (unit === DROP) {
      i += 1;
      continue;
    }
    let folded: string;
    let width = 1;
    if (unit === MANY) folded = FOLDED[c]!;
    else {
      const cp = text.codePointAt(i)!;
      width = cp > 0xffff ? 2 : 1;
      folded = foldCodePoint(cp, text.slice(i, i + width));
    }
    // Room for this fold and for every unit still to come at one unit each.
    const needed = length + folded.length + (n - i) + 16;
    if (needed > units.length) {
      const bigger = new Uint16Array(Math.max(needed, units.length * 2));
      bigger.set(units.subarray(0, length));
      units = bigger;
      if (map) {
        const biggerMap = new Uint32Array(bigger.length + 1);
        biggerMap.set(map.subarray(0, length));
        map = biggerMap;
      }
    }
    for (let k = 0; k < folded.length; k += 1) {
      if (map) map[length] = i;
      units[length++] = folded.charCodeAt(k);
    }
    i += width;
  }
  return { units, map, length };
}

/** Normalises a text for searching, keeping the map back to original offsets. */
export function foldForSearch(original: string): FoldedText {
  const { units, map, length } = fold(original, true);
  map![length] = original.length;
  return { text: unitsToString(units, length), from: map!.subarray(0, length + 1) };
}

/** Just the normalised text (for queries, labels and the search index): foldForSearch(value).text, without the map. */
export function foldText(value: string): string {
  const { units, length } = fold(value, false);
  return unitsToString(units, length);
}

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
