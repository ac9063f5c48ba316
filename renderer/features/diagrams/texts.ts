// The Diagrams view's fixed interface texts, in English (translated with t() where shown), and its
// open tab, kept apart from the components so the catalogue test can read them without a DOM.

import { create } from 'zustand';

export type Tab = 'paradigm' | 'cascade' | 'prisma';

/** The open tab of the Diagrams view, kept while other views are shown (the Screening view opens 'prisma'). */
export const useDiagramTab = create<{ tab: Tab; setTab(tab: Tab): void }>()((set) => ({ tab: 'paradigm', setTab: (tab) => set({ tab }) }));

/** Which PRISMA figures the user chose to draw (null: the best available), kept across tabs. */
export const usePrismaChoice = create<{ choice: 'live' | 'reported' | 'typed' | null; setChoice(choice: 'live' | 'reported' | 'typed'): void }>()(
  (set) => ({ choice: null, setChoice: (choice) => set({ choice }) }),
);

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
