// Extending a model with new literature, the contract's part (spread into `methods` in contract.ts):
// waves, baselines, what changed, saturation, and the analysis views with their CSV/XLSX exports.
// READ_DEPENDENCIES names the tables each read method's answer depends on, for a window that
// refetches only what a change touched (shared/api/dependencies.ts, where it exists).

import { z } from 'zod';
import type { BaselineSummary, ChangeView, CooccurrenceView, CrosstabView, MatrixView, SaturationView } from '../domain/change-view';
import { MAX_LABEL_LENGTH } from '../domain/limits';
import { STAGES } from '../domain/records';
import type { DocumentId } from '../domain/ids';
import type { ImportBatch, Wave } from '../domain/waves';
import type { BinaryFile } from './maturity-contract';

const rowid = z.number().int().positive();
const Name = z.string().trim().min(1, 'A name cannot be empty.').max(MAX_LABEL_LENGTH);
const Year = z.number().int().min(1, 'A year is a whole number from 1 to 9999.').max(9999, 'A year is a whole number from 1 to 9999.');

export const WaveRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('batch'), batches: z.array(z.string().min(1).max(200)).min(1, 'Choose at least one import batch for the wave.').max(1000) }).strict(),
  z.object({ kind: z.literal('years'), from: Year.nullable(), to: Year.nullable() }).strict(),
  z
    .object({
      kind: z.literal('attribute'),
      /** A record attribute (WAVE_ATTRIBUTES) or a free-form source attribute's name. */
      attribute: z.string().trim().min(1, 'Name the attribute.').max(200),
      value: z.string().trim().min(1, 'Give the value the wave’s sources have.').max(300),
    })
    .strict(),
]);

export const SourceFilterSchema = z
  .object({
    waves: z.array(rowid).max(1000).optional(),
    stages: z.array(z.enum(STAGES)).optional(),
    attribute: z
      .object({ name: z.string().trim().min(1).max(200), values: z.array(z.string().max(300)).max(1000) })
      .strict()
      .optional(),
  })
  .strict();

export const StoppingRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('no-new'), k: z.number().int().min(1, 'The number of sources k must be at least 1.').max(10_000) }).strict(),
  z
    .object({
      kind: z.literal('share-new'),
      k: z.number().int().min(1, 'The number of sources k must be at least 1.').max(10_000),
      percent: z.number().gt(0, 'The share p must be more than 0 %.').max(100, 'The share p must be at most 100 %.'),
    })
    .strict(),
]);

const ChangeAgainstSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('baseline'), id: rowid }).strict(),
  z.object({ kind: z.literal('wave'), id: rowid }).strict(),
]);

const SaturationInput = z
  .object({
    order: z.enum(['coding', 'year']),
    rule: StoppingRuleSchema.nullable().optional(),
    filter: SourceFilterSchema.optional(),
  })
  .strict();
const MatrixInput = z
  .object({ rows: z.enum(['source', 'wave']), columns: z.enum(['concept', 'category', 'component']), filter: SourceFilterSchema.optional() })
  .strict();
const CooccurrenceInput = z
  .object({ mode: z.enum(['overlap', 'paragraph']), limit: z.number().int().min(2).max(200).optional(), filter: SourceFilterSchema.optional() })
  .strict();
const CrosstabInput = z
  .object({ attribute: z.string().trim().min(1).max(200), axis: z.enum(['concept', 'category', 'component']), filter: SourceFilterSchema.optional() })
  .strict();

export const evolutionMethods = {
  'wave.list': { input: z.object({}).strict(), mutates: false },
  'wave.create': { input: z.object({ name: Name, rule: WaveRuleSchema }).strict(), mutates: true },
  'wave.update': { input: z.object({ id: rowid, name: Name.optional(), rule: WaveRuleSchema.optional() }).strict(), mutates: true },
  'wave.delete': { input: z.object({ id: rowid }).strict(), mutates: true },

  'baseline.list': { input: z.object({}).strict(), mutates: false },
  'baseline.freeze': { input: z.object({ name: Name }).strict(), mutates: true },
  'baseline.rename': { input: z.object({ id: rowid, name: Name }).strict(), mutates: true },
  'baseline.delete': { input: z.object({ id: rowid }).strict(), mutates: true },

  'evolution.report': { input: z.object({ against: ChangeAgainstSchema }).strict(), mutates: false },
  'saturation.report': { input: SaturationInput, mutates: false },
  'analysis.matrix': { input: MatrixInput, mutates: false },
  'analysis.cooccurrence': { input: CooccurrenceInput, mutates: false },
  'analysis.crosstab': { input: CrosstabInput, mutates: false },
  'analysis.export': {
    input: z
      .object({
        view: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('evolution'), against: ChangeAgainstSchema }).strict(),
          SaturationInput.extend({ kind: z.literal('saturation') }).strict(),
          MatrixInput.extend({ kind: z.literal('matrix') }).strict(),
          CooccurrenceInput.extend({ kind: z.literal('cooccurrence') }).strict(),
          CrosstabInput.extend({ kind: z.literal('crosstab') }).strict(),
        ]),
        format: z.enum(['csv', 'xlsx']),
        labels: z.enum(['en', 'fa']).optional(),
      })
      .strict(),
    mutates: false,
  },
} as const;

export type EvolutionMethod = keyof typeof evolutionMethods;

export interface WaveInfo extends Wave {
  /** The sources the rule selects now. */
  sources: DocumentId[];
}

export interface WaveList {
  waves: WaveInfo[];
  batches: ImportBatch[];
  /** Sources in no wave. */
  noWave: DocumentId[];
  /** The free-form attribute names the sources have (besides their records' fields). */
  attributes: string[];
}

export interface EvolutionOutputs {
  'wave.list': WaveList;
  'wave.create': WaveInfo;
  'wave.update': WaveInfo;
  'wave.delete': null;
  'baseline.list': BaselineSummary[];
  'baseline.freeze': BaselineSummary;
  'baseline.rename': BaselineSummary;
  'baseline.delete': null;
  'evolution.report': ChangeView;
  'saturation.report': SaturationView;
  'analysis.matrix': MatrixView;
  'analysis.cooccurrence': CooccurrenceView;
  'analysis.crosstab': CrosstabView;
  /** CSV (UTF-8 with BOM) or XLSX, as bytes. */
  'analysis.export': BinaryFile;
}

const CODEBOOK = ['paradigm_component', 'category', 'concept', 'category_concept', 'segment', 'reading'] as const;
const SOURCES = ['document', 'record', 'wave'] as const;
const MATURITY = ['maturity_dimension', 'maturity_dimension_category'] as const;

/** What each read method's answer depends on (tables a change must touch for it to change). */
export const READ_DEPENDENCIES: Record<Exclude<EvolutionMethod, `${string}.${'create' | 'update' | 'delete' | 'freeze' | 'rename'}`>, readonly string[]> = {
  'wave.list': SOURCES,
  'baseline.list': ['baseline'],
  'evolution.report': [...CODEBOOK, 'reading_concept_weight', ...SOURCES, ...MATURITY, 'baseline'],
  'saturation.report': [...CODEBOOK, ...SOURCES],
  'analysis.matrix': [...CODEBOOK, ...SOURCES],
  'analysis.cooccurrence': [...CODEBOOK, ...SOURCES],
  'analysis.crosstab': [...CODEBOOK, ...SOURCES],
  'analysis.export': [...CODEBOOK, 'reading_concept_weight', ...SOURCES, ...MATURITY, 'baseline'],
};
