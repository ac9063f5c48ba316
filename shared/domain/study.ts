// Readings, reported figures and study facts: what a project reproducing a published study holds
// beside its codebook (the study project is built from fixtures/study/study.json). Generic: any
// project may define readings and reported figures; a plain project has none.

import type { CategoryId } from './ids';
import type { CountRow } from './model';
import type { ComponentKey } from './paradigm';
import type { Message } from './message';

export interface ReadingOptionInfo {
  id: number;
  key: string;
  labelFa: string | null;
  labelEn: string;
  explanation: string;
  /** The option is the project's interpretation of the source, and the screen says so. */
  interpretation: boolean;
  active: boolean;
}

/** A choice the material leaves open (how concept items are counted, which are the main categories). */
export interface ReadingInfo {
  id: number;
  key: string;
  labelFa: string | null;
  labelEn: string;
  explanation: string;
  activeKey: string | null;
  options: ReadingOptionInfo[];
}

export interface DimensionInfo {
  id: number;
  code: string;
  component: ComponentKey | null;
  labelFa: string | null;
  labelEn: string | null;
  position: number;
  /** The categories whose dimension_id is this dimension (Table 7 rows), in code order. */
  categoryIds: CategoryId[];
}

export interface ScreeningFigures {
  identified: number;
  screened: number;
  included: number;
}

export interface StudyReference {
  no: number;
  authors: string;
  year: string;
  title?: string;
  venue?: string;
  urlOrDoi?: string;
  raw: string;
}

/** `study.get`: the facts of the study a project reproduces (all null/empty in a plain project). */
export interface StudyInfo {
  title: string | null;
  citation: string | null;
  screening: ScreeningFigures | null;
  /** Per component (and 'total', 'finalCodes'): why the reproduced figure differs from the reported one. */
  reasons: Partial<Record<ComponentKey | 'total' | 'finalCodes', string>>;
  general: string[];
  references: { en: StudyReference[]; fa: StudyReference[] };
  dimensions: DimensionInfo[];
  readings: ReadingInfo[];
}

export interface CompareRow {
  component: ComponentKey | 'total';
  label: string;
  labelFa: string | null;
  reproduced: CountRow;
  reported: CountRow | null;
  /** reproduced − reported, per column (null where nothing is reported). */
  difference: CountRow | null;
  /** Why they differ, worded from the figures of this row (shared/domain/study-notes.ts), in English; `reasonSaid` structured. */
  reason: string | null;
  reasonSaid: Message | null;
}

/** `counts.compare`: reproduced beside reported, under the active (or the given) readings. */
export interface CountsCompare {
  rows: CompareRow[];
  readings: ReadingInfo[];
  /** Readings applied for this answer: reading key → option key. */
  applied: Record<string, string>;
  finalCodesNote: string | null;
}
