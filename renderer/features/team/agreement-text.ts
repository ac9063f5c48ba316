// The agreement view's words in the interface language: each level's title and explanation (the
// same text shared/domain/agreement states in English; a test keeps the two in step), the reasons a
// coefficient is not defined, and numbers with the interface's digits.

import type { AgreementLevel } from '../../../shared/domain/agreement/levels';
import { currentLanguage, t } from '../../i18n/t';

export function levelTitle(level: AgreementLevel): string {
  switch (level) {
    case 'presence':
      return t('Concept presence per source');
    case 'frequency':
      return t('Concept frequency per source');
    case 'overlap':
      return t('Passage overlap');
  }
}

/** The level's explanation; `pct` is the least overlap in percent (as the domain writes it). */
export function levelExplanationText(level: AgreementLevel, pct: number | string): string {
  const kappa = t('Cohen’s κ takes chance agreement from each coder’s own category shares; Brennan & Prediger’s κ takes it as 1/q, q being the number of categories.');
  switch (level) {
    case 'presence':
      return `${t('Each pair of a chosen source and a chosen concept is one unit: the coders agree when both used the concept in the source or neither did. Percent agreement counts both kinds; “where used” leaves out the pairs neither coder used, as MAXQDA’s table does. Brennan & Prediger’s κ uses q = 2 (used, not used); Krippendorff’s α is nominal.')} ${kappa}`;
    case 'frequency':
      return `${t('Each pair of a chosen source and a chosen concept is one unit, labelled by how many passages each coder coded with the concept in the source: the coders agree when the numbers are equal (MAXQDA’s “code frequency” criterion). The numbers are compared as categories, not as quantities, so 3 against 4 is as much a disagreement as 0 against 4; q is the number of different numbers that occur.')} ${kappa}`;
    case 'overlap':
      return `${t('A passage of one coder agrees when the other coder coded the same concept on a passage of the same source that overlaps it by at least {pct} %: the characters both passages cover divided by the characters either covers (intersection ÷ union). Each passage is matched at most once, the largest overlaps first. A unit is a matched pair, or a passage left unmatched (the other coder coded nothing there, or a different concept on a passage overlapping it by at least {pct} %, which is paired with it). Percent agreement is matched pairs ÷ units. Overall, κ compares the concepts (plus “nothing”) the coders gave each unit, and Brennan & Prediger’s q is the number of chosen concepts plus one for “nothing”. Per concept, q = 2; Cohen’s κ is not reported per concept, since no unit is left uncoded by both coders and it could never exceed 0.', { pct })} ${kappa}`;
  }
}

/** Why a coefficient is not defined, in the interface language (as written, if not known). */
export function reasonText(reason: string): string {
  if (reason.startsWith('No units to compare')) return t('No units to compare: neither coder has anything here.');
  if (reason.startsWith('Both coders gave every unit')) return t('Both coders gave every unit the same single category, so chance agreement is 100 % and Cohen’s κ is not defined.');
  if (reason.startsWith('With fewer than two categories')) return t('With fewer than two categories to choose from, chance agreement is 100 % and Brennan & Prediger’s κ is not defined.');
  if (reason.startsWith('Only one value occurs')) return t('Only one value occurs in the data, so there is no variation to agree on and Krippendorff’s α is not defined.');
  if (reason.startsWith('Not reported per concept')) return t('Not reported per concept at the passage level: every unit was coded by at least one coder, so the table has no “neither” cell and Cohen’s κ could never exceed 0. See Brennan & Prediger’s κ.');
  return reason;
}

/** A figure with `digits` decimals in the interface's digits. */
export function fixed(x: number, digits: number): string {
  const text =
    currentLanguage() === 'fa' ? x.toLocaleString('fa-IR', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : x.toFixed(digits);
  // A negative coefficient (κ below chance) takes the minus sign, not a hyphen, as signed() writes it.
  return text.replace(/^[-\u2212\u200e\u061c]+/, (sign) => (sign.includes('-') || sign.includes('\u2212') ? '\u2212' : sign));
}

/** The least overlap in percent as the domain writes it in its explanation (one decimal at most). */
export const overlapPercent = (share: number) => Math.round(share * 1000) / 10;

/** A percentage as the interface writes it: "16.7 %", «۱۶٫۷٪». */
export const percentText = (x: number, digits: number) => (currentLanguage() === 'fa' ? `${fixed(x, digits)}٪` : `${fixed(x, digits)} %`);
