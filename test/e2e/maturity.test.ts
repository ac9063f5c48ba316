// The maturity model in Chromium: a project with Persian categories and coded concepts, dimensions
// built and mapped in the view, the model exported as JSON and checked against its schema, an
// assessment rated item by item with the levels and the radar on screen, its JSON and HTML exports,
// and screenshots of the matrix and the radar with English and Persian labels.

import { Ajv2020 } from 'ajv/dist/2020.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import schema from '../../shared/schemas/maturity-model.schema.json' with { type: 'json' };
import { startBackend } from '../helpers/backend';
import { startApp, type App } from './harness';
import { callApi } from './pages/fresh-project';
import { MaturityPage } from './pages/maturity-page';

/** Screenshots to look at after a run (the README's are taken by screenshots/maturity.shots.ts). */
const SHOTS = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-maturity-shots-'));
let app: App;
let mp: MaturityPage;

/**
 * The project, built through the API before the app opens it: three main categories (one with a
 * sub-category), five concepts, and segments coded in one source; then, as far as a test needs,
 * the three dimensions mapped to them, and an assessment rated as the first self-assessment test
 * rates it.
 */
type Stage = 'categories' | 'dimensions' | 'rated';
async function buildProject(file: string, stage: Stage) {
  const t = startBackend();
  try {
    const { api } = t;
    await api.call('project.create', { name: 'Maturity e2e', path: file });
    const [r] = await api.call('document.import', {
      files: [{ name: 'notes.txt', dataBase64: Buffer.from('نقش رهبری در بازاریابی B2B و بودجه و ابزارها و پلتفرم‌های دیجیتال شرکت\n').toString('base64') }],
    });
    const documentId = r!.document!.id;
    // The project shows its labels in English (the label language belongs to the project).
    await api.call('labels.set', { language: 'en' });
    const leadership = (await api.call('category.create', { name: 'رهبری بازاریابی' })).id;
    const roles = (await api.call('category.create', { name: 'نقش‌های رهبری', parentId: leadership })).id;
    const budget = (await api.call('category.create', { name: 'بودجه بازاریابی' })).id;
    const tools = (await api.call('category.create', { name: 'ابزار و پلتفرم' })).id;
    let at = 0;
    const concept = async (label: string, category: number, segments: number) => {
      const c = await api.call('concept.create', { label });
      await api.call('category.fileConcepts', { categoryId: category as never, conceptIds: [c.id] });
      for (let i = 0; i < segments; i += 1, at += 3) await api.call('segment.code', { documentId, start: at, end: at + 2, conceptId: c.id });
    };
    await concept('چشم‌انداز مدیران', leadership, 2);
    await concept('حمایت مدیریت ارشد', roles, 1);
    await concept('بودجه سالانه', budget, 3);
    await concept('سهم دیجیتال از بودجه', budget, 1);
    await concept('نرم‌افزار CRM', tools, 2);
    if (stage === 'categories') return;
    for (const [labelEn, labelFa] of [['Leadership', 'رهبری'], ['Budget', 'بودجه'], ['Tools and platforms', 'ابزار و پلتفرم']] as const) {
      await api.call('maturity.addDimension', { labelEn, labelFa });
    }
    const model = await api.call('maturity.get', {});
    const dimension = (en: string) => model.dimensions.find((d) => d.labelEn === en)!.id;
    await api.call('maturity.mapCategory', { dimensionId: dimension('Leadership'), categoryId: leadership as never, mapped: true });
    await api.call('maturity.mapCategory', { dimensionId: dimension('Budget'), categoryId: budget as never, mapped: true });
    await api.call('maturity.mapCategory', { dimensionId: dimension('Tools and platforms'), categoryId: tools as never, mapped: true });
    if (stage === 'dimensions') return;
    const assessment = await api.call('assessment.create', { name: 'Acme 2026', organisation: 'Acme Industrial', assessedOn: '2026-11-01' });
    const { concepts } = await api.call('codebook.get', {});
    const rate = (en: string, label: string, value: number | 'na') =>
      api.call('assessment.rate', { assessmentId: assessment.id, dimensionId: dimension(en), conceptId: concepts.find((c) => c.label === label)!.id, value });
    await rate('Leadership', 'چشم‌انداز مدیران', 3);
    await rate('Leadership', 'حمایت مدیریت ارشد', 4);
    await rate('Budget', 'بودجه سالانه', 2);
    await rate('Budget', 'سهم دیجیتال از بودجه', 'na');
    await rate('Tools and platforms', 'نرم‌افزار CRM', 5);
  } finally {
    await t.cleanup();
  }
}

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1440, height: 1000 } });
  mp = new MaturityPage(app.page);
  const file = path.join(app.home, 'Maturity e2e.groundwork');
  await buildProject(file, 'categories');
  await app.page.getByLabel('Path to a project file').fill(file);
  await app.page.getByRole('button', { name: 'Open', exact: true }).click();
  await app.page.locator('.gw-topbar').waitFor();
});

let built = 0;
/** Each test opens its own project file, built to the stage it starts from. */
async function openBuilt(stage: Stage) {
  built += 1;
  const file = path.join(app.home, `Maturity e2e ${built}.groundwork`);
  await buildProject(file, stage);
  await callApi(app.page, 'project.open', { path: file });
  await app.page.reload();
  await app.page.locator('.gw-topbar').waitFor();
  await mp.open();
}
const STAGES: Record<string, Stage> = {
  'shows the five CMMI levels of a new model and no dimensions': 'categories',
  'builds dimensions and their mapping, with the counts following': 'categories',
  'rates items and shows each dimension’s level, the overall level and the radar': 'dimensions',
};
beforeEach(async (context) => {
  await openBuilt(STAGES[context.task.name] ?? (context.task.suite?.name === 'self-assessment' ? 'rated' : 'dimensions'));
});
afterAll(async () => {
  await app?.close();
  console.log(`maturity screenshots in ${SHOTS}`);
});

describe('the maturity model view', () => {
  it('shows the five CMMI levels of a new model and no dimensions', async () => {
    await mp.open();
    const headers = await mp.matrix.locator('thead tr').first().locator('th').allInnerTexts();
    expect(headers.map((h) => h.replace(/\s+/g, ' ').trim())).toEqual([
      'Dimension', '1 Initial', '2 Managed', '3 Defined', '4 Quantitatively Managed', '5 Optimizing',
    ]);
    await expect.poll(() => mp.matrix.locator('tbody').innerText()).toContain('No dimensions yet');
  });

  it('builds dimensions and their mapping, with the counts following', async () => {
    await mp.addDimension('Leadership', 'رهبری');
    await mp.addDimension('Budget', 'بودجه');
    await mp.addDimension('Tools and platforms', 'ابزار و پلتفرم');
    await mp.map('Leadership', ['رهبری بازاریابی']);
    await expect.poll(() => mp.counts('Leadership')).toBe('1 main category · 2 concepts · 3 final codes');
    await mp.map('Budget', ['بودجه بازاریابی']);
    await mp.map('Tools and platforms', ['ابزار و پلتفرم']);
    await expect.poll(() => mp.counts('Budget')).toBe('1 main category · 2 concepts · 4 final codes');
    await expect.poll(() => mp.counts('Tools and platforms')).toBe('1 main category · 1 concept · 2 final codes');
    // Undo the last mapping with Ctrl+Z, then redo it.
    await app.page.locator('body').click({ position: { x: 5, y: 5 } });
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => mp.counts('Tools and platforms')).toBe('0 main categories · 0 concepts · 0 final codes');
    await app.page.keyboard.press('Control+Shift+z');
    await expect.poll(() => mp.counts('Tools and platforms')).toBe('1 main category · 1 concept · 2 final codes');
    await app.page.evaluate(() => document.fonts.ready);
    await app.page.screenshot({ path: path.join(SHOTS, 'maturity-matrix.png') });
  });

  it('exports the model as JSON that validates against the published schema', async () => {
    const { name, text } = await mp.download('Export model (JSON)');
    expect(name).toBe('Maturity e2e - maturity model.json');
    const json = JSON.parse(text);
    const validate = new Ajv2020({ strict: true }).compile(schema);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.dimensions.map((d: { labelEn: string; counts: { concepts: number } }) => [d.labelEn, d.counts.concepts])).toEqual([
      ['Leadership', 2],
      ['Budget', 2],
      ['Tools and platforms', 1],
    ]);
  });

  it('refuses a bad model file with a clear message and keeps the model', async () => {
    await mp.view.getByTestId('maturity-import-input').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'groundwork.maturity-model', formatVersion: 1, levels: [], dimensions: [] })),
    });
    await app.page.getByRole('alertdialog').getByRole('button', { name: 'Import' }).click();
    const alert = app.page.getByRole('alert').filter({ hasText: 'maturity model file is not valid' });
    await expect.poll(() => alert.innerText()).toContain('at /levels: must NOT have fewer than 3 items');
    await alert.getByRole('button').click();
    await expect.poll(() => mp.matrix.locator('tbody tr').count()).toBe(3);
    app.errors.length = 0; // the refused call is logged by the browser as a failed request
  });

  it('adds a sixth level in the levels editor, and undo takes it away', async () => {
    await mp.tab('Levels');
    await mp.view.getByRole('button', { name: '+ Level' }).click();
    await expect.poll(() => mp.view.locator('.gw-level-card').count()).toBe(6);
    await expect.poll(() => mp.view.getByRole('button', { name: '+ Level' }).isDisabled()).toBe(true);
    await app.page.screenshot({ path: path.join(SHOTS, 'maturity-levels.png') });
    await app.page.locator('body').click({ position: { x: 5, y: 5 } });
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => mp.view.locator('.gw-level-card').count()).toBe(5);
  });

  it('shows the matrix with Persian labels', async () => {
    await mp.labels('Persian labels');
    await expect.poll(() => mp.matrix.locator('thead th').nth(1).innerText()).toContain('اولیه');
    await expect.poll(() => mp.row('Budget').locator('th').innerText()).toContain('بودجه');
    await app.page.evaluate(() => document.fonts.ready);
    await app.page.screenshot({ path: path.join(SHOTS, 'maturity-matrix-fa.png') });
  });
});

describe('self-assessment', () => {
  it('rates items and shows each dimension’s level, the overall level and the radar', async () => {
    await mp.tab('Self-assessment');
    await expect.poll(() => mp.view.locator('.gw-rule').innerText()).toContain('the lowest dimension level');
    await mp.newAssessment('Acme 2026', 'Acme Industrial', '2026-11-01');
    // Leadership: 3 and 4 → 3.50 → level 3. Budget: 2 and not applicable → 2.00 → level 2. Tools: unrated → not determined.
    await mp.rate('چشم‌انداز مدیران', '3. Defined');
    await mp.rate('حمایت مدیریت ارشد', '4. Quantitatively Managed');
    await mp.rate('بودجه سالانه', '2. Managed');
    await mp.rate('سهم دیجیتال از بودجه', 'Not applicable');
    await expect.poll(() => mp.resultLevel('Leadership').innerText()).toBe('3. Defined');
    await expect.poll(() => mp.resultLevel('Budget').innerText()).toBe('2. Managed');
    await expect.poll(() => mp.resultLevel('Tools and platforms').innerText()).toBe('Not determined');
    await expect.poll(() => mp.view.getByTestId('overall-level').innerText()).toMatch(/^Overall level: Not determined · mean score 2\.75/);
    await mp.rate('نرم‌افزار CRM', '5. Optimizing');
    await expect.poll(() => mp.view.getByTestId('overall-level').innerText()).toMatch(/^Overall level: 2\. Managed · mean score 3\.50/);
    const radar = mp.view.getByTestId('radar');
    await expect.poll(() => radar.locator('text.gw-radar-axis').allTextContents()).toEqual(['Leadership', 'Budget', 'Tools and platforms']);
    await expect.poll(() => radar.locator('path').count()).toBe(1);
    await app.page.evaluate(() => document.fonts.ready);
    await mp.view.locator('.gw-assessment-body').screenshot({ path: path.join(SHOTS, 'maturity-radar.png') });
  });

  it('exports the assessment as JSON and as a printable HTML report', async () => {
    await mp.tab('Self-assessment');
    await mp.view.getByLabel('Open assessment').selectOption({ label: 'Acme 2026 (2026-11-01)' });
    await mp.view.locator('.gw-assessment-head h3', { hasText: 'Acme 2026' }).waitFor();
    const json = JSON.parse((await mp.download('Export assessment (JSON)')).text);
    expect(json.assessment).toEqual({ name: 'Acme 2026', organisation: 'Acme Industrial', assessedOn: '2026-11-01' });
    expect(json.overall).toEqual({ level: 2, score: 3.5, notDetermined: 0 });
    const html = await mp.download('Printable report (HTML)');
    expect(html.name).toBe('Acme 2026 - assessment.html');
    expect(html.text).not.toMatch(/<script/i);
    expect(html.text).toContain('Overall level: <strong>2. Managed</strong>');
    // The report opens on its own, without the app, and shows its radar.
    const report = await app.context.newPage();
    await report.setContent(html.text);
    await expect.poll(() => report.locator('svg polygon').count()).toBeGreaterThan(0);
    await expect.poll(() => report.locator('h1').innerText()).toBe('Acme 2026');
    await report.screenshot({ path: path.join(SHOTS, 'maturity-report.png'), fullPage: true });
    await report.emulateMedia({ media: 'print' });
    await report.pdf?.({ path: path.join(SHOTS, 'maturity-report.pdf') }).catch(() => undefined);
    await report.close();
  });

  it('compares two assessments on the radar, with Persian labels', async () => {
    await mp.tab('Self-assessment');
    await mp.newAssessment('Acme 2027', 'Acme Industrial', '2027-06-01');
    for (const [item, level] of [
      ['چشم‌انداز مدیران', '4. Quantitatively Managed'],
      ['حمایت مدیریت ارشد', '4. Quantitatively Managed'],
      ['بودجه سالانه', '3. Defined'],
      ['سهم دیجیتال از بودجه', '4. Quantitatively Managed'],
      ['نرم‌افزار CRM', '5. Optimizing'],
    ]) await mp.rate(item!, level!);
    // Correct the organisation after the fact: saved when the field is left, and shown in the heading.
    await mp.view.locator('.gw-assessment-details summary').click();
    const organisation = mp.view.locator('.gw-assessment-details').getByLabel('Organisation');
    await organisation.fill('Acme Industrial GmbH');
    await organisation.press('Enter');
    await expect.poll(() => mp.view.locator('.gw-assessment-head h3').innerText()).toContain('Acme Industrial GmbH');
    await mp.view.getByLabel('Compare with').selectOption({ label: 'Acme 2026 (2026-11-01)' });
    await expect.poll(() => mp.view.getByTestId('radar').locator('path').count()).toBe(2);
    await expect.poll(() => mp.view.getByTestId('dimension-results').locator('thead th').last().innerText()).toBe('Acme 2026');
    await mp.labels('Persian labels');
    await expect
      .poll(() => mp.view.getByTestId('radar').locator('text.gw-radar-axis').allTextContents())
      .toEqual(['رهبری', 'بودجه', 'ابزار و پلتفرم']);
    await expect.poll(() => mp.view.getByTestId('radar').locator('text.gw-radar-axis').first().getAttribute('direction')).toBe('rtl');
    const font = await mp.view.getByTestId('radar').evaluate((el) => getComputedStyle(el).fontFamily);
    expect(font).toContain('Vazirmatn');
    await app.page.evaluate(() => document.fonts.ready);
    await mp.view.locator('.gw-assessment-body').screenshot({ path: path.join(SHOTS, 'maturity-radar-fa.png') });
    expect(app.errors).toEqual([]);
  });
});
