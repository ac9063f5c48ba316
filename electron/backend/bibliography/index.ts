// Bibliography import: RIS, BibTeX and CSV files become records. Each record links to a source
// already in the project by DOI (in its record or printed in its text), by attachment file name,
// or by title (letter forms, case and punctuation ignored); the others stay as records without
// full text. The whole import is one command (one undo step); a file with no readable record is
// refused with its reason and changes nothing. Two steps: parseBibliography (pure: bytes in,
// entries out, no project) and writeBibliography (the command), so parsing can run elsewhere.

import path from 'node:path';
import type { BibliographyImport, BibliographyRecordResult, RecordId, Stage } from '../../../shared/domain/records';
import { normalizeDoi, titleKey } from '../../../shared/domain/records';
import { duplicatePairs } from '../../../shared/domain/duplicates';
import { english, joined, say, sayCount, sayList, type Message } from '../../../shared/domain/message';
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
  stage: Stage | null;
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
      stage: d.stage,
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
  const flagged = await store.write({ kind: 'bibliography.import', label: say('Import bibliography "{file}"', { file: name }) }, async (db) => {
    const pool = await candidates(db);
    for (const entry of entries) {
      if (!entry.ok) {
        const said = entry.title
          ? say('Record {index} (“{title}”): {reason}; not imported.', { index: entry.index, title: entry.title, reason: entry.message })
          : say('Record {index}: {reason}; not imported.', { index: entry.index, reason: entry.message });
        results.push({ index: entry.index, status: 'broken', title: entry.title, message: english(said), said });
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
      const stage: Stage = 'identified';
      const id = await insertRecord(db, { ...a, origin: `${format}: ${name}`, attachments: entry.attachments, stage });
      const record = { index: entry.index, title: a.title };
      let said: Message;
      let leftCoding = false;
      if (match) {
        // The source's own record gives way (its merged duplicates, if any, pass to this one), and
        // the source takes this record's title and stage: one still to be screened leaves the Coding list.
        const renamed = await linkRecordToSource(db, id, match.id);
        leftCoding = match.stage === 'included';
        said = joined([
          say('Record {index} (“{title}”): linked to a source by {how}.', { ...record, how: LINKED_BY[linkedBy!] }),
          ...(renamed ? [say('The source “{from}” is now named after it.', { from: renamed.from })] : []),
          ...(leftCoding ? [say('The source takes the record’s stage, identified, and leaves the Coding list until it is included in Screening.')] : []),
        ]);
      } else {
        said = say('Record {index} (“{title}”): imported without full text.', record);
      }
      results.push({
        index: entry.index,
        status: 'imported',
        title: a.title,
        message: english(said),
        said,
        recordId: id,
        ...(match ? { linkedDocumentId: match.id, linkedBy, ...(leftCoding ? { leftCoding } : {}) } : {}),
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

/** How a record found its source, as the report says it. */
const LINKED_BY: Record<NonNullable<BibliographyRecordResult['linkedBy']>, Message> = {
  doi: say('DOI'),
  'file name': say('file name'),
  title: say('title'),
};

/** One line for an import report: the counts, then each broken record and each source that left the Coding list. */
export function summarize(result: BibliographyImport): Message {
  const total = result.imported + result.broken;
  const format = result.format;
  // A file with broken records is partly imported: "5 of 6 records", never "failed".
  const parts: Message[] = [
    result.broken > 0
      ? sayCount(total, '{file}: {imported} of {n} {format} record imported', '{file}: {imported} of {n} {format} records imported', { file: result.fileName, imported: result.imported, format })
      : sayCount(result.imported, '{file}: {n} {format} record imported', '{file}: {n} {format} records imported', { file: result.fileName, format }),
    sayCount(result.linked, '{n} linked to a source', '{n} linked to sources'),
  ];
  if (result.duplicatesFlagged > 0) parts.push(sayCount(result.duplicatesFlagged, '{n} possible duplicate flagged', '{n} possible duplicates flagged'));
  if (result.broken > 0) parts.push(sayCount(result.broken, '{n} broken record not imported', '{n} broken records not imported'));
  const counts = say('{counts}.', { counts: sayList(parts) });
  const details = result.records.filter((r) => r.status === 'broken' || r.leftCoding).map((r) => r.said ?? say('{line}', { line: r.message }));
  return joined([counts, ...details]);
}
