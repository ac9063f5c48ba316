// Waves and baselines through the backend on real project files: waves by import batch, by
// publication years and by a record attribute follow the sources as they are imported and dated;
// bad waves are refused with a message and leave the project as it was; a frozen baseline never
// changes when the project does (its stored picture is byte for byte the same, and the file
// refuses an update of it); the study starts with its sources in the first wave and offers its
// published figures as a baseline.

import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../shared/api/client';
import { startBackend, toBase64, type TestBackend } from '../../helpers/backend';
import { buildFirstWave } from '../../helpers/evolution-project';

let t: TestBackend;
let api: ApiClient;
beforeEach(() => {
  t = startBackend();
  api = t.api;
});
afterEach(() => t.cleanup());

const file = (name: string, text: string) => ({ name, dataBase64: toBase64(text) });
const importFiles = async (names: string[], batch?: string) =>
  (await api.call('document.import', { files: names.map((n) => file(n, `The text of ${n}.`)), ...(batch ? { batch } : {}) })).map((r) => r.document!.id as number);
const recordOf = async (documentId: number) => (await api.call('record.list', {})).find((r) => r.documentId === documentId)!;
const waveSources = async (name: string) => (await api.call('wave.list', {})).waves.find((w) => w.name === name)!.sources;
const historyLength = async () => (await api.call('history.get', {})).entries.length;

describe('waves', () => {
  beforeEach(() => api.call('project.create', { name: 'Waves' }));

  it('knows each source’s import batch: one call, or a batch sent file by file, is one batch', async () => {
    const first = await importFiles(['a.txt', 'b.txt']);
    const c = await importFiles(['c.txt'], 'batch-1');
    const d = await importFiles(['d.txt'], 'batch-1');
    const e = await importFiles(['e.txt']);
    const { batches, noWave } = await api.call('wave.list', {});
    expect(batches.map((b) => b.sources)).toEqual([first, [...c, ...d], e]);
    expect(noWave).toEqual([...first, ...c, ...d, ...e]);
    const wave = await api.call('wave.create', { name: 'New literature, 2022–2026', rule: { kind: 'batch', batches: [batches[1]!.key] } });
    expect(wave.sources).toEqual([...c, ...d]);
    expect((await api.call('wave.list', {})).noWave).toEqual([...first, ...e]);
  });

  it('a wave by publication years follows the records’ years as they are edited', async () => {
    const [a, b, c] = await importFiles(['a.txt', 'b.txt', 'c.txt']);
    await api.call('record.update', { id: (await recordOf(a!)).id, changes: { year: 2015 } });
    await api.call('record.update', { id: (await recordOf(b!)).id, changes: { year: 2023 } });
    await api.call('wave.create', { name: 'Published study, 2013–2021', rule: { kind: 'years', from: 2013, to: 2021 } });
    await api.call('wave.create', { name: 'Since 2022', rule: { kind: 'years', from: 2022, to: null } });
    expect(await waveSources('Published study, 2013–2021')).toEqual([a]);
    expect(await waveSources('Since 2022')).toEqual([b]);
    await api.call('record.update', { id: (await recordOf(c!)).id, changes: { year: 2024 } });
    expect(await waveSources('Since 2022')).toEqual([b, c]);
  });

  it('a wave by a record attribute (language), compared as labels are', async () => {
    const [a, b] = await importFiles(['a.txt', 'b.txt']);
    await api.call('record.update', { id: (await recordOf(a!)).id, changes: { language: 'fa' } });
    await api.call('record.update', { id: (await recordOf(b!)).id, changes: { language: 'en' } });
    await api.call('wave.create', { name: 'Persian', rule: { kind: 'attribute', attribute: 'language', value: 'FA' } });
    expect(await waveSources('Persian')).toEqual([a]);
  });

  it('a wave by a free-form source attribute (an exchange file’s variable), and the crosstab by it', async () => {
    const [a, b] = await importFiles(['a.txt', 'b.txt']);
    // Exchange imports write these (migration 008); written here as such an import leaves them.
    await t.backend.store!.writeUnlogged(async (db) => {
      await db.run('INSERT INTO source_attribute (document_id, name, value) VALUES (?, ?, ?)', a!, 'Region', 'Gulf');
      await db.run('INSERT INTO source_attribute (document_id, name, value) VALUES (?, ?, ?)', b!, 'Region', 'Levant');
    });
    expect((await api.call('wave.list', {})).attributes).toEqual(['Region']);
    await api.call('wave.create', { name: 'Gulf', rule: { kind: 'attribute', attribute: 'Region', value: 'gulf' } });
    expect(await waveSources('Gulf')).toEqual([a]);
    const text = (await api.call('document.get', { id: b! as never })).text;
    await api.call('segment.code', { documentId: b!, start: 0, end: 3, newConcept: { label: 'Opening' } });
    const x = await api.call('analysis.crosstab', { attribute: 'Region', axis: 'concept' });
    expect(text.slice(0, 3)).toBe('The');
    expect([x.columns.map((c) => c.label), x.cells]).toEqual([['Gulf', 'Levant'], [[0, 1]]]);
  });

  it('refuses a wave with a taken name, backwards years or an unknown batch, and writes nothing', async () => {
    await importFiles(['a.txt']);
    await api.call('wave.create', { name: 'First', rule: { kind: 'years', from: 2000, to: null } });
    const steps = await historyLength();
    await expect(api.call('wave.create', { name: 'first', rule: { kind: 'years', from: 2000, to: null } })).rejects.toThrow('There is already a wave “First”; choose another name.');
    await expect(api.call('wave.create', { name: 'Back', rule: { kind: 'years', from: 2022, to: 2013 } })).rejects.toThrow('The wave’s years run backwards (2022 to 2013).');
    await expect(api.call('wave.create', { name: 'Nobody', rule: { kind: 'batch', batches: ['step-999'] } })).rejects.toThrow('No source came in with the import batch “step-999”.');
    await expect(api.call('wave.create', { name: 'Empty', rule: { kind: 'years', from: null, to: null } })).rejects.toThrow(/first or the last publication year/);
    expect(await historyLength()).toBe(steps);
    expect((await api.call('wave.list', {})).waves.map((w) => w.name)).toEqual(['First']);
  });

  it('creating, renaming and deleting a wave are one undo step each', async () => {
    await importFiles(['a.txt']);
    const wave = await api.call('wave.create', { name: 'First', rule: { kind: 'years', from: 2000, to: null } });
    await api.call('wave.update', { id: wave.id, name: 'Earlier' });
    expect((await api.call('history.get', {})).entries.slice(0, 2).map((e) => e.label)).toEqual(['Rename wave “First” to “Earlier”', 'Create wave “First”']);
    await api.call('history.undo', {});
    expect((await api.call('wave.list', {})).waves.map((w) => w.name)).toEqual(['First']);
    await api.call('history.undo', {});
    expect((await api.call('wave.list', {})).waves).toEqual([]);
    await api.call('history.redo', {});
    expect((await api.call('wave.list', {})).waves.map((w) => [w.name, w.rule])).toEqual([['First', { kind: 'years', from: 2000, to: null }]]);
  });
});

describe('baselines', () => {
  const stored = (path: string, id: number) => {
    const db = new Database(path, { readonly: true });
    try {
      return (db.prepare('SELECT snapshot FROM baseline WHERE id = ?').get(id) as { snapshot: string }).snapshot;
    } finally {
      db.close();
    }
  };

  it('a frozen baseline never changes when the project does', async () => {
    const built = await buildFirstWave(api);
    const path = (await api.call('project.current', {}))!.path;
    const before = stored(path, built.baselineId);
    const summary = (await api.call('baseline.list', {})).find((b) => b.id === built.baselineId)!;
    expect(summary).toMatchObject({ name: 'Before', kind: 'frozen', concepts: 3, mainCategories: 2, sources: 3, totals: { mainCategories: 2, concepts: 3, finalCodes: 6 } });

    // Change everything the picture holds: labels, filings, placements, passages, sources, the maturity model.
    const { trust, cost, speed } = built.concepts as Record<string, number>;
    await api.call('concept.update', { id: trust!, label: 'Confidence' });
    await api.call('category.unfileConcepts', { categoryId: built.categories.economic!, conceptIds: [cost!] });
    await api.call('component.assign', { categoryId: built.categories.actions!, component: 'consequences' });
    await api.call('segment.uncode', { id: built.passages[0]! as never });
    await api.call('concept.delete', { id: speed! });
    await api.call('document.delete', { id: built.sources.S1! });
    await api.call('maturity.addDimension', { labelEn: 'Technology', labelFa: 'فناوری' });

    expect(stored(path, built.baselineId)).toBe(before);
    expect((await api.call('baseline.list', {})).find((b) => b.id === built.baselineId)).toEqual(summary);
    const view = await api.call('evolution.report', { against: { kind: 'baseline', id: built.baselineId } });
    expect(view.removedConcepts.map((c) => c.label)).toEqual(['Speed']);
    expect(view.table8Totals.before).toEqual({ mainCategories: 2, concepts: 3, finalCodes: 6 });
  });

  it('the project file refuses to rewrite a baseline’s picture', async () => {
    const built = await buildFirstWave(api);
    const path = (await api.call('project.current', {}))!.path;
    const db = new Database(path);
    try {
      expect(() => db.prepare(`UPDATE baseline SET snapshot = '{}' WHERE id = ?`).run(built.baselineId)).toThrow(/A baseline is frozen/);
    } finally {
      db.close();
    }
  });

  it('freezing is one undo step; undone and redone, the picture is the same; a taken name is refused', async () => {
    const built = await buildFirstWave(api);
    const path = (await api.call('project.current', {}))!.path;
    const picture = stored(path, built.baselineId);
    expect((await api.call('history.get', {})).entries[0]!.label).toBe('Freeze baseline “Before”');
    await expect(api.call('baseline.freeze', { name: 'before' })).rejects.toThrow('There is already a baseline “Before”; choose another name.');
    await api.call('history.undo', {});
    expect(await api.call('baseline.list', {})).toEqual([]);
    await api.call('history.redo', {});
    expect(stored(path, built.baselineId)).toBe(picture);
    await api.call('baseline.rename', { id: built.baselineId, name: 'Published model' });
    expect(stored(path, built.baselineId)).toBe(picture);
    expect((await api.call('baseline.list', {})).map((b) => b.name)).toEqual(['Published model']);
  });
});

describe('the study', () => {
  it('starts with its sources in the first wave and offers its published figures as a baseline', async () => {
    await api.call('project.openStudy', {});
    const { waves, noWave } = await api.call('wave.list', {});
    const documents = await api.call('document.list', {});
    expect(waves.map((w) => [w.name, w.position])).toEqual([['Published study, 2013–2021', 1]]);
    expect(waves[0]!.sources.sort()).toEqual(documents.map((d) => d.id).sort());
    expect(noWave).toEqual([]);
    const baselines = await api.call('baseline.list', {});
    expect(baselines).toMatchObject([
      { name: 'Published study (Tellohosseini et al., 2022)', kind: 'reported', concepts: 354, mainCategories: 20, totals: { mainCategories: 20, concepts: 331, finalCodes: 785 } },
    ]);
    expect(baselines[0]!.reportedBy).toMatch(/^Tellohosseini, F\., Sanavifard, R\./);
    const view = await api.call('evolution.report', { against: { kind: 'baseline', id: baselines[0]!.id } });
    // Reproduced beside reported: the codebook split counts 354 concepts, no passage is coded yet.
    expect(view.table8Totals.change).toEqual({ mainCategories: 0, concepts: 23, finalCodes: -785 });
    expect(view.newConcepts).toEqual([]);
    expect(view.movedConcepts).toEqual([]);
  });
});
