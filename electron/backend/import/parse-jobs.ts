// What the import worker runs: turning one file's bytes into a prepared source or a bibliography's
// entries. Pure (no project, no SQL), so it runs in a worker thread; the libraries each format
// needs are loaded by its module only when a file of that format comes.

import type { PreparedSource } from './source-parse';
import type { ParsedBibliography } from '../bibliography/parse';

export type ParseJob =
  | { kind: 'source'; name: string; bytes: Uint8Array }
  | { kind: 'bibliography'; name: string; bytes: Uint8Array };

export type ParseResult<J extends ParseJob> = J extends { kind: 'source' } ? PreparedSource : ParsedBibliography;

export async function runParseJob(job: ParseJob): Promise<PreparedSource | ParsedBibliography> {
  if (job.kind === 'source') {
    const { parseSource } = await import('./source-parse');
    return parseSource(job.name, job.bytes);
  }
  const { parseBibliography } = await import('../bibliography/parse');
  return parseBibliography(job.name, job.bytes);
}
