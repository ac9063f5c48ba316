// REFI-QDA exchange's part of the contract (spread into `methods` in contract.ts): importing a
// .qdpx, .qde or .qdc file into the open project (one undo step), exporting the project as .qdpx
// or its codebook as .qdc, and the attributes a source brought with it.

import { z } from 'zod';
import type { ExchangeImportResult } from '../domain/exchange-import';
import { POSITION_PROFILES, type PositionProfileId } from '../domain/exchange-positions';
import { documentId } from '../domain/ids';
import type { Message } from '../domain/message';

const Profiles = Object.keys(POSITION_PROFILES) as [PositionProfileId, ...PositionProfileId[]];

export const exchangeMethods = {
  'exchange.import': {
    input: z
      .object({
        name: z.string().min(1).max(1000),
        dataBase64: z.string(),
        /** Read positions in this unit instead of the one the writer (its `origin`) implies. */
        profile: z.enum(Profiles).optional(),
      })
      .strict(),
    mutates: true,
  },
  'exchange.export': {
    input: z
      .object({
        format: z.enum(['qdpx', 'qdc']),
        /** standard: code points (REFI-QDA); nvivo: UTF-16 units over CR LF text, as NVivo counts. */
        unit: z.enum(['standard', 'nvivo']).optional(),
      })
      .strict(),
    mutates: false,
  },
  'document.attributes': { input: z.object({ id: z.number().int().positive().transform(documentId) }).strict(), mutates: false },
} as const;

export interface ExchangeOutputs {
  'exchange.import': ExchangeImportResult;
  /** `warnings` in English; `warningsSaid` the same, structured, for the interface to translate. */
  'exchange.export': { filename: string; dataBase64: string; warnings: string[]; warningsSaid: Message[] };
  /** Attributes beyond the record's fields (variables, sets and cases of an exchange file), by name. */
  'document.attributes': { name: string; value: string }[];
}
