// Import of sources: each file is read and checked on its own (a bad file gets its own message and
// never stops the others), then every good one is written in a single command, so an import is
// one undo step and a failure part-way writes nothing. A caller that sends a batch file by file
// (the app, for progress and cancel) names the batch: its calls merge into one undo step.
//
// Reading a file happens in the import worker (worker-pool.ts runs source-parse.ts: one module per
// format, decode.ts, html.ts, pdf.ts, docx.ts), with a time limit and a memory ceiling, and can be
// cancelled through options.signal. Bibliography files (.ris, .bib, .csv) go to the bibliography
// importer after the sources.

import path from 'node:path';
import { isGroundworkError } from '../../../shared/api/errors';
import type { ImportedFile } from '../../../shared/domain/model';
import { english, fileProblem, joined, say, sayCount, type Message } from '../../../shared/domain/message';
import { recordOfDocument } from '../../../db/records';
import type { Stage } from '../../../shared/domain/records';
import { isBibliographyFile } from '../../../shared/domain/limits';
import type { Store } from '../../../db/store';
import { documentNames, findDocumentBySha, getDocument, insertDocument } from '../../../db/documents';
import { insertDirections, insertPages } from '../../../db/document-layout';
import { importBatchLabel } from '../../../db/import-batch';
import { checkSize } from './decode';
import { sourceFormat, type PreparedSource } from './source-parse';
import { parseInWorker, type ParseOptions } from './worker-pool';
import { importBibliography, summarize } from '../bibliography/index';

export { SOURCE_FORMATS, sha256, type PreparedSource } from './source-parse';

/** A file to import: its bytes, or a way to read them (so a folder is never all in memory). */
export type IncomingFile = { name: string; bytes: Uint8Array } | { name: string; read: () => Uint8Array };

const bytesOf = (file: IncomingFile) => ('bytes' in file ? file.bytes : file.read());

/**
 * Reads and checks one file in the import worker (never on this thread); throws a GroundworkError
 * naming the file on any problem, including a limit it hit. Aborting `options.signal` stops it at once.
 */
export async function prepareSource(file: IncomingFile, options: ParseOptions = {}): Promise<PreparedSource> {
  const originalName = path.basename(file.name);
  sourceFormat(originalName);
  const bytes = bytesOf(file);
  checkSize(originalName, bytes.length);
  return parseInWorker({ kind: 'source', name: originalName, bytes }, options);
}

/** A report line: its English and its structured form. */
const line = (name: string, status: ImportedFile['status'], said: Message, more: Partial<ImportedFile> = {}): ImportedFile => ({
  name,
  status,
  message: english(said),
  said,
  ...more,
});

/** Why a file was not read: the backend's own message, or what the library said. */
const whyNot = (name: string, error: unknown): Message =>
  isGroundworkError(error) && error.said
    ? error.said
    : isGroundworkError(error)
      ? say('{line}', { line: error.message })
      : fileProblem(name, say('the file could not be read ({reason}).', { reason: (error as Error)?.message ?? String(error) }));

/** A record's stage, as a report line names it. */
const STAGE_NAMES: Record<Stage, Message> = {
  identified: say('identified'),
  screened: say('screened'),
  eligible: say('eligible'),
  included: say('included'),
  excluded: say('excluded'),
};

const duplicateOf = (name: string, twin: string) => fileProblem(name, say('not imported, its text is the same as "{twin}" already in the project.', { twin }));

const uniqueName = (wanted: string, taken: Set<string>) => {
  let name = wanted;
  for (let n = 2; taken.has(name); n += 1) name = `${wanted} (${n})`;
  taken.add(name);
  return name;
};

export interface ImportOptions extends ParseOptions {
  /** Names a batch sent in several calls: the calls merge into one undo step. */
  batch?: string;
  /** Called as each file is done (the command line prints progress with it). */
  onFile?: (result: ImportedFile, index: number, total: number) => void;
}

export async function importSources(project: Store, files: IncomingFile[], options: ImportOptions = {}): Promise<ImportedFile[]> {
  const results: ImportedFile[] = [];
  const accepted: { index: number; source: PreparedSource }[] = [];
  const seen = new Map<string, string>();
  const bibliographies: { index: number; file: IncomingFile; at: number }[] = [];
  for (const [i, file] of files.entries()) {
    const name = path.basename(file.name);
    try {
      if (isBibliographyFile(name)) {
        // Read after the sources are written, so its records can link to them.
        bibliographies.push({ index: results.length, file, at: i });
        results.push({ name, status: 'failed', message: '' });
        continue;
      }
      const source = await prepareSource(file, options);
      const existing = await project.read((db) => findDocumentBySha(db, source.sha256));
      const twin = seen.get(source.sha256);
      if (existing || twin) {
        results.push(line(name, 'duplicate', duplicateOf(name, existing?.name ?? twin ?? '')));
      } else {
        seen.set(source.sha256, source.name);
        accepted.push({ index: results.length, source });
        results.push({ name, status: 'imported', message: '' });
      }
    } catch (error) {
      // Whatever goes wrong with one file (a library failing on a strange file included) is that
      // file's failure; the others go on.
      results.push(line(name, 'failed', whyNot(name, error)));
    }
    options.onFile?.(results[results.length - 1]!, i, files.length);
  }
  if (accepted.length > 0) await writeSources(project, accepted, results, options);
  for (const { index, file, at } of bibliographies) {
    const name = path.basename(file.name);
    try {
      const result = await importBibliography(project, file.name, bytesOf(file), options);
      // Some records broken, the others imported: the file is partly imported, not failed.
      results[index] = line(name, result.broken > 0 ? 'partial' : 'imported', summarize(result));
    } catch (error) {
      results[index] = line(name, 'failed', whyNot(name, error));
    }
    options.onFile?.(results[index]!, at, files.length);
  }
  return results;
}

/**
 * Writes the accepted sources as one command (one undo step, or part of the batch's step). A
 * source imported meanwhile by another window is reported as a duplicate, not written twice.
 */
async function writeSources(
  project: Store,
  accepted: { index: number; source: PreparedSource }[],
  results: ImportedFile[],
  options: ImportOptions,
): Promise<void> {
  const label = accepted.length === 1 ? say('Import "{a}"', { a: accepted[0]!.source.name }) : say('Import {n} sources', { n: accepted.length });
  const coalesceKey = options.batch ? `document.import:${options.batch}` : undefined;
  await project.write({ kind: 'document.import', label, coalesceKey }, async (db, command) => {
    const taken = await documentNames(db);
    // The batch a wave may be defined by: the caller's batch, else this one step.
    const importBatch = options.batch ? `batch-${options.batch}` : `step-${command.id}`;
    for (const { index, source } of accepted) {
      const name = results[index]!.name;
      const twin = await findDocumentBySha(db, source.sha256);
      if (twin) {
        results[index] = line(name, 'duplicate', duplicateOf(name, twin.name));
        continue;
      }
      const id = await insertDocument(db, { ...source, name: uniqueName(source.name, taken), importBatch });
      await insertPages(db, id, source.pages);
      await insertDirections(db, id, source.directions);
      const document = (await getDocument(db, id))!;
      // It may have joined a record without full text (and taken its title as its name).
      taken.add(document.name);
      const record = await recordOfDocument(db, id);
      const joinedRecord = record && record.origin !== 'file' ? record : null;
      const imported = fileProblem(
        name,
        source.pages.length
          ? sayCount(source.pages.length, 'imported as "{source}" ({characters} characters, {n} page).', 'imported as "{source}" ({characters} characters, {n} pages).', {
              source: document.name,
              characters: document.length,
            })
          : say('imported as "{source}" ({characters} characters).', { source: document.name, characters: document.length }),
      );
      const said = !joinedRecord
        ? imported
        : joined([
            imported,
            joinedRecord.stage === 'included'
              ? say('It is the full text of the record “{title}” and takes its name.', { title: joinedRecord.title })
              : say('It is the full text of the record “{title}” and takes its name and its stage, {stage}: it is listed for coding once the record is included in Screening.', {
                  title: joinedRecord.title,
                  stage: STAGE_NAMES[joinedRecord.stage],
                }),
          ]);
      results[index] = line(name, 'imported', said, { document });
    }
    // A batch sent file by file is one step: its label counts every source it imported.
    if (coalesceKey) {
      const batchLabel = await importBatchLabel(db, command.id);
      if (batchLabel) command.setLabel(batchLabel);
    }
  });
}
