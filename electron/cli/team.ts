// The team commands of the command line: `merge` another copy, `agreement` of two coders, `copies`
// for blind coding, and `coders` (`code` and `autocode` are in evolution.ts). Every command that writes takes --coder NAME
// (made if new): its passages are that coder's and its steps name the coder as their author.

import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { createClient } from '../../shared/api/client';
import { fail } from '../../shared/api/errors';
import { say, sayList, type Message } from '../../shared/domain/message';
import { short } from '../backend/handlers/types';
import type { AgreementLevel } from '../../shared/domain/agreement/levels';
import type { Coefficient } from '../../shared/domain/agreement/coefficients';
import type { MergeResolution } from '../../shared/domain/team';
import { figureRows } from '../backend/team/agreement';
import { toCsv } from '../backend/export';
import { shown, type Io } from './io';

type Api = ReturnType<typeof createClient>;
export type WithProject = <T>(file: string | undefined, use: (api: Api) => Promise<T>, options?: { coder?: string }) => Promise<T>;
type UsageErrorClass = new (message: Message) => Error;

const LEVELS: AgreementLevel[] = ['presence', 'frequency', 'overlap'];

export async function mergeCommand(args: string[], io: Io, withProject: WithProject, UsageError: UsageErrorClass): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      coder: { type: 'string' },
      keep: { type: 'string' },
      resolve: { type: 'string', multiple: true },
      format: { type: 'string', default: 'text' },
      preview: { type: 'boolean', default: false },
    },
  });
  const [file, other, ...extra] = positionals;
  if (!file || !other || extra.length) throw new UsageError(say('merge takes a project file and the copy (or REFI-QDA project) to merge into it.'));
  if (values.keep !== undefined && !['ours', 'theirs'].includes(values.keep)) throw new UsageError(say('Unknown --keep "{value}": use ours or theirs.', { value: values.keep }));
  if (!['text', 'json'].includes(values.format)) throw new UsageError(say('Unknown format "{value}": use text or json.', { value: values.format }));
  const resolutions: MergeResolution[] = (values.resolve ?? []).map((r) => {
    const at = r.lastIndexOf('=');
    const choose = r.slice(at + 1);
    if (at < 1 || !['ours', 'theirs', 'both'].includes(choose)) throw new UsageError(say('--resolve takes CONFLICT=ours|theirs|both (got "{value}").', { value: r }));
    return { conflict: r.slice(0, at), choose: choose as 'ours' | 'theirs' | 'both' };
  });
  return withProject(
    file,
    async (api) => {
      const preview = await api.call('merge.preview', { path: other });
      for (const w of preview.warningsSaid) io.err(shown(io, say('warning  {line}', { line: w })));
      const open = preview.conflicts.filter((c) => !resolutions.some((r) => r.conflict === c.id));
      if (values.preview || (open.length > 0 && !values.keep)) {
        if (values.format === 'json') io.out(JSON.stringify(preview, null, 2));
        else {
          io.out(
            shown(
              io,
              say('{name}: {counts}; {here} of its passages already here; {updates} field(s) to update, {deletions} deletion(s).', {
                name: preview.name,
                counts: describeCounts(preview.added),
                here: preview.alreadyHere,
                updates: preview.updates,
                deletions: preview.deletions,
              }),
            ),
          );
          // The conflict's id, kind and field are the words --resolve and scripts use: kept as they are.
          for (const c of preview.conflicts) {
            const line = say('conflict {id}  {itemKind} “{name}” {field}: ours {ours} | theirs {theirs}  ({choices})', {
              id: c.id,
              itemKind: c.itemKind,
              name: c.name,
              field: c.field,
              ours: c.oursSaid ?? c.ours,
              theirs: c.theirsSaid ?? c.theirs,
              choices: c.choices.join('/'),
            });
            io.out(shown(io, line));
          }
        }
        if (values.preview) return 0;
        io.err(`groundwork: ${shown(io, say('{n} conflict(s) to resolve: name each with --resolve ID=ours|theirs, or all with --keep ours|theirs. Nothing was merged.', { n: open.length }))}`);
        return 1;
      }
      const report = await api.call('merge.apply', { path: other, resolutions, ...(values.keep ? { keep: values.keep as 'ours' | 'theirs' } : {}) });
      if (values.format === 'json') io.out(JSON.stringify(report, null, 2));
      else if (report.nothingChanged) io.out(shown(io, say('Nothing to merge: {name} holds nothing this project does not have already.', { name: report.name })));
      else {
        const d = report.deleted;
        const line = say('Merged {name}: {counts}; {changed} field(s) updated; {deleted} item(s) deleted; {resolved} conflict(s) resolved; {here} passage(s) already here.', {
          name: report.name,
          counts: describeCounts(report.added),
          changed: report.changedFields,
          deleted: d.categories + d.concepts + d.passages,
          resolved: report.conflictsResolved,
          here: report.alreadyHere,
        });
        io.out(shown(io, line));
      }
      return 0;
    },
    { coder: values.coder },
  );
}

const describeCounts = (c: { coders: number; sources: number; categories: number; concepts: number; passages: number }): Message =>
  c.categories === 1
    ? say('{sources} source(s), {categories} category, {concepts} concept(s), {passages} passage(s), {coders} coder(s) new', { ...c })
    : say('{sources} source(s), {categories} categories, {concepts} concept(s), {passages} passage(s), {coders} coder(s) new', { ...c });

const fmt = (x: number | null | undefined, digits = 3) => (x === null || x === undefined ? '–' : x.toFixed(digits));
const coef = (c: Coefficient | undefined) => (c ? (c.value === null ? '–' : c.value.toFixed(3)) : '');

export async function agreementCommand(args: string[], io: Io, withProject: WithProject, UsageError: UsageErrorClass): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      coders: { type: 'string' },
      level: { type: 'string' },
      format: { type: 'string', default: 'table' },
      'min-overlap': { type: 'string' },
      sources: { type: 'string' },
      concepts: { type: 'string' },
    },
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length) throw new UsageError(say('agreement takes one project file.'));
  const names = (values.coders ?? '').split(',').map((n) => n.trim());
  if (names.length !== 2 || names.some((n) => !n)) throw new UsageError(say('agreement needs --coders A,B: two coders’ names.'));
  if (values.level !== undefined && !LEVELS.includes(values.level as AgreementLevel)) throw new UsageError(say('Unknown --level "{value}": use presence, frequency or overlap.', { value: values.level }));
  if (!['table', 'json', 'csv'].includes(values.format)) throw new UsageError(say('Unknown format "{value}": use table, json or csv.', { value: values.format }));
  let minOverlap: number | undefined;
  if (values['min-overlap'] !== undefined) {
    const pct = Number(values['min-overlap']);
    if (!(pct > 0 && pct <= 100)) throw new UsageError(say('--min-overlap takes a percentage more than 0 and at most 100.'));
    minOverlap = pct / 100;
  }
  const levels = values.level ? [values.level as AgreementLevel] : LEVELS;
  const view = await withProject(file, async (api) => {
    const coders = await api.call('coder.list', {});
    const pick = (name: string) => {
      const c = coders.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!c && coders.length === 0) fail('not-found', 'There is no coder “{a}” in this project (it has no coders).', { a: name });
      if (!c) fail('not-found', 'There is no coder “{a}” in this project (coders: {names}).', { a: name, names: coders.map((x) => x.name).join(', ') });
      return c.id;
    };
    const documents = await api.call('document.list', {});
    const codebook = await api.call('codebook.get', {});
    const documentIds = values.sources?.split(',').map((s) => {
      const d = documents.find((x) => String(x.id) === s.trim() || x.name === s.trim());
      if (!d) fail('not-found', 'There is no source "{a}" in this project.', { a: s.trim() });
      return d.id;
    });
    const conceptIds = values.concepts?.split(',').map((s) => {
      const c = codebook.concepts.find((x) => x.label === s.trim() || String(x.id) === s.trim());
      if (!c) fail('not-found', 'There is no concept "{a}" in this project.', { a: s.trim() });
      return c.id;
    });
    return api.call('agreement.compute', { coderA: pick(names[0]!), coderB: pick(names[1]!), documentIds, conceptIds, minOverlap });
  });
  if (values.format === 'json') {
    const label = new Map(view.concepts.map((c) => [c.id, c.label]));
    io.out(
      JSON.stringify(
        {
          coders: [view.coderA.name, view.coderB.name],
          sources: view.sources.map((s) => s.name),
          concepts: view.concepts.map((c) => c.label),
          minOverlap: view.report.minOverlap,
          levels: Object.fromEntries(
            levels.map((l) => [
              l,
              {
                explanation: view.report[l].explanation,
                overall: view.report[l].overall,
                perConcept: view.report[l].perConcept.map((c) => ({ concept: label.get(c.conceptId), ...c })),
                disagreements: view.report[l].disagreements.length,
              },
            ]),
          ),
        },
        null,
        2,
      ),
    );
    return 0;
  }
  if (values.format === 'csv') {
    io.out(toCsv(figureRows(view, levels)).replace(/^\uFEFF/, '').trimEnd());
    return 0;
  }
  io.out(`${view.coderA.name} × ${view.coderB.name}: ${view.sources.length} source(s), ${view.concepts.length} concept(s).`);
  for (const l of levels) {
    const r = view.report[l];
    const o = r.overall;
    io.out('');
    io.out(`${r.title}: ${o.units} unit(s), ${o.agreements} agree`);
    io.out(
      `  percent ${fmt(o.percent, 1)} %  Cohen κ ${coef(o.cohenKappa)}  Brennan & Prediger κ ${coef(o.brennanPrediger)} (q = ${o.categories})` +
        (o.krippendorffAlpha ? `  Krippendorff α ${coef(o.krippendorffAlpha)}` : '') +
        (o.percentWhereUsed !== undefined ? `  where used ${fmt(o.percentWhereUsed, 1)} %` : ''),
    );
    io.out(`  ${r.disagreements.length} disagreement(s). ${r.explanation}`);
  }
  return 0;
}

export async function copiesCommand(args: string[], io: Io, withProject: WithProject, UsageError: UsageErrorClass): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { coders: { type: 'string' }, out: { type: 'string' }, coder: { type: 'string' }, baseline: { type: 'string' } },
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length) throw new UsageError(say('copies takes one project file.'));
  if (!values.coders) throw new UsageError(say('copies needs --coders A,B: the coders to make a copy for.'));
  if (values.baseline !== undefined && !values.baseline.trim()) throw new UsageError(say('--baseline needs the name of a baseline.'));
  if (values.out && !fs.existsSync(values.out)) fail('io', 'The folder {path} does not exist.', { path: values.out });
  const made = await withProject(
    file,
    async (api) => {
      let baselineId: number | undefined;
      if (values.baseline) {
        // Looked up before anything is written: an unknown name leaves the project as it was.
        const name = values.baseline.trim();
        const baselines = await api.call('baseline.list', {});
        const b = baselines.find((x) => x.name === name) ?? baselines.find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!b && baselines.length === 0) fail('not-found', 'There is no baseline “{a}”. Freeze one with "groundwork baseline FILE NAME".', { a: short(name) });
        if (!b) fail('not-found', 'There is no baseline “{a}”. The baselines: {names}.', { a: short(name), names: sayList(baselines.map((x) => say('“{a}”', { a: short(x.name) }))) });
        baselineId = b.id;
      }
      return api.call('project.prepareCopies', { coders: values.coders!.split(','), ...(values.out ? { folder: values.out } : {}), ...(baselineId ? { baselineId } : {}) });
    },
    { coder: values.coder },
  );
  if (made.baseline) io.out(shown(io, say('Codebook as frozen in the baseline “{a}”.', { a: short(made.baseline) })));
  for (const f of made.files) io.out(`${f.coder}: ${f.path}`);
  const { concepts, categories } = made.leftOut;
  if (concepts.length + categories.length)
    io.out(
      shown(
        io,
        say('Left out (deleted from the project since the baseline): {items}.', {
          items: sayList([...concepts.map((c) => say('concept “{a}”', { a: short(c) })), ...categories.map((c) => say('category “{a}”', { a: short(c) }))]),
        }),
      ),
    );
  return 0;
}

export async function codersCommand(args: string[], io: Io, withProject: WithProject, UsageError: UsageErrorClass): Promise<number> {
  const [file, ...extra] = args;
  if (!file || extra.length) throw new UsageError(say('coders takes one project file.'));
  const coders = await withProject(file, (api) => api.call('coder.list', {}));
  for (const c of coders) {
    const line = c.kind === 'consensus' ? say('{name} (consensus)  {n} passage(s)', { name: c.name, n: c.segmentCount }) : say('{name}  {n} passage(s)', { name: c.name, n: c.segmentCount });
    io.out(shown(io, line));
  }
  if (coders.length === 0) io.out(shown(io, say('No coders: every passage is the work of a researcher working alone.')));
  return 0;
}
