// The workspace's views as the top bar lists them (English labels, translated with t() where shown),
// kept apart from the components so the catalogue test can read them without a DOM.

import type { View } from '../../state/store';

/** The views, in the order of a review: screen the records, code, then read the counts and models. */
export const VIEWS: { key: View; label: string }[] = [
  { key: 'screening', label: 'Screening' },
  { key: 'coding', label: 'Coding' },
  { key: 'words', label: 'Word frequencies' },
  { key: 'table7', label: 'Table 7' },
  { key: 'table8', label: 'Table 8' },
  { key: 'diagrams', label: 'Diagrams' },
  { key: 'maturity', label: 'Maturity model' },
  { key: 'evolution', label: 'What changed' },
  { key: 'saturation', label: 'Saturation' },
  { key: 'analysis', label: 'Analysis' },
];
