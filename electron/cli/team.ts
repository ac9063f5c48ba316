// The team commands of the command line: `merge` another copy, `agreement` of two coders, `copies`
// for blind coding, and `coders` (`code` and `autocode` are in evolution.ts). Every command that writes takes --coder NAME
// (made if new): its passages are that coder's and its steps name the coder as their author.

import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { createClient } from '../../shared/api/client';
import { GroundworkError } from '../../shared/api/errors';
import type { AgreementLevel } from '../../shared/domain/agreement/levels';
import type { Coefficient } from '../../shared/domain/agreement/coefficients';
import type { MergeResolution } from '../../shared/domain/team';
import { figureRows } from '../backend/team/agreement';
import { toCsv } from '../backend/export';
import { quoted } from '../backend/handlers/types';
import type { Io } from './run';

type Api = ReturnType<typeof createClient>;
export type WithProject = <T>(file: string | undefined, use: (api: Api) => Promise<T>, options?: { coder?: string }) => Promise<T>;
type UsageErrorClass = new (message: string) => Error;

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
  if (!file || !other || extra.length) throw new UsageError('merge takes a project file and the copy (or REFI-QDA project) to merge into it.');
  if (values.keep !== undefined && !['ours', 'theirs'].includes(values.keep)) throw new UsageError(`Unknown --keep "${values.keep}": use ours or theirs.`);
  if (!['text', 'json'].includes(values.format)) throw new UsageError(`Unknown format "${values.format}": use text or json.`);
  const resolutions: MergeResolution[] = (values.resolve ?? []).map((r) => {
    const at = r.lastIndexOf('=');
    const choose = r.slice(at + 1);
    if (at < 1 || !['ours', 'theirs', 'both'].includes(choose)) throw new UsageError(`--resolve takes CONFLICT=ours|theirs|both (got "${r}").`);
    return { conflict: r.slice(0, at), choose: choose as 'ours' | 'theirs' | 'both' };
  });
  return withProject(
    file,
    async (api) => {
      const preview = await api.call('merge.preview', { path: other });
      for (const w of preview.warnings) io.err(`warning  ${w}`);
      const open = preview.conflicts.filter((c) => !resolutions.some((r) => r.conflict === c.id));
      if (values.preview || (open.length > 0 && !values.keep)) {
        if (values.format === 'json') io.out(JSON.stringify(preview, null, 2));
        else {
          io.out(`${preview.name}: ${describeCounts(preview.added)}; ${preview.alreadyHere} of its passages already here; ${preview.updates} field(s) to update, ${preview.deletions} deletion(s).`);
          for (const c of preview.conflicts) io.out(`conflict ${c.id}  ${c.itemKind} “${c.name}” ${c.field}: ours ${c.ours} | theirs ${c.theirs}  (${c.choices.join('/')})`);
        }
        if (values.preview) return 0;
        io.err(`groundwork: ${open.length} conflict(s) to resolve: name each with --resolve ID=ours|theirs, or all with --keep ours|theirs. Nothing was merged.`);
        return 1;
      }
      const report = await api.call('merge.apply', { path: other, resolutions, ...(values.keep ? { keep: values.keep as 'ours' | 'theirs' } : {}) });
      if (values.format === 'json') io.out(JSON.stringify(report, null, 2));
      else if (report.nothingChanged) io.out(`Nothing to merge: ${report.name} holds nothing this project does not have already.`);
      else {
        const d = report.deleted;
        io.out(
          `Merged ${report.name}: ${describeCounts(report.added)}; ${report.changedFields} field(s) updated; ` +
            `${d.categories + d.concepts + d.passages} item(s) deleted; ${report.conflictsResolved} conflict(s) resolved; ${report.alreadyHere} passage(s) already here.`,
        );
      }
      return 0;
    },
    { coder: values.coder },
  );
}

const describeCounts = (c: { coders: number; sources: number; categories: number; concepts: number; passages: number }) =>
  `${c.sources} source(s), ${c.categories} categor${c.categories === 1 ? 'y' : 'ies'}, ${c.concepts} concept(s), ${c.passages} passage(s), ${c.coders} coder(s) new`;

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
  if (!file || extra.length) throw new UsageError('agreement takes one project file.');
  const names = (values.coders ?? '').split(',').map((n) => n.trim());
  if (names.length !== 2 || names.some((n) => !n)) throw new UsageError('agreement needs --coders A,B: two coders’ names.');
  if (values.level !== undefined && !LEVELS.includes(values.level as AgreementLevel)) throw new UsageError(`Unknown --level "${values.level}": use presence, frequency or overlap.`);
  if (!['table', 'json', 'csv'].includes(values.format)) throw new UsageError(`Unknown format "${values.format}": use table, json or csv.`);
  let minOverlap: number | undefined;
  if (values['min-overlap'] !== undefined) {
    const pct = Number(values['min-overlap']);
    if (!(pct > 0 && pct <= 100)) throw new UsageError('--min-overlap takes a percentage more than 0 and at most 100.');
    minOverlap = pct / 100;
  }
  const levels = values.level ? [values.level as AgreementLevel] : LEVELS;
  const view = await withProject(file, async (api) => {
    const coders = await api.call('coder.list', {});
    const pick = (name: string) => {
      const c = coders.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!c) throw new GroundworkError('not-found', `There is no coder “${name}” in this project (coders: ${coders.map((x) => x.name).join(', ') || 'none'}).`);
      return c.id;
    };
    const documents = await api.call('document.list', {});
    const codebook = await api.call('codebook.get', {});
    const documentIds = values.sources?.split(',').map((s) => {
      const d = documents.find((x) => String(x.id) === s.trim() || x.name === s.trim());
      if (!d) throw new GroundworkError('not-found', `There is no source "${s.trim()}" in this project.`);
      return d.id;
    });
    const conceptIds = values.concepts?.split(',').map((s) => {
      const c = codebook.concepts.find((x) => x.label === s.trim() || String(x.id) === s.trim());
      if (!c) throw new GroundworkError('not-found', `There is no concept "${s.trim()}" in this project.`);
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
  if (!file || extra.length) throw new UsageError('copies takes one project file.');
  if (!values.coders) throw new UsageError('copies needs --coders A,B: the coders to make a copy for.');
  if (values.baseline !== undefined && !values.baseline.trim()) throw new UsageError('--baseline needs the name of a baseline.');
  if (values.out && !fs.existsSync(values.out)) throw new GroundworkError('io', `The folder ${values.out} does not exist.`);
  const made = await withProject(
    file,
    async (api) => {
      let baselineId: number | undefined;
      if (values.baseline) {
        // Looked up before anything is written: an unknown name leaves the project as it was.
        const name = values.baseline.trim();
        const baselines = await api.call('baseline.list', {});
        const b = baselines.find((x) => x.name === name) ?? baselines.find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!b)
          throw new GroundworkError(
            'not-found',
            `There is no baseline ${quoted(name)}. ${baselines.length ? `The baselines: ${baselines.map((x) => quoted(x.name)).join(', ')}.` : 'Freeze one with "groundwork baseline FILE NAME".'}`,
          );
        baselineId = b.id;
      }
      return api.call('project.prepareCopies', { coders: values.coders!.split(','), ...(values.out ? { folder: values.out } : {}), ...(baselineId ? { baselineId } : {}) });
    },
    { coder: values.coder },
  );
  if (made.baseline) io.out(`Codebook as frozen in the baseline ${quoted(made.baseline)}.`);
  for (const f of made.files) io.out(`${f.coder}: ${f.path}`);
  const { concepts, categories } = made.leftOut;
  if (concepts.length + categories.length)
    io.out(
      `Left out (deleted from the project since the baseline): ${[...concepts.map((c) => `concept ${quoted(c)}`), ...categories.map((c) => `category ${quoted(c)}`)].join(', ')}.`,
    );
  return 0;
}

export async function codersCommand(args: string[], io: Io, withProject: WithProject, UsageError: UsageErrorClass): Promise<number> {
  const [file, ...extra] = args;
  if (!file || extra.length) throw new UsageError('coders takes one project file.');
  const coders = await withProject(file, (api) => api.call('coder.list', {}));
  for (const c of coders) io.out(`${c.name}${c.kind === 'consensus' ? ' (consensus)' : ''}  ${c.segmentCount} passage(s)`);
  if (coders.length === 0) io.out('No coders: every passage is the work of a researcher working alone.');
  return 0;
}
