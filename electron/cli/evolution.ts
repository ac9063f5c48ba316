// The command line for replicating and extending a model: `code` and `autocode` (one undo step
// each, through the same contract methods, so the same checks and messages as the app),
// `baseline` (freeze the model), `evolution` (what changed) and `saturation`.

import { parseArgs } from 'node:util';
import type { createClient } from '../../shared/api/client';
import { fail } from '../../shared/api/errors';
import { say, sayCount, type Message } from '../../shared/domain/message';
import type { ConceptId } from '../../shared/domain/ids';
import { matchKey } from '../../shared/domain/normalize';
import type { StoppingRule } from '../../shared/domain/saturation';
import { changeJson, saturationJson } from '../backend/evolution/json';
import { changeSheets, saturationSheets, sheetsToCsv, sheetsToXlsx } from '../backend/evolution/tables';
import { findSource } from './corpus';
import type { Io, ProjectOptions } from './run';

type Api = ReturnType<typeof createClient>;
type WithProject = <T>(file: string | undefined, use: (api: Api) => Promise<T>, options?: ProjectOptions) => Promise<T>;
type UsageErrorClass = new (message: Message) => Error;

const quoted = (name: string) => `“${name}”`;

/** Names in a list, each quoted (a list the template quotes as a whole: `The waves: {names}.`). */
const quotedList = (names: string[]) => names.map((n) => `“${n}”`).join(', ');

/**
 * The concept a label names: the one with that label (letter forms, case and spacing compared as
 * the app compares labels), or with that code; none: the label makes a new concept.
 */
async function conceptFor(api: Api, label: string): Promise<{ input: { conceptId: ConceptId } | { newConcept: { label: string } }; label: string }> {
  const { concepts } = await api.call('codebook.get', {});
  const exact = concepts.filter((c) => c.label === label);
  const alike = exact.length ? exact : concepts.filter((c) => matchKey(c.label) === matchKey(label));
  const found = alike.length ? alike : concepts.filter((c) => c.code !== null && c.code === label);
  if (found.length === 1) return { input: { conceptId: found[0]!.id }, label: found[0]!.label };
  if (found.length > 1) {
    const codes = found.map((c) => c.code).filter((c): c is string => c !== null);
    if (codes.length) fail('conflict', '{n} concepts are labelled “{label}” ({codes}): give the code of the one you mean instead.', { n: found.length, label, codes: codes.join(', ') });
    fail('conflict', '{n} concepts are labelled “{label}”: give the code of the one you mean instead.', { n: found.length, label });
  }
  return { input: { newConcept: { label } }, label };
}

/** `--coder NAME`: the coder the passages and the step are recorded under (made if new). */
function coderOption(coder: string | undefined, UsageError: UsageErrorClass): ProjectOptions {
  if (coder === undefined) return {};
  if (!coder.trim()) throw new UsageError(say('--coder needs a name.'));
  return { coder };
}

const offset = (value: string | undefined, flag: string, UsageError: UsageErrorClass) => {
  if (value === undefined) throw new UsageError(say('code needs {flag} N.', { flag }));
  if (!/^\d+$/.test(value)) throw new UsageError(say('{flag} takes a UTF-16 offset, a whole number of 0 or more ("{value}" is not).', { flag, value }));
  return Number(value);
};

export async function codeCommand(args: string[], io: Io, withProject: WithProject, UsageError: UsageErrorClass): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { source: { type: 'string' }, start: { type: 'string' }, end: { type: 'string' }, concept: { type: 'string' }, coder: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError(say('code takes one project file.'));
  if (!values.source) throw new UsageError(say('code needs --source S (a source id, name or title).'));
  if (values.concept === undefined || !values.concept.trim()) throw new UsageError(say('code needs --concept LABEL.'));
  const start = offset(values.start, '--start', UsageError);
  const end = offset(values.end, '--end', UsageError);
  const label = values.concept.trim();
  const options = coderOption(values.coder, UsageError);
  const { segment, source, created, label: named } = await withProject(
    positionals[0],
    async (api) => {
      const documentId = await findSource(api, values.source!, say('there is no text to code'));
      const concept = await conceptFor(api, label);
      const segment = await api.call('segment.code', { documentId, start, end, ...concept.input });
      const source = (await api.call('document.list', {})).find((d) => d.id === documentId)!.name;
      return { segment, source, created: 'newConcept' in concept.input, label: concept.label };
    },
    options,
  );
  io.out(
    `Coded ${quoted(segment.text)} (start_utf16 ${segment.start}, end_utf16 ${segment.end}) in ${quoted(source)} with ${created ? 'the new concept ' : ''}${quoted(named)}.`,
  );
  return 0;
}

export async function autocodeCommand(args: string[], io: Io, withProject: WithProject, UsageError: UsageErrorClass): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { concept: { type: 'string' }, unit: { type: 'string', default: 'hit' }, coder: { type: 'string' } },
  });
  if (positionals.length !== 2) throw new UsageError(say('autocode takes a project file and a query (quote a query of several words).'));
  if (values.concept === undefined || !values.concept.trim()) throw new UsageError(say('autocode needs --concept LABEL.'));
  if (!['hit', 'sentence', 'paragraph'].includes(values.unit)) throw new UsageError(say('Unknown --unit "{value}": use hit, sentence or paragraph.', { value: values.unit }));
  const [file, query] = positionals as [string, string];
  const label = values.concept.trim();
  const { result, named } = await withProject(
    file,
    async (api) => {
      const concept = await conceptFor(api, label);
      const result = await api.call('search.autocode', { query, ...concept.input, extend: values.unit as 'hit' | 'sentence' | 'paragraph' });
      return { result, named: concept.label };
    },
    coderOption(values.coder, UsageError),
  );
  const unit = values.unit === 'hit' ? 'hit' : values.unit;
  io.out(
    `Coded ${result.coded} ${unit}${result.coded === 1 ? '' : 's'} of ${quoted(query)} with ${quoted(named)}` +
      (result.skipped ? `; ${result.skipped} already coded with it, skipped.` : '.'),
  );
  return 0;
}

export async function baselineCommand(args: string[], io: Io, withProject: WithProject, UsageError: UsageErrorClass): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 2) throw new UsageError(say('baseline takes a project file and a name for the baseline.'));
  const [file, name] = positionals as [string, string];
  const b = await withProject(file, (api) => api.call('baseline.freeze', { name }));
  io.out(
    `Froze the baseline ${quoted(b.name)}: ${b.mainCategories} main categories, ${b.concepts} concepts, ${b.sources} sources; ` +
      `Table 8 totals ${b.totals.mainCategories} main categories, ${b.totals.concepts} concepts, ${b.totals.finalCodes} final codes.`,
  );
  return 0;
}

/** Writes bytes to standard output where the host can (a pipe), else asks for a file. */
type Bytes = (data: Uint8Array) => void;

export async function evolutionCommand(
  args: string[],
  io: Io,
  withProject: WithProject,
  UsageError: UsageErrorClass,
  writeFile: (file: string, content: string | Uint8Array) => void,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { baseline: { type: 'string' }, wave: { type: 'string' }, format: { type: 'string', default: 'json' }, out: { type: 'string' }, labels: { type: 'string', default: 'en' } },
  });
  if (positionals.length !== 1) throw new UsageError(say('evolution takes one project file.'));
  if (!['json', 'csv', 'xlsx'].includes(values.format)) throw new UsageError(say('Unknown format "{value}": use json, csv or xlsx.', { value: values.format }));
  if (!['en', 'fa'].includes(values.labels)) throw new UsageError(say('Unknown --labels "{value}": use en or fa.', { value: values.labels }));
  if (!values.baseline && !values.wave) throw new UsageError(say('evolution needs --baseline NAME (what changed since it) or --wave NAME (that wave against the others).'));
  const views = await withProject(positionals[0], async (api) => {
    const out = [];
    if (values.baseline) {
      const baselines = await api.call('baseline.list', {});
      const b = baselines.find((x) => x.name === values.baseline) ?? baselines.find((x) => x.name.toLowerCase() === values.baseline!.toLowerCase());
      if (!b) {
        if (baselines.length) fail('not-found', 'There is no baseline “{name}”. The baselines: {names}.', { name: values.baseline, names: quotedList(baselines.map((x) => x.name)) });
        fail('not-found', 'There is no baseline “{name}”. Freeze one with “groundwork baseline FILE NAME”.', { name: values.baseline });
      }
      out.push(await api.call('evolution.report', { against: { kind: 'baseline', id: b.id } }));
    }
    if (values.wave) {
      const { waves } = await api.call('wave.list', {});
      const w = waves.find((x) => x.name === values.wave) ?? waves.find((x) => x.name.toLowerCase() === values.wave!.toLowerCase());
      if (!w && waves.length) fail('not-found', 'There is no wave “{name}”. The waves: {names}.', { name: values.wave, names: quotedList(waves.map((x) => x.name)) });
      if (!w) fail('not-found', 'There is no wave “{name}”. This project has no waves.', { name: values.wave });
      out.push(await api.call('evolution.report', { against: { kind: 'wave', id: w.id } }));
    }
    return out;
  });
  const lang = values.labels as 'en' | 'fa';
  if (values.format === 'json') {
    const json = views.map(changeJson);
    const text = JSON.stringify(json.length === 1 ? json[0] : json, null, 2);
    if (values.out) {
      writeFile(values.out, `${text}\n`);
      io.out(`Wrote the report to ${values.out}`);
    } else io.out(text);
    return 0;
  }
  const sheets = views.flatMap((v) =>
    changeSheets(v, lang).map((s) => ({ ...s, title: views.length > 1 ? `${v.against.kind === 'wave' ? v.against.name : v.against.name} · ${s.title}` : s.title })),
  );
  if (values.format === 'csv') {
    const csv = sheetsToCsv(sheets);
    if (values.out) {
      writeFile(values.out, csv);
      io.out(`Wrote the report to ${values.out}`);
    } else io.out(csv.replace(/^\uFEFF/, '').trimEnd());
    return 0;
  }
  const bytes = await sheetsToXlsx(sheets, lang, 'What changed');
  if (values.out) {
    writeFile(values.out, bytes);
    io.out(`Wrote the report to ${values.out}`);
  } else if (io.bytes) io.bytes(bytes);
  else throw new UsageError(say('An XLSX report is written to a file: add --out REPORT.xlsx.'));
  return 0;
}

export async function saturationCommand(args: string[], io: Io, withProject: WithProject, UsageError: UsageErrorClass): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { order: { type: 'string', default: 'coding' }, format: { type: 'string', default: 'json' }, last: { type: 'string' }, percent: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError(say('saturation takes one project file.'));
  if (!['coding', 'year'].includes(values.order)) throw new UsageError(say('Unknown --order "{value}": use coding or year.', { value: values.order }));
  if (!['json', 'csv'].includes(values.format)) throw new UsageError(say('Unknown format "{value}": use json or csv.', { value: values.format }));
  let rule: StoppingRule | null = null;
  if (values.last !== undefined) {
    const k = Number(values.last);
    if (!Number.isInteger(k) || k < 1) throw new UsageError(say('--last takes a whole number of sources, 1 or more ("{value}" is not).', { value: values.last }));
    if (values.percent !== undefined) {
      const percent = Number(values.percent);
      if (!(percent > 0 && percent <= 100)) throw new UsageError(say('--percent takes a share above 0 and at most 100 ("{value}" is not).', { value: values.percent }));
      rule = { kind: 'share-new', k, percent };
    } else rule = { kind: 'no-new', k };
  } else if (values.percent !== undefined) throw new UsageError(say('--percent goes with --last K (fewer than P % new concepts in the last K sources).'));
  const view = await withProject(positionals[0], (api) => api.call('saturation.report', { order: values.order as 'coding' | 'year', rule }));
  if (values.format === 'json') io.out(JSON.stringify(saturationJson(view), null, 2));
  else io.out(sheetsToCsv(saturationSheets(view, 'en')).replace(/^\uFEFF/, '').trimEnd());
  return 0;
}

export type { Bytes };
