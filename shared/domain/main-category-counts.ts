// Per paradigm component, its main categories with their own counts: what the paradigm diagram
// and the count cascade draw. Same rules as Table 8 (db/counts.ts): a main category's concepts are
// the distinct concepts filed under it or any of its sub-categories; its final codes are the
// segments coded with those concepts.

import type { CategoryId } from './ids';
import type { CountRow } from './model';
import type { ComponentKey } from './paradigm';

export interface MainCategoryCount {
  id: CategoryId;
  name: string;
  /** Persian and English glosses of the name, where the project has them (the study does). */
  labelFa: string | null;
  labelEn: string | null;
  color: string;
  /** Distinct concepts filed under this main category or its sub-categories. */
  concepts: number;
  /** Segments coded with those concepts. */
  finalCodes: number;
}

export interface ComponentMainCategories extends CountRow {
  component: ComponentKey;
  /** English label (COMPONENT_LABELS), translated by the renderer. */
  label: string;
  /** Its main categories, by name. `mainCategories` (CountRow) is their number. */
  categories: MainCategoryCount[];
}

/** The output of `counts.mainCategories`. */
export interface MainCategoryCounts {
  /** The six components in Table 8 order; figures as in Table 8's rows. */
  components: ComponentMainCategories[];
  /** Main categories placed in no component, with their own counts. */
  unassigned: MainCategoryCount[];
  /** Each main category, concept and segment reaching a component counted once (Table 8's totals). */
  totals: CountRow;
}
