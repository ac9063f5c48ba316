// The grounded-theory model as the renderer and the command line see it: documents, concepts,
// categories (main and sub), paradigm components, segments, memos and the Table 8 counts.

import type { CategoryId, CoderId, CommandId, ConceptId, DocumentId, SegmentId } from './ids';
import type { ComponentKey } from './paradigm';
import type { Message } from './message';
import type { ReadOnlyReason } from './project-file';

export type SourceFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx';

export interface ProjectInfo {
  path: string;
  name: string;
  createdAt: string;
  schemaVersion: number;
  /** Set when the project is open read-only: chosen when opening, or the file cannot be written. */
  readOnly?: ReadOnlyReason;
}

export interface ProjectListing {
  path: string;
  name: string;
  modifiedAt: string | null;
  exists: boolean;
}

export interface DocumentSummary {
  id: DocumentId;
  name: string;
  format: SourceFormat;
  originalName: string;
  sha256: string;
  /** Length of the canonical text in UTF-16 code units. */
  length: number;
  dir: 'ltr' | 'rtl';
  importedAt: string;
  segmentCount: number;
  memo: string;
}

export interface DocumentText {
  document: DocumentSummary;
  text: string;
  /** Where each page starts (PDF sources; empty for others). */
  pages?: DocumentPage[];
  /** Paragraph directions stated by the source file (DOCX w:bidi); they win over the guessed one. */
  directions?: ParagraphDirection[];
}

export interface Concept {
  id: ConceptId;
  label: string;
  color: string;
  inVivo: boolean;
  memo: string;
  createdAt: string;
  segmentCount: number;
  /** An item id such as "D1.C01.07"; concepts with different codes may share a label. */
  code: string | null;
  /** Glosses: the label in Persian and in English (null: use `label`). */
  labelFa: string | null;
  labelEn: string | null;
  /** Flags and parse notes carried from a codebook (JSON object), or null. */
  notes: Record<string, unknown> | null;
}

export interface Category {
  id: CategoryId;
  name: string;
  color: string;
  /** null for a main category. */
  parentId: CategoryId | null;
  /** Only main categories carry a component. */
  component: ComponentKey | null;
  memo: string;
  createdAt: string;
  /** An item id such as "D2.C01" (a Table 7 row) or "D2" (a dimension used as a category). */
  code: string | null;
  labelFa: string | null;
  labelEn: string | null;
  /** The dimension (as a published table prints it) this category row belongs to. */
  dimensionId: number | null;
  /** The reading option this category exists under (it is hidden while another option is active). */
  readingOptionId: number | null;
  notes: Record<string, unknown> | null;
}

export interface ComponentInfo {
  key: ComponentKey;
  label: string;
  memo: string;
  labelFa: string;
  labelEn: string;
}

export interface Filing {
  categoryId: CategoryId;
  conceptId: ConceptId;
}

export interface Codebook {
  components: ComponentInfo[];
  categories: Category[];
  concepts: Concept[];
  filings: Filing[];
}

export interface Segment {
  id: SegmentId;
  documentId: DocumentId;
  conceptId: ConceptId;
  start: number;
  end: number;
  text: string;
  contextBefore: string;
  contextAfter: string;
  memo: string;
  createdAt: string;
  /** Who coded it (team coding); null: no coder. */
  coderId?: CoderId | null;
}

/** What the reader draws of a segment: the text itself comes from the source. */
export interface SegmentMark {
  id: SegmentId;
  conceptId: ConceptId;
  /** Who coded it (team coding); null: no coder. */
  coderId?: CoderId | null;
  start: number;
  end: number;
  hasMemo: boolean;
}

/** A segment as lists show it: with the names beside it, without its context. */
export interface SegmentRow extends Omit<Segment, 'contextBefore' | 'contextAfter'> {
  documentName: string;
  conceptLabel: string;
  conceptColor: string;
  /** The page (its label) the passage starts on, in a source with pages (PDF); null otherwise. */
  page: string | null;
  /** The coder's name (team coding); null: no coder. */
  coderName?: string | null;
}

/** One page of a scope's segments (segment.page). */
export interface SegmentPage {
  rows: SegmentRow[];
  /** Names the next page, or null after the last. */
  next: string | null;
  /** How many segments the scope holds, on the first page; null on later pages. */
  total: number | null;
}

export type SegmentScope =
  | { kind: 'all' }
  | { kind: 'document'; id: DocumentId }
  | { kind: 'concept'; id: ConceptId }
  | { kind: 'category'; id: CategoryId }
  | { kind: 'component'; key: ComponentKey }
  | { kind: 'unassigned' };

export type MemoTarget =
  | { kind: 'document'; id: DocumentId }
  | { kind: 'concept'; id: ConceptId }
  | { kind: 'category'; id: CategoryId }
  | { kind: 'component'; key: ComponentKey }
  | { kind: 'segment'; id: SegmentId };

export interface CountRow {
  mainCategories: number;
  concepts: number;
  finalCodes: number;
}

/** The study's Table 8, computed from the project by queries. */
export interface ParadigmCounts {
  /** Which passages the final codes count (team coding): every coder's, the consensus, or one coder's. */
  countBasis?: { kind: 'all' | 'consensus' | 'coder'; coderName: string | null };
  rows: Array<CountRow & { component: ComponentKey; label: string }>;
  /** Each main category, concept and segment once, however many components it reaches. */
  totals: CountRow;
  /** Plain sums of the component rows, as the study's own totals row is a sum. */
  sums: CountRow;
  unassigned: {
    /** Main categories that are in no component. */
    mainCategories: number;
    /** Concepts filed in no category at all. */
    conceptsUnfiled: number;
    /** Concepts filed only under categories that reach no component. */
    conceptsOutsideComponents: number;
    /** Segments whose concept reaches no component. */
    finalCodes: number;
  };
  /** Concepts filed under more than one component (counted in each row, once in the totals). */
  sharedConcepts: Array<{ id: ConceptId; label: string; components: ComponentKey[] }>;
  /** Every main category placed in a component, in component order, with its own counts. */
  mainCategoryRows: MainCategoryCount[];
}

/** One main category's row: what a paradigm diagram box lists. */
export interface MainCategoryCount {
  id: CategoryId;
  component: ComponentKey;
  /** The category's name; labelFa / labelEn are its glosses when it has them. */
  label: string;
  labelFa: string | null;
  labelEn: string | null;
  code: string | null;
  /** Concept items (weighted by the active readings) filed under it or its sub-categories. */
  concepts: number;
  finalCodes: number;
}

export interface ImportedFile {
  name: string;
  /** partial: a bibliography of which some records were imported and others were broken. */
  status: 'imported' | 'partial' | 'duplicate' | 'failed';
  /** The report line in English; `said` is the same line structured, for the interface to translate. */
  message: string;
  said?: Message;
  document?: DocumentSummary;
}

export interface HistoryEntry {
  id: CommandId;
  kind: string;
  /** The step in English; `said`, when the step was labelled structured, is what the interface translates. */
  label: string;
  said?: Message;
  state: 'done' | 'undone';
  createdAt: string;
  /** Who made the step (a coder or user id); null for a single researcher. */
  actor: string | null;
  /** The coder's name, when the actor is a coder of the project. */
  actorName?: string | null;
}

export interface HistoryState {
  entries: HistoryEntry[];
  undo: HistoryEntry | null;
  redo: HistoryEntry | null;
}

/** A page of a paginated source: its 1-based index, the PDF's page label if any, its start offset. */
export interface DocumentPage {
  index: number;
  label: string | null;
  start: number;
}

/** The direction a source file states for one paragraph (0-based line number of the canonical text). */
export interface ParagraphDirection {
  paragraph: number;
  dir: 'ltr' | 'rtl';
}

/** One file's progress in an import batch, as the import panel shows it. */
export type ImportStage = 'queued' | 'reading' | 'imported' | 'partial' | 'duplicate' | 'failed' | 'cancelled';
