// Bibliography import: RIS, BibTeX and CSV files become records. Each record links to a source
// already in the project by DOI (in its record or printed in its text), by attachment file name,
// or by title (letter forms, case and punctuation ignored); the others stay as records without
// full text. The whole import is one command (one undo step); a file with no readable record is
// refused with its reason and changes nothing. Two steps: parseBibliography (pure: bytes in,
// entries out, no project) and writeBibliography (the command), so parsing can run elsewhere.

import path from 'node:path';
import { GroundworkError } from '../../../shared/api/errors';
import type { BibliographyImport, BibliographyRecordResult } from '../../../shared/domain/records';
import { normalizeDoi, titleKey } from '../../../shared/domain/records';
import type { DocumentId } from '../../../shared/domain/ids';
import type { ReadableDB } from '../../../db/handles';
import type { Store } from '../../../db/store';
import { linkableSources } from '../../../db/bibliography';
import { freshDuplicateFlags, insertRecord, linkRecordToSource } from '../../../db/records';
import { decodeText } from '../import/decode';
import { looksLikeBibtex, parseBibtex } from './bibtex';
import { looksLikeCsv, parseCsv } from './csv';
import type { ParsedEntry } from './entries';
import { looksLikeRis, parseRis } from './ris';

type Format = BibliographyImport['format'];

function detect(name: string, text: string): Format | null {
  const ext = path.extname(name).toLowerCase();
  if (ext === '.ris') return 'RIS';
  if (ext === '.bib' || ext === '.bibtex') return 'BibTeX';
  if (ext === '.csv') return 'CSV';
  if (looksLikeRis(text)) return 'RIS';
  if (looksLikeBibtex(text)) return 'BibTeX';
  if (looksLikeCsv(text)) return 'CSV';
  return null;
}

const PARSERS: Record<Format, (text: string) => ParsedEntry[]> = { RIS: parseRis, BibTeX: parseBibtex, CSV: parseCsv };

const NOTHING: Record<Format, string> = {
  RIS: 'no RIS record was found in it (a RIS record starts with a "TY  - " line and ends with "ER  - ").',
  BibTeX: 'no BibTeX entry was found in it (an entry starts like "@article{key,").',
  CSV: 'it has no "Title" column in its first row, so no record can be read.',
};

const fileKey = (name: string) => titleKey(name.replace(/\.[a-z0-9]{1,5}$/i, ''));

interface Candidate {
  id: DocumentId;
  doi: string;
  text: string;
  file: string;
  titles: Set<string>;
}

/** Sources whose record is still their own (made on import), so a bibliography record may take them. */
async function candidates(db: ReadableDB): Promise<Candidate[]> {
  return (await linkableSources(db, 5000)).map((d) => {
    const firstLine = d.opening.slice(0, 300).split('\n')[0] ?? '';
    return {
      id: d.id,
      doi: normalizeDoi(d.doi),
      text: d.opening.slice(0, 5000).toLowerCase(),
      file: fileKey(d.originalName),
      titles: new Set([titleKey(d.name), titleKey(firstLine)].filter(Boolean)),
    };
  });
}

/** A bibliography file read into entries, good and broken, not yet in any project. */
export interface ParsedBibliography {
  /** The file's name without its folder. */
  name: string;
  format: Format;
  entries: ParsedEntry[];
}

/** Reads one bibliography file. Throws a GroundworkError naming the file if no record can be read. */
export function parseBibliography(fileName: string, bytes: Uint8Array): ParsedBibliography {
  const name = path.basename(fileName);
  const text = decodeText(name, bytes).replace(/^\uFEFF/, '');
  const format = detect(name, text);
  if (!format) {
    throw new GroundworkError('bad-file', `${name}: this is not a bibliography Groundwork can read. Export RIS (.ris), BibTeX (.bib) or CSV with a header row.`);
  }
  const entries = PARSERS[format](text);
  const good = entries.filter((e) => e.ok);
  if (good.length === 0) {
    const broken = entries.filter((e): e is Extract<ParsedEntry, { ok: false }> => !e.ok);
    const why = broken.length > 0 ? `none of its ${broken.length} records can be read (record 1: ${broken[0]!.message}).` : NOTHING[format];
    throw new GroundworkError('bad-file', `${name}: ${why} Nothing was imported.`);
  }
  return { name, format, entries };
}

/** Imports one bibliography file. Throws a GroundworkError (project unchanged) if no record can be read. */
export async function importBibliography(store: Store, fileName: string, bytes: Uint8Array): Promise<BibliographyImport> {
  return writeBibliography(store, parseBibliography(fileName, bytes));
}

/** Writes the entries of a parsed file as one command, linking each record to a source where one matches. */
export async function writeBibliography(store: Store, { name, format, entries }: ParsedBibliography): Promise<BibliographyImport> {
  const results: BibliographyRecordResult[] = [];
  const newFlags = await store.write({ kind: 'bibliography.import', label: `Import bibliography "${name}"` }, async (db) => {
    const before = new Set((await freshDuplicateFlags(db)).map((f) => `${f.a}:${f.b}`));
    const pool = await candidates(db);
    for (const entry of entries) {
      if (!entry.ok) {
        results.push({ index: entry.index, status: 'broken', title: entry.title, message: `Record ${entry.index}${entry.title ? ` (“${entry.title}”)` : ''}: ${entry.message}; not imported.` });
        continue;
      }
      const a = entry.attributes;
      const doi = normalizeDoi(a.doi);
      const key = titleKey(a.title);
      const files = entry.attachments.map(fileKey);
      let linkedBy: BibliographyRecordResult['linkedBy'];
      let match = doi ? pool.find((c) => c.doi === doi || c.text.includes(doi)) : undefined;
      if (match) linkedBy = 'doi';
      if (!match && files.length > 0) {
        match = pool.find((c) => files.includes(c.file));
        if (match) linkedBy = 'file name';
      }
      if (!match && key) {
        match = pool.find((c) => c.titles.has(key));
        if (match) linkedBy = 'title';
      }
      if (match) pool.splice(pool.indexOf(match), 1);
      const id = await insertRecord(db, { ...a, origin: `${format}: ${name}`, attachments: entry.attachments, stage: 'identified' });
      // The source's own record gives way (its merged duplicates, if any, pass to this one).
      if (match) await linkRecordToSource(db, id, match.id);
      results.push({
        index: entry.index,
        status: 'imported',
        title: a.title,
        message: match ? `Record ${entry.index} (“${a.title}”): linked to a source by ${linkedBy}.` : `Record ${entry.index} (“${a.title}”): imported without full text.`,
        recordId: id,
        ...(match ? { linkedDocumentId: match.id, linkedBy } : {}),
      });
    }
    return (await freshDuplicateFlags(db)).filter((f) => !before.has(`${f.a}:${f.b}`));
  });
  const imported = results.filter((r) => r.status === 'imported').length;
  return {
    fileName: name,
    format,
    records: results,
    imported,
    linked: results.filter((r) => r.linkedDocumentId !== undefined).length,
    broken: results.length - imported,
    duplicatesFlagged: newFlags.length,
  };
}

/** One line for an import report. */
export function summarize(result: BibliographyImport): string {
  const parts = [`${result.fileName}: ${result.imported} ${result.format} record${result.imported === 1 ? '' : 's'} imported`, `${result.linked} linked to sources`];
  if (result.duplicatesFlagged > 0) parts.push(`${result.duplicatesFlagged} possible duplicate${result.duplicatesFlagged === 1 ? '' : 's'} flagged`);
  if (result.broken > 0) parts.push(`${result.broken} broken record${result.broken === 1 ? '' : 's'} not imported`);
  const broken = result.records.filter((r) => r.status === 'broken').map((r) => r.message);
  return `${parts.join(', ')}.${broken.length > 0 ? ` ${broken.join(' ')}` : ''}`;
}
