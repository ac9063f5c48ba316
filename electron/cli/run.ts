// The `groundwork` command line over the same backend as the app, so a replication can be
// scripted. run() returns the exit status: 0 done (warnings, such as a partly imported
// bibliography, on stderr), 1 an error or a file not imported (one line each on stderr), 2 bad usage.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { createClient } from '../../shared/api/client';
import { fail, saidOf } from '../../shared/api/errors';
import { english, fileProblem, say, type Message } from '../../shared/domain/message';
import { languageFrom } from '../../shared/i18n/translate';
import { shown, type Io } from './io';
import type { ParadigmCounts } from '../../shared/domain/model';
import { createProjectFile, openProjectFile, PROJECT_EXTENSION } from '../../db/sqlite/open';
import type { Store } from '../../db/store';
import { createBackend } from '../backend/backend';
import { findOrCreateCoder } from '../../db/coders';
import { localTransport } from '../backend/dispatcher';
import { importFromPaths } from '../backend/import/paths';
import { compareCsvRows, table8Rows, toCsv } from '../backend/export';
import { hostConfig, VERSION } from '../host-config';
import { buildStudyProject } from '../backend/study';
import { maturityCommand } from './maturity';
import { sourcesCommand, textCommand } from './corpus';
import { codebookCommand, exportExchange, importExchangeFiles } from './exchange';
import { isExchangeFile } from '../../shared/domain/exchange-import';
import { autocodeCommand, baselineCommand, codeCommand, evolutionCommand, saturationCommand } from './evolution';
import { downloadCommand, projectsCommand, publishCommand, serveCommand, SERVER_USAGE, userCommand } from './server';
import { compactCommand } from './compact';
import { agreementCommand, codersCommand, copiesCommand, mergeCommand } from './team';

export type { Io } from './io';

/**
 * Each command once, with the options it takes (checked by test/electron/cli-usage.test.ts against
 * the commands run() knows). A command added here is added to that test's list of examples too.
 */
export const USAGE = `Usage: groundwork <command> [options]      (every command takes --lang en|fa)

Commands:
  init FILE [--name NAME]                  create a new, empty project file
  import FILE PATH...                      import into the project, each file one line of report:
                                           sources (.pdf, .docx, .html, .htm, .xhtml, .txt, .md) and
                                           folders of them, bibliographies (.ris, .bib, .csv), and
                                           REFI-QDA projects or codebooks (.qdpx, .qde, .qdc: one undo
                                           step each, what was left out and why on stderr)
  sources FILE [--format table|csv|json] [--stage identified|screened|eligible|included|excluded]
                                           sources and records with their attributes and screening stage
  text FILE SOURCE                         a source's canonical text (SOURCE: its id, name or record title)
  search FILE QUERY [--format table|json] [--limit N]
                                           full-text search of every source (Persian/Arabic letter
                                           forms, ZWNJ, harakat and digit sets compared alike;
                                           word* for a prefix, "two words" for a phrase; N: 1 to 5000,
                                           100 by default)
  code FILE --source S --start N --end M --concept LABEL [--coder NAME]
                                           code a passage (S: the documentId "sources --format json"
                                           lists, or a source's name or title; N, M: UTF-16 offsets;
                                           a new LABEL makes a new concept); one undo step
  autocode FILE QUERY --concept LABEL [--unit hit|sentence|paragraph] [--coder NAME]
                                           code every hit of a search (or its sentence or paragraph);
                                           one undo step
  codebook FILE [--format json|csv]        the code system as a tree: components, categories, concepts
                                           with labels, glosses, codes, colours and memos
  counts FILE [--format table|csv|json]    the Table 8 counts per paradigm component, with totals
  counts FILE --compare [--concepts codebook|strict|merged] [--consequences A|B|C] [--format table|csv|json]
                                           reproduced beside reported figures, with the difference
                                           and why they differ, under the readings chosen
  export FILE [--segments OUT.csv] [--table8 OUT.csv] [--qdpx OUT.qdpx [--unit nvivo|standard]] [--qdc OUT.qdc]
                                           at least one of: every coded segment (CSV), the Table 8
                                           counts (CSV), the project as REFI-QDA (positions in code
                                           points, or NVivo's UTF-16 units), the codebook as REFI-QDA
  maturity FILE --out MODEL.json|MODEL.csv|MODEL.xlsx [--labels en|fa]
                                           the maturity model (levels, dimensions, items, counts);
                                           labels for CSV and XLSX
  baseline FILE NAME                       freeze the model (codebook, filings, counts) as a baseline
  evolution FILE [--baseline NAME] [--wave NAME] [--format json|csv|xlsx] [--out FILE] [--labels en|fa]
                                           what changed since the baseline, and/or what the wave added
                                           against the other waves (at least one of the two)
  saturation FILE [--order coding|year] [--format json|csv] [--last K [--percent P]]
                                           new concepts per source, cumulative, overall and per
                                           component; the stopping rule: no new concept in the last
                                           K sources, or fewer than P % new in the last K
  study FILE                               write the study project (Tellohosseini et al., 2022) to FILE
  copies FILE --coders A,B [--out DIR] [--baseline NAME]
                                           one copy per coder for blind coding: sources and
                                           codebook (now, or as frozen in the baseline), nobody's
                                           passages
  merge FILE OTHER.groundwork|OTHER.qdpx [--keep ours|theirs] [--resolve ID=ours|theirs|both]... [--preview]
                                           bring another copy's work in (or a REFI-QDA project's);
                                           conflicts listed; run twice, the second run changes nothing
  agreement FILE --coders A,B [--level presence|frequency|overlap] [--format table|json|csv]
           [--min-overlap 90] [--sources S,..] [--concepts C,..]
                                           intercoder agreement: percent, Cohen's κ, Brennan &
                                           Prediger's κ, Krippendorff's α (presence)
  coders FILE                              the coders and their passages
  compact FILE [--vacuum] [--keep-steps N] [--keep-days D]
                                           forget undo history beyond the project's limits (its setting:
                                           by default the last 2,000 steps and 180 days); --vacuum also
                                           gives the freed space back to the disk
  help                                     this text (also --help, -h); --version prints the version

Every command that writes a project (init, import, code, autocode, copies, merge) takes --coder NAME:
the coder (made if new) is recorded on the passages it codes and as the author of its steps.

${SERVER_USAGE}

--lang fa (or GROUNDWORK_LANG=fa, or a Persian LANG) words errors and report lines in Persian;
tables, JSON and CSV are the same in every language.

Positions in exports are offsets into each source's canonical text in UTF-16 code units.
Exit status: 0 done (warnings on stderr), 1 an error or a file not imported, 2 a usage error.`;

/** A command used wrongly (exit 2): its message structured, so it is printed in the command's language. */
class UsageError extends Error {
  readonly said: Message;
  constructor(message: Message) {
    super(english(message));
    this.said = message;
  }
}

/** Writes a file in one step: a reader never sees half of it, and a failure leaves no file. */
function writeAtomically(file: string, content: string | Uint8Array): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, content);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    fail('io', 'Cannot write {path}: {reason}', { path: file, reason: (error as Error).message });
  }
}

function countsTable(c: ParadigmCounts): string {
  const head = ['Component', 'Main categories', 'Concepts', 'Final codes'];
  const body: string[][] = c.rows.map((r) => [r.label, String(r.mainCategories), String(r.concepts), String(r.finalCodes)]);
  body.push(['Total (each counted once)', String(c.totals.mainCategories), String(c.totals.concepts), String(c.totals.finalCodes)]);
  const u = c.unassigned;
  body.push(['Not in any component', String(u.mainCategories), String(u.conceptsUnfiled + u.conceptsOutsideComponents), String(u.finalCodes)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const lines = [line(head), ...body.map(line)];
  if (c.sharedConcepts.length > 0) {
    lines.push(
      '',
      `${c.sharedConcepts.length} concept(s) are filed under more than one component: each counts in every such row and once in the total ` +
        `(rows sum to ${c.sums.concepts} concepts, ${c.sums.finalCodes} final codes).`,
    );
  }
  return lines.join('\n');
}

/** --coder NAME for a command that writes through the store itself: the coder (made if new) is the author. */
async function useCoder(store: Store, name: string): Promise<void> {
  const coder = await store.write({ kind: 'coder.create', label: say('Add coder “{a}”', { a: name.trim() }) }, (db) => findOrCreateCoder(db, name));
  store.actor = coder.uid;
}

export interface ProjectOptions {
  /** The coder (by name) this command's passages and steps are recorded under (`--coder`). */
  coder?: string;
}

async function withProject<T>(file: string | undefined, use: (api: ReturnType<typeof createClient>) => Promise<T>, options: ProjectOptions = {}): Promise<T> {
  if (!file) throw new UsageError(say('Name a project file.'));
  const backend = createBackend(hostConfig('cli'));
  const api = createClient(localTransport(backend));
  try {
    await api.call('project.open', { path: file });
    // The coder is found by name or added (its own undo step, the first time); the store then
    // works as that coder: its steps are the coder's, and so are the passages it codes.
    if (options.coder !== undefined && backend.store) await useCoder(backend.store, options.coder);
    return await use(api);
  } finally {
    await backend.close();
  }
}

const CONCEPT_READINGS = ['codebook', 'strict', 'merged'];
const CONSEQUENCE_READINGS = ['A', 'B', 'C'];

async function compareCommand(
  file: string | undefined,
  values: { format: string; concepts?: string; consequences?: string },
  io: Io,
): Promise<number> {
  const readings: Record<string, string> = {};
  if (values.concepts !== undefined) {
    if (!CONCEPT_READINGS.includes(values.concepts)) throw new UsageError(say('Unknown --concepts "{value}": use codebook, strict or merged.', { value: values.concepts }));
    readings.concepts = values.concepts;
  }
  if (values.consequences !== undefined) {
    if (!CONSEQUENCE_READINGS.includes(values.consequences)) throw new UsageError(say('Unknown --consequences "{value}": use A, B or C.', { value: values.consequences }));
    readings.consequences = values.consequences;
  }
  const compare = await withProject(file, (api) => api.call('counts.compare', { readings }));
  if (values.format === 'json') {
    io.out(JSON.stringify(compare, null, 2));
    return 0;
  }
  if (values.format === 'csv') {
    io.out(toCsv(compareCsvRows(compare)).replace(/^\uFEFF/, '').trimEnd());
    return 0;
  }
  const cell = (n: number | undefined) => (n === undefined ? '' : String(n));
  const body = compare.rows.map((r) => [
    r.label,
    ...(['mainCategories', 'concepts', 'finalCodes'] as const).flatMap((k) => [cell(r.reproduced[k]), cell(r.reported?.[k]), cell(r.difference?.[k])]),
  ]);
  const titles = ['Component', 'Main cat.', 'reported', 'diff', 'Concepts', 'reported', 'diff', 'Final codes', 'reported', 'diff'];
  const rows = body;
  const widths = titles.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const lines = [line(titles), ...rows.map(line), ''];
  lines.push(`Readings: ${compare.readings.map((r) => `${r.labelEn} = ${r.options.find((o) => o.key === compare.applied[r.key])?.labelEn ?? '-'}`).join('; ') || 'none'}`);
  for (const r of compare.rows) if (r.reasonSaid) lines.push(`${r.label}: ${shown(io, r.reasonSaid)}`);
  if (compare.finalCodesNote) lines.push(compare.finalCodesNote);
  io.out(lines.join('\n'));
  return 0;
}

async function searchCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'table' }, limit: { type: 'string', default: '100' } },
  });
  if (positionals.length !== 2) throw new UsageError(say('search takes a project file and a query (quote a query of several words).'));
  if (!['table', 'json'].includes(values.format)) throw new UsageError(say('Unknown format "{value}": use table or json.', { value: values.format }));
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 5000) throw new UsageError(say('--limit takes a whole number from 1 to 5000.'));
  const [file, query] = positionals as [string, string];
  const result = await withProject(file, (api) => api.call('search.query', { query, limit }));
  const hits = result.hits.map((h) => ({
    source: h.documentName,
    document_id: h.documentId,
    start_utf16: h.start,
    end_utf16: h.end,
    paragraph: h.paragraph + 1,
    text: h.text,
    before: h.before,
    after: h.after,
  }));
  if (values.format === 'json') {
    io.out(JSON.stringify({ query, terms: result.terms, total: result.total, shown: hits.length, took_ms: result.tookMs, hits }, null, 2));
    return 0;
  }
  const head = ['source', 'start_utf16', 'end_utf16', 'context'];
  const rows = hits.map((h) => [h.source, String(h.start_utf16), String(h.end_utf16), `${h.before}[${h.text}]${h.after}`.replace(/\s+/gu, ' ')]);
  const widths = head.slice(0, 3).map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((cell, i) => (i < 3 ? (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)) : cell)).join('  ');
  io.out([line(head), ...rows.map(line)].join('\n'));
  io.out(`${result.total} hit(s) in ${result.sources} source(s)${result.total > hits.length ? `, first ${hits.length} shown (--limit)` : ''}.`);
  return 0;
}

/** `--lang X` / `--lang=X` anywhere: taken out of the arguments, the rest as they were. */
function takeLanguage(argv: string[]): { lang: string | undefined; args: string[] } {
  const args: string[] = [];
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i]!;
    if (a === '--lang') lang = argv[(i += 1)] ?? '';
    else if (a.startsWith('--lang=')) lang = a.slice('--lang='.length);
    else args.push(a);
  }
  return { lang, args };
}

export async function run(argv: string[], ioIn: Io, env: Record<string, string | undefined> = process.env): Promise<number> {
  const { lang, args } = takeLanguage(argv);
  const io: Io = { ...ioIn, lang: languageFrom(lang, env) };
  const [command, ...rest] = args;
  try {
    if (lang !== undefined && lang !== 'en' && lang !== 'fa') throw new UsageError(say('Unknown --lang "{value}": use en or fa.', { value: lang }));
    switch (command) {
      case 'init': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { name: { type: 'string' }, coder: { type: 'string' } } });
        const file = positionals[0];
        if (!file || positionals.length > 1) throw new UsageError(say('init takes one project file.'));
        const target = path.extname(file) ? file : `${file}${PROJECT_EXTENSION}`;
        const created = createProjectFile(target, values.name ?? path.basename(target, path.extname(target)));
        try {
          if (values.coder !== undefined) await useCoder(created, values.coder);
        } finally {
          await created.close();
        }
        io.out(shown(io, say('Created {path}', { path: path.resolve(target) })));
        return 0;
      }
      case 'import': {
        const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { coder: { type: 'string' } } });
        const [file, ...all] = positionals;
        if (!file || all.length === 0) throw new UsageError(say('import takes a project file and at least one source file or folder.'));
        // REFI-QDA files (.qdpx, .qde, .qdc) are projects or codebooks of their own: each is one import.
        const exchange = all.filter((p) => isExchangeFile(p) && !fs.statSync(p, { throwIfNoEntry: false })?.isDirectory());
        const paths = all.filter((p) => !exchange.includes(p));
        // A one-shot command: the project is opened without watching for other programs' changes,
        // and only once something is to be written to it; a file that cannot be written is refused.
        const opened: { store: Store | null } = { store: null };
        const store = () => (opened.store ??= openProjectFile(file, { readOnly: false }));
        try {
          const exchangeStatus = exchange.length ? await importExchangeFiles(store, exchange, io) : 0;
          if (paths.length === 0) return exchangeStatus;
          // --coder NAME: the import is that coder's step (an exchange file brings its own users).
          if (values.coder !== undefined) await useCoder(store(), values.coder);
          const results = await importFromPaths(store(), paths);
          // Failures and partly imported files (a bibliography with broken records) go to stderr;
          // only a failure makes the exit status 1.
          for (const r of results) (r.status === 'failed' || r.status === 'partial' ? io.err : io.out)(`${r.status.padEnd(9)} ${shown(io, r.said ?? r.message)}`);
          return results.some((r) => r.status === 'failed') ? 1 : exchangeStatus;
        } finally {
          await opened.store?.close();
        }
      }
      case 'counts': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            format: { type: 'string', default: 'table' },
            compare: { type: 'boolean', default: false },
            concepts: { type: 'string' },
            consequences: { type: 'string' },
          },
        });
        if (!['table', 'csv', 'json'].includes(values.format)) throw new UsageError(say('Unknown format "{value}": use table, csv or json.', { value: values.format }));
        if (values.compare) return await compareCommand(positionals[0], values, io);
        if (values.concepts || values.consequences) throw new UsageError(say('--concepts and --consequences go with --compare.'));
        const counts = await withProject(positionals[0], (api) => api.call('counts.paradigm', {}));
        if (values.format === 'json') io.out(JSON.stringify(counts, null, 2));
        else if (values.format === 'csv') io.out(toCsv(table8Rows(counts)).replace(/^\uFEFF/, '').trimEnd());
        else io.out(countsTable(counts));
        return 0;
      }
      case 'export': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: { segments: { type: 'string' }, table8: { type: 'string' }, qdpx: { type: 'string' }, qdc: { type: 'string' }, unit: { type: 'string' } },
        });
        if (!values.segments && !values.table8 && !values.qdpx && !values.qdc) {
          throw new UsageError(say('export needs --segments OUT.csv, --table8 OUT.csv, --qdpx OUT.qdpx or --qdc OUT.qdc.'));
        }
        if (values.unit !== undefined && !values.qdpx) throw new UsageError(say('--unit goes with --qdpx.'));
        if (values.unit !== undefined && values.unit !== 'nvivo' && values.unit !== 'standard') throw new UsageError(say('Unknown unit "{value}": use nvivo or standard.', { value: values.unit }));
        await withProject(positionals[0], async (api) => {
          await exportExchange(api, values, writeAtomically, io);
          if (values.segments) {
            const { csv } = await api.call('export.segmentsCsv', {});
            writeAtomically(values.segments, csv);
            // the passages the project counts (its count basis: every coder, the consensus or one coder)
            const count = Papa.parse(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.length - 1;
            io.out(shown(io, say(count === 1 ? 'Wrote {n} segment to {path}' : 'Wrote {n} segments to {path}', { n: count, path: values.segments })));
          }
          if (values.table8) {
            writeAtomically(values.table8, (await api.call('export.table8Csv', {})).csv);
            io.out(shown(io, say('Wrote the Table 8 counts to {path}', { path: values.table8 })));
          }
        });
        return 0;
      }
      case 'study': {
        const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} });
        const file = positionals[0];
        if (!file || positionals.length > 1) throw new UsageError(say('study takes one project file to write.'));
        const target = path.extname(file) ? file : `${file}${PROJECT_EXTENSION}`;
        if (fs.existsSync(target)) fail('conflict', '{path} already exists; the study project is only written to a new file.', { path: path.resolve(target) });
        await buildStudyProject(hostConfig('cli'), target);
        io.out(shown(io, say('Wrote the study project to {path}', { path: path.resolve(target) })));
        return 0;
      }
      case 'search':
        return await searchCommand(rest, io);
      case 'merge':
        return await mergeCommand(rest, io, withProject, UsageError);
      case 'agreement':
        return await agreementCommand(rest, io, withProject, UsageError);
      case 'copies':
        return await copiesCommand(rest, io, withProject, UsageError);
      case 'coders':
        return await codersCommand(rest, io, withProject, UsageError);
      case 'maturity':
        return await maturityCommand(rest, io, withProject, writeAtomically, UsageError);
      case 'sources':
        return await sourcesCommand(rest, io, withProject, UsageError);
      case 'text':
        return await textCommand(rest, io, withProject, UsageError);
      case 'codebook':
        return await codebookCommand(rest, io, withProject, UsageError);
      case 'code':
        return await codeCommand(rest, io, withProject, UsageError);
      case 'autocode':
        return await autocodeCommand(rest, io, withProject, UsageError);
      case 'baseline':
        return await baselineCommand(rest, io, withProject, UsageError);
      case 'evolution':
        return await evolutionCommand(rest, io, withProject, UsageError, writeAtomically);
      case 'saturation':
        return await saturationCommand(rest, io, withProject, UsageError);
      case 'serve':
        return await serveCommand(rest, io, UsageError);
      case 'user':
        return await userCommand(rest, io, UsageError);
      case 'projects':
        return await projectsCommand(rest, io, UsageError);
      case 'publish':
        return await publishCommand(rest, io, UsageError);
      case 'download':
        return await downloadCommand(rest, io, UsageError);
      case 'compact':
        return await compactCommand(rest, io, UsageError);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      case '--version':
        io.out(VERSION);
        return 0;
      default:
        throw new UsageError(say('Unknown command "{command}".', { command }));
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      // Node's own words for an unknown option stay as they are.
      const problem = error instanceof UsageError ? error.said : say('{problem}', { problem: (error as Error).message });
      io.err(`groundwork: ${shown(io, say('{problem} Run "groundwork help" for usage.', { problem }))}`);
      return 2;
    }
    io.err(`groundwork: ${shown(io, saidOf(error))}`);
    return 1;
  }
}
