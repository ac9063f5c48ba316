// Team coding's part of the contract (spread into `methods` in contract.ts): coders and who is
// coding in this window, merging another copy, preparing copies for blind coding, intercoder
// agreement, adjudication into the consensus, and what the counts count.

import { z } from 'zod';
import type { Coder, CoderSession, CountBasis, MergePreview, MergeReport, AgreementView } from '../domain/team';
import { coderId, conceptId, documentId, segmentId } from '../domain/ids';
import { HEX_COLOR } from '../domain/colors';

const rowid = z.number().int().positive();
const CoderIdSchema = rowid.transform(coderId);
const CoderName = z.string().max(100, 'A coder’s name is at most 100 characters long.');
const Color = z.string().toLowerCase().regex(HEX_COLOR, 'A colour is written #rrggbb.');
const FilePath = z.string().min(1, 'Choose a project file.');
const Resolution = z.union([
  z.object({ conflict: z.string().min(1), choose: z.enum(['ours', 'theirs', 'both']) }).strict(),
  z.object({ conflict: z.string().min(1), text: z.string().max(20_000) }).strict(),
]);
const AgreementInput = z
  .object({
    coderA: CoderIdSchema,
    coderB: CoderIdSchema,
    /** The sources compared; default: those both coders coded. */
    documentIds: z.array(rowid.transform(documentId)).optional(),
    /** The concepts compared; default: every concept either coder used. */
    conceptIds: z.array(rowid.transform(conceptId)).optional(),
    /** Passage level: the least overlap share, more than 0 and at most 1 (default 0.9). */
    minOverlap: z.number().gt(0, 'The least overlap must be more than 0 %.').max(1, 'The least overlap is at most 100 %.').optional(),
  })
  .strict()
  .refine((v) => v.coderA !== v.coderB, { message: 'Choose two different coders.' });
export const CountBasisSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('consensus') }).strict(),
  z.object({ kind: z.literal('coder'), coderId: CoderIdSchema }).strict(),
]);

export const teamMethods = {
  'coder.list': { input: z.object({}).strict(), mutates: false },
  'coder.create': { input: z.object({ name: CoderName, color: Color.optional() }).strict(), mutates: true },
  'coder.update': { input: z.object({ id: CoderIdSchema, name: CoderName.optional(), color: Color.optional() }).strict(), mutates: true },
  /** Who is coding in this window, and whether to ask. */
  'coder.session': { input: z.object({}).strict(), mutates: false },
  /** Codes from now on as this coder (by id, or by name: made if new), or as no coder (null); remembered on this machine. */
  'coder.use': {
    input: z
      .object({ coderId: CoderIdSchema.nullable().optional(), name: CoderName.optional(), remember: z.boolean().optional() })
      .strict()
      .refine((v) => (v.coderId === undefined) !== (v.name === undefined), { message: 'Give either a coder or a name.' }),
    mutates: true,
  },
  'merge.preview': { input: z.object({ path: FilePath }).strict(), mutates: false },
  'merge.apply': {
    input: z.object({ path: FilePath, resolutions: z.array(Resolution).max(100_000), keep: z.enum(['ours', 'theirs']).optional() }).strict(),
    mutates: true,
  },
  /** One project file per coder: sources and codebook (now, or a baseline's), nobody's passages, a fresh replica each. */
  'project.prepareCopies': {
    input: z
      .object({
        coders: z.array(CoderName).min(1, 'Name at least one coder.').max(50),
        folder: z.string().min(1).optional(),
        baselineId: z.number().int().positive().optional(),
      })
      .strict(),
    mutates: true,
  },
  'agreement.compute': { input: AgreementInput, mutates: false },
  'agreement.export': { input: z.object({ agreement: AgreementInput, format: z.enum(['csv', 'xlsx']) }).strict(), mutates: false },
  /** Adjudicates the passages of one disagreement: coder A's, B's, both or neither go into the consensus. */
  'adjudication.decide': {
    input: z
      .object({
        passagesA: z.array(rowid.transform(segmentId)).max(10_000),
        passagesB: z.array(rowid.transform(segmentId)).max(10_000),
        verdict: z.enum(['a', 'b', 'both', 'neither']),
      })
      .strict()
      .refine((v) => v.passagesA.length + v.passagesB.length > 0, { message: 'Choose the passages to decide on.' }),
    mutates: true,
  },
  /** Every passage the two coders agree on (passage level) goes into the consensus, as coder A coded it. */
  'adjudication.acceptAgreements': { input: AgreementInput, mutates: true },
  'counts.basis': { input: z.object({}).strict(), mutates: false },
  'counts.setBasis': { input: z.object({ basis: CountBasisSchema }).strict(), mutates: true },
} as const satisfies Record<string, { input: z.ZodType; mutates: boolean }>;

export interface PreparedCopies {
  folder: string;
  files: { coder: string; path: string }[];
  /** The baseline whose codebook the copies hold (null: the codebook as it is now). */
  baseline: string | null;
  /** Items of the baseline deleted since from the project: the copies could not hold them. */
  leftOut: { concepts: string[]; categories: string[] };
}

export interface TeamOutputs {
  'coder.list': Coder[];
  'coder.create': Coder;
  'coder.update': Coder;
  'coder.session': CoderSession;
  'coder.use': CoderSession;
  'merge.preview': MergePreview;
  'merge.apply': MergeReport;
  'project.prepareCopies': PreparedCopies;
  'agreement.compute': AgreementView;
  'agreement.export': { filename: string; dataBase64: string; mime: string };
  'adjudication.decide': { accepted: number; rejected: number; consensusPassages: number };
  'adjudication.acceptAgreements': { added: number; alreadyThere: number };
  'counts.basis': { basis: CountBasis; coders: Coder[] };
  'counts.setBasis': { basis: CountBasis; coders: Coder[] };
}
