// The Diagrams view's fixed interface texts, in English (translated with t() where shown), kept
// apart from the components so the catalogue test can read them without a DOM.

export type Tab = 'paradigm' | 'cascade' | 'prisma';

export type NumberField = 'identified' | 'duplicatesRemoved' | 'screened' | 'excludedAtScreening' | 'assessedForEligibility' | 'included';

export const TABS: { key: Tab; label: string }[] = [
  { key: 'paradigm', label: 'Paradigm model' },
  { key: 'cascade', label: 'Count cascade' },
  { key: 'prisma', label: 'Screening (PRISMA)' },
];

export const FIELDS: { key: NumberField; label: string }[] = [
  { key: 'identified', label: 'Records identified' },
  { key: 'duplicatesRemoved', label: 'Duplicates removed' },
  { key: 'screened', label: 'Records screened' },
  { key: 'excludedAtScreening', label: 'Excluded at screening' },
  { key: 'assessedForEligibility', label: 'Assessed for eligibility' },
  { key: 'included', label: 'Studies included' },
];
