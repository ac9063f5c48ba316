// What the reader draws, as plain data: paragraphs grouped into chunks (one small Lexical editor
// each, only the visible ones mounted), and per paragraph the flat runs with their highlight
// style and the margin stripes. Pure functions, so they are tested without a browser.

import { withAlpha } from '../../shared/domain/colors';
import type { SegmentMark } from '../../shared/domain/model';

/** What layout needs of a segment. */
export type Placed = Pick<SegmentMark, 'id' | 'conceptId' | 'start' | 'end'>;
import type { SegmentId } from '../../shared/domain/ids';
import { flatPieces } from '../../shared/domain/pieces';
import type { Paragraph } from '../../shared/domain/text';

export const CHUNK_SIZE = 20;

export interface Chunk {
  index: number;
  paragraphs: Paragraph[];
  start: number;
  end: number;
}

export function chunkParagraphs(paragraphs: readonly Paragraph[], size = CHUNK_SIZE): Chunk[] {
  const chunks: Chunk[] = [];
  for (let i = 0; i < paragraphs.length; i += size) {
    const slice = paragraphs.slice(i, i + size);
    chunks.push({ index: chunks.length, paragraphs: slice, start: slice[0]!.start, end: slice[slice.length - 1]!.end });
  }
  return chunks;
}

export const chunkOfParagraph = (paragraphIndex: number, size = CHUNK_SIZE) => Math.floor(paragraphIndex / size);

/** Segments sorted by start, looked up by range with a binary search on start. */
export function segmentsIn<S extends Placed>(sorted: readonly S[], start: number, end: number, longest: number): S[] {
  let lo = 0;
  let hi = sorted.length;
  const from = start - longest;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: S[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.start < end; i += 1) {
    const s = sorted[i]!;
    if (s.end > start) out.push(s);
  }
  return out;
}

export interface Run {
  start: number;
  end: number;
  segments: string;
  style: string;
}

export interface ParagraphLayout {
  paragraph: Paragraph;
  runs: Run[];
  stripes: string;
  /** The marker of a PDF page that starts in this paragraph ("p. 7"), if any. */
  page?: string;
}

/**
 * The highlight of a run: the innermost segment's colour as a translucent background, a second
 * and third as bars along the bottom. Backgrounds and inset shadows keep Persian letters joined,
 * where padding or underlines would not.
 */
export function runStyle(colors: string[]): string {
  const distinct = [...new Set(colors)];
  if (distinct.length === 0) return '';
  const parts = [`background-color: ${withAlpha(distinct[0]!, distinct.length > 1 ? 0.4 : 0.3)}`];
  const bars = distinct.slice(1, 3).map((c, i) => `inset 0 -${3 * (i + 1)}px 0 0 ${c}`);
  if (bars.length > 0) parts.push(`box-shadow: ${bars.join(', ')}`);
  return parts.join('; ');
}

/** One stripe per concept coded in the paragraph, at most four, on the paragraph's starting side. */
export function stripeShadow(colors: string[], dir: 'ltr' | 'rtl'): string {
  const distinct = [...new Set(colors)].slice(0, 4);
  const sign = dir === 'rtl' ? -1 : 1;
  return distinct.map((c, i) => `inset ${sign * 4 * (i + 1)}px 0 0 0 ${c}`).join(', ');
}

export function layoutParagraph<S extends Placed>(
  paragraph: Paragraph,
  segments: readonly S[],
  colorOf: (segment: S) => string,
): ParagraphLayout {
  const inside = segments.filter((s) => s.end > paragraph.start && s.start < paragraph.end);
  const byId = new Map<SegmentId, S>(inside.map((s) => [s.id, s]));
  const runs = flatPieces(paragraph.start, paragraph.end, inside).map((piece) => ({
    start: piece.start,
    end: piece.end,
    segments: piece.ids.join(','),
    style: runStyle(piece.ids.map((id) => colorOf(byId.get(id)!))),
  }));
  const stripes = stripeShadow(
    [...inside].sort((a, b) => a.start - b.start).map(colorOf),
    paragraph.dir,
  );
  return { paragraph, runs, stripes };
}
