// Version stamps for merging copies of a project: each mergeable field keeps a version vector
// (copy id → that copy's change counter when it last changed the field). Two stamps tell whether one
// value was made knowing the other (a fast-forward) or both changed apart (a conflict).

/** replica (a project copy's id) → its change counter. A missing replica counts as 0. */
export type Stamp = Readonly<Record<string, number>>;

export type StampOrder = 'equal' | 'before' | 'after' | 'concurrent';

/** How stamp a relates to stamp b: 'before' means b knows everything a knows and more. */
export function compareStamps(a: Stamp, b: Stamp): StampOrder {
  let aAhead = false;
  let bAhead = false;
  for (const r of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[r] ?? 0;
    const y = b[r] ?? 0;
    if (x > y) aAhead = true;
    if (y > x) bAhead = true;
  }
  return aAhead ? (bAhead ? 'concurrent' : 'after') : bAhead ? 'before' : 'equal';
}

/** a ≤ b: every change a knows, b knows. */
export const stampWithin = (a: Stamp, b: Stamp) => {
  const order = compareStamps(a, b);
  return order === 'equal' || order === 'before';
};

/** The least stamp that knows both. */
export function joinStamps(...stamps: Stamp[]): Stamp {
  const out: Record<string, number> = {};
  for (const s of stamps) for (const [r, n] of Object.entries(s)) if (n > (out[r] ?? 0)) out[r] = n;
  return out;
}
