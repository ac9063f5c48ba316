// The exchange screens' texts that depend on what the backend reports (kinds of parts left out,
// position units), each a literal t() so the Persian catalogue covers it, and the mapping rule
// the import report states (the same rule as shared/domain/exchange-codebook.ts and the README).

import type { ExchangeIssueKind } from '../../../shared/domain/exchange-model';
import { t } from '../../i18n/t';

export function kindText(kind: ExchangeIssueKind): string {
  switch (kind) {
    case 'schema':
      return t('Not valid against the schema');
    case 'positions':
      return t('Position unit');
    case 'duplicate-guid':
      return t('Elements with a repeated GUID');
    case 'missing-guid':
      return t('Elements without a GUID');
    case 'unknown-reference':
      return t('References to something not in the file');
    case 'bad-value':
      return t('Values in a form the standard does not allow');
    case 'unknown-element':
      return t('Elements the standard does not know');
    case 'missing-text':
      return t('Sources whose text is missing, unreadable or too long');
    case 'media-source':
      return t('Picture, audio and video sources');
    case 'pdf-without-text':
      return t('PDF sources without a text representation');
    case 'pdf-region':
      return t('PDF regions without a passage in the text');
    case 'bad-position':
      return t('Selections outside their text or splitting a character');
    case 'note-text':
      return t('Notes whose text could not be read');
    case 'link':
      return t('Links');
    case 'graph':
      return t('Graphs');
  }
}

/** The unit positions were read in (exchange-positions.ts describeProfile), in the interface language. */
export function unitText(unit: string): string {
  switch (unit) {
    case 'UTF-16 code units, a CR LF counting 2':
      return t('UTF-16 code units, a CR LF counting 2');
    case 'UTF-16 code units, a CR LF counting 1':
      return t('UTF-16 code units, a CR LF counting 1');
    case 'Unicode code points, a CR LF counting 2':
      return t('Unicode code points, a CR LF counting 2');
    case 'Unicode code points, a CR LF counting 1':
      return t('Unicode code points, a CR LF counting 1');
    default:
      return unit;
  }
}

/** How a REFI-QDA code tree becomes categories and concepts. */
export const mappingRule = (): string[] => [
  t('A code with child codes becomes a category (a main category at the top level); if it also has coded passages, a concept of the same name is filed in it and takes them.'),
  t('A code without child codes becomes a concept, filed in its parent’s category; a code marked not codable that has no passages becomes an empty category.'),
  t('The six codes Groundwork writes for the paradigm components come back as the components; a set of codes becomes a main category with its codes filed in it.'),
  t('Notes become memos on what they refer to; variables, sets of sources and cases become source attributes; users become the coders of their passages.'),
  t('Sources already in the project (the same text) and codes already there (the same GUID, or the same name in the same place) are matched, not doubled.'),
];
