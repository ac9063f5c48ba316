// REFI-QDA exchange on the command line: `import PROJECT FILE.qdpx|.qde|.qdc` (one undo step per
// file; what came in on stdout, what was left out and the warnings on stderr, one line each),
// `export PROJECT --qdpx OUT.qdpx [--unit nvivo]` / `--qdc OUT.qdc`, and `codebook PROJECT
// [--format json|csv]` (the code system as a tree, for scripts).

import path from 'node:path';
import { parseArgs } from 'node:util';
import type { createClient } from '../../shared/api/client';
import { saidOf } from '../../shared/api/errors';
import { fileProblem, say, sayCount, sayList, type Message } from '../../shared/domain/message';
import { codebookOutline, outlineRows } from '../../shared/domain/codebook-outline';
import type { ExchangeImportResult } from '../../shared/domain/exchange-import';
import type { Store } from '../../db/store';
import { prepareExchange, writeExchange } from '../backend/exchange/store-import';
import { toCsv } from '../backend/export';
import { shown, type Io } from './io';

type Api = ReturnType<typeof createClient>;
type WithProject = <T>(file: string | undefined, use: (api: Api) => Promise<T>) => Promise<T>;
type UsageErrorClass = new (message: Message) => Error;

const sources = (n: number) => sayCount(n, '{n} source', '{n} sources');
const categories = (n: number) => sayCount(n, '{n} category', '{n} categories');
const concepts = (n: number) => sayCount(n, '{n} concept', '{n} concepts');
const passages = (n: number) => sayCount(n, '{n} coded passage', '{n} coded passages');

/** One line saying what an import wrote and what the project already had. */
export function importSummary(r: ExchangeImportResult): Message {
  const w = r.written;
  const written = sayList([
    sources(w.sources),
    categories(w.categories),
    concepts(w.concepts),
    passages(w.passages),
    sayCount(w.memos, '{n} memo', '{n} memos'),
    sayCount(w.attributes, '{n} attribute', '{n} attributes'),
    sayCount(w.coders, '{n} coder', '{n} coders'),
  ]);
  const there = r.alreadyThere;
  const matched = there.sources + there.categories + there.concepts + there.passages;
  const { share } = r.report.positions;
  const line =
    share === null
      ? say('imported {written}.', { written })
      : say('imported {written}; positions read as {unit}, {percent} % on word boundaries.', {
          written,
          unit: r.report.positions.unitSaid ?? r.report.positions.unit,
          percent: Math.round(share * 100),
        });
  const already = say('Already in the project: {there}.', { there: sayList([sources(there.sources), categories(there.categories), concepts(there.concepts), passages(there.passages)]) });
  return fileProblem(r.file, matched ? say('{line} {already}', { line, already }) : line);
}

/**
 * Imports each exchange file into the project; returns 1 when a file was refused. Each file is read
 * before the project is opened (`project` opens it on first use), so a refused file leaves the
 * project file as it was, byte for byte.
 */
export async function importExchangeFiles(project: () => Store, files: string[], io: Io): Promise<number> {
  let status = 0;
  for (const file of files) {
    try {
      const prepared = await prepareExchange({ name: path.basename(file), path: file });
      const result = await writeExchange(project(), prepared);
      const skipped = result.report.leftOut.flatMap((g) => g.items);
      // As with a partly imported bibliography: a file with parts left out is reported on stderr, exit 0.
      (skipped.length ? io.err : io.out)(`${(skipped.length ? 'partial' : 'imported').padEnd(9)} ${shown(io, importSummary(result))}`);
      for (const item of result.report.leftOut.flatMap((g) => g.itemsSaid)) io.err(`${'skipped'.padEnd(9)} ${shown(io, item)}`);
      for (const warning of result.report.warningsSaid) io.err(`${'warning'.padEnd(9)} ${shown(io, fileProblem(path.basename(file), warning))}`);
    } catch (error) {
      status = 1;
      const said = saidOf(error);
      io.err(`${'failed'.padEnd(9)} ${shown(io, said.text === '{message}' ? fileProblem(path.basename(file), said) : said)}`);
    }
  }
  return status;
}

/** The export options of `export`: writes the .qdpx and/or .qdc the options name. */
export async function exportExchange(
  api: Api,
  values: { qdpx?: string; qdc?: string; unit?: string },
  write: (file: string, content: string | Uint8Array) => void,
  io: Io,
): Promise<void> {
  for (const [format, out] of [
    ['qdpx', values.qdpx],
    ['qdc', values.qdc],
  ] as const) {
    if (!out) continue;
    const unit = format === 'qdpx' && values.unit === 'nvivo' ? 'nvivo' : 'standard';
    const file = await api.call('exchange.export', { format, unit });
    write(out, Buffer.from(file.dataBase64, 'base64'));
    for (const warning of file.warningsSaid) io.err(`warning   ${shown(io, fileProblem(out, warning))}`);
    io.out(`Wrote the ${format === 'qdc' ? 'codebook' : `project${unit === 'nvivo' ? ' (positions in NVivo\'s UTF-16 units)' : ''}`} to ${out}`);
  }
}

const CSV_COLUMNS = ['kind', 'depth', 'path', 'label', 'label_fa', 'label_en', 'code', 'color', 'memo', 'segments', 'id'];

export async function codebookCommand(args: string[], io: Io, withProject: WithProject, UsageError: UsageErrorClass): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'json' } } });
  if (positionals.length !== 1) throw new UsageError(say('codebook takes one project file.'));
  if (!['json', 'csv'].includes(values.format)) throw new UsageError(say('Unknown format "{value}": use json or csv.', { value: values.format }));
  const tree = codebookOutline(await withProject(positionals[0], (api) => api.call('codebook.get', {})));
  if (values.format === 'json') {
    io.out(JSON.stringify(tree, null, 2));
    return 0;
  }
  const rows = outlineRows(tree).map(({ node, depth, path: trail }) => [
    node.kind,
    String(depth),
    trail.join(' > '),
    node.label,
    node.labelFa ?? '',
    node.labelEn ?? '',
    node.code ?? '',
    node.color ?? '',
    node.memo,
    node.segments === undefined ? '' : String(node.segments),
    String(node.id),
  ]);
  io.out(toCsv([CSV_COLUMNS, ...rows]).replace(/^\uFEFF/, '').trimEnd());
  return 0;
}
