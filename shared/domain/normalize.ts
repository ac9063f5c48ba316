// Normalisation for matching labels typed by a researcher against stored ones: Arabic and
// Persian letter variants, ZWNJ, harakat, tatweel and digit sets compare equal. Stored text is
// never changed by this; it only builds comparison keys.

import { foldText } from './search-text';

/**
 * A comparison key: the search normalisation (NFKC, case-folded, one letter form, one digit set,
 * no ZWNJ, no harakat or tatweel; see search-text.ts) with runs of spaces made one.
 */
export function matchKey(value: string): string {
  return foldText(value).replace(/\s+/gu, ' ').trim();
}

/** Labels are compared by this key for "already exists" checks and type-ahead. */
export const sameLabel = (a: string, b: string) => matchKey(a) === matchKey(b);
