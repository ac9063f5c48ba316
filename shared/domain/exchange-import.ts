// What importing a REFI-QDA file into a project did, as the screen, the command line and the tests
// read it: the reader's report (what the file held, what was left out and why, the warnings) beside
// what was written to the project and what was already there (matched, never duplicated).

import type { ExchangeImportReport } from './exchange-report';

/** The extensions of REFI-QDA files: projects (.qdpx archive, bare .qde) and codebooks (.qdc). */
export const EXCHANGE_EXTENSIONS = ['.qdpx', '.qde', '.qdc'] as const;

export const isExchangeFile = (name: string) => EXCHANGE_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

export interface ExchangeCounts {
  sources: number;
  categories: number;
  concepts: number;
  passages: number;
  memos: number;
  attributes: number;
  coders: number;
}

export interface ExchangeImportedSource {
  name: string;
  /** new: written to the project; matched: its text was already there (by SHA-256), under `name`. */
  status: 'new' | 'matched';
  passages: number;
}

export interface ExchangeImportResult {
  /** The file's name as given. */
  file: string;
  report: ExchangeImportReport;
  /** What this import wrote to the project. */
  written: ExchangeCounts;
  /** What the file holds that the project already had: matched, not written again. */
  alreadyThere: Pick<ExchangeCounts, 'sources' | 'categories' | 'concepts' | 'passages'>;
  /** How the categories and concepts already there were found. */
  matchedBy: { guid: number; name: number; sha256: number };
  sources: ExchangeImportedSource[];
}
