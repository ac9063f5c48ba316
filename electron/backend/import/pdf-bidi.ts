// One PDF line's text in logical order, and a line's direction from its letters. pdfjs gives a
// line's items in visual order (and Arabic in presentation forms); this puts them back with the
// Unicode bidi algorithm (bidi-js), keeping combining marks with their letters.

import bidiFactory from 'bidi-js';

export const RTL_LETTER = /[\u0590-\u05FF\u0600-\u065F\u066A-\u06EF\u06FA-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const LTR_STRONG = /[A-Za-z0-9\u00C0-\u024F\u0370-\u04FF\u0660-\u0669\u06F0-\u06F9]/;
export const RTL_LETTERS = new RegExp(RTL_LETTER.source, 'g');
const LATIN_LETTERS = /[A-Za-z\u00C0-\u024F\u0370-\u04FF]/g;

export function lineDirection(text: string): 'ltr' | 'rtl' {
  const rtl = text.match(RTL_LETTERS)?.length ?? 0;
  const ltr = text.match(LATIN_LETTERS)?.length ?? 0;
  return rtl > 0 && rtl >= ltr ? 'rtl' : 'ltr';
}

const bidi = bidiFactory();
const graphemes = new Intl.Segmenter('fa', { granularity: 'grapheme' });

/** Only combining marks (harakat, tanwin, shadda…), perhaps after spaces pdfjs put before them. */
const MARKS_ONLY = /^\s*[\p{Mn}\p{Me}]+\s*$/u;

/**
 * `text` reordered by the Unicode bidi algorithm (bidi-js: levels, reordering, and mirroring of
 * brackets and other mirrored characters at right-to-left levels), with each grapheme cluster kept
 * whole, so a mark stays after its base letter. Applied to logical text it gives the visual order;
 * applied to visual text (a PDF line) it gives back the logical order.
 */
export function reorder(text: string, direction: 'ltr' | 'rtl' | 'auto'): string {
  if (!text) return text;
  const levels = bidi.getEmbeddingLevels(text, direction);
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels);
  const order = bidi.getReorderedIndices(text, levels);
  const cluster = new Int32Array(text.length);
  let n = 0;
  for (const { index, segment } of graphemes.segment(text)) {
    for (let i = 0; i < segment.length; i += 1) cluster[index + i] = n;
    n += 1;
  }
  const out: string[] = [];
  for (let k = 0; k < order.length; ) {
    // A reversed run reverses a cluster's code units too: each cluster is put back in its own order.
    let end = k + 1;
    while (end < order.length && cluster[order[end]!] === cluster[order[k]!]) end += 1;
    const members = order.slice(k, end).sort((a, b) => a - b);
    for (const i of members) out.push(mirrored.get(i) ?? text[i]!);
    k = end;
  }
  return out.join('');
}

type LineItem = { s: string; x0: number; x1: number; size: number };

/**
 * Marks that pdfjs gives as items of their own (a tanwin drawn over its letter, at the letter's x)
 * are put back after the letter they sit on, so they never end up apart from it.
 */
function attachMarks(items: readonly LineItem[]): LineItem[] {
  const bases = items.filter((i) => !MARKS_ONLY.test(i.s)).map((i) => ({ ...i }));
  for (const mark of items) {
    if (!MARKS_ONLY.test(mark.s)) continue;
    const marks = mark.s.replace(/\s+/g, '');
    const x = (mark.x0 + mark.x1) / 2;
    let best: (typeof bases)[number] | undefined;
    let distance = Infinity;
    for (const base of bases) {
      // A mark belongs to a letter: spaces and punctuation beside it are never its base.
      if (!/\p{L}/u.test(base.s)) continue;
      const d = x < base.x0 ? base.x0 - x : x > base.x1 ? x - base.x1 : 0;
      if (d < distance) (best = base), (distance = d);
    }
    if (!best || distance > best.size) continue;
    // Inside a right-to-left item the first letter is on the right: find the letter under the mark.
    const clusters = [...graphemes.segment(best.s)].map((g) => g.segment);
    const rtl = RTL_LETTER.test(best.s);
    const share = best.x1 > best.x0 ? (x - best.x0) / (best.x1 - best.x0) : 1;
    const at = Math.min(clusters.length - 1, Math.max(0, Math.floor((rtl ? 1 - share : share) * clusters.length)));
    clusters[at] += marks;
    best.s = clusters.join('');
  }
  return bases;
}

/**
 * One line's text in logical order. Items come sorted by x (visual order); pdfjs has already put
 * each item's own string in logical order. Each item is turned back to what the page shows (its
 * visual order), the line is put together left to right, and the Unicode bidi algorithm gives its
 * logical order, with mirrored characters ("(" drawn as ")" in right-to-left text) restored.
 */
export function logicalLine(
  items: readonly LineItem[],
  /** The line's direction when its layout tells it (flush right or left); else its letters decide. */
  baseHint?: 'ltr' | 'rtl',
): string {
  const whole = attachMarks(items);
  const tokens: string[] = [];
  for (let i = 0; i < whole.length; i += 1) {
    const item = whole[i]!;
    const previous = whole[i - 1];
    if (previous && tokens.length) {
      const gap = item.x0 - previous.x1;
      const last = tokens[tokens.length - 1]!;
      if (gap > 0.18 * item.size && !/\s$/.test(last) && !/^\s/.test(item.s)) tokens.push(' ');
    }
    if (item.s) tokens.push(reorder(item.s, 'auto'));
  }
  const visual = tokens.join('');
  const base = baseHint ?? lineDirection(visual);
  return reorder(visual, base).replace(/\s+/g, ' ').trim().normalize('NFKC');
}

/** Whether a line mixes right-to-left and Latin letters (its direction is then not obvious). */
export const MIXED = (text: string) => RTL_LETTER.test(text) && /[A-Za-z\u00C0-\u024F]/.test(text);
