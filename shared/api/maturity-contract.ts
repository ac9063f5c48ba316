// The maturity model's part of the contract (spread into `methods` in contract.ts): levels,
// dimensions and their categories, self-assessments with their ratings, imports and exports.

import { z } from 'zod';
import type { AssessmentSummary, Assessment, MaturityModel } from '../domain/maturity';
import { assessmentId, dimensionId, levelId, MAX_LEVELS } from '../domain/maturity';
import { categoryId, conceptId } from '../domain/ids';
import { MAX_LABEL_LENGTH } from '../domain/limits';

const rowid = z.number().int().positive();
const LevelIdSchema = rowid.transform(levelId);
const DimensionIdSchema = rowid.transform(dimensionId);
const AssessmentIdSchema = rowid.transform(assessmentId);
const CategoryIdSchema = rowid.transform(categoryId);
const ConceptIdSchema = rowid.transform(conceptId);
const OptionalLabel = z.string().trim().max(MAX_LABEL_LENGTH);
const Text = z.string().max(20_000);
const Lang = z.enum(['en', 'fa']);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is written YYYY-MM-DD.');
const Labels = z
  .object({ labelFa: OptionalLabel, labelEn: OptionalLabel })
  .strict()
  .refine((l) => l.labelFa.length > 0 || l.labelEn.length > 0, { message: 'A name cannot be empty.' });

export const maturityMethods = {
  'maturity.get': { input: z.object({}).strict(), mutates: false },
  'maturity.addLevel': {
    input: z
      .object({ labelFa: OptionalLabel, labelEn: OptionalLabel, descriptionFa: Text.optional(), descriptionEn: Text.optional() })
      .strict()
      .refine((l) => l.labelFa.length > 0 || l.labelEn.length > 0, { message: 'A name cannot be empty.' }),
    mutates: true,
  },
  'maturity.updateLevel': {
    input: z
      .object({
        id: LevelIdSchema,
        labelFa: OptionalLabel.optional(),
        labelEn: OptionalLabel.optional(),
        descriptionFa: Text.optional(),
        descriptionEn: Text.optional(),
      })
      .strict(),
    mutates: true,
  },
  'maturity.deleteLevel': { input: z.object({ id: LevelIdSchema }).strict(), mutates: true },
  'maturity.reorderLevels': { input: z.object({ ids: z.array(LevelIdSchema).min(1).max(MAX_LEVELS) }).strict(), mutates: true },
  'maturity.resetLevels': { input: z.object({}).strict(), mutates: true },
  'maturity.addDimension': { input: Labels, mutates: true },
  'maturity.updateDimension': {
    input: z.object({ id: DimensionIdSchema, labelFa: OptionalLabel.optional(), labelEn: OptionalLabel.optional() }).strict(),
    mutates: true,
  },
  'maturity.deleteDimension': { input: z.object({ id: DimensionIdSchema }).strict(), mutates: true },
  'maturity.reorderDimensions': { input: z.object({ ids: z.array(DimensionIdSchema).min(1) }).strict(), mutates: true },
  'maturity.mapCategory': {
    input: z.object({ dimensionId: DimensionIdSchema, categoryId: CategoryIdSchema, mapped: z.boolean() }).strict(),
    mutates: true,
  },
  'maturity.exportJson': { input: z.object({}).strict(), mutates: false },
  'maturity.exportCsv': { input: z.object({ labels: Lang.optional() }).strict(), mutates: false },
  'maturity.exportXlsx': { input: z.object({ labels: Lang.optional() }).strict(), mutates: false },
  'maturity.import': { input: z.object({ json: z.string().max(20_000_000) }).strict(), mutates: true },

  'assessment.list': { input: z.object({}).strict(), mutates: false },
  'assessment.get': { input: z.object({ id: AssessmentIdSchema }).strict(), mutates: false },
  'assessment.create': {
    input: z
      .object({
        name: z.string().trim().min(1, 'Give the assessment a name.').max(MAX_LABEL_LENGTH),
        organisation: OptionalLabel.optional(),
        assessedOn: Day,
      })
      .strict(),
    mutates: true,
  },
  'assessment.update': {
    input: z
      .object({
        id: AssessmentIdSchema,
        name: z.string().trim().min(1, 'Give the assessment a name.').max(MAX_LABEL_LENGTH).optional(),
        organisation: OptionalLabel.optional(),
        assessedOn: Day.optional(),
      })
      .strict(),
    mutates: true,
  },
  'assessment.delete': { input: z.object({ id: AssessmentIdSchema }).strict(), mutates: true },
  'assessment.rate': {
    input: z
      .object({
        assessmentId: AssessmentIdSchema,
        dimensionId: DimensionIdSchema,
        conceptId: ConceptIdSchema,
        /** A level value (1 = lowest), 'na' for not applicable, null to clear. */
        value: z.union([z.number().int().min(1).max(MAX_LEVELS), z.literal('na'), z.null()]),
      })
      .strict(),
    mutates: true,
  },
  'assessment.exportJson': { input: z.object({ id: AssessmentIdSchema }).strict(), mutates: false },
  'assessment.exportCsv': { input: z.object({ id: AssessmentIdSchema, labels: Lang.optional() }).strict(), mutates: false },
  'assessment.exportHtml': { input: z.object({ id: AssessmentIdSchema, labels: Lang.optional() }).strict(), mutates: false },
} as const;

export interface TextFile {
  filename: string;
  /** The file's text (JSON, CSV with BOM, HTML). */
  text: string;
}

export interface BinaryFile {
  filename: string;
  dataBase64: string;
}

export interface MaturityOutputs {
  'maturity.get': MaturityModel;
  'maturity.addLevel': MaturityModel;
  'maturity.updateLevel': MaturityModel;
  'maturity.deleteLevel': MaturityModel;
  'maturity.reorderLevels': MaturityModel;
  'maturity.resetLevels': MaturityModel;
  'maturity.addDimension': MaturityModel;
  'maturity.updateDimension': MaturityModel;
  'maturity.deleteDimension': MaturityModel;
  'maturity.reorderDimensions': MaturityModel;
  'maturity.mapCategory': MaturityModel;
  'maturity.exportJson': TextFile;
  'maturity.exportCsv': TextFile;
  'maturity.exportXlsx': BinaryFile;
  'maturity.import': { levels: number; dimensions: number; unmatched: string[]; removedRatings: number };
  'assessment.list': AssessmentSummary[];
  'assessment.get': Assessment;
  'assessment.create': Assessment;
  'assessment.update': Assessment;
  'assessment.delete': null;
  'assessment.rate': Assessment;
  'assessment.exportJson': TextFile;
  'assessment.exportCsv': TextFile;
  'assessment.exportHtml': TextFile;
}
