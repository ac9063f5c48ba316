// The merge's words written by the backend in English (places, deletions, warnings), shown in the
// interface language; names inside them are kept as they are. Their Persian is in fa/team.catalog.ts.

import { compileForms, translateBackendText } from '../../i18n/backend-text';

export const MERGE_TEMPLATES = [
  'under “{a}”',
  'main category of {component}',
  'main category in no component',
  'filed in no category',
  'filed in {a}',
  'deleted here',
  'deleted there',
  'still in use here',
  'changed here since',
  'changed there since',
  '{a} is not a copy of this project (it has another origin): its items were matched by label where they could be; check what comes in.',
  'The two projects share no codebook item by uid: they may not be copies of the same project. Items were matched by label only.',
  'Their passage {id} names a source or concept their project does not have; it was left out.',
] as const;

const forms = compileForms(MERGE_TEMPLATES);

export const mergeText = (text: string): string => translateBackendText(text, forms);
