// What each read method's answer depends on, so a window refetches an answer only when a change
// touched it (the `touched` of a call's answer or of a `project.changed` event). Part of the
// contract: a read method without an entry does not compile, and a test checks against the real
// backend that every answer a change alters is invalidated by what that change says it touched.

import type { Input, Method, methods, Output } from './contract';
import { READ_DEPENDENCIES } from './evolution-contract';
import type { TouchedWire } from './wire';

/** The tables a change can touch (the backend captures their row changes; db/capture-tables.ts). */
export const TABLES = [
  'project',
  'paradigm_component',
  'document',
  'concept',
  'category',
  'category_concept',
  'segment',
  'reading',
  'reading_concept_weight',
  'reading_placement',
  'concept_synonym',
  'suggestion_rejection',
  'maturity_level',
  'maturity_dimension',
  'maturity_dimension_category',
  'maturity_assessment',
  'maturity_rating',
  'document_page',
  'document_direction',
  'exclusion_reason',
  'record',
  'duplicate_dismissal',
  'coder',
  'project_setting',
  'source_attribute',
  'merge_stamp',
  'merge_tombstone',
  'merge_alias',
  'adjudication',
  'wave',
  'baseline',
] as const;
export type Table = (typeof TABLES)[number];

/**
 * Methods that switch the open project rather than read it: every answer is dropped after one.
 * Publishing a file to a team server opens the project it became.
 */
export const SWITCH_METHODS = ['project.create', 'project.open', 'project.openExample', 'project.openStudy', 'project.close', 'backup.restore', 'project.publish'] as const;

/**
 * A team server's writes to its accounts, not to the project (a member's role, whether coders may
 * edit the codebook): no table of the project changes and no step is taken, so the contract says
 * they do not mutate; they are writes all the same, never held as answers.
 */
export const ACCOUNT_WRITE_METHODS = ['access.setRole', 'access.setCodebookRule'] as const;

/**
 * Methods that change nothing in the project and answer nothing about it, and so are never held:
 * the switches, the accounts' writes, stopping an import under way, and a copy of the project
 * going elsewhere (saved as a file: where it went and how big it is; downloaded from a team
 * server: the file's bytes, handed to the browser, not something a view shows again).
 */
export const NOT_READ_METHODS = [...SWITCH_METHODS, ...ACCOUNT_WRITE_METHODS, 'document.cancelImport', 'project.saveCopy', 'project.download'] as const;
type NotRead = (typeof NOT_READ_METHODS)[number];

/** The methods that only read: each has a dependency below. */
export type ReadMethod = Exclude<{ [M in Method]: (typeof methods)[M]['mutates'] extends false ? M : never }[Method], NotRead>;

export interface Dependency<M extends ReadMethod = ReadMethod> {
  /** A change to any of these tables may change the answer. */
  tables: readonly Table[];
  /**
   * Tables whose rows belong to a source (a document column): a change to them matters only when
   * it touched one of the sources `sources(input)` names (null: every source).
   */
  sourceTables?: readonly Table[];
  sources?: (input: Input<M>) => readonly number[] | null;
  /** The answer changes with every step taken, undone or redone (the history). */
  anyChange?: true;
  /**
   * The tables the answer held depends on, where what it holds narrows `tables` (who is coding:
   * with no coder, coding a passage changes nothing in it). Used when the held answer is known.
   */
  heldTables?: (held: Output<M>) => readonly Table[];
}

// Groups used by several answers.
const CODEBOOK: readonly Table[] = ['paradigm_component', 'category', 'concept', 'category_concept', 'segment', 'reading'];
/**
 * What the counts count in a team project: the basis (project settings) and which coder is the
 * consensus or the one counted (db/filing-tree.ts COUNTED).
 */
const BASIS: readonly Table[] = ['project_setting', 'coder'];
/** Counts under the active readings: the codebook, the readings' weights and placements, the count basis. */
const COUNTS: readonly Table[] = [...CODEBOOK, 'reading_concept_weight', ...BASIS];
/** A segment as listed: its source, concept, page and coder's name. */
const SEGMENT_ROWS: readonly Table[] = ['segment', 'document', 'concept', 'document_page', 'coder'];
/** Two coders' passages compared, with the adjudication of their disagreements. */
const AGREEMENT: readonly Table[] = ['segment', 'coder', 'document', 'concept', 'adjudication'];
const MATURITY: readonly Table[] = ['maturity_level', 'maturity_dimension', 'maturity_dimension_category', 'category', 'category_concept', 'concept', 'segment'];
const ASSESSMENT: readonly Table[] = [...MATURITY, 'maturity_assessment', 'maturity_rating'];
const RECORDS: readonly Table[] = ['record', 'exclusion_reason'];

const one = (id: number) => [id];

/**
 * The extension views (waves, baselines, what changed, saturation, analysis) as their contract
 * names them, and the sources' own attributes, which their filters and attribute rules read.
 */
const evolution = (method: keyof typeof READ_DEPENDENCIES): readonly Table[] => [...(READ_DEPENDENCIES[method] as readonly Table[]), 'source_attribute'];

export const dependencies: { [M in ReadMethod]: Dependency<M> } = {
  // Not the project's data: answered again when the project switches.
  'app.info': { tables: [] },
  'project.list': { tables: [] },
  'project.current': { tables: ['project'] },
  // A team server's accounts (the user, their role here, the project's members and codebook rule)
  // live outside the project's tables: no change of the project alters them. The page asks for
  // them directly when it shows them (renderer/features/server), never from a held answer.
  'access.get': { tables: [] },
  'access.members': { tables: [] },

  'document.list': { tables: ['document', 'segment'] },
  // Its summary counts the source's segments; its text never changes.
  'document.get': { tables: [], sourceTables: ['document', 'segment', 'document_page', 'document_direction'], sources: ({ id }) => one(id) },
  'document.pageAt': { tables: [], sourceTables: ['document', 'document_page'], sources: ({ id }) => one(id) },

  'codebook.get': { tables: CODEBOOK },
  'segment.get': { tables: SEGMENT_ROWS },
  'segment.forDocument': { tables: [], sourceTables: ['segment'], sources: ({ documentId }) => one(documentId) },
  'segment.list': {
    tables: ['concept', 'category', 'category_concept', 'reading', 'coder'],
    sourceTables: ['segment', 'document', 'document_page'],
    sources: ({ scope }) => (scope.kind === 'document' ? one(scope.id) : null),
  },
  // A page of the same list (from a cursor naming the last row before it), and the scope's count.
  'segment.page': {
    tables: ['concept', 'category', 'category_concept', 'reading', 'coder'],
    sourceTables: ['segment', 'document', 'document_page'],
    sources: ({ scope }) => (scope.kind === 'document' ? one(scope.id) : null),
  },

  'counts.paradigm': { tables: COUNTS },
  'counts.mainCategories': { tables: COUNTS },
  'export.table8Csv': { tables: [...COUNTS, 'project'] },
  'export.segmentsCsv': { tables: [...CODEBOOK, ...SEGMENT_ROWS, ...BASIS, 'project'] },
  // Any step taken, undone or redone; its author's name is a coder's.
  'history.get': { tables: ['coder'], anyChange: true },
  // What compaction keeps: project settings.
  'history.limits': { tables: ['project_setting'] },
  // The project's label language: a project setting.
  'labels.get': { tables: ['project_setting'] },

  'study.get': { tables: ['category', 'reading'] },
  'reading.list': { tables: ['reading'] },
  'counts.compare': { tables: COUNTS },

  // Hits come from the sources' texts (which never change) and their names; the index follows the sources.
  'search.query': { tables: [], sourceTables: ['document', 'document_direction'], sources: ({ documentIds }) => documentIds ?? null },
  'stats.wordFrequencies': { tables: [], sourceTables: ['document'], sources: ({ documentIds }) => documentIds ?? null },
  'synonym.list': { tables: ['concept', 'concept_synonym'] },
  'suggestion.list': { tables: ['concept', 'concept_synonym', 'suggestion_rejection', 'segment', 'document', 'document_direction'] },

  'record.list': { tables: RECORDS },
  'record.duplicates': { tables: ['record', 'duplicate_dismissal'] },
  'screening.prisma': { tables: RECORDS },
  'reason.list': { tables: RECORDS },
  'corpus.stats': { tables: ['record'] },

  'maturity.get': { tables: MATURITY },
  'maturity.exportJson': { tables: [...MATURITY, 'project'] },
  'maturity.exportCsv': { tables: [...MATURITY, 'project'] },
  'maturity.exportXlsx': { tables: [...MATURITY, 'project'] },
  'assessment.list': { tables: ['maturity_assessment'] },
  'assessment.get': { tables: ASSESSMENT },
  'assessment.exportJson': { tables: [...ASSESSMENT, 'project'] },
  'assessment.exportCsv': { tables: [...ASSESSMENT, 'project'] },
  'assessment.exportHtml': { tables: [...ASSESSMENT, 'project'] },

  'wave.list': { tables: evolution('wave.list') },
  'baseline.list': { tables: evolution('baseline.list') },
  'evolution.report': { tables: evolution('evolution.report') },
  'saturation.report': { tables: evolution('saturation.report') },
  'analysis.matrix': { tables: evolution('analysis.matrix') },
  'analysis.cooccurrence': { tables: evolution('analysis.cooccurrence') },
  'analysis.crosstab': { tables: evolution('analysis.crosstab') },
  'analysis.export': { tables: evolution('analysis.export') },

  // A whole project in an exchange file: anything may be in it.
  'exchange.export': { tables: TABLES },
  'document.attributes': { tables: [], sourceTables: ['document', 'source_attribute'], sources: ({ id }) => one(id) },

  // Team coding. Who codes in this window is the backend's (a coder chosen without a change is
  // painted from coder.use's answer); the rest is the project's.
  // Each coder with a count of their passages.
  'coder.list': { tables: ['coder', 'segment'] },
  // The session's coders carry their count of passages: with none (working alone), passages do not matter.
  'coder.session': {
    tables: ['coder', 'segment', 'project', 'project_setting'],
    heldTables: (held) => (held.coder || held.preparedFor ? ['coder', 'segment', 'project', 'project_setting'] : ['coder', 'project', 'project_setting']),
  },
  'counts.basis': { tables: [...BASIS, 'segment'] },
  'agreement.compute': { tables: AGREEMENT },
  'agreement.export': { tables: [...AGREEMENT, 'project'] },
  // Another copy against this one: anything in this one may meet it.
  'merge.preview': { tables: TABLES },

  // Not the project's data: backups are made only as a project is opened, started afresh or restored (switches).
  'backup.list': { tables: [] },
  // What the bundled project holds, with its steps: the open project may be it, and any change moves its count of steps.
  'project.bundledWork': { tables: [], anyChange: true },
};

export const isReadMethod = (method: string): method is ReadMethod => Object.hasOwn(dependencies, method);

const meets = <T>(a: readonly T[], b: readonly T[]) => a.some((x) => b.includes(x));

/**
 * Whether a change that touched `touched` may have changed what `method` answers for `input`
 * (`held`: the answer as it was before the change, when known). Never false when the answer did
 * change (the contract test checks it); true now and then when it did not (a change names tables
 * and sources, not rows).
 */
export function isInvalidated<M extends ReadMethod>(method: M, input: Input<M>, touched: TouchedWire, held?: Output<M>): boolean {
  const dependency = dependencies[method] as Dependency<M>;
  if (touched.tables === null) return true;
  if (touched.tables.length === 0) return false;
  if (dependency.anyChange) return true;
  const tables = held !== undefined && dependency.heldTables ? dependency.heldTables(held) : dependency.tables;
  if (meets(tables, touched.tables)) return true;
  if (!dependency.sourceTables || !meets(dependency.sourceTables, touched.tables)) return false;
  const sources = dependency.sources?.(input) ?? null;
  return sources === null || touched.documents === null || meets(sources, touched.documents);
}

/** The union of two touched sets (what several changes touched together). */
export function unionTouched(a: TouchedWire | null, b: TouchedWire): TouchedWire {
  if (!a) return b;
  const union = <T>(x: T[] | null, y: T[] | null) => (x === null || y === null ? null : [...new Set([...x, ...y])]);
  return { tables: union(a.tables, b.tables), documents: union(a.documents, b.documents) };
}
