// Bibliography import: RIS, BibTeX and CSV files become records. Each record links to a source
// already in the project by DOI (in its record or printed in its text), by attachment file name,
// or by title (letter forms, case and punctuation ignored); the others stay as records without
// full text. The whole import is one command (one undo step); a file with no readable record is
// refused with its reason and changes nothing.

import path from 'node:path';
import type { BibliographyImport, BibliographyRecordResult } from '../../../shared/domain/records';
import { normalizeDoi, titleKey } from '../../../shared/domain/records';
import type { DocumentId } from '../../../shared/domain/ids';
import type { RecordId } from '../../../shared/domain/records';
import { duplicatePairs } from '../../../shared/domain/duplicates';
import { runCommand } from '../../../db/commands';
import type { ProjectDb } from '../../../db/connection';
import { getDocumentText, listDocuments } from '../../../db/documents';
import { insertRecord, listRecords } from '../../../db/records';
import { sql } from '../../../db/handles';
import { checkSize } from '../import/decode';
import { parseInWorker, type ParseOptions } from '../import/worker-pool';
import type { ParsedBibliography } from './parse';

export type { ParsedBibliography } from './parse';

const fileKey = (name: string) => titleKey(name.replace(/\.[a-z0-9]{1,5}$/i, ''));

interface Candidate {
  id: DocumentId;
  recordId: number | null;
  doi: string;
  text: string;
  file: string;
  titles: Set<string>;
}

/** Sources whose record is still their own (made on import), so a bibliography record may take them. */
function candidates(project: ProjectDb): Candidate[] {
  const records = listRecords(project.read);
  return listDocuments(project.read).flatMap((d) => {
    const own = records.find((r) => r.documentId === d.id);
    if (own && own.origin !== 'file') return [];
    const text = getDocumentText(project.read, d.id) ?? '';
    const firstLine = text.slice(0, 300).split('\n')[0] ?? '';
    return [
      {
        id: d.id,
        recordId: own?.id ?? null,
        doi: normalizeDoi(own?.doi ?? ''),
        text: text.slice(0, 5000).toLowerCase(),
        file: fileKey(d.originalName),
        titles: new Set([titleKey(d.name), titleKey(firstLine)].filter(Boolean)),
      },
    ];
  });
}

/**
 * Imports one bibliography file: read in the import worker (parse.ts), then written as one command.
 * Throws a GroundworkError (project unchanged) if no record can be read or the file is over a limit.
 */
export async function importBibliography(project: ProjectDb, fileName: string, bytes: Uint8Array, options: ParseOptions = {}): Promise<BibliographyImport> {
  const name = path.basename(fileName);
  checkSize(name, bytes.length);
  return writeBibliography(project, await parseInWorker({ kind: 'bibliography', name, bytes }, options));
}

/** Writes a parsed bibliography as one command (one undo step), linking records to sources. */
export function writeBibliography(project: ProjectDb, parsed: ParsedBibliography): BibliographyImport {
  const { fileName: name, format, entries } = parsed;
  const results: BibliographyRecordResult[] = [];
  const pool = candidates(project);
  runCommand(project, { kind: 'bibliography.import', label: `Import bibliography "${name}"` }, (db) => {
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
      if (match) {
        pool.splice(pool.indexOf(match), 1);
        if (match.recordId !== null) sql(db, 'DELETE FROM record WHERE id = ?').run(match.recordId);
      }
      const id = insertRecord(db, { ...a, origin: `${format}: ${name}`, attachments: entry.attachments, stage: 'identified', documentId: match?.id ?? null });
      results.push({
        index: entry.index,
        status: 'imported',
        title: a.title,
        message: match ? `Record ${entry.index} (“${a.title}”): linked to a source by ${linkedBy}.` : `Record ${entry.index} (“${a.title}”): imported without full text.`,
        recordId: id,
        ...(match ? { linkedDocumentId: match.id, linkedBy } : {}),
      });
    }
  });
  // Flags this import adds: pairs with at least one new record (counted, never all listed).
  const added = new Set(results.flatMap((r) => (r.recordId === undefined ? [] : [r.recordId as RecordId])));
  const flagged = duplicatePairs(listRecords(project.read), { involving: added, limit: 0 });
  const imported = results.filter((r) => r.status === 'imported').length;
  return {
    fileName: name,
    format,
    records: results,
    imported,
    linked: results.filter((r) => r.linkedDocumentId !== undefined).length,
    broken: results.length - imported,
    duplicatesFlagged: flagged.total,
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
