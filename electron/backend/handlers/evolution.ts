// Handlers for waves, baselines, what changed, saturation and the analysis views with their
// exports. Every change (a wave, a baseline) is one undo step with its checks inside the same
// transaction; the reports only read.

import type { EvolutionMethod, WaveInfo } from '../../../shared/api/evolution-contract';
import { fail, GroundworkError } from '../../../shared/api/errors';
import { say } from '../../../shared/domain/message';
import type { Wave } from '../../../shared/domain/waves';
import { freeAttributeNames, importBatches, waveMembership, waveRuleProblem } from '../../../shared/domain/waves';
import { deleteBaseline, findBaselineByName, getBaseline, insertBaseline, listBaselines, renameBaseline } from '../../../db/baselines';
import type { ReadableDB } from '../../../db/handles';
import { analysisSources, deleteWave, findWaveByName, getWave, insertWave, listWaves, updateWave } from '../../../db/waves';
import { requireStore } from '../backend';
import { cooccurrenceView, crosstabView, matrixView, saturationView } from '../evolution/analysis';
import { changeOfWave, changeSinceBaseline } from '../evolution/change';
import { loadAnalysis } from '../evolution/data';
import { baselineSummary, currentSnapshot } from '../evolution/snapshot';
import { changeSheets, cooccurrenceSheets, crosstabSheets, matrixSheets, saturationSheets, sheetsToCsv, sheetsToXlsx, type Sheet } from '../evolution/tables';
import type { HandlerGroup } from './types';
import { short } from './types';

const fileStem = (name: string) => name.replace(/[\\/:*?"<>|]/g, ' ').trim() || 'Groundwork';

async function waveInfo(db: ReadableDB, wave: Wave): Promise<WaveInfo> {
  const sources = await analysisSources(db);
  const members = waveMembership([wave], sources);
  return { ...wave, sources: sources.filter((s) => members.get(s.id)!.length > 0).map((s) => s.id) };
}

async function checkWave(db: ReadableDB, name: string | undefined, rule: Wave['rule'] | undefined, self: number | null): Promise<void> {
  if (name !== undefined) {
    const twin = await findWaveByName(db, name);
    if (twin && twin.id !== self) fail('conflict', 'There is already a wave “{a}”; choose another name.', { a: short(twin.name) });
  }
  if (!rule) return;
  const problem = waveRuleProblem(rule);
  if (problem) throw new GroundworkError('invalid-input', problem);
  if (rule.kind === 'batch') {
    const known = new Set(importBatches(await analysisSources(db)).map((b) => b.key));
    const unknown = rule.batches.filter((b) => !known.has(b));
    if (unknown.length) fail('not-found', 'No source came in with the import batch “{a}”.', { a: short(unknown[0]!) });
  }
}

const requireWave = async (db: ReadableDB, id: number) => {
  const wave = await getWave(db, id);
  if (!wave) fail('not-found', 'That wave no longer exists.');
  return wave;
};

const requireBaseline = async (db: ReadableDB, id: number) => {
  const row = await getBaseline(db, id);
  if (!row) fail('not-found', 'That baseline no longer exists.');
  return row;
};

export const evolutionHandlers = {
  'wave.list': (_input, backend) =>
    requireStore(backend).read(async (db) => {
      const [sources, waves] = [await analysisSources(db), await listWaves(db)];
      const members = waveMembership(waves, sources);
      return {
        waves: waves.map((w) => ({ ...w, sources: sources.filter((s) => members.get(s.id)!.includes(w.id)).map((s) => s.id) })),
        batches: importBatches(sources),
        noWave: sources.filter((s) => members.get(s.id)!.length === 0).map((s) => s.id),
        attributes: freeAttributeNames(sources),
      };
    }),
  'wave.create': ({ name, rule }, backend) =>
    requireStore(backend).write({ kind: 'wave.create', label: say('Create wave “{a}”', { a: short(name) }) }, async (db) => {
      await checkWave(db, name, rule, null);
      const id = await insertWave(db, name, rule);
      return waveInfo(db, (await getWave(db, id))!);
    }),
  'wave.update': ({ id, name, rule }, backend) =>
    requireStore(backend).write({ kind: 'wave.update', label: say('Edit a wave') }, async (db, command) => {
      const wave = await requireWave(db, id);
      await checkWave(db, name, rule, id);
      command.setLabel(name !== undefined && name !== wave.name ? say('Rename wave “{a}” to “{b}”', { a: short(wave.name), b: short(name) }) : say('Edit wave “{a}”', { a: short(wave.name) }));
      await updateWave(db, id, { name, rule });
      return waveInfo(db, (await getWave(db, id))!);
    }),
  'wave.delete': ({ id }, backend) =>
    requireStore(backend).write({ kind: 'wave.delete', label: say('Delete a wave') }, async (db, command) => {
      const wave = await requireWave(db, id);
      command.setLabel(say('Delete wave “{a}”', { a: short(wave.name) }));
      await deleteWave(db, id);
      return null;
    }),

  'baseline.list': (_input, backend) => requireStore(backend).read(async (db) => (await listBaselines(db)).map(baselineSummary)),
  'baseline.freeze': ({ name }, backend) =>
    requireStore(backend).write({ kind: 'baseline.freeze', label: say('Freeze baseline “{a}”', { a: short(name) }) }, async (db) => {
      const twin = await findBaselineByName(db, name);
      if (twin) fail('conflict', 'There is already a baseline “{a}”; choose another name.', { a: short(twin.name) });
      const id = await insertBaseline(db, name, 'frozen', JSON.stringify(await currentSnapshot(db)));
      return baselineSummary((await getBaseline(db, id))!);
    }),
  'baseline.rename': ({ id, name }, backend) =>
    requireStore(backend).write({ kind: 'baseline.rename', label: say('Rename a baseline') }, async (db, command) => {
      const row = await requireBaseline(db, id);
      const twin = await findBaselineByName(db, name);
      if (twin && twin.id !== id) fail('conflict', 'There is already a baseline “{a}”; choose another name.', { a: short(twin.name) });
      command.setLabel(say('Rename baseline “{a}” to “{b}”', { a: short(row.name), b: short(name) }));
      await renameBaseline(db, id, name);
      return baselineSummary((await getBaseline(db, id))!);
    }),
  'baseline.delete': ({ id }, backend) =>
    requireStore(backend).write({ kind: 'baseline.delete', label: say('Delete a baseline') }, async (db, command) => {
      const row = await requireBaseline(db, id);
      command.setLabel(say('Delete baseline “{a}”', { a: short(row.name) }));
      await deleteBaseline(db, id);
      return null;
    }),

  'evolution.report': ({ against }, backend) =>
    requireStore(backend).read(async (db) => (against.kind === 'baseline' ? changeSinceBaseline(db, await requireBaseline(db, against.id)) : changeOfWave(db, against.id))),
  'saturation.report': (input, backend) => requireStore(backend).read(async (db) => saturationView(await loadAnalysis(db), input)),
  'analysis.matrix': (input, backend) => requireStore(backend).read(async (db) => matrixView(await loadAnalysis(db), input)),
  'analysis.cooccurrence': (input, backend) => requireStore(backend).read(async (db) => cooccurrenceView(db, await loadAnalysis(db), input)),
  'analysis.crosstab': (input, backend) => requireStore(backend).read(async (db) => crosstabView(await loadAnalysis(db), input)),

  'analysis.export': async ({ view, format, labels }, backend) => {
    const store = requireStore(backend);
    const lang = labels ?? 'en';
    const project = fileStem((await store.info()).name);
    return store.read(async (db) => {
      let sheets: Sheet[];
      let what: string;
      if (view.kind === 'evolution') {
        const change =
          view.against.kind === 'baseline' ? await changeSinceBaseline(db, await requireBaseline(db, view.against.id)) : await changeOfWave(db, view.against.id);
        sheets = changeSheets(change, lang);
        what = change.against.kind === 'baseline' ? `what changed since ${fileStem(change.against.name)}` : `what ${fileStem(change.against.name)} added`;
      } else {
        const data = await loadAnalysis(db);
        if (view.kind === 'saturation') [sheets, what] = [saturationSheets(saturationView(data, view), lang), 'saturation'];
        else if (view.kind === 'matrix') [sheets, what] = [matrixSheets(matrixView(data, view), view.rows, lang), 'source-concept matrix'];
        else if (view.kind === 'cooccurrence') [sheets, what] = [cooccurrenceSheets(await cooccurrenceView(db, data, view), lang), 'co-occurrence'];
        else [sheets, what] = [crosstabSheets(crosstabView(data, view), lang), `crosstab by ${view.attribute}`];
      }
      const filename = `${project} - ${what}.${format}`;
      const bytes = format === 'csv' ? Buffer.from(sheetsToCsv(sheets), 'utf8') : await sheetsToXlsx(sheets, lang, `${project} - ${what}`);
      return { filename, dataBase64: bytes.toString('base64') };
    });
  },
} satisfies HandlerGroup<EvolutionMethod>;
