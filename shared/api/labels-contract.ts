// The language labels are shown in (concepts, categories, components, the maturity model): a
// setting of the project, not of the machine, so everyone who opens the project sees the same.
// null: labels follow each reader's interface language.

import { z } from 'zod';

export const LABEL_LANGUAGES = ['fa', 'en'] as const;
export type LabelLanguageSetting = (typeof LABEL_LANGUAGES)[number] | null;

export const labelsMethods = {
  'labels.get': { input: z.object({}).strict(), mutates: false },
  /** One undoable step; the same language again changes nothing and leaves no step. */
  'labels.set': { input: z.object({ language: z.enum(LABEL_LANGUAGES).nullable() }).strict(), mutates: true },
} as const;

export interface LabelsOutputs {
  'labels.get': { language: LabelLanguageSetting };
  'labels.set': { language: LabelLanguageSetting };
}
