// Bibliography import: RIS, BibTeX and CSV files become records. Each record links to a source
// already in the project by DOI (in its record or printed in its text), by attachment file name,
// or by title (letter forms, case and punctuation ignored); the others stay as records without
// full text. The whole import is one command (one undo step); a file with no readable record is
// refused with its reason and changes nothing. Two steps: parseBibliography (pure: bytes in,
// entries out, no project) and writeBibliography (the command), so parsing can run elsewhere.

import path from 'node:path';
import type { BibliographyImport, BibliographyRecordResult, RecordId } from '../../../shared/domain/records';
import { normalizeDoi, titleKey } from '../../../shared/domain/records';
import { duplicatePairs } from '../../../shared/domain/duplicates';
import type { DocumentId } from '../../../shared/domain/ids';
import type { ReadableDB } from '../../../db/handles';
import type { Store } from '../../../db/store';
import { linkableSources } from '../../../db/bibliography';
import { insertRecord, linkRecordToSource, listRecords } from '../../../db/records';
import { checkSize } from '../import/decode';
import { parseInWorker, type ParseOptions } from '../import/worker-pool';
import type { ParsedBibliography } from './parse';

export type { ParsedBibliography } from './parse';

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

/**
 * Imports one bibliography file: read in the import worker (parse.ts), then written as one command.
 * Throws a GroundworkError (project unchanged) if no record can be read or the file is over a limit.
 */
export async function importBibliography(store: Store, fileName: string, bytes: Uint8Array, options: ParseOptions = {}): Promise<BibliographyImport> {
  const name = path.basename(fileName);
  checkSize(name, bytes.length);
  return writeBibliography(store, await parseInWorker({ kind: 'bibliography', name, bytes }, options));
}

/** Writes the entries of a parsed file as one command, linking each record to a source where one matches. */
export async function writeBibliography(store: Store, { fileName: name, format, entries }: ParsedBibliography): Promise<BibliographyImport> {
  const results: BibliographyRecordResult[] = [];
  const flagged = await store.write({ kind: 'bibliography.import', label: `Import bibliography "${name}"` }, async (db) => {
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
    // Flags this import adds: pairs with at least one new record (counted, never all listed).
    const added = new Set(results.flatMap((r) => (r.recordId === undefined ? [] : [r.recordId as RecordId])));
    return duplicatePairs(await listRecords(db), { involving: added, limit: 0 }).total;
  });
  const imported = results.filter((r) => r.status === 'imported').length;
  return {
    fileName: name,
    format,
    records: results,
    imported,
    linked: results.filter((r) => r.linkedDocumentId !== undefined).length,
    broken: results.length - imported,
    duplicatesFlagged: flagged,
  };
}

/** One line for an import report. */
export function summarize(result: BibliographyImport): string {
  const total = result.imported + result.broken;
  // A file with broken records is partly imported: "5 of 6 records", never "failed".
  const count = result.broken > 0 ? `${result.imported} of ${total}` : String(result.imported);
  const parts = [`${result.fileName}: ${count} ${result.format} record${total === 1 ? '' : 's'} imported`, `${result.linked} linked to sources`];
  if (result.duplicatesFlagged > 0) parts.push(`${result.duplicatesFlagged} possible duplicate${result.duplicatesFlagged === 1 ? '' : 's'} flagged`);
  if (result.broken > 0) parts.push(`${result.broken} broken record${result.broken === 1 ? '' : 's'} not imported`);
  const broken = result.records.filter((r) => r.status === 'broken').map((r) => r.message);
  return `${parts.join(', ')}.${broken.length > 0 ? ` ${broken.join(' ')}` : ''}`;
}
