// The one contract between the renderer (or the command line) and the backend. Each method
// names its input schema (checked at run time by the dispatcher) and whether it changes the
// project; `Outputs` names what it returns. A method missing from either is a compile error.

import { z } from 'zod';
import type {
  Category,
  Codebook,
  Concept,
  DocumentSummary,
  DocumentText,
  HistoryState,
  ImportedFile,
  ParadigmCounts,
  ProjectInfo,
  ProjectListing,
  Segment,
  SegmentMark,
  SegmentPage,
  SegmentRow,
} from '../domain/model';
import type { MainCategoryCounts } from '../domain/main-category-counts';
import type { CountsCompare, ReadingInfo, StudyInfo } from '../domain/study';
import { categoryId, coderId, conceptId, documentId, segmentId } from '../domain/ids';
import { COMPONENT_KEYS } from '../domain/paradigm';
import { HEX_COLOR } from '../domain/colors';
import { MAX_LABEL_LENGTH, MAX_MEMO_LENGTH } from '../domain/limits';
import { LABEL_MESSAGES, labelProblem } from '../domain/label-rules';
import type { AutocodeResult, SearchResult, SuggestionList, WordFrequencies } from '../domain/search-model';
import { maturityMethods, type MaturityOutputs } from './maturity-contract';
import { teamMethods, type TeamOutputs } from './team-contract';
import { exchangeMethods, type ExchangeOutputs } from './exchange-contract';
import { evolutionMethods, type EvolutionOutputs } from './evolution-contract';
import { labelsMethods, type LabelsOutputs } from './labels-contract';
import { serverMethods, type ServerOutputs } from './server-contract';
import type { BibliographyImport, CorpusStats, DuplicateFlag, ExclusionReason, RecordSummary } from '../domain/records';
import { RECORD_TYPES, reasonId, recordId } from '../domain/records';
import type { PrismaFigures } from '../domain/prisma';
import type { ProjectBackups, SavedCopy, WorkSummary } from '../domain/project-file';

const rowid = z.number().int().positive();
const DocumentIdSchema = rowid.transform(documentId);
const ConceptIdSchema = rowid.transform(conceptId);
const CategoryIdSchema = rowid.transform(categoryId);
const SegmentIdSchema = rowid.transform(segmentId);
const ComponentSchema = z.enum(COMPONENT_KEYS);
const Label = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = labelProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: LABEL_MESSAGES[problem] });
  });
const Color = z.string().toLowerCase().regex(HEX_COLOR, 'A colour is written #rrggbb.');
const Offset = z.number().int().nonnegative();
const Empty = z.object({}).strict();
const RecordIdSchema = rowid.transform(recordId);
const ReasonIdSchema = rowid.transform(reasonId);
const RecordChangesSchema = z
  .object({
    title: Label.optional(),
    authors: z.array(z.object({ family: z.string().trim().min(1), given: z.string().trim().optional() }).strict()).optional(),
    year: z.number().int().min(1).max(9999).nullable().optional(),
    venue: z.string().trim().max(1000).optional(),
    doi: z.string().trim().max(300).optional(),
    url: z.string().trim().max(2000).optional(),
    type: z.enum(RECORD_TYPES).optional(),
    language: z.string().trim().max(40).optional(),
    abstract: z.string().max(MAX_MEMO_LENGTH).optional(),
    keywords: z.array(z.string().trim().min(1)).optional(),
  })
  .strict();

const SegmentScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('document'), id: DocumentIdSchema }),
  z.object({ kind: z.literal('concept'), id: ConceptIdSchema }),
  z.object({ kind: z.literal('category'), id: CategoryIdSchema }),
  z.object({ kind: z.literal('component'), key: ComponentSchema }),
  z.object({ kind: z.literal('unassigned') }),
]);

const MemoTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('document'), id: DocumentIdSchema }),
  z.object({ kind: z.literal('concept'), id: ConceptIdSchema }),
  z.object({ kind: z.literal('category'), id: CategoryIdSchema }),
  z.object({ kind: z.literal('component'), key: ComponentSchema }),
  z.object({ kind: z.literal('segment'), id: SegmentIdSchema }),
]);

export const methods = {
  'app.info': { input: Empty, mutates: false },

  'project.current': { input: Empty, mutates: false },
  'project.list': { input: Empty, mutates: false },
  'project.create': {
    input: z.object({ name: Label, path: z.string().min(1).optional() }).strict(),
    mutates: false,
  },
  'project.open': { input: z.object({ path: z.string().min(1), readOnly: z.boolean().optional() }).strict(), mutates: false },
  'project.openExample': { input: z.object({ fresh: z.boolean().optional() }).strict(), mutates: false },
  'project.close': { input: Empty, mutates: false },
  // The safety net: a copy of the open project, what a bundled project holds before it is started
  // afresh, and the backups kept in the Groundwork home (electron/backend/backups.ts).
  'project.saveCopy': { input: z.object({ path: z.string().min(1).optional() }).strict(), mutates: false },
  'project.bundledWork': { input: z.object({ bundled: z.enum(['example', 'study']) }).strict(), mutates: false },
  'backup.list': { input: Empty, mutates: false },
  'backup.restore': { input: z.object({ id: z.string().min(1).max(500) }).strict(), mutates: false },

  'document.list': { input: Empty, mutates: false },
  'document.get': { input: z.object({ id: DocumentIdSchema }).strict(), mutates: false },
  'document.import': {
    input: z
      .object({
        files: z
          .array(
            z.union([
              z.object({ name: z.string().min(1), dataBase64: z.string() }).strict(),
              /** Bytes sent before to the browser-mode host (POST /api/upload), named by the token it answered. */
              z.object({ name: z.string().min(1), upload: z.string().min(1).max(100) }).strict(),
            ]),
          )
          .min(1, 'Choose at least one file.'),
        batch: z.string().min(1).max(100).optional(),
      })
      .strict(),
    mutates: true,
  },
  /** Stops a batch sent file by file: the file being read stops at once, later files are refused. */
  'document.cancelImport': { input: z.object({ batch: z.string().min(1).max(100) }).strict(), mutates: false },
  'document.rename': { input: z.object({ id: DocumentIdSchema, name: Label }).strict(), mutates: true },
  'document.delete': { input: z.object({ id: DocumentIdSchema }).strict(), mutates: true },

  'codebook.get': { input: Empty, mutates: false },
  'concept.create': {
    input: z.object({ label: Label, color: Color.optional(), inVivo: z.boolean().optional() }).strict(),
    mutates: true,
  },
  'concept.update': {
    input: z.object({ id: ConceptIdSchema, label: Label.optional(), color: Color.optional() }).strict(),
    mutates: true,
  },
  'concept.delete': { input: z.object({ id: ConceptIdSchema }).strict(), mutates: true },

  'category.create': {
    input: z
      .object({ name: Label, parentId: CategoryIdSchema.nullable().optional(), color: Color.optional() })
      .strict(),
    mutates: true,
  },
  'category.update': {
    input: z.object({ id: CategoryIdSchema, name: Label.optional(), color: Color.optional() }).strict(),
    mutates: true,
  },
  'category.move': {
    input: z.object({ id: CategoryIdSchema, parentId: CategoryIdSchema.nullable() }).strict(),
    mutates: true,
  },
  'category.delete': { input: z.object({ id: CategoryIdSchema }).strict(), mutates: true },
  'category.fileConcepts': {
    input: z
      .object({
        categoryId: CategoryIdSchema,
        conceptIds: z.array(ConceptIdSchema).min(1),
        /** When given, the concepts leave this category: a move rather than an extra filing. */
        fromCategoryId: CategoryIdSchema.nullable().optional(),
      })
      .strict(),
    mutates: true,
  },
  'category.unfileConcepts': {
    input: z.object({ categoryId: CategoryIdSchema, conceptIds: z.array(ConceptIdSchema).min(1) }).strict(),
    mutates: true,
  },
  'component.assign': {
    input: z.object({ categoryId: CategoryIdSchema, component: ComponentSchema.nullable() }).strict(),
    mutates: true,
  },

  'segment.code': {
    input: z
      .object({
        documentId: DocumentIdSchema,
        start: Offset,
        end: Offset,
        conceptId: ConceptIdSchema.optional(),
        /** A concept created with the segment, in one undo step; inVivo takes the selected words as its label. */
        newConcept: z
          .object({ label: Label.optional(), inVivo: z.boolean().optional(), color: Color.optional() })
          .strict()
          .refine((c) => c.label !== undefined || c.inVivo === true, { message: 'A new concept needs a label.' })
          .optional(),
      })
      .strict()
      .refine((v) => (v.conceptId === undefined) !== (v.newConcept === undefined), {
        message: 'Give either an existing concept or a new one.',
      }),
    mutates: true,
  },
  'segment.uncode': { input: z.object({ id: SegmentIdSchema }).strict(), mutates: true },
  'segment.get': { input: z.object({ id: SegmentIdSchema }).strict(), mutates: false },
  'segment.forDocument': { input: z.object({ documentId: DocumentIdSchema }).strict(), mutates: false },
  'segment.list': { input: z.object({ scope: SegmentScopeSchema }).strict(), mutates: false },
  /**
   * A scope's segments a page at a time, in segment.list's order; `cursor` is the `next` of the page
   * before. `coder`: only that coder's passages (null: those of no coder); absent: everyone's.
   */
  'segment.page': {
    input: z
      .object({
        scope: SegmentScopeSchema,
        cursor: z.string().min(1).max(4000).optional(),
        limit: z.number().int().positive().max(2000).optional(),
        coder: rowid.transform(coderId).nullable().optional(),
      })
      .strict(),
    mutates: false,
  },

  'memo.set': {
    input: z.object({ target: MemoTargetSchema, text: z.string().max(MAX_MEMO_LENGTH) }).strict(),
    mutates: true,
  },

  'counts.paradigm': { input: Empty, mutates: false },
  'export.table8Csv': { input: Empty, mutates: false },
  'export.segmentsCsv': { input: Empty, mutates: false },

  'history.get': { input: Empty, mutates: false },
  'history.undo': { input: Empty, mutates: true },
  'history.redo': { input: Empty, mutates: true },
  /** How much history the project keeps: its last N steps, and every step of its last D days (older ones are compacted away). */
  'history.limits': { input: Empty, mutates: false },
  'history.setLimits': {
    input: z.object({ keepSteps: z.number().int().min(0).max(1_000_000), keepDays: z.number().int().min(0).max(36_500) }).strict(),
    mutates: true,
  },

  'counts.mainCategories': { input: Empty, mutates: false },
  'project.openStudy': { input: z.object({ fresh: z.boolean().optional() }).strict(), mutates: false },
  'study.get': { input: Empty, mutates: false },
  'reading.list': { input: Empty, mutates: false },
  'reading.choose': { input: z.object({ reading: z.string().min(1), option: z.string().min(1) }).strict(), mutates: true },
  'counts.compare': {
    input: z.object({ readings: z.record(z.string(), z.string()).optional() }).strict(),
    mutates: false,
  },
  'search.query': {
    input: z
      .object({
        query: z.string().max(500, 'A search is at most 500 characters long.'),
        limit: z.number().int().positive().max(5000).optional(),
        documentIds: z.array(DocumentIdSchema).optional(),
      })
      .strict(),
    mutates: false,
  },
  'search.autocode': {
    input: z
      .object({
        /** Every hit of this query is coded, or: */
        query: z.string().max(500).optional(),
        /** just these passages (selected hits, accepted suggestions). */
        hits: z.array(z.object({ documentId: DocumentIdSchema, start: Offset, end: Offset }).strict()).min(1).max(100_000).optional(),
        documentIds: z.array(DocumentIdSchema).optional(),
        conceptId: ConceptIdSchema.optional(),
        newConcept: z.object({ label: Label, color: Color.optional() }).strict().optional(),
        /** Widen each hit to its sentence or paragraph. */
        extend: z.enum(['hit', 'sentence', 'paragraph']).optional(),
      })
      .strict()
      .refine((v) => (v.query === undefined) !== (v.hits === undefined), { message: 'Give either a search or the passages to code.' })
      .refine((v) => (v.conceptId === undefined) !== (v.newConcept === undefined), {
        message: 'Give either an existing concept or a new one.',
      }),
    mutates: true,
  },
  'synonym.list': { input: z.object({ conceptId: ConceptIdSchema }).strict(), mutates: false },
  'synonym.set': {
    input: z.object({ conceptId: ConceptIdSchema, terms: z.array(z.string().max(MAX_LABEL_LENGTH)).max(200) }).strict(),
    mutates: true,
  },
  'suggestion.list': { input: z.object({ conceptId: ConceptIdSchema }).strict(), mutates: false },
  'suggestion.reject': {
    input: z
      .object({
        conceptId: ConceptIdSchema,
        hits: z.array(z.object({ documentId: DocumentIdSchema, start: Offset, end: Offset }).strict()).min(1).max(100_000),
      })
      .strict(),
    mutates: true,
  },
  'stats.wordFrequencies': {
    input: z
      .object({
        documentIds: z.array(DocumentIdSchema).optional(),
        limit: z.number().int().positive().max(1000).optional(),
        stopWords: z.boolean().optional(),
      })
      .strict(),
    mutates: false,
  },
  ...maturityMethods,
  ...teamMethods,
  ...exchangeMethods,
  ...evolutionMethods,
  ...labelsMethods,
  ...serverMethods,
  'document.pageAt': {
    input: z.object({ id: DocumentIdSchema, offset: z.number().int().min(0) }).strict(),
    mutates: false,
  },
  'record.list': { input: Empty, mutates: false },
  'record.create': { input: RecordChangesSchema.extend({ title: Label }).strict(), mutates: true },
  'record.update': { input: z.object({ id: RecordIdSchema, changes: RecordChangesSchema }).strict(), mutates: true },
  'record.delete': { input: z.object({ id: RecordIdSchema }).strict(), mutates: true },
  'record.duplicates': { input: Empty, mutates: false },
  'record.merge': { input: z.object({ keepId: RecordIdSchema, dropId: RecordIdSchema }).strict(), mutates: true },
  'record.dismissDuplicate': { input: z.object({ a: RecordIdSchema, b: RecordIdSchema }).strict(), mutates: true },
  'bibliography.import': {
    input: z.object({ name: z.string().min(1), dataBase64: z.string() }).strict(),
    mutates: true,
  },
  'screening.decide': {
    input: z
      .object({
        ids: z.array(RecordIdSchema).min(1, 'Choose at least one record.'),
        /** advance: one stage on; include: straight to included; exclude: needs a reason; a stage name sets it. */
        decision: z.enum(['advance', 'include', 'exclude', 'identified', 'screened', 'eligible']),
        reasonId: ReasonIdSchema.optional(),
      })
      .strict()
      .refine((v) => v.decision !== 'exclude' || v.reasonId !== undefined, { message: 'Choose a reason for the exclusion.' }),
    mutates: true,
  },
  'screening.prisma': { input: Empty, mutates: false },
  'reason.list': { input: Empty, mutates: false },
  'reason.create': { input: z.object({ name: Label }).strict(), mutates: true },
  'reason.rename': { input: z.object({ id: ReasonIdSchema, name: Label }).strict(), mutates: true },
  'reason.delete': { input: z.object({ id: ReasonIdSchema }).strict(), mutates: true },
  'corpus.stats': { input: Empty, mutates: false },
  'record.link': { input: z.object({ id: RecordIdSchema, documentId: DocumentIdSchema }).strict(), mutates: true },
} as const satisfies Record<string, { input: z.ZodType; mutates: boolean }>;

export interface AppInfo {
  version: string;
  host: 'browser' | 'electron' | 'cli' | 'test' | 'server';
  /** Folder where new projects and the example project are kept. */
  home: string;
}

/** What compaction keeps of a project's history (a project setting). */
export interface HistoryLimits {
  keepSteps: number;
  keepDays: number;
}

export interface CsvFile {
  filename: string;
  csv: string;
}

export interface Outputs {
  'app.info': AppInfo;
  'project.current': ProjectInfo | null;
  'project.list': { recent: ProjectListing[]; inHome: ProjectListing[] };
  'project.create': ProjectInfo;
  'project.open': ProjectInfo;
  'project.openExample': ProjectInfo;
  'project.close': null;
  'project.saveCopy': SavedCopy;
  'project.bundledWork': WorkSummary | null;
  'backup.list': ProjectBackups[];
  'backup.restore': ProjectInfo;
  'document.list': DocumentSummary[];
  'document.get': DocumentText;
  'document.import': ImportedFile[];
  'document.cancelImport': null;
  'document.rename': DocumentSummary;
  'document.delete': { deletedSegments: number };
  'codebook.get': Codebook;
  'concept.create': Concept;
  'concept.update': Concept;
  'concept.delete': { deletedSegments: number };
  'category.create': Category;
  'category.update': Category;
  'category.move': Category;
  'category.delete': { deletedCategories: number; unfiledConcepts: number };
  'category.fileConcepts': { filed: number };
  'category.unfileConcepts': { unfiled: number };
  'component.assign': Category;
  'segment.code': Segment;
  'segment.uncode': null;
  'segment.get': SegmentRow;
  'segment.forDocument': SegmentMark[];
  'segment.list': SegmentRow[];
  'segment.page': SegmentPage;
  'memo.set': null;
  'counts.paradigm': ParadigmCounts;
  'export.table8Csv': CsvFile;
  'export.segmentsCsv': CsvFile;
  'history.get': HistoryState;
  'history.undo': HistoryState;
  'history.redo': HistoryState;
  'history.limits': HistoryLimits;
  'history.setLimits': HistoryLimits;
  'counts.mainCategories': MainCategoryCounts;
  'project.openStudy': ProjectInfo;
  'study.get': StudyInfo;
  'reading.list': ReadingInfo[];
  'reading.choose': ReadingInfo[];
  'counts.compare': CountsCompare;
  'search.query': SearchResult;
  'search.autocode': AutocodeResult;
  'synonym.list': string[];
  'synonym.set': string[];
  'suggestion.list': SuggestionList;
  'suggestion.reject': { rejected: number };
  'stats.wordFrequencies': WordFrequencies;
  /** The page holding an offset of a paginated source (PDF), for citations ("p. 7"); null otherwise. */
  'document.pageAt': { index: number; label: string } | null;
  'record.list': RecordSummary[];
  'record.create': RecordSummary;
  'record.update': RecordSummary;
  'record.delete': null;
  'record.duplicates': DuplicateFlag[];
  'record.merge': RecordSummary;
  'record.dismissDuplicate': null;
  'bibliography.import': BibliographyImport;
  'screening.decide': { changed: number };
  'screening.prisma': PrismaFigures;
  'reason.list': ExclusionReason[];
  'reason.create': ExclusionReason;
  'reason.rename': ExclusionReason;
  'reason.delete': null;
  'corpus.stats': CorpusStats;
  'record.link': RecordSummary;
}

export interface Outputs extends MaturityOutputs, EvolutionOutputs {}
export interface Outputs extends ExchangeOutputs {}
export interface Outputs extends LabelsOutputs {}
export interface Outputs extends ServerOutputs {}
export interface Outputs extends TeamOutputs {}

export type Method = keyof typeof methods;
/** What a caller passes (plain numbers for ids). */
export type Input<M extends Method> = z.input<(typeof methods)[M]['input']>;
/** What a handler receives after validation (branded ids, trimmed labels). */
export type ParsedInput<M extends Method> = z.output<(typeof methods)[M]['input']>;
export type Output<M extends Method> = Outputs[M];

// Every method has an output type and every output type a method.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const contractIsComplete: Same<Method, keyof Outputs> = true;
void contractIsComplete;

export const isMethod = (name: string): name is Method => Object.hasOwn(methods, name);
