// What the evolution, saturation and analysis methods answer: the pure reports of evolution.ts,
// saturation.ts and matrices.ts with the names a reader needs (labels with their Persian and
// English glosses, source names, passage texts), and the frozen picture a baseline keeps.

import type { CountRow } from './model';
import type {
  CountChange,
  DimensionChange,
  GrownConcept,
  ModelSnapshot,
  MovedCategory,
  MovedConcept,
  NewCategory,
  NewConcept,
  NewMainCategory,
  SnapshotCategory,
  SnapshotConcept,
} from './evolution';
import type { CategoryId, ConceptId, DocumentId } from './ids';
import type { ComponentKey } from './paradigm';
import type { SaturationReport } from './saturation';

export interface NamedConcept {
  id: ConceptId;
  label: string;
  code: string | null;
  labelFa: string | null;
  labelEn: string | null;
}

export interface NamedCategory {
  id: CategoryId;
  name: string;
  code: string | null;
  labelFa: string | null;
  labelEn: string | null;
  color: string;
  parentId: CategoryId | null;
  component: ComponentKey | null;
}

export interface MainCategoryFigures {
  id: CategoryId;
  component: ComponentKey | null;
  concepts: number;
  finalCodes: number;
}

/** The picture a baseline keeps (JSON in the project file). Never rewritten once made. */
export interface BaselineSnapshot extends ModelSnapshot {
  version: 1;
  concepts: (SnapshotConcept & NamedConcept)[];
  categories: (SnapshotCategory & NamedCategory)[];
  /** Each main category's concepts and final codes, as the paradigm diagram draws them. */
  mainCategories: MainCategoryFigures[];
  sources: { id: DocumentId; name: string }[];
  /** A study's published figures: the citation they come from. */
  reportedBy?: string;
}

export interface BaselineSummary {
  id: number;
  name: string;
  kind: 'frozen' | 'reported';
  createdAt: string;
  concepts: number;
  mainCategories: number;
  sources: number;
  totals: CountRow;
  reportedBy: string | null;
}

export type ChangeAgainst =
  | { kind: 'baseline'; id: number; name: string; baselineKind: 'frozen' | 'reported'; createdAt: string }
  | { kind: 'wave'; id: number; name: string };

/** The paradigm diagram's marks: each component and main category before | now. */
export interface DiagramChange {
  components: { component: ComponentKey; before: CountRow; now: CountRow }[];
  mainCategories: {
    id: CategoryId;
    component: ComponentKey;
    before: { concepts: number; finalCodes: number } | null;
    now: { concepts: number; finalCodes: number };
    /** Not a main category in the baseline (or: all its concepts came with the wave). */
    isNew: boolean;
    /** More concepts or final codes than before. */
    grown: boolean;
  }[];
}

export interface ChangeView {
  against: ChangeAgainst;
  newConcepts: NewConcept[];
  grownConcepts: GrownConcept[];
  shrunkConcepts: GrownConcept[];
  removedConcepts: SnapshotConcept[];
  newCategories: NewCategory[];
  newMainCategories: NewMainCategory[];
  movedConcepts: MovedConcept[];
  movedCategories: MovedCategory[];
  table8: (CountChange & { component: ComponentKey })[];
  table8Totals: CountChange;
  maturity: DimensionChange[];
  diagram: DiagramChange;
  /** Every concept, category and source named above, with the texts of the passages named. */
  concepts: Record<number, NamedConcept>;
  categories: Record<number, NamedCategory>;
  sources: Record<number, string>;
  passages: Record<number, { documentId: DocumentId; start: number; end: number; text: string }>;
  /** Sources in no wave are reported under none; the waves in order. */
  waves: { id: number; name: string }[];
}

export interface SaturationView extends SaturationReport {
  concepts: Record<number, NamedConcept>;
  sources: Record<number, string>;
}

export type AxisKind = 'source' | 'wave' | 'concept' | 'category' | 'component' | 'value' | 'none';

/** A row or column of a matrix: what it stands for and its names. */
export interface AxisItem {
  /** "concept:12", "category:3", "component:causal", "source:4", "wave:2", "value:2023", "none". */
  key: string;
  kind: AxisKind;
  label: string;
  labelFa: string | null;
  labelEn: string | null;
  /** A category's or a concept's component(s); a component's own key. */
  components?: ComponentKey[];
  color?: string;
}

export interface MatrixView {
  rows: AxisItem[];
  columns: AxisItem[];
  cells: number[][];
  rowTotals: number[];
  columnTotals: number[];
  total: number;
}

export interface CooccurrenceView {
  mode: 'overlap' | 'paragraph';
  concepts: AxisItem[];
  counts: number[][];
  pairs: { a: number; b: number; count: number }[];
  /** Concepts left out to keep the table readable (fewest passages first). */
  omitted: number;
}

export interface CrosstabView extends MatrixView {
  attribute: string;
  sourcesPerValue: number[];
}
