// Extending the study with new literature, in Chromium: open the study, freeze a baseline, import
// a source (the study's English abstract, cut from seed 000) as a new wave, code three passages
// (two with study concepts, one with a new concept filed in a new main category placed in a
// component), and see the change view, the paradigm diagram's marks and the saturation curve
// show exactly that; then the same in the Persian interface.

import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../helpers/backend';
import { startApp, type App } from './harness';
import { EvolutionPage } from './pages/evolution-page';
import { LanguageSwitch, persian } from './pages/language';
import { StudyPage } from './pages/study-page';
import { WorkspacePage } from './pages/workspace-page';

let app: App;
let ws: WorkspacePage;
let evo: EvolutionPage;
const SHOTS = process.env.GROUNDWORK_SHOTS_DIR;
const shot = async (name: string) => {
  if (!SHOTS) return;
  await app.page.evaluate(() => document.fonts.ready);
  await app.page.screenshot({ path: path.join(SHOTS, name), fullPage: false });
};

const SOURCE = 'Study abstract (en)';
const BASELINE = 'Before the new wave';
const WAVE = 'New literature, 2022–2026';
const NEW_CONCEPT = 'Stable position among rivals';
const NEW_CATEGORY = 'Competitive positioning';

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1440, height: 1000 } });
  ws = new WorkspacePage(app.page);
  evo = new EvolutionPage(app.page);
  await new StudyPage(app.page).open();
});
afterAll(async () => {
  await app?.close();
});

/** Codes a phrase of the open source with a concept typed into the picker (Enter takes the first match or makes a new one). */
async function code(phrase: string, label: string, expectCode?: string) {
  await ws.select(phrase);
  await app.page.keyboard.press('c');
  const input = app.page.getByRole('combobox', { name: 'Concept' });
  await input.fill(label);
  if (expectCode) await expect.poll(() => app.page.locator('.gw-picker-list li').first().innerText()).toContain(expectCode);
  await input.press('Enter');
  await app.page.locator('.gw-coding-bar').waitFor({ state: 'detached' });
}

describe('extending the study with a new wave', () => {
  it('the study starts with its published figures as a baseline and its sources in the first wave', async () => {
    await evo.open();
    await expect.poll(() => evo.baselines().allInnerTexts()).toEqual([expect.stringContaining('Published study (Tellohosseini et al., 2022)')]);
    await expect.poll(() => evo.waves().first().innerText()).toContain('Published study, 2013–2021');
    expect(await evo.waves().first().innerText()).toContain('4 sources');
  });

  it('freezes the model as a baseline: nothing has changed since', async () => {
    await evo.freeze(BASELINE);
    await expect.poll(() => evo.page.locator('.gw-evo-header h2').innerText()).toContain(`What changed since ${BASELINE}`);
    await expect.poll(() => evo.report.getByTestId('summary-new-concepts').innerText()).toBe('0 new concepts');
    expect(await evo.table8('total')).toEqual({ mainCategories: ['20', '20', '0'], concepts: ['354', '354', '0'], finalCodes: ['0', '0', '0'] });
  });

  it('imports a source as a new wave and codes three passages, one with a new concept in a new main category', async () => {
    await ws.backToCoding();
    const report = await ws.importFiles([path.join(EXAMPLES, `${SOURCE}.txt`)]);
    expect(report.join('\n')).toContain('imported');
    await evo.open();
    await evo.newWaveOfLatestBatch(WAVE);
    await expect.poll(() => evo.page.locator(`li[data-wave="${WAVE}"]`).innerText()).toContain('1 source');

    await ws.backToCoding();
    await ws.openSource(SOURCE);
    await code('B2B marketing budget', 'بودجه بازاریابی سازمان', 'D1.C04.01');
    await code('increasing customer satisfaction', 'بودجه اهداف رضایت مشتری', 'D1.C04.11');
    await code('achieving a stable position among rival industrial companies', NEW_CONCEPT);
    await ws.newMainCategory(NEW_CATEGORY);
    await ws.fileConcepts([NEW_CONCEPT], NEW_CATEGORY);
    await ws.assignComponent(NEW_CATEGORY, 'Consequences');
    await expect
      .poll(async () => (await evo.call<{ rows: { component: string; finalCodes: number }[] }>('counts.paradigm', {})).rows.find((r) => r.component === 'consequences')!.finalCodes)
      .toBe(1);
  });

  it('the change view shows exactly that: one new concept with its passage, two grown concepts, one new main category', async () => {
    await evo.open();
    await evo.compareWith('baseline', BASELINE);
    await expect.poll(() => evo.report.getByTestId('summary-new-concepts').innerText()).toBe('1 new concept');
    expect(await evo.report.getByTestId('summary-grown').innerText()).toBe('2 concepts with more passages');
    expect(await evo.report.getByTestId('summary-new-main').innerText()).toBe('1 new main category');
    expect(await evo.report.getByTestId('summary-moved').innerText()).toBe('0 moved concepts');

    const item = evo.report.getByTestId('new-concepts').locator(`li[data-concept="${NEW_CONCEPT}"]`);
    expect(await item.innerText()).toContain(`in ${NEW_CATEGORY} · Consequences`);
    expect(await item.innerText()).toContain(`Brought by ${SOURCE} · wave ${WAVE}`);
    expect(await item.locator('.gw-evo-passages li').innerText()).toContain('achieving a stable position among rival industrial companies');
    expect(await evo.report.getByTestId('grown-concepts').locator('tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.concept))).toEqual(
      expect.arrayContaining(['بودجه بازاریابی سازمان', 'بودجه اهداف رضایت مشتری']),
    );
    expect(await evo.report.getByTestId('new-categories').innerText()).toContain(`${NEW_CATEGORY}\nmain category · Consequences`.replace('\n', ' '));

    expect(await evo.table8('consequences')).toMatchObject({ mainCategories: ['3', '4', '+1'], concepts: [expect.any(String), expect.any(String), '+1'], finalCodes: ['0', '1', '+1'] });
    expect(await evo.table8('causal')).toEqual({ mainCategories: ['4', '4', '0'], concepts: ['34', '34', '0'], finalCodes: ['0', '2', '+2'] });
    expect(await evo.table8('total')).toEqual({ mainCategories: ['20', '21', '+1'], concepts: ['354', '355', '+1'], finalCodes: ['0', '3', '+3'] });
    await shot('evolution-change.png');
  });

  it('the paradigm diagram marks the new main category and the grown one, and says what each component gained', async () => {
    const { categories } = await evo.call<{ categories: { id: number; name: string; labelEn: string | null }[] }>('codebook.get', {});
    const created = categories.find((c) => c.name === NEW_CATEGORY)!;
    const budget = categories.find((c) => c.labelEn === 'B2B marketing budget' && c.name !== NEW_CATEGORY)!;
    await evo.diagram.scrollIntoViewIfNeeded();
    await expect.poll(() => evo.diagram.getByTestId(`paradigm-mark-new-${created.id}`).count()).toBe(1);
    expect(await evo.diagram.getByTestId(`paradigm-change-${created.id}`).textContent()).toBe('new: +1 · +1'.replace(/\+1/g, '\u2066+1\u2069'));
    expect(await evo.diagram.getByTestId(`paradigm-mark-grown-${budget.id}`).count()).toBe(1);
    // Both study concepts coded are in the main category "B2B marketing budget": two more final codes.
    expect((await evo.diagram.getByTestId(`paradigm-change-${budget.id}`).textContent())!.replace(/[\u2066-\u2069]/g, '')).toBe('0 · +2');
    expect((await evo.diagram.getByTestId('paradigm-change-consequences').allTextContents()).join(' ').replace(/[\u2066-\u2069]/g, '')).toBe('+1 main category · +1 concept · +1 final code');
    expect((await evo.diagram.getByTestId('paradigm-change-causal').allTextContents()).join(' ').replace(/[\u2066-\u2069]/g, '')).toBe('+2 final codes');
    // Only those two main categories are marked.
    expect(await evo.diagram.locator('[data-testid^="paradigm-mark-"]').count()).toBe(2);
    await shot('evolution-diagram.png');
  });

  it('exports the change as XLSX (one sheet per table) and the marked diagram as SVG', async () => {
    const [xlsx] = await Promise.all([app.page.waitForEvent('download'), app.page.getByRole('button', { name: 'Export XLSX' }).click()]);
    expect(xlsx.suggestedFilename()).toBe('B2B marketing maturity model (Tellohosseini et al., 2022) - what changed since Before the new wave.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await xlsx.path())!);
    expect(book.worksheets.map((w) => w.name).slice(0, 3)).toEqual(['Table 8', 'New concepts', 'Concepts with more passages']);
    expect(book.getWorksheet('New concepts')!.getRow(2).getCell(1).value).toBe(NEW_CONCEPT);
    const [svg] = await Promise.all([app.page.waitForEvent('download'), app.page.locator('.gw-evo-diagram').getByRole('button', { name: 'Export SVG' }).click()]);
    expect(svg.suggestedFilename()).toMatch(/ - paradigm model, what changed\.svg$/);
    const text = fs.readFileSync((await svg.path())!, 'utf8');
    expect(text).toContain(`>${NEW_CATEGORY}<`);
    expect(text).toContain('+1 main category · \u2066+1\u2069 concept · \u2066+1\u2069 final code'.replace('+1 main', '\u2066+1\u2069 main'));
  });

  it('the wave against the others: the three concepts first coded in it, the model before it without their passages', async () => {
    await evo.compareWith('wave', WAVE);
    await expect.poll(() => evo.page.locator('.gw-evo-header h2').innerText()).toContain(`What the wave ${WAVE} added`);
    await expect
      .poll(() => evo.report.getByTestId('new-concepts').locator('li[data-concept]').evaluateAll((l) => l.map((x) => (x as HTMLElement).dataset.concept).sort()))
      .toEqual([NEW_CONCEPT, 'بودجه اهداف رضایت مشتری', 'بودجه بازاریابی سازمان'].sort());
    expect(await evo.table8('total')).toMatchObject({ finalCodes: ['0', '3', '+3'] });
  });

  it('the saturation curve: one coded source that brought three concepts, first appearances listed', async () => {
    await evo.openSaturation();
    await evo.saturation.waitFor();
    await expect.poll(() => evo.page.getByTestId('saturation-sources').locator('tbody tr').count()).toBe(1);
    expect(await evo.saturation.getByTestId('saturation-point-1').textContent()).toBe('3');
    expect(await evo.saturation.getByTestId('saturation-bar-1').count()).toBe(1);
    expect(await evo.page.getByTestId('saturation-verdict').innerText()).toBe('3 concepts from 1 source; the stopping rule is not met.');
    const first = await evo.page.getByTestId('first-appearances').locator('li').allInnerTexts();
    expect(first).toHaveLength(3);
    expect(first.every((line) => line.endsWith(`source 1: ${SOURCE}`))).toBe(true);
    // No new concept in the last 1 source is not met either; in the saturation view k = 1 is allowed.
    await shot('saturation.png');
  });

  it('the same in Persian: digits, labels and the mirrored curve', async () => {
    const language = new LanguageSwitch(app.page);
    await language.choose('fa');
    expect(await language.direction()).toBe('rtl');
    await expect.poll(() => evo.page.getByTestId('saturation-verdict').innerText()).toContain('۳');
    expect(await evo.saturation.getByTestId('saturation-point-1').textContent()).toBe('۳');
    await shot('saturation-fa.png');
    await app.page.getByRole('button', { name: persian('What changed'), exact: true }).click();
    await expect.poll(() => evo.report.getByTestId('summary-new-concepts').innerText()).toContain('۱');
    await shot('evolution-change-fa.png');
    await language.choose('en');
  });
});
