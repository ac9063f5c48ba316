// The corpus commands of the command line: `sources` (records with their attributes and stage),
// `text` (a source's canonical text). Bibliography files in `import` go through the importer.

import { parseArgs } from 'node:util';
import type { createClient } from '../../shared/api/client';
import { fail } from '../../shared/api/errors';
import { say, type Message } from '../../shared/domain/message';
import type { DocumentId } from '../../shared/domain/ids';
import { authorName, STAGES, type RecordSummary } from '../../shared/domain/records';
import { toCsv } from '../backend/export';
import type { Io } from './run';

type Api = ReturnType<typeof createClient>;
type WithProject = <T>(file: string | undefined, use: (api: Api) => Promise<T>) => Promise<T>;
type UsageErrorClass = new (message: Message) => Error;

const COLUMNS = ['id', 'source_id', 'source', 'title', 'authors', 'year', 'type', 'venue', 'doi', 'url', 'language', 'stage', 'excluded_at', 'reason', 'origin'] as const;

function rows(records: RecordSummary[], names: Map<number, string>): string[][] {
  return records.map((r) => [
    String(r.id),
    r.documentId === null ? '' : String(r.documentId),
    r.documentId === null ? '(no full text)' : (names.get(r.documentId) ?? ''),
    r.title,
    r.authors.map(authorName).join('; '),
    r.year === null ? '' : String(r.year),
    r.type,
    r.venue,
    r.doi,
    r.url,
    r.language,
    r.stage,
    r.excludedAt ?? '',
    r.reasonName ?? '',
    r.origin,
  ]);
}

const cut = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

export async function sourcesCommand(args: string[], io: Io, withProject: WithProject, UsageError: UsageErrorClass): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'table' }, stage: { type: 'string' } },
  });
  if (!['table', 'csv', 'json'].includes(values.format)) throw new UsageError(say('Unknown format "{value}": use table, csv or json.', { value: values.format }));
  if (values.stage && !(STAGES as readonly string[]).includes(values.stage)) {
    throw new UsageError(say('Unknown stage "{value}": use {stages}.', { value: values.stage, stages: STAGES.join(', ') }));
  }
  if (positionals.length > 1) throw new UsageError(say('sources takes one project file.'));
  const { records, documents } = await withProject(positionals[0], async (api) => ({
    records: await api.call('record.list', {}),
    documents: await api.call('document.list', {}),
  }));
  const chosen = values.stage ? records.filter((r) => r.stage === values.stage) : records;
  const names = new Map<number, string>(documents.map((d) => [d.id, d.name]));
  if (values.format === 'json') {
    io.out(JSON.stringify(chosen.map((r) => ({ ...r, source: r.documentId === null ? null : (names.get(r.documentId) ?? null) })), null, 2));
  } else if (values.format === 'csv') {
    io.out(toCsv([[...COLUMNS], ...rows(chosen, names)]).replace(/^\uFEFF/, '').trimEnd());
  } else {
    const head = ['Id', 'Source', 'Title', 'Authors', 'Year', 'Type', 'Stage'];
    const body = rows(chosen, names).map((r) => [r[0]!, cut(r[2]!, 30), cut(r[3]!, 50), cut(r[4]!, 30), r[5]!, r[6]!, r[12] ? `${r[11]} (${r[12]}: ${r[13]})` : r[11]!]);
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
    const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
    io.out([line(head), ...body.map(line), '', `${chosen.length} record(s); ${chosen.filter((r) => r.documentId !== null).length} with full text.`].join('\n'));
  }
  return 0;
}

export async function textCommand(args: string[], io: Io, withProject: WithProject, UsageError: UsageErrorClass): Promise<number> {
  const [file, source, ...extra] = args;
  if (!file || !source || extra.length > 0) throw new UsageError(say('text takes a project file and one source (its id or name).'));
  const text = await withProject(file, async (api) => (await api.call('document.get', { id: await findSource(api, source, say('there is no text to print')) })).text);
  io.out(text);
  return 0;
}

/** A source named on the command line: its id (as `sources --format json` lists it), name, file name or record title. */
export async function findSource(api: Api, source: string, withoutText: Message): Promise<DocumentId> {
  const documents = await api.call('document.list', {});
  const byId = /^\d+$/.test(source) ? documents.find((d) => d.id === Number(source)) : undefined;
  const records = await api.call('record.list', {});
  const titled = records.find((r) => r.title === source && r.documentId !== null);
  const doc =
    byId ??
    documents.find((d) => d.name === source) ??
    documents.find((d) => d.originalName === source) ??
    documents.find((d) => d.id === titled?.documentId);
  if (doc) return doc.id;
  const record = /^\d+$/.test(source) ? undefined : records.find((r) => r.title === source && r.documentId === null);
  if (record) fail('not-found', '"{source}" is a record without full text: {consequence}. Import its file to link it.', { source, consequence: withoutText });
  fail('not-found', 'There is no source "{source}" in this project. "groundwork sources FILE" lists them.', { source });
}
