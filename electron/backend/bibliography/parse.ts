// Reading a bibliography file (RIS, BibTeX, CSV) into its entries, or a clear reason why not. Pure
// (no project): it runs in the import worker, and index.ts writes what it returns. A file with no
// readable record, or more than MAX_BIBLIOGRAPHY_RECORDS records, is refused whole.

import path from 'node:path';
import { badFile } from '../../../shared/api/errors';
import { MAX_BIBLIOGRAPHY_RECORDS } from '../../../shared/domain/limits';
import { say, type Message } from '../../../shared/domain/message';
import type { BibliographyImport } from '../../../shared/domain/records';
import { decodeText } from '../import/decode';
import { looksLikeBibtex, parseBibtex } from './bibtex';
import { looksLikeCsv, parseCsv } from './csv';
import { TooManyRecords, type ParsedEntry } from './entries';
import { looksLikeRis, parseRis } from './ris';

export type BibliographyFormat = BibliographyImport['format'];

export interface ParsedBibliography {
  fileName: string;
  format: BibliographyFormat;
  /** Every record of the file in order, good or broken; at least one is good. */
  entries: ParsedEntry[];
}

function detect(name: string, text: string): BibliographyFormat | null {
  const ext = path.extname(name).toLowerCase();
  if (ext === '.ris') return 'RIS';
  if (ext === '.bib' || ext === '.bibtex') return 'BibTeX';
  if (ext === '.csv') return 'CSV';
  if (looksLikeRis(text)) return 'RIS';
  if (looksLikeBibtex(text)) return 'BibTeX';
  if (looksLikeCsv(text)) return 'CSV';
  return null;
}

const PARSERS: Record<BibliographyFormat, (text: string, maxRecords: number) => ParsedEntry[]> = { RIS: parseRis, BibTeX: parseBibtex, CSV: parseCsv };

const NOTHING: Record<BibliographyFormat, Message> = {
  RIS: say('no RIS record was found in it (a RIS record starts with a "TY  - " line and ends with "ER  - "). Nothing was imported.'),
  BibTeX: say('no BibTeX entry was found in it (an entry starts like "@article{key,"). Nothing was imported.'),
  CSV: say('it has no "Title" column in its first row, so no record can be read. Nothing was imported.'),
};

export function parseBibliography(fileName: string, bytes: Uint8Array): ParsedBibliography {
  const name = path.basename(fileName);
  const text = decodeText(name, bytes).replace(/^\uFEFF/, '');
  const format = detect(name, text);
  if (!format) {
    throw badFile(name, say('this is not a bibliography Groundwork can read. Export RIS (.ris), BibTeX (.bib) or CSV with a header row.'));
  }
  let entries: ParsedEntry[];
  try {
    entries = PARSERS[format](text, MAX_BIBLIOGRAPHY_RECORDS);
  } catch (error) {
    if (!(error instanceof TooManyRecords)) throw error;
    throw badFile(
      name,
      say('it holds more than {max} records; one bibliography may hold {max} (MAX_BIBLIOGRAPHY_RECORDS). Nothing was imported: split it into parts.', { max: MAX_BIBLIOGRAPHY_RECORDS }),
    );
  }
  if (!entries.some((e) => e.ok)) {
    const broken = entries.filter((e): e is Extract<ParsedEntry, { ok: false }> => !e.ok);
    throw badFile(
      name,
      broken.length > 0
        ? say('none of its {n} records can be read (record 1: {reason}). Nothing was imported.', { n: broken.length, reason: broken[0]!.message })
        : NOTHING[format],
    );
  }
  return { fileName: name, format, entries };
}
