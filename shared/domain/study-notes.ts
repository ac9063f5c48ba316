// Why a reproduced figure differs from the reported one, worded from the figures shown: each
// difference as it stands under the readings chosen, and how far the readings move it, then what
// the study says about the row (a sentence that holds under every reading). Never a figure of
// another reading presented as this one's.

import type { CountRow } from './model';
import { joined, say, type Message } from './message';

/** Per column, the lowest and the highest difference any combination of readings gives. */
export type DifferenceSpread = Partial<Record<'mainCategories' | 'concepts', { low: number; high: number }>>;

const MEASURES = [
  ['mainCategories', (p: Record<string, number>) => say('Main categories {difference}: {reproduced} here, {reported} reported.', p)],
  ['concepts', (p: Record<string, number>) => say('Concepts {difference}: {reproduced} here, {reported} reported.', p)],
] as const;

const SPREAD = {
  mainCategories: (p: Record<string, number>) => say('Across the readings, main categories run from {lowDifference} to {highDifference}.', p),
  concepts: (p: Record<string, number>) => say('Across the readings, concepts run from {lowDifference} to {highDifference}.', p),
} as const;

/**
 * The note for one row of reproduced beside reported. Final codes are left out: they differ until
 * the passages are coded, which the table says once for all rows.
 */
export function whyTheyDiffer(reproduced: CountRow, reported: CountRow | null, spread: DifferenceSpread | null, explanation: Message | null): Message | null {
  if (!reported) return explanation;
  const parts: Message[] = [];
  for (const [key, sentence] of MEASURES) {
    const difference = reproduced[key] - reported[key];
    if (difference !== 0) parts.push(sentence({ difference, reproduced: reproduced[key], reported: reported[key] }));
  }
  if (parts.length === 0) parts.push(say('Main categories and concepts as reported.'));
  for (const key of ['mainCategories', 'concepts'] as const) {
    const range = spread?.[key];
    if (range && range.low !== range.high) parts.push(SPREAD[key]({ lowDifference: range.low, highDifference: range.high }));
  }
  if (explanation) parts.push(explanation);
  return joined(parts);
}
