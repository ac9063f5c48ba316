// Where a caret goes in the canonical text, as plain offsets: by grapheme (a letter with its
// harakat is one step), by word (Intl.Segmenter, so a Persian word joined by ZWNJ is one word),
// to a paragraph's edges or the text's. Pure functions over the text and its paragraphs, so the
// reader's keyboard selection works the same whether or not a paragraph is on screen.

import type { Paragraph } from '../../shared/domain/text';

export type Step = 'grapheme' | 'word' | 'paragraph-edge' | 'text-edge' | 'paragraph';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const words = new Intl.Segmenter(undefined, { granularity: 'word' });

/** The index of the paragraph holding an offset (the one it ends, for an offset between two). */
export function paragraphIndexAt(paragraphs: readonly Paragraph[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paragraphs[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

interface Piece {
  start: number;
  end: number;
  wordLike: boolean;
}

function pieces(text: string, p: Paragraph, segmenter: Intl.Segmenter): Piece[] {
  const out: Piece[] = [];
  for (const s of segmenter.segment(text.slice(p.start, p.end))) {
    out.push({ start: p.start + s.index, end: p.start + s.index + s.segment.length, wordLike: s.isWordLike ?? true });
  }
  return out;
}

/**
 * The offset one step from `offset`, forward (+1, towards the end of the text) or backward (−1).
 * A step past a paragraph's edge lands on the next paragraph's edge.
 */
export function moveOffset(
  text: string,
  paragraphs: readonly Paragraph[],
  offset: number,
  direction: 1 | -1,
  step: Step,
  toEnds?: 'start' | 'end',
): number {
  if (paragraphs.length === 0) return 0;
  const first = paragraphs[0]!;
  const last = paragraphs[paragraphs.length - 1]!;
  if (step === 'text-edge') return direction > 0 ? last.end : first.start;
  const i = paragraphIndexAt(paragraphs, offset);
  const p = paragraphs[i]!;
  const at = Math.max(p.start, Math.min(offset, p.end));
  const next = paragraphs[i + 1];
  const previous = paragraphs[i - 1];
  if (step === 'paragraph-edge') return direction > 0 ? p.end : p.start;
  if (step === 'paragraph') {
    if (direction > 0) return next ? next.start : p.end;
    return at > p.start || !previous ? p.start : previous.start;
  }
  if (direction > 0 && at >= p.end) return next ? next.start : p.end;
  if (direction < 0 && at <= p.start) return previous ? previous.end : p.start;
  if (step === 'grapheme') {
    const list = pieces(text, p, graphemes);
    if (direction > 0) return list.find((g) => g.end > at)?.end ?? p.end;
    return [...list].reverse().find((g) => g.start < at)?.start ?? p.start;
  }
  // By word: growing forward goes to the end of the next word, backward to the start of the
  // previous one; shrinking (`toEnds`, the focus coming back towards the anchor) stops at word
  // ends going back and word starts going on. Either way no space is left dangling at the edge.
  const list = pieces(text, p, words).filter((w) => w.wordLike);
  if (direction > 0) {
    if (toEnds === 'start') return list.find((w) => w.start > at)?.start ?? p.end;
    return list.find((w) => w.end > at)?.end ?? p.end;
  }
  if (toEnds === 'end') return [...list].reverse().find((w) => w.end < at)?.end ?? p.start;
  return [...list].reverse().find((w) => w.start < at)?.start ?? p.start;
}

/** The word holding an offset, or null if the offset is between words. */
export function wordAt(text: string, paragraphs: readonly Paragraph[], offset: number): { start: number; end: number } | null {
  if (paragraphs.length === 0) return null;
  const p = paragraphs[paragraphIndexAt(paragraphs, offset)]!;
  for (const w of pieces(text, p, words)) {
    if (w.wordLike && w.start <= offset && offset < w.end) return { start: w.start, end: w.end };
  }
  return null;
}

/**
 * A range grown to whole words: a start inside a word moves to the word's start, an end inside a
 * word to its end. Spaces and punctuation at the edges are left as they are.
 */
export function extendToWords(text: string, paragraphs: readonly Paragraph[], start: number, end: number): { start: number; end: number } {
  const head = wordAt(text, paragraphs, start);
  const tail = end > start ? wordAt(text, paragraphs, end - 1) : null;
  return { start: head && head.start < start ? head.start : start, end: tail && tail.end > end ? tail.end : end };
}
