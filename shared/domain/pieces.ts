// Flat pieces: a paragraph cut at every segment boundary, each piece carrying the ids of all
// segments that cover it. Overlaps become sets on flat runs, never nested marks, so
// rendering cost grows with the number of boundaries, not with the depth of overlap.

export interface SpanLike<Id> {
  id: Id;
  start: number;
  end: number;
}

export interface Piece<Id> {
  start: number;
  end: number;
  /** Covering segments, the shortest (innermost) first. */
  ids: Id[];
}

/**
 * Cuts [from, to) into pieces. `spans` may be in any order and may reach outside the window.
 * Pieces are contiguous and cover the window exactly.
 */
export function flatPieces<Id>(from: number, to: number, spans: readonly SpanLike<Id>[]): Piece<Id>[] {
  if (to <= from) return [];
  const inside = spans.filter((s) => s.end > from && s.start < to);
  const cuts = new Set<number>([from, to]);
  for (const s of inside) {
    if (s.start > from) cuts.add(s.start);
    if (s.end < to) cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byLength = [...inside].sort((a, b) => a.end - a.start - (b.end - b.start));
  const pieces: Piece<Id>[] = [];
  for (let i = 0; i < points.length - 1; i += 1) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const ids = byLength.filter((s) => s.start <= start && s.end >= end).map((s) => s.id);
    pieces.push({ start, end, ids });
  }
  return pieces;
}
