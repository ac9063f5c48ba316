// The study in Chromium: open it from the start screen, read Table 8 beside the reported figures,
// switch a reading (and undo it), code a corpus passage with a study concept and see the final
// codes rise in Table 8 and in the paradigm diagram, export the diagram as SVG, export the maturity
// model (checked against its schema: the study's eight dimensions) and an assessment rated item by
// item (JSON and the HTML report), and Table 7's 48 category rows, in English and Persian labels.

import { Ajv2020 } from 'ajv/dist/2020.js';
import { XMLValidator } from 'fast-xml-parser';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import schema from '../../shared/schemas/maturity-model.schema.json' with { type: 'json' };
import { startApp, type App } from './harness';
import { DiagramsPage } from './pages/diagrams-page';
import { freshProject } from './pages/fresh-project';
import { MaturityPage } from './pages/maturity-page';
import { StudyPage } from './pages/study-page';
import { WorkspacePage } from './pages/workspace-page';

let app: App;
let ws: WorkspacePage;
let study: StudyPage;
let diagrams: DiagramsPage;
let mp: MaturityPage;
const SHOTS = process.env.GROUNDWORK_SHOTS_DIR;
const shot = async (name: string) => {
  if (SHOTS) await app.page.screenshot({ path: path.join(SHOTS, name), fullPage: false });
};

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1440, height: 1000 } });
  ws = new WorkspacePage(app.page);
  study = new StudyPage(app.page);
  diagrams = new DiagramsPage(app.page);
  mp = new MaturityPage(app.page);
  await study.open();
});
// Each test but the first works on its own fresh copy of the study.
beforeEach(async (context) => {
  if (!context.task.name.startsWith('shows Table 8 as reported')) await freshProject(app.page, 'study');
});

/** Codes the budget passage of the ABM article with the study concept D1.C04.01, found by its Persian label. */
async function codeBudgetPassage() {
  await ws.backToCoding();
  await ws.openSource('Account-based marketing (fa)');
  await ws.select('شاخص های ارزیابی موفقیت');
  await app.page.keyboard.press('c');
  const input = app.page.getByRole('combobox', { name: 'Concept' });
  await input.fill('بودجه بازاریابی سازمان');
  const first = app.page.locator('.gw-picker-list li').first();
  await expect.poll(() => first.innerText()).toContain('D1.C04.01');
  await input.press('Enter');
  await app.page.locator('.gw-coding-bar').waitFor({ state: 'detached' });
}
afterAll(async () => {
  await app?.close();
});

describe('the study in the browser', () => {
  it('shows Table 8 as reported (20 / 331 / 785) beside the reproduced figures', async () => {
    await study.showTable8();
    await expect.poll(() => study.figures('total', 'mainCategories')).toEqual({ reproduced: 20, reported: 20, difference: '0' });
    await expect.poll(() => study.figures('total', 'concepts')).toEqual({ reproduced: 354, reported: 331, difference: '+23' });
    await expect.poll(() => study.figures('total', 'finalCodes')).toEqual({ reproduced: 0, reported: 785, difference: '−785' });
    await expect.poll(() => study.figures('intervening', 'concepts')).toEqual({ reproduced: 20, reported: 13, difference: '+7' });
    await expect.poll(() => app.page.locator('tr[data-component="intervening"] .gw-reason').innerText()).toContain('change-management row');
    await expect.poll(() => app.page.getByTestId('final-codes-note').innerText()).toContain('cannot be checked');
    await shot('study-table8-en.png');
  });

  it('switches the consequence reading to C (4 main categories, 21 in all), and Ctrl+Z restores it', async () => {
    await study.showTable8();
    await study.chooseReading('consequences', 'C');
    await expect.poll(() => study.figures('consequences', 'mainCategories')).toMatchObject({ reproduced: 4, difference: '+1' });
    await expect.poll(async () => (await study.figures('total', 'mainCategories')).reproduced).toBe(21);
    await app.page.getByLabel('Show each component’s main categories').check();
    await expect.poll(() => app.page.locator('tr.gw-main-row').count()).toBe(21);
    const consequenceMains = await app.page.locator('tr.gw-main-row[data-main^="CQ-C"], tr.gw-main-row[data-main="D7"]').count();
    expect(consequenceMains).toBe(4);
    await app.page.getByLabel('Show each component’s main categories').uncheck();
    await study.chooseReading('concepts', 'merged');
    await expect.poll(async () => (await study.figures('total', 'concepts')).reproduced).toBe(333);
    await app.page.keyboard.press('Control+z');
    await expect.poll(async () => (await study.figures('total', 'concepts')).reproduced).toBe(354);
    await expect.poll(async () => (await study.figures('total', 'mainCategories')).reproduced).toBe(21);
    await app.page.keyboard.press('Control+z');
    await expect.poll(async () => (await study.figures('total', 'mainCategories')).reproduced).toBe(20);
    await expect.poll(() => app.page.locator('fieldset[data-reading="consequences"] label[data-option="A"] input').isChecked()).toBe(true);
    await study.chooseReading('consequences', 'C');
    await expect.poll(async () => (await study.figures('total', 'mainCategories')).reproduced).toBe(21);
  });

  it('draws the study’s paradigm model with the chosen reading and no final codes yet', async () => {
    await study.showTable8();
    await study.chooseReading('consequences', 'C');
    await expect.poll(async () => (await study.figures('total', 'mainCategories')).reproduced).toBe(21);
    await diagrams.open('Paradigm model');
    await diagrams.paradigm.waitFor();
    await expect.poll(() => diagrams.componentFigures('causal')).toBe('4 main categories · 34 concepts · 0 final codes');
    // Consequence reading C has four main categories in the diagram too.
    await expect.poll(() => diagrams.componentFigures('consequences')).toMatch(/^4 main categories · \d+ concepts · 0 final codes$/);
    await expect.poll(() => diagrams.mainCategoryCount('B2B marketing budget')).toBe('13 · 0');
  });

  it('codes a corpus passage with a study concept found by its Persian label, and the final codes rise', async () => {
    await codeBudgetPassage();
    await study.showTable8();
    await expect.poll(() => study.figures('causal', 'finalCodes')).toEqual({ reproduced: 1, reported: 64, difference: '−63' });
    await expect.poll(async () => (await study.figures('total', 'finalCodes')).reproduced).toBe(1);
  });

  it('shows the coded passage in the paradigm diagram: the causal component and its budget category rise', async () => {
    await codeBudgetPassage();
    await diagrams.open('Paradigm model');
    await expect.poll(() => diagrams.componentFigures('causal')).toBe('4 main categories · 34 concepts · 1 final code');
    await expect.poll(() => diagrams.mainCategoryCount('B2B marketing budget')).toBe('13 · 1');
    for (const other of ['phenomenon', 'strategies', 'context', 'intervening', 'consequences']) {
      await expect.poll(() => diagrams.componentFigures(other)).toMatch(/ · 0 final codes$/);
    }
  });

  it('exports the paradigm diagram as an SVG with the component labels and the new count', async () => {
    await codeBudgetPassage();
    await diagrams.open('Paradigm model');
    await expect.poll(() => diagrams.componentFigures('causal')).toBe('4 main categories · 34 concepts · 1 final code');
    const download = await diagrams.export('SVG');
    expect(download.suggestedFilename()).toMatch(/ - paradigm model\.svg$/);
    const svg = fs.readFileSync((await download.path())!, 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    for (const label of ['Causal conditions', 'Context', 'Intervening conditions', 'Core phenomenon', 'Strategies', 'Consequences', 'B2B marketing budget']) {
      expect(svg).toContain(`>${label}<`);
    }
    expect(svg).toContain('>4 main categories · 34 concepts · 1 final code<');
    expect(svg).toContain('>13 · 1<');
  });

  it('exports the study’s maturity model: valid against the schema, with its eight dimensions and the new final code', async () => {
    await codeBudgetPassage();
    await mp.open();
    await expect.poll(() => mp.matrix.locator('tbody tr[data-dimension]').count()).toBe(8);
    await expect.poll(() => mp.counts('B2B marketing budget')).toBe('1 main category · 13 concepts · 1 final code');
    const { name, text } = await mp.download('Export model (JSON)');
    expect(name).toMatch(/ - maturity model\.json$/);
    const json = JSON.parse(text);
    const validate = new Ajv2020({ strict: true }).compile(schema);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    type Dimension = { labelEn: string; mainCategories: { code: string | null }[]; items: { code: string | null; finalCodes: number }[]; counts: { mainCategories: number; concepts: number; finalCodes: number } };
    const dimensions: Dimension[] = json.dimensions;
    expect(dimensions.map((d) => d.labelEn)).toEqual([
      'New leadership roles regarding B2B marketing',
      'B2B business strategy and policies on being digital/non-digital',
      'Organizational chart and mission description of the B2B unit',
      'B2B tools and platforms',
      'B2B marketing budget',
      'B2B operations and process',
      'B2B marketing key performance indicators',
      'Culture and organizational change management',
    ]);
    const budget = dimensions.find((d) => d.labelEn === 'B2B marketing budget')!;
    expect(budget.mainCategories.map((c) => c.code)).toEqual(['D1.C04']);
    expect(budget.items).toHaveLength(13);
    expect(budget.items.find((i) => i.code === 'D1.C04.01')?.finalCodes).toBe(1);
    expect(budget.counts).toEqual({ mainCategories: 1, concepts: 13, finalCodes: 1 });
    expect(dimensions.reduce((sum, d) => sum + d.counts.finalCodes, 0)).toBe(1);
    expect(json.levels.map((l: { labelEn: string }) => l.labelEn)).toEqual(['Initial', 'Managed', 'Defined', 'Quantitatively Managed', 'Optimizing']);
  });

  it('rates a few items of a new assessment and exports it as JSON and as an HTML report', async () => {
    await mp.open();
    await mp.tab('Self-assessment');
    await mp.newAssessment('Study firm 2026', 'Example Industrial Co.', '2026-11-20');
    const leadership = 'New leadership roles regarding B2B marketing';
    // Two of the four leadership items: 3 and 4 → 3.50 → level 3. One of 13 budget items: not determined.
    await mp.rateCode(leadership, 'D1.C01.01', '3. Defined');
    await mp.rateCode(leadership, 'D1.C01.02', '4. Quantitatively Managed');
    await mp.rateCode('B2B marketing budget', 'D1.C04.01', '2. Managed');
    await expect.poll(() => mp.resultLevel(leadership).innerText()).toBe('3. Defined');
    await expect.poll(() => mp.resultLevel('B2B marketing budget').innerText()).toBe('Not determined');
    await expect.poll(() => mp.view.getByTestId('overall-level').innerText()).toMatch(/^Overall level: Not determined/);
    await expect.poll(() => mp.view.getByTestId('radar').locator('text.gw-radar-axis').count()).toBe(8);

    const json = JSON.parse((await mp.download('Export assessment (JSON)')).text);
    expect(json.format).toBe('groundwork.maturity-assessment');
    expect(json.assessment).toEqual({ name: 'Study firm 2026', organisation: 'Example Industrial Co.', assessedOn: '2026-11-20' });
    expect(json.dimensions).toHaveLength(8);
    const rated = (json.dimensions as { labelEn: string; ratings: { code: string; rating: unknown }[] }[]).flatMap((d) =>
      d.ratings.filter((r) => r.rating !== null).map((r) => [d.labelEn, r.code, r.rating]),
    );
    expect(rated).toEqual([
      [leadership, 'D1.C01.01', 3],
      [leadership, 'D1.C01.02', 4],
      ['B2B marketing budget', 'D1.C04.01', 2],
    ]);
    const lead = json.dimensions.find((d: { labelEn: string }) => d.labelEn === leadership);
    expect({ score: lead.score, level: lead.level, rated: lead.rated, items: lead.items }).toEqual({ score: 3.5, level: 3, rated: 2, items: 4 });
    expect(json.overall.level).toBeNull();

    const html = await mp.download('Printable report (HTML)');
    expect(html.name).toBe('Study firm 2026 - assessment.html');
    expect(html.text).not.toMatch(/<script/i);
    expect(html.text).toContain('Example Industrial Co.');
    expect(html.text).toContain(`<bdi>${leadership}</bdi></th><td>2 / 4</td><td>3.50</td><td>3. Defined</td>`);
    expect(html.text).toContain('<bdi>B2B marketing budget</bdi></th><td>1 / 13</td>');
    const report = await app.context.newPage();
    await report.setContent(html.text);
    await expect.poll(() => report.locator('h1').innerText()).toBe('Study firm 2026');
    await expect.poll(() => report.locator('svg polygon').count()).toBeGreaterThan(0);
    await report.close();
    expect(app.errors).toEqual([]);
  });

  it('shows Table 7: 48 category rows in 7 dimensions, each concept with its final codes', async () => {
    await codeBudgetPassage();
    await study.showTable7();
    await expect.poll(() => study.table7Rows().count()).toBe(48);
    const budget = app.page.locator('tr[data-code="D1.C04"] .gw-t7-concept').first();
    await expect.poll(() => budget.innerText()).toMatch(/1$/);
    await study.labelLanguage('en');
    await expect.poll(() => app.page.locator('tr[data-code="D1.C01"] .gw-t7-category').innerText()).toContain('New leadership roles');
    await shot('study-table7-en.png');
    await study.labelLanguage('fa');
    await expect.poll(() => app.page.locator('tr[data-code="D1.C01"] .gw-t7-category bdi').innerText()).toBe('نقشهای جدید رهبری و طرز فکر نسبت بازاریابی B2B');
    await expect.poll(() => app.page.locator('.gw-t7-component[data-component="causal"] h3 bdi').innerText()).toBe('شرایط علی');
    await shot('study-table7-fa.png');
    await study.showTable8();
    await expect.poll(() => app.page.locator('tr[data-component="causal"] th bdi').innerText()).toBe('شرایط علی');
    await shot('study-table8-fa.png');
    // The concept opens its retrieved segments in the coding view.
    await study.showTable7();
    await budget.click();
    await expect.poll(() => app.page.locator('.gw-topbar [aria-pressed="true"]').first().innerText()).toBe('Coding');
    await expect.poll(() => app.page.getByTestId('study-details').innerText()).toContain('D1.C04.01');
    await expect.poll(() => app.page.getByRole('region', { name: 'Retrieved segments' }).innerText()).toContain('شاخص های ارزیابی موفقیت');
    await study.labelLanguage('en');
    expect(app.errors).toEqual([]);
  });
});
