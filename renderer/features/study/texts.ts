// The study views' fixed interface texts, in English (translated with t() where shown), kept
// apart from the components so the catalogue test can read them without a DOM.

import type { CountRow } from '../../../shared/domain/model';

export const COLUMNS: { key: keyof CountRow; title: string }[] = [
  { key: 'mainCategories', title: 'Main categories' },
  { key: 'concepts', title: 'Concepts' },
  { key: 'finalCodes', title: 'Final codes' },
];

export const FLAG_TEXT: Record<string, string> = {
  continues_previous_item: 'Its comma enumerates inside the phrase before it (counts 0 when phrases are merged).',
  etc_marker_dropped: 'A trailing “and so on” was dropped from the printed item.',
  stray_token: 'The printed cell ends with a stray word.',
};
