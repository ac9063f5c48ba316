// Agreement coefficients for two coders over the same units: percent agreement, Cohen's kappa,
// Brennan & Prediger's kappa (free marginals) and Krippendorff's alpha (nominal). Every figure is
// computed from integer counts, and a figure that is not defined is null with the reason, never NaN.

/** One unit as the two coders labelled it (a category name; any string or number). */
export interface LabelPair {
  a: string | number;
  b: string | number;
}

/** A coefficient, or null with the reason it is not defined for these data. */
export interface Coefficient {
  value: number | null;
  reason: string | null;
}

const defined = (value: number): Coefficient => ({ value, reason: null });
const undefinedBecause = (reason: string): Coefficient => ({ value: null, reason });

export const NO_UNITS = 'No units to compare: neither coder has anything here.';

/** Percent agreement: units labelled alike ÷ units × 100; null without units. */
export function percentAgreement(pairs: readonly LabelPair[]): number | null {
  if (pairs.length === 0) return null;
  return (100 * pairs.filter((p) => p.a === p.b).length) / pairs.length;
}

function tally(pairs: readonly LabelPair[]) {
  const a = new Map<string | number, number>();
  const b = new Map<string | number, number>();
  let agree = 0;
  for (const p of pairs) {
    a.set(p.a, (a.get(p.a) ?? 0) + 1);
    b.set(p.b, (b.get(p.b) ?? 0) + 1);
    if (p.a === p.b) agree += 1;
  }
  return { a, b, agree, n: pairs.length };
}

/**
 * Cohen's kappa: (po − pe) / (1 − pe), pe = Σ_k (nA_k / n)(nB_k / n), each coder's own marginals.
 * Computed as (n·agree − Σ nA_k·nB_k) / (n² − Σ nA_k·nB_k) on integers, so "pe = 1" (both coders
 * used one and the same category for every unit) is detected exactly: kappa is then undefined.
 */
export function cohenKappa(pairs: readonly LabelPair[]): Coefficient {
  if (pairs.length === 0) return undefinedBecause(NO_UNITS);
  const { a, b, agree, n } = tally(pairs);
  let chance = 0;
  for (const [label, count] of a) chance += count * (b.get(label) ?? 0);
  const denominator = n * n - chance;
  if (denominator === 0)
    return undefinedBecause('Both coders gave every unit the same single category, so chance agreement is 100 % and Cohen’s κ is not defined.');
  return defined((n * agree - chance) / denominator);
}

/**
 * Brennan & Prediger's kappa (free marginals): (po − 1/q) / (1 − 1/q), where q is the number of
 * categories the coders could choose from. Undefined with fewer than two categories.
 */
export function brennanPredigerKappa(pairs: readonly LabelPair[], categories: number): Coefficient {
  if (pairs.length === 0) return undefinedBecause(NO_UNITS);
  if (!(categories >= 2))
    return undefinedBecause('With fewer than two categories to choose from, chance agreement is 100 % and Brennan & Prediger’s κ is not defined.');
  const { agree, n } = tally(pairs);
  // (agree/n − 1/q) / (1 − 1/q) = (q·agree − n) / (n·(q − 1))
  return defined((categories * agree - n) / (n * (categories - 1)));
}

/**
 * Krippendorff's alpha for nominal data, two coders, no missing values:
 * alpha = 1 − (n − 1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k, with the coincidence matrix o (each unit adds
 * (a, b) and (b, a)), n_c its margins and n = 2 × units. Undefined when only one value occurs.
 */
export function krippendorffAlphaNominal(pairs: readonly LabelPair[]): Coefficient {
  if (pairs.length === 0) return undefinedBecause(NO_UNITS);
  const margins = new Map<string | number, number>();
  let disagreeing = 0; // Σ_{c≠k} o_ck: each disagreeing unit adds o_ab and o_ba
  for (const p of pairs) {
    margins.set(p.a, (margins.get(p.a) ?? 0) + 1);
    margins.set(p.b, (margins.get(p.b) ?? 0) + 1);
    if (p.a !== p.b) disagreeing += 2;
  }
  const n = 2 * pairs.length;
  let sumSquares = 0;
  for (const m of margins.values()) sumSquares += m * m;
  const expected = n * n - sumSquares; // Σ_{c≠k} n_c·n_k
  if (expected === 0)
    return undefinedBecause('Only one value occurs in the data, so there is no variation to agree on and Krippendorff’s α is not defined.');
  return defined(1 - ((n - 1) * disagreeing) / expected);
}
