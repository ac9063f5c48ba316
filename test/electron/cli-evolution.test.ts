// `groundwork code`, `autocode`, `baseline`, `evolution` and `saturation` in process over real
// project files: each change one undo step with the app's checks and messages, a failed command
// leaving the project as it was; the reports as JSON (concepts named by label), CSV and XLSX.

import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBackend, type TestBackend } from '../helpers/backend';
import { runCli as cli } from '../helpers/cli';
import { buildFirstWave, extend, TEXTS } from '../helpers/evolution-project';
import { readLabel } from '../../db/command-log';

let t: TestBackend;
let file: string;
beforeEach(async () => {
  t = startBackend();
  await buildFirstWave(t.api);
  file = (await t.api.call('project.current', {}))!.path;
  await t.backend.close();
});
afterEach(() => t.cleanup());

/** Opens the file again to look at it as the app would. */
async function look<T>(use: (api: TestBackend['api']) => Promise<T>): Promise<T> {
  await t.api.call('project.open', { path: file });
  try {
    return await use(t.api);
  } finally {
    await t.backend.close();
  }
}

const sources = () => look((api) => api.call('document.list', {}));
const history = () => look((api) => api.call('history.get', {}));
const segmentCount = async () => (await sources()).reduce((n, d) => n + d.segmentCount, 0);

describe('groundwork code', () => {
  it('codes a passage by source id and offsets with an existing concept, then with a new one; one step each', async () => {
    const s2 = (await sources()).find((d) => d.name === 'S2')!;
    const at = TEXTS.S2.indexOf('high');
    const first = await cli('code', file, '--source', String(s2.id), '--start', String(at), '--end', String(at + 4), '--concept', 'cost');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(`Coded “high” (start_utf16 ${at}, end_utf16 ${at + 4}) in “S2” with “Cost”.`);
    const second = await cli('code', file, '--source', 'S2', '--start', '0', '--end', '5', '--concept', 'Price');
    expect(second.stdout).toBe('Coded “Trust” (start_utf16 0, end_utf16 5) in “S2” with the new concept “Price”.');
    const steps = (await history()).entries.slice(0, 2).map((e) => e.label);
    expect(steps).toEqual(['Code with new concept “Price” in “S2”', 'Code with “Cost” in “S2”']);
    const codebook = await look((api) => api.call('codebook.get', {}));
    expect(codebook.concepts.find((c) => c.label === 'Cost')!.segmentCount).toBe(3);
  });

  it('refuses what the app refuses, with its message, and writes nothing', async () => {
    const before = await segmentCount();
    const steps = (await history()).entries.length;
    const twice = await cli('code', file, '--source', 'S1', '--start', '0', '--end', '5', '--concept', 'Trust');
    expect(twice).toMatchObject({ code: 1, stderr: 'groundwork: This passage is already coded with “Trust”.' });
    const outside = await cli('code', file, '--source', 'S3', '--start', '5', '--end', '999', '--concept', 'Trust');
    expect(outside.code).toBe(1);
    expect(outside.stderr).toMatch(/^groundwork: .*(end|beyond|outside|length)/i);
    const nowhere = await cli('code', file, '--source', 'S9', '--start', '0', '--end', '2', '--concept', 'Trust');
    expect(nowhere.stderr).toBe('groundwork: There is no source "S9" in this project. "groundwork sources FILE" lists them.');
    const usage = await cli('code', file, '--source', 'S1', '--start', 'x', '--end', '2', '--concept', 'Trust');
    expect(usage.code).toBe(2);
    expect(await segmentCount()).toBe(before);
    expect((await history()).entries.length).toBe(steps);
  });

  it('--coder NAME: the passage is that coder’s (made the first time, found by name after), and so is the step', async () => {
    const first = await cli('code', file, '--source', 'S3', '--start', '5', '--end', '10', '--concept', 'Cost', '--coder', 'Sara');
    expect(first.stderr).toBe('');
    const again = await cli('code', file, '--source', 'S1', '--start', '6', '--end', '13', '--concept', 'Cost', '--coder', 'sara');
    expect(again.code).toBe(0);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare('SELECT name FROM coder').all()).toEqual([{ name: 'Sara' }]);
      expect(db.prepare('SELECT s.text, k.name FROM segment s JOIN coder k ON k.id = s.coder_id ORDER BY s.id').all()).toEqual([
        { text: 'again', name: 'Sara' },
        { text: 'matters', name: 'Sara' },
      ]);
      const uid = (db.prepare('SELECT uid FROM coder').get() as { uid: string }).uid;
      // Labels are stored structured (template and values); their English is what the history shows.
      const steps = (db.prepare(`SELECT label, actor FROM command ORDER BY id DESC LIMIT 3`).all() as { label: string; actor: string | null }[]).map(
        (s) => ({ label: readLabel(s.label).label, actor: s.actor }),
      );
      expect(steps).toEqual([
        { label: 'Code with “Cost” in “S1”', actor: uid },
        { label: 'Code with “Cost” in “S3”', actor: uid },
        { label: 'Add coder “Sara”', actor: null },
      ]);
    } finally {
      db.close();
    }
    // Another coder may code the same passage with the same concept; the same coder may not.
    expect((await cli('code', file, '--source', 'S3', '--start', '5', '--end', '10', '--concept', 'Cost', '--coder', 'Reza')).code).toBe(0);
    expect(await cli('code', file, '--source', 'S3', '--start', '5', '--end', '10', '--concept', 'Cost', '--coder', 'Sara')).toMatchObject({
      code: 1,
      stderr: 'groundwork: This passage is already coded with “Cost”.',
    });
    expect((await cli('code', file, '--source', 'S3', '--start', '5', '--end', '10', '--concept', 'Cost', '--coder', ' ')).code).toBe(2);
  });
});

describe('groundwork autocode', () => {
  it('codes every hit with a concept (new or existing) in one undo step, and their paragraphs', async () => {
    const r = await cli('autocode', file, 'again', '--concept', 'Repetition');
    expect(r).toMatchObject({ code: 0, stdout: 'Coded 2 hits of “again” with “Repetition”.' });
    const again = await cli('autocode', file, 'again', '--concept', 'repetition', '--unit', 'paragraph');
    expect(again.stdout).toBe('Coded 2 paragraphs of “again” with “Repetition”.');
    const steps = (await history()).entries.slice(0, 2).map((e) => e.label);
    expect(steps).toEqual(['Autocode 2 hits of “again” with “Repetition”', 'Autocode 2 hits of “again” with “Repetition”']);
    const none = await cli('autocode', file, 'zebra', '--concept', 'Repetition');
    expect(none).toMatchObject({ code: 1, stderr: 'groundwork: Nothing in the sources matches “zebra”.' });
    expect((await cli('autocode', file, 'again', '--concept', 'X', '--unit', 'page')).code).toBe(2);
  });
});

describe('groundwork baseline, evolution and saturation', () => {
  it('freezes a baseline, refuses a taken name, and reports what changed since it by label', async () => {
    const b = await cli('baseline', file, 'Second look');
    expect(b.stdout).toBe('Froze the baseline “Second look”: 2 main categories, 3 concepts, 3 sources; Table 8 totals 2 main categories, 3 concepts, 6 final codes.');
    expect(await cli('baseline', file, 'second look')).toMatchObject({ code: 1, stderr: 'groundwork: There is already a baseline “Second look”; choose another name.' });

    await t.api.call('project.open', { path: file });
    const built = await extend(t.api, {
      sources: Object.fromEntries((await t.api.call('document.list', {})).map((d) => [d.name, d.id])),
      concepts: Object.fromEntries((await t.api.call('codebook.get', {})).concepts.map((c) => [c.label.toLowerCase(), c.id])),
      categories: Object.fromEntries((await t.api.call('codebook.get', {})).categories.map((c) => [c.name.toLowerCase(), c.id])),
      baselineId: 0,
      waves: {},
      passages: [],
    });
    void built;
    await t.backend.close();

    const json = await cli('evolution', file, '--baseline', 'Before', '--format', 'json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.new_concepts).toMatchObject([{ concept: 'Platform', categories: ['Enablers'], components: ['context'], waves: ['New'], sources: ['S5', 'S6'] }]);
    expect(report.new_concepts[0].passages).toEqual([
      { source: 'S5', start_utf16: 13, end_utf16: 21, text: 'platform' },
      { source: 'S6', start_utf16: 4, end_utf16: 12, text: 'platform' },
    ]);
    expect(report.grown_concepts).toEqual([{ concept: 'Trust', before: 3, now: 5, change: 2, by_wave: { Published: 3, New: 2 } }]);
    expect(report.moved_concepts).toMatchObject([{ concept: 'Speed', categories_before: ['Actions'], categories_now: ['Economic'], components_before: ['strategies'], components_now: ['causal'] }]);
    expect(report.new_main_categories).toEqual([{ category: 'Enablers', component: 'context', was_a_sub_category: false }]);
    expect(report.totals.change).toEqual({ main_categories: 1, concepts: 1, final_codes: 4 });
    expect(report.maturity.map((d: { dimension: string; new_items: string[] }) => [d.dimension, d.new_items])).toEqual([['Leadership', ['Speed']], ['Process', []]]);

    const wave = JSON.parse((await cli('evolution', file, '--wave', 'New')).stdout);
    expect(wave.against).toEqual({ wave: 'New', compared_with: 'the other waves' });
    expect(wave.new_concepts.map((c: { concept: string }) => c.concept)).toEqual(['Platform']);

    const csv = await cli('evolution', file, '--baseline', 'Before', '--format', 'csv');
    const rows = Papa.parse<string[]>(csv.stdout).data;
    expect(rows[0]).toEqual(['Table 8']);
    expect(rows.find((r) => r[0] === 'Causal conditions')).toEqual(['Causal conditions', '1', '1', '0', '2', '3', '1', '5', '8', '3']);

    const xlsx = await cli('evolution', file, '--baseline', 'Before', '--format', 'xlsx', '--labels', 'fa');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as never);
    expect(book.worksheets.map((w) => w.name)).toContain('مفاهیم نو');
    expect(book.worksheets[0]!.views[0]!.rightToLeft).toBe(true);
    const out = path.join(path.dirname(file), 'report.xlsx');
    expect((await cli('evolution', file, '--baseline', 'Before', '--format', 'xlsx', '--out', out)).stdout).toBe(`Wrote the report to ${out}`);
    expect(fs.readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');

    const missing = await cli('evolution', file, '--baseline', 'Nope');
    expect(missing).toMatchObject({ code: 1, stderr: 'groundwork: There is no baseline “Nope”. The baselines: “Before”, “Second look”.' });
    expect((await cli('evolution', file)).code).toBe(2);
  });

  it('prints the saturation curve in coding or publication order, with the stopping rule', async () => {
    const r = await cli('saturation', file, '--order', 'coding', '--last', '1');
    const json = JSON.parse(r.stdout);
    expect(json.sources.map((s: { source: string; new_concepts: string[]; cumulative: number }) => [s.source, s.new_concepts, s.cumulative])).toEqual([
      ['S1', ['Trust'], 1],
      ['S2', ['Cost'], 2],
      ['S3', ['Speed'], 3],
    ]);
    expect(json.overall.rule_met_at).toBeNull();
    expect(json.first_appearances).toEqual([
      { concept: 'Trust', source: 'S1', position: 1 },
      { concept: 'Cost', source: 'S2', position: 2 },
      { concept: 'Speed', source: 'S3', position: 3 },
    ]);
    expect(json.per_component.causal.cumulative).toEqual([1, 2, 2]);
    const csv = await cli('saturation', file, '--format', 'csv');
    expect(Papa.parse<string[]>(csv.stdout).data[1]![0]).toBe('Position');
    expect((await cli('saturation', file, '--percent', '10')).code).toBe(2);
    expect((await cli('saturation', file, '--order', 'alphabet')).code).toBe(2);
  });
});
