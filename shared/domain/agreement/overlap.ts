// Passage overlap for intercoder agreement: the share two passages have in common, and a
// one-to-one matching of one coder's passages to the other's. A passage is matched at most once,
// so no passage can vouch for two; the matching is deterministic for the same input.

export interface Span {
  start: number;
  end: number;
}

/** Code units both passages cover. */
export const intersectionLength = (x: Span, y: Span) => Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));

/**
 * The overlap share of two passages: the characters (UTF-16 code units, the project's offset unit)
 * both cover, divided by the characters either covers (intersection ÷ union). It is symmetric, 1 for
 * identical passages, 0 for passages that do not overlap.
 */
export function overlapShare(x: Span, y: Span): number {
  const common = intersectionLength(x, y);
  if (common === 0) return 0;
  const union = x.end - x.start + (y.end - y.start) - common;
  return common / union;
}

export interface Match<T> {
  a: T;
  b: T;
  share: number;
}

const bySpan = (x: Span & { id: number }, y: Span & { id: number }) => x.start - y.start || x.end - y.end || x.id - y.id;

/**
 * Pairs passages of coder A with passages of coder B whose share is at least `minShare` and for
 * which `compatible` holds: the pair with the largest share first, ties broken by position, then
 * by id. Returns the pairs (in A's text order) and what is left on each side.
 */
export function matchPassages<T extends Span & { id: number }>(
  as: readonly T[],
  bs: readonly T[],
  minShare: number,
  compatible: (a: T, b: T) => boolean,
): { pairs: Match<T>[]; restA: T[]; restB: T[] } {
  const candidates: Match<T>[] = [];
  const sortedB = [...bs].sort(bySpan);
  for (const a of as)
    for (const b of sortedB) {
      if (b.start >= a.end) break; // every later b starts after a ends
      if (b.end <= a.start || !compatible(a, b)) continue;
      const share = overlapShare(a, b);
      if (share >= minShare) candidates.push({ a, b, share });
    }
  candidates.sort((x, y) => y.share - x.share || bySpan(x.a, y.a) || bySpan(x.b, y.b));
  const usedA = new Set<T>();
  const usedB = new Set<T>();
  const pairs: Match<T>[] = [];
  for (const c of candidates) {
    if (usedA.has(c.a) || usedB.has(c.b)) continue;
    usedA.add(c.a);
    usedB.add(c.b);
    pairs.push(c);
  }
  pairs.sort((x, y) => bySpan(x.a, y.a));
  return {
    pairs,
    restA: as.filter((a) => !usedA.has(a)).sort(bySpan),
    restB: bs.filter((b) => !usedB.has(b)).sort(bySpan),
  };
}
