// The maturity model through the real backend: default levels, dimension counts on a coded
// project, edits and their undo, exports read back (JSON against the schema, CSV, XLSX), import
// round trip and bad input, assessments and their reports, and the study defaults installer.

import { Ajv2020 } from 'ajv/dist/2020.js';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import schema from '../../../shared/schemas/maturity-model.schema.json' with { type: 'json' };
import type { ApiClient } from '../../../shared/api/client';
import type { CategoryId, ConceptId, DocumentId } from '../../../shared/domain/ids';
import { CMMI_LEVELS } from '../../../shared/domain/cmmi-levels';
import type { DimensionId } from '../../../shared/domain/maturity';
import { applyMaturityDefaults, STUDY_MATURITY_DEFAULTS } from '../../../electron/backend/maturity/defaults';
import { importTexts, readExample, REPO, startBackend, type TestBackend } from '../../helpers/backend';

let t: TestBackend;
let api: ApiClient;
let doc: { id: DocumentId; text: string };

const FA = 'Account-based marketing (fa).txt';

beforeEach(async () => {
  t = startBackend();
  api = t.api;
  await api.call('project.create', { name: 'Maturity test' });
  const [r] = await importTexts(api, { [FA]: readExample(FA) });
  const d = await api.call('document.get', { id: r!.document!.id });
  doc = { id: d.document.id, text: d.text };
});
afterEach(() => t.cleanup());

/** Codes the n-th non-overlapping slice of the text with a concept (so each call makes a new segment). */
let slice = 0;
async function code(concept: ConceptId, times = 1) {
  for (let i = 0; i < times; i += 1) {
    const start = 10 + 7 * slice++;
    await api.call('segment.code', { documentId: doc.id, start, end: start + 5, conceptId: concept });
  }
}

async function concept(label: string, category: CategoryId) {
  const c = await api.call('concept.create', { label });
  await api.call('category.fileConcepts', { categoryId: category, conceptIds: [c.id] });
  return c.id;
}

/**
 * Leadership (main) → Roles (sub): concepts vision (2 segments), mindset (1) and, in Roles, sponsor (3).
 * Budget (main): concepts budget (4) and vision again (filed twice).
 * Tools (main): platform (0 segments).
 */
async function buildCodebook() {
  slice = 0;
  const leadership = (await api.call('category.create', { name: 'Leadership' })).id;
  const roles = (await api.call('category.create', { name: 'Roles', parentId: leadership })).id;
  const budget = (await api.call('category.create', { name: 'Budget' })).id;
  const tools = (await api.call('category.create', { name: 'Tools' })).id;
  const vision = await concept('vision', leadership);
  const mindset = await concept('mindset', leadership);
  const sponsor = await concept('sponsor', roles);
  const budgetC = await concept('budget', budget);
  await api.call('category.fileConcepts', { categoryId: budget, conceptIds: [vision] });
  const platform = await concept('platform', tools);
  await code(vision, 2);
  await code(mindset, 1);
  await code(sponsor, 3);
  await code(budgetC, 4);
  return { leadership, roles, budget, tools, vision, mindset, sponsor, budgetC, platform };
}

async function dimension(labelEn: string, labelFa = '') {
  const m = await api.call('maturity.addDimension', { labelEn, labelFa });
  return m.dimensions[m.dimensions.length - 1]!.id;
}

const ajv = new Ajv2020({ strict: true });
const validate = ajv.compile(schema);

describe('levels', () => {
  it('a new project has the five CMMI levels and no dimensions', async () => {
    const m = await api.call('maturity.get', {});
    expect(m.dimensions).toEqual([]);
    expect(m.levels.map((l) => l.labelEn)).toEqual(['Initial', 'Managed', 'Defined', 'Quantitatively Managed', 'Optimizing']);
    expect(m.levels.map((l) => l.labelFa)).toEqual(['اولیه', 'مدیریت شده', 'تعریف شده', 'کمی شده', 'بهینه']);
    expect(m.levels.map((l) => l.value)).toEqual([1, 2, 3, 4, 5]);
    expect(m.levels[0]!.characteristicsEn).toHaveLength(7);
  });

  it('keeps between 3 and 6 levels, renames, reorders, and undoes each step', async () => {
    let m = await api.call('maturity.addLevel', { labelEn: 'Leading', labelFa: 'پیشرو' });
    expect(m.levels).toHaveLength(6);
    await expect(api.call('maturity.addLevel', { labelEn: 'Seventh', labelFa: '' })).rejects.toThrow(/at most 6 levels/);
    for (const l of m.levels.slice(3)) m = await api.call('maturity.deleteLevel', { id: l.id });
    expect(m.levels.map((l) => l.labelEn)).toEqual(['Initial', 'Managed', 'Defined']);
    await expect(api.call('maturity.deleteLevel', { id: m.levels[0]!.id })).rejects.toThrow(/at least 3 levels/);
    m = await api.call('maturity.updateLevel', { id: m.levels[2]!.id, labelEn: 'Standardised' });
    m = await api.call('maturity.reorderLevels', { ids: [m.levels[2]!.id, m.levels[0]!.id, m.levels[1]!.id] });
    expect(m.levels.map((l) => [l.value, l.labelEn])).toEqual([[1, 'Standardised'], [2, 'Initial'], [3, 'Managed']]);
    await api.call('history.undo', {});
    expect((await api.call('maturity.get', {})).levels.map((l) => l.labelEn)).toEqual(['Initial', 'Managed', 'Standardised']);
    await expect(api.call('maturity.reorderLevels', { ids: [m.levels[0]!.id] })).rejects.toThrow(/every item once/);
    m = await api.call('maturity.resetLevels', {});
    expect(m.levels).toHaveLength(5);
  });
});

describe('dimensions', () => {
  it('count main categories, concepts (sub-categories included, each once) and their final codes', async () => {
    const c = await buildCodebook();
    const lead = await dimension('Leadership roles');
    await api.call('maturity.mapCategory', { dimensionId: lead, categoryId: c.leadership, mapped: true });
    let m = await api.call('maturity.mapCategory', { dimensionId: lead, categoryId: c.budget, mapped: true });
    const d = m.dimensions[0]!;
    // Leadership: vision, mindset, sponsor (in Roles); Budget: budget, vision (again, counted once)
    expect(d.counts).toEqual({ mainCategories: 2, concepts: 4, finalCodes: 2 + 1 + 3 + 4 });
    expect(d.items.map((i) => i.label).sort()).toEqual(['budget', 'mindset', 'sponsor', 'vision']);
    expect(d.categories.map((x) => x.name)).toEqual(['Budget', 'Leadership']);

    // Coding one more segment with a concept of the dimension raises its final codes.
    await code(c.sponsor, 1);
    m = await api.call('maturity.get', {});
    expect(m.dimensions[0]!.counts.finalCodes).toBe(11);

    // Unmapping, then undo.
    m = await api.call('maturity.mapCategory', { dimensionId: lead, categoryId: c.budget, mapped: false });
    expect(m.dimensions[0]!.counts).toEqual({ mainCategories: 1, concepts: 3, finalCodes: 7 });
    await api.call('history.undo', {});
    expect((await api.call('maturity.get', {})).dimensions[0]!.counts.concepts).toBe(4);
  });

  it('deleting a mapped category drops it from the dimension, and undo brings the mapping back', async () => {
    const c = await buildCodebook();
    const tools = await dimension('Tools and platforms');
    await api.call('maturity.mapCategory', { dimensionId: tools, categoryId: c.tools, mapped: true });
    await api.call('category.delete', { id: c.tools });
    expect((await api.call('maturity.get', {})).dimensions[0]!.categories).toEqual([]);
    await api.call('history.undo', {});
    const m = await api.call('maturity.get', {});
    expect(m.dimensions[0]!.categories.map((x) => x.name)).toEqual(['Tools']);
    expect(m.dimensions[0]!.items.map((x) => x.label)).toEqual(['platform']);
  });

  it('renames, reorders and deletes dimensions, each undoable', async () => {
    const a = await dimension('A');
    const b = await dimension('B', 'ب');
    let m = await api.call('maturity.updateDimension', { id: a, labelFa: 'الف' });
    m = await api.call('maturity.reorderDimensions', { ids: [b, a] });
    expect(m.dimensions.map((d) => [d.position, d.labelEn, d.labelFa])).toEqual([[1, 'B', 'ب'], [2, 'A', 'الف']]);
    m = await api.call('maturity.deleteDimension', { id: b });
    expect(m.dimensions.map((d) => d.labelEn)).toEqual(['A']);
    await api.call('history.undo', {});
    expect((await api.call('maturity.get', {})).dimensions.map((d) => d.labelEn)).toEqual(['B', 'A']);
    await expect(api.call('maturity.addDimension', { labelEn: ' ', labelFa: '' })).rejects.toThrow(/cannot be empty/);
  });
});

describe('model export and import', () => {
  async function modelWithDimensions() {
    const c = await buildCodebook();
    const lead = await dimension('Leadership', 'رهبری');
    const money = await dimension('Budget', 'بودجه');
    await dimension('Empty', 'خالی');
    await api.call('maturity.mapCategory', { dimensionId: lead, categoryId: c.leadership, mapped: true });
    await api.call('maturity.mapCategory', { dimensionId: money, categoryId: c.budget, mapped: true });
    await api.call('maturity.mapCategory', { dimensionId: money, categoryId: c.roles, mapped: true });
    return c;
  }

  it('the JSON export validates against the published schema and holds the counts and items', async () => {
    await modelWithDimensions();
    const { filename, text } = await api.call('maturity.exportJson', {});
    expect(filename).toBe('Maturity test - maturity model.json');
    const json = JSON.parse(text);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.$schema).toBe(schema.$id);
    expect(json.levels).toHaveLength(5);
    expect(json.dimensions[0]).toMatchObject({
      position: 1,
      labelEn: 'Leadership',
      labelFa: 'رهبری',
      counts: { mainCategories: 1, concepts: 3, finalCodes: 6 },
      mainCategories: [{ name: 'Leadership', code: null }],
    });
    expect(json.dimensions[1].mainCategories).toEqual([
      { name: 'Budget', code: null },
      { name: 'Roles', code: null, isMain: false },
    ]);
    expect(json.dimensions[1].counts).toEqual({ mainCategories: 1, concepts: 3, finalCodes: 2 + 3 + 4 });
  });

  it('re-importing an export gives the same model, as one undo step', async () => {
    await modelWithDimensions();
    const first = (await api.call('maturity.exportJson', {})).text;
    // Change the model, then import the earlier export over it.
    const m = await api.call('maturity.get', {});
    await api.call('maturity.deleteDimension', { id: m.dimensions[0]!.id });
    await api.call('maturity.updateLevel', { id: m.levels[0]!.id, labelEn: 'Ad hoc' });
    const result = await api.call('maturity.import', { json: first });
    expect(result).toMatchObject({ levels: 5, dimensions: 3, unmatched: [] });
    const strip = (text: string) => ({ ...JSON.parse(text), exportedAt: undefined });
    expect(strip((await api.call('maturity.exportJson', {})).text)).toEqual(strip(first));
    await api.call('history.undo', {});
    const after = await api.call('maturity.get', {});
    expect(after.dimensions).toHaveLength(2);
    expect(after.levels[0]!.labelEn).toBe('Ad hoc');
  });

  it('refuses bad files with a clear message and changes nothing', async () => {
    await modelWithDimensions();
    const before = await api.call('maturity.get', {});
    const history = (await api.call('history.get', {})).entries.length;
    const good = JSON.parse((await api.call('maturity.exportJson', {})).text);
    const cases: [string, RegExp][] = [
      ['{ not json', /not JSON/],
      [JSON.stringify({ ...good, format: 'something-else' }), /not a Groundwork maturity model/],
      [JSON.stringify({ ...good, levels: good.levels.slice(0, 2) }), /levels.*must NOT have fewer than 3 items/],
      [JSON.stringify({ ...good, dimensions: [{ ...good.dimensions[0], labelEn: '', labelFa: '' }] }), /dimensions\/0/],
      [JSON.stringify({ ...good, extra: 1 }), /unknown field "extra"/],
      [JSON.stringify({ ...good, levels: [...good.levels].reverse() }), /numbered 1, 2, 3/],
    ];
    for (const [json, message] of cases) await expect(api.call('maturity.import', { json })).rejects.toThrow(message);
    expect(await api.call('maturity.get', {})).toEqual(before);
    expect((await api.call('history.get', {})).entries).toHaveLength(history);
  });

  it('imports into another project by category name and reports the categories it lacks', async () => {
    await modelWithDimensions();
    const text = (await api.call('maturity.exportJson', {})).text;
    await api.call('project.create', { name: 'Other' });
    await api.call('category.create', { name: 'Budget' });
    const result = await api.call('maturity.import', { json: text });
    expect(result.unmatched.sort()).toEqual(['Leadership', 'Roles']);
    const m = await api.call('maturity.get', {});
    expect(m.dimensions.map((d) => d.categories.map((c) => c.name))).toEqual([[], ['Budget'], []]);
  });

  it('the CSV reads back with papaparse: levels, dimensions with counts, categories and items', async () => {
    await modelWithDimensions();
    const { text } = await api.call('maturity.exportCsv', { labels: 'fa' });
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['kind', 'number', 'label', 'code', 'dimension', 'main_categories', 'concepts', 'final_codes', 'description']);
    expect(rows.filter((r) => r[0] === 'level').map((r) => r[2])).toEqual(['اولیه', 'مدیریت شده', 'تعریف شده', 'کمی شده', 'بهینه']);
    expect(rows.find((r) => r[0] === 'dimension' && r[2] === 'رهبری')!.slice(5, 8)).toEqual(['1', '3', '6']);
    expect(rows.filter((r) => r[0] === 'item' && r[4] === 'بودجه').map((r) => r[2]).sort()).toEqual(['budget', 'sponsor', 'vision']);
  });

  it('escapes a label a spreadsheet would run as a formula', async () => {
    await dimension('=HYPERLINK("http://x","y")');
    const { text } = await api.call('maturity.exportCsv', {});
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(rows.find((r) => r[0] === 'dimension')![2]).toBe(`'=HYPERLINK("http://x","y")`);
  });

  it('the XLSX reads back with exceljs, right to left with Persian labels', async () => {
    await modelWithDimensions();
    for (const labels of ['fa', 'en'] as const) {
      const file = await api.call('maturity.exportXlsx', { labels });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(file.dataBase64, 'base64') as unknown as ArrayBuffer);
      const [model, levels, items] = book.worksheets;
      expect(model!.views[0]!.rightToLeft).toBe(labels === 'fa');
      expect(model!.getRow(2).values).toEqual(
        expect.arrayContaining([labels === 'fa' ? 'رهبری' : 'Leadership', 1, 3, 6]),
      );
      expect(String(model!.getRow(1).getCell(5).value)).toBe(labels === 'fa' ? '1. اولیه' : '1. Initial');
      expect(levels!.rowCount).toBe(6);
      const itemLabels = items!.getSheetValues().slice(2).map((r) => (r as unknown[])[4]);
      expect(itemLabels).toHaveLength(6);
    }
  });
});

describe('assessments', () => {
  async function rated() {
    const c = await buildCodebook();
    const lead = await dimension('Leadership', 'رهبری');
    const money = await dimension('Budget', 'بودجه');
    await api.call('maturity.mapCategory', { dimensionId: lead, categoryId: c.leadership, mapped: true });
    await api.call('maturity.mapCategory', { dimensionId: money, categoryId: c.budget, mapped: true });
    const a = await api.call('assessment.create', { name: 'Acme <script>alert(1)</script>', organisation: 'Acme & Co', assessedOn: '2026-11-01' });
    const rate = (dimensionId: DimensionId, conceptId: ConceptId, value: number | 'na' | null) =>
      api.call('assessment.rate', { assessmentId: a.id, dimensionId, conceptId, value });
    // Leadership: vision 3, mindset 4, sponsor n/a → 3.5 → level 3. Budget: budget 2, vision unrated → 2 → level 2.
    await rate(lead, c.vision, 3);
    await rate(lead, c.mindset, 4);
    await rate(lead, c.sponsor, 'na');
    await rate(money, c.budgetC, 2);
    return { c, lead, money, a, rate };
  }

  it('stores ratings, computes the levels by the rule, and undoes a rating', async () => {
    const { c, a, money, rate } = await rated();
    let json = JSON.parse((await api.call('assessment.exportJson', { id: a.id })).text);
    expect(json.dimensions.map((d: { score: number; level: number }) => [d.score, d.level])).toEqual([[3.5, 3], [2, 2]]);
    expect(json.overall).toEqual({ level: 2, score: 2.75, notDetermined: 0 });
    expect(json.dimensions[0].ratings.find((r: { label: string }) => r.label === 'sponsor').rating).toBe('na');
    expect(json.dimensions[1].ratings.find((r: { label: string }) => r.label === 'vision').rating).toBeNull();
    await rate(money, c.vision, 5);
    json = JSON.parse((await api.call('assessment.exportJson', { id: a.id })).text);
    expect(json.dimensions[1].level).toBe(3);
    await api.call('history.undo', {});
    json = JSON.parse((await api.call('assessment.exportJson', { id: a.id })).text);
    expect(json.dimensions[1].level).toBe(2);
    await expect(rate(money, c.platform, 2)).rejects.toThrow(/not an item of the dimension/);
    await expect(rate(money, c.budgetC, 6)).rejects.toThrow(/no level 6/);
  });

  it('keeps several assessments; deleting a level leaves its ratings unrated', async () => {
    const { a, lead, c } = await rated();
    const b = await api.call('assessment.create', { name: 'Acme 2027', assessedOn: '2027-05-01' });
    await api.call('assessment.rate', { assessmentId: b.id, dimensionId: lead, conceptId: c.vision, value: 5 });
    expect((await api.call('assessment.list', {})).map((x) => x.name)).toEqual([a.name, 'Acme 2027']);
    const m = await api.call('maturity.get', {});
    await api.call('maturity.deleteLevel', { id: m.levels[4]!.id });
    expect((await api.call('assessment.get', { id: b.id })).ratings).toEqual([]);
    await api.call('history.undo', {});
    expect((await api.call('assessment.get', { id: b.id })).ratings).toEqual([{ dimensionId: lead, conceptId: c.vision, value: 5 }]);
  });

  it('exports CSV and a self-contained HTML report with escaped text and no script', async () => {
    const { a } = await rated();
    const csv = (await api.call('assessment.exportCsv', { id: a.id })).text;
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows.find((r) => r[0] === 'dimension' && r[1] === 'Leadership')!.slice(6, 9)).toEqual(['3.50', '3', 'Defined']);
    expect(rows.find((r) => r[0] === 'overall')!.slice(6, 9)).toEqual(['2.75', '2', 'Managed']);
    expect(rows.find((r) => r[3] === 'sponsor')!.slice(4, 6)).toEqual(['na', 'not applicable']);

    const html = (await api.call('assessment.exportHtml', { id: a.id, labels: 'fa' })).text;
    expect(html).toContain('dir="rtl"');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Acme &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Acme &amp; Co');
    expect(html).toMatch(/<svg[^>]*>.*رهبری.*<\/svg>/s);
    expect(html).toContain('data-overall-level="2"');
    expect(html).not.toMatch(/\b(src|href)=/);
    const en = (await api.call('assessment.exportHtml', { id: a.id })).text;
    expect(en).toContain('dir="ltr"');
    expect(en).toContain('Overall level: <strong>2. Managed</strong>');
  });
});

describe('the study defaults', () => {
  it('installs the CMMI levels and the eight dimensions, mapped by code through the resolver', async () => {
    // Categories with codes of our own, resolved by a resolver we pass in.
    const codes = new Map<string, CategoryId>();
    for (const code of ['D1.C01', 'D1.C04', 'D2', 'D3']) codes.set(code, (await api.call('category.create', { name: `Category ${code}` })).id);
    const store = t.backend.store!;
    await api.call('maturity.addLevel', { labelEn: 'Extra', labelFa: '' });
    const result = await applyMaturityDefaults(store, (code) => codes.get(code) ?? null);
    expect(result.dimensions).toHaveLength(8);
    expect(result.unresolved).toContain('D7');
    expect(result.unresolved).not.toContain('D2');
    const m = await api.call('maturity.get', {});
    expect(m.levels.map((l) => l.labelEn)).toEqual(CMMI_LEVELS.map((l) => l.nameEn));
    expect(m.dimensions.map((d) => d.labelFa)).toEqual(STUDY_MATURITY_DEFAULTS.map((d) => d.labelFa));
    expect(m.dimensions[0]!.labelFa).toBe('نقشهای جدید رهبری درباره بازاریابی B2B');
    expect(m.dimensions[0]!.categories.map((c) => c.name)).toEqual(['Category D1.C01']);
    expect(m.dimensions[3]!.categories.map((c) => c.name)).toEqual(['Category D3']);
    expect(m.dimensions[4]!.categories.map((c) => c.name)).toEqual(['Category D1.C04']);
    expect(m.dimensions[5]!.categories.map((c) => c.name)).toEqual(['Category D2']);
    // One undo step takes it all back.
    await api.call('history.undo', {});
    expect((await api.call('maturity.get', {})).levels).toHaveLength(6);
  });

  it('maps every main-category code of the study except D5.C01 (the list of dimensions itself)', () => {
    const codes = new Set(STUDY_MATURITY_DEFAULTS.flatMap((d) => d.mainCategoryCodes));
    const all = ['D1.C01', 'D1.C02', 'D1.C03', 'D1.C04', 'D2', 'D3', 'D4.C01', 'D4.C02', 'D4.C03', 'D5.C02', 'D5.C03', 'D5.C04', 'D6.C01', 'D6.C02', 'D6.C03', 'D6.C04', 'D7'];
    expect([...codes].sort()).toEqual(all.sort());
    expect(STUDY_MATURITY_DEFAULTS.map((d) => d.code)).toEqual(Array.from({ length: 8 }, (_, i) => `D5.C01.0${i + 1}`));
  });
});

/** The study data folder next to the repository (../shared/study), where this checkout has one. */
function studyDir(): string | null {
  for (const up of ['..', '../..']) {
    const dir = path.resolve(REPO, up, 'shared/study');
    if (fs.existsSync(path.join(dir, 'cmmi-levels.json'))) return dir;
  }
  return null;
}

describe('the copies of the study data', () => {
  const dir = studyDir();
  it.skipIf(!dir)('the CMMI levels are those of ../shared/study/cmmi-levels.json, typo included', () => {
    const source = JSON.parse(fs.readFileSync(path.join(dir!, 'cmmi-levels.json'), 'utf8'));
    expect(
      CMMI_LEVELS.map((l) => ({
        level: l.level,
        name_fa: l.nameFa,
        name_fa_full: l.nameFaFull,
        name_en: l.nameEn,
        table1_label_fa: l.table1LabelFa,
        description_fa: l.descriptionFa,
        description_en: l.descriptionEn,
        table1_characteristics_fa: l.characteristicsFa,
        table1_characteristics_en: l.characteristicsEn,
      })),
    ).toEqual(
      source.levels.map((l: Record<string, unknown>) => {
        const { source_lines: _, ...rest } = l;
        return rest;
      }),
    );
    expect(CMMI_LEVELS[4]!.table1LabelFa).toBe('سطح ۵ (پهینه)');
  });

  it.skipIf(!dir)('the default dimensions are the eight concepts of D5.C01 in ../shared/study/codebook.json', () => {
    const codebook = JSON.parse(fs.readFileSync(path.join(dir!, 'codebook.json'), 'utf8'));
    const core = codebook.paradigm_components.find((c: { id: string }) => c.id === 'core_phenomenon');
    const concepts = core.dimensions[0].categories.find((c: { id: string }) => c.id === 'D5.C01').concepts;
    expect(STUDY_MATURITY_DEFAULTS.map((d) => ({ id: d.code, fa: d.labelFa, en: d.labelEn }))).toEqual(concepts);
  });
});

describe('history labels', () => {
  it('every maturity step the backend writes has a template with a Persian translation', async () => {
    const { MATURITY_HISTORY_TEMPLATES } = await import('../../../renderer/features/maturity/history-templates');
    const catalog = (await import('../../../renderer/i18n/fa/maturity.catalog')).default as Record<string, string>;
    const c = await buildCodebook();
    let m = await api.call('maturity.addLevel', { labelEn: 'Six', labelFa: '' });
    await api.call('maturity.updateLevel', { id: m.levels[5]!.id, labelEn: 'Sixth' });
    await api.call('maturity.reorderLevels', { ids: [...m.levels.map((l) => l.id)].reverse() });
    m = await api.call('maturity.deleteLevel', { id: m.levels[5]!.id });
    await api.call('maturity.resetLevels', {});
    const d = await dimension('D');
    const e = await dimension('E');
    await api.call('maturity.updateDimension', { id: d, labelEn: 'DD' });
    await api.call('maturity.reorderDimensions', { ids: [e, d] });
    await api.call('maturity.mapCategory', { dimensionId: d, categoryId: c.budget, mapped: true });
    await api.call('maturity.mapCategory', { dimensionId: e, categoryId: c.budget, mapped: true });
    await api.call('maturity.mapCategory', { dimensionId: e, categoryId: c.budget, mapped: false });
    const a = await api.call('assessment.create', { name: 'A', assessedOn: '2026-01-01' });
    await api.call('assessment.update', { id: a.id, organisation: 'O' });
    await api.call('assessment.rate', { assessmentId: a.id, dimensionId: d, conceptId: c.budgetC, value: 2 });
    await api.call('assessment.delete', { id: a.id });
    await api.call('maturity.deleteDimension', { id: e });
    await api.call('maturity.import', { json: (await api.call('maturity.exportJson', {})).text });
    await applyMaturityDefaults(t.backend.store!, () => null);
    const labels = (await api.call('history.get', {})).entries
      .filter((x) => x.kind.startsWith('maturity.') || x.kind.startsWith('assessment.'))
      .map((x) => x.label);
    expect(labels.length).toBe(19);
    const forms = MATURITY_HISTORY_TEMPLATES.map(
      (tpl) => new RegExp(`^${tpl.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[ab]\}/g, '[^”]*')}$`),
    );
    expect(labels.filter((label) => !forms.some((f) => f.test(label)))).toEqual([]);
    expect(MATURITY_HISTORY_TEMPLATES.filter((tpl) => !catalog[tpl])).toEqual([]);
  });
});
