import { describe, expect, it } from 'vitest';
import { flatPieces, type Piece, type SpanLike } from '../../../shared/domain/pieces';

/** A small deterministic generator, so a failing case can be reproduced. */
function random(seed: number) {
  let s = seed >>> 0;
  return (below: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s >>> 8) % below;
  };
}

/** Pieces are contiguous, non-empty and cover [from, to) exactly. */
function expectCover(pieces: Piece<unknown>[], from: number, to: number) {
  expect(pieces[0]!.start).toBe(from);
  expect(pieces.at(-1)!.end).toBe(to);
  for (let i = 0; i < pieces.length; i += 1) {
    expect(pieces[i]!.end).toBeGreaterThan(pieces[i]!.start);
    if (i > 0) expect(pieces[i]!.start).toBe(pieces[i - 1]!.end);
  }
}

describe('flat pieces of a paragraph', () => {
  const spans: SpanLike<string>[] = [
    { id: 'A', start: 12, end: 20 },
    { id: 'B', start: 15, end: 18 },
    { id: 'C', start: 5, end: 25 }, // starts before the window
    { id: 'D', start: 28, end: 40 }, // ends after the window
    { id: 'E', start: 40, end: 50 }, // wholly after
    { id: 'F', start: 0, end: 10 }, // ends exactly where the window starts
  ];

  it('cuts at every boundary and lists overlapping segments innermost first', () => {
    expect(flatPieces(10, 30, spans)).toEqual([
      { start: 10, end: 12, ids: ['C'] },
      { start: 12, end: 15, ids: ['A', 'C'] },
      { start: 15, end: 18, ids: ['B', 'A', 'C'] },
      { start: 18, end: 20, ids: ['A', 'C'] },
      { start: 20, end: 25, ids: ['C'] },
      { start: 25, end: 28, ids: [] },
      { start: 28, end: 30, ids: ['D'] },
    ]);
  });

  it('gives the same pieces whatever order the segments come in', () => {
    const expected = flatPieces(10, 30, spans);
    expect(flatPieces(10, 30, [...spans].reverse())).toEqual(expected);
    expect(flatPieces(10, 30, [spans[3]!, spans[0]!, spans[5]!, spans[2]!, spans[1]!, spans[4]!])).toEqual(expected);
  });

  it('clips a segment reaching past both ends of the window to the window', () => {
    expect(flatPieces(10, 20, [{ id: 1, start: 0, end: 100 }])).toEqual([{ start: 10, end: 20, ids: [1] }]);
  });

  it('is one uncoded piece when no segment touches the window, and nothing for an empty window', () => {
    expect(flatPieces(3, 9, [{ id: 1, start: 9, end: 12 }, { id: 2, start: 0, end: 3 }])).toEqual([{ start: 3, end: 9, ids: [] }]);
    expect(flatPieces(5, 5, [{ id: 1, start: 0, end: 10 }])).toEqual([]);
  });

  it('keeps two segments over the same passage as one piece with both ids', () => {
    const pieces = flatPieces(0, 10, [
      { id: 'x', start: 2, end: 6 },
      { id: 'y', start: 2, end: 6 },
    ]);
    expect(pieces).toHaveLength(3);
    expect(pieces[1]).toMatchObject({ start: 2, end: 6 });
    expect([...pieces[1]!.ids].sort()).toEqual(['x', 'y']);
  });

  it('for random overlapping segments, every piece carries exactly the segments covering it, shortest first', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const next = random(seed);
      const from = next(50);
      const to = from + 1 + next(80);
      const list: SpanLike<number>[] = Array.from({ length: next(12) }, (_, id) => {
        const start = next(160);
        return { id, start, end: start + 1 + next(60) };
      });
      const pieces = flatPieces(from, to, list);
      expectCover(pieces, from, to);
      for (const piece of pieces) {
        const covering = list.filter((s) => s.start <= piece.start && s.end >= piece.end);
        expect([...piece.ids].sort((a, b) => a - b)).toEqual(covering.map((s) => s.id));
        const lengths = piece.ids.map((id) => list[id]!.end - list[id]!.start);
        expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
        // No segment starts or ends strictly inside a piece.
        for (const s of list) {
          expect(s.start > piece.start && s.start < piece.end).toBe(false);
          expect(s.end > piece.start && s.end < piece.end).toBe(false);
        }
      }
    }
  });
});
