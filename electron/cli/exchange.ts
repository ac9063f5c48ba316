// REFI-QDA exchange on the command line: `import PROJECT FILE.qdpx|.qde|.qdc` (one undo step per
// file; what came in on stdout, what was left out and the warnings on stderr, one line each),
// `export PROJECT --qdpx OUT.qdpx [--unit nvivo]` / `--qdc OUT.qdc`, and `codebook PROJECT
// [--format json|csv]` (the code system as a tree, for scripts).

import path from 'node:path';
import { parseArgs } from 'node:util';
import type { createClient } from '../../shared/api/client';
import { isGroundworkError } from '../../shared/api/errors';
import { codebookOutline, outlineRows } from '../../shared/domain/codebook-outline';
import type { ExchangeImportResult } from '../../shared/domain/exchange-import';
import type { Store } from '../../db/store';
import { prepareExchange, writeExchange } from '../backend/exchange/store-import';
import { toCsv } from '../backend/export';
import type { Io } from './run';

type Api = ReturnType<typeof createClient>;
type WithProject = <T>(file: string | undefined, use: (api: Api) => Promise<T>) => Promise<T>;
type UsageErrorClass = new (message: string) => Error;

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** One line saying what an import wrote and what the project already had. */
export function importSummary(r: ExchangeImportResult): string {
  const w = r.written;
  const parts = [
    count(w.sources, 'source'),
    count(w.categories, 'category', 'categories'),
    count(w.concepts, 'concept'),
    count(w.passages, 'coded passage'),
    count(w.memos, 'memo'),
    count(w.attributes, 'attribute'),
    count(w.coders, 'coder'),
  ];
  const there = r.alreadyThere;
  const matched = there.sources + there.categories + there.concepts + there.passages;
  const positions = r.report.positions.share === null ? '' : `; positions read as ${r.report.positions.unit}, ${Math.round(r.report.positions.share * 100)} % on word boundaries`;
  return (
    `${r.file}: imported ${parts.join(', ')}${positions}.` +
    (matched
      ? ` Already in the project: ${count(there.sources, 'source')}, ${count(there.categories, 'category', 'categories')}, ${count(there.concepts, 'concept')}, ${count(there.passages, 'coded passage')}.`
      : '')
  );
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
      (skipped.length ? io.err : io.out)(`${(skipped.length ? 'partial' : 'imported').padEnd(9)} ${importSummary(result)}`);
      for (const item of skipped) io.err(`${'skipped'.padEnd(9)} ${item}`);
      for (const warning of result.report.warnings) io.err(`${'warning'.padEnd(9)} ${path.basename(file)}: ${warning}`);
    } catch (error) {
      status = 1;
      const message = isGroundworkError(error) ? error.message : `${path.basename(file)}: ${(error as Error).message}`;
      io.err(`${'failed'.padEnd(9)} ${message}`);
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
    for (const warning of file.warnings) io.err(`warning   ${out}: ${warning}`);
    io.out(`Wrote the ${format === 'qdc' ? 'codebook' : `project${unit === 'nvivo' ? ' (positions in NVivo\'s UTF-16 units)' : ''}`} to ${out}`);
  }
}

const CSV_COLUMNS = ['kind', 'depth', 'path', 'label', 'label_fa', 'label_en', 'code', 'color', 'memo', 'segments', 'id'];

export async function codebookCommand(args: string[], io: Io, withProject: WithProject, UsageError: UsageErrorClass): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', default: 'json' } } });
  if (positionals.length !== 1) throw new UsageError('codebook takes one project file.');
  if (!['json', 'csv'].includes(values.format)) throw new UsageError(`Unknown format "${values.format}": use json or csv.`);
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
