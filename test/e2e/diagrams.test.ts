// The Diagrams view in Chromium: the paradigm model drawn from a project with main categories in
// several components (one Persian), a passage coded in the coding view raising the count in the
// diagram, SVG and PNG exports that stand alone, the count cascade, and the PRISMA diagram with
// the study's 593 → 141 → 68 and "not reported" where the study is silent.

import fs from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { DiagramsPage } from './pages/diagrams-page';
import { newProject } from './pages/fresh-project';
import { StartPage } from './pages/start-page';
import { WorkspacePage } from './pages/workspace-page';

let app: App;
let ws: WorkspacePage;
let diagrams: DiagramsPage;
const SHOTS = process.env.DIAGRAM_SHOTS; // a folder to keep screenshots in while developing

const SOURCE = [
  'بازاریابی B2B در بازارهای صنعتی با فشار رقابت و جنگ قیمت روبه‌رو است.',
  'شرکت‌ها بودجه بازاریابی را به کانال‌های دیجیتال می‌برند و بودجه را با دقت تقسیم می‌کنند.',
  'Marketing automation and digital readiness decide how mature the marketing function is.',
  'The outcome is revenue growth for the firm.',
].join('\n');

const call = <T>(method: string, input: unknown) => diagrams.call<T>(method, input);

async function buildProject() {
  const [imported] = await call<{ document: { id: number } }[]>('document.import', {
    files: [{ name: 'Industrial marketing (fa).txt', dataBase64: Buffer.from(SOURCE).toString('base64') }],
  });
  const documentId = imported!.document.id;
  const concept = async (label: string) => (await call<{ id: number }>('concept.create', { label })).id;
  const category = async (name: string, parentId: number | null = null) => (await call<{ id: number }>('category.create', { name, parentId })).id;
  const code = async (conceptId: number, phrase: string, nth = 0) => {
    let at = -1;
    for (let i = 0; i <= nth; i += 1) at = SOURCE.indexOf(phrase, at + 1);
    await call('segment.code', { documentId, start: at, end: at + phrase.length, conceptId });
  };
  const file = (categoryId: number, conceptIds: number[]) => call('category.fileConcepts', { categoryId, conceptIds });
  const place = (categoryId: number, component: string) => call('component.assign', { categoryId, component });

  const competition = await concept('competition');
  const priceWar = await concept('جنگ قیمت');
  const budget = await concept('بودجه');
  const channels = await concept('digital channels');
  const automation = await concept('automation');
  const revenue = await concept('revenue growth');
  await code(competition, 'فشار رقابت');
  await code(competition, 'بازارهای صنعتی');
  await code(priceWar, 'جنگ قیمت');
  await code(budget, 'بودجه بازاریابی');
  await code(channels, 'کانال‌های دیجیتال');
  await code(automation, 'Marketing automation');
  await code(revenue, 'revenue growth');

  const pressure = await category('Market pressure');
  await file(pressure, [competition, priceWar]);
  await place(pressure, 'causal');
  const maturity = await category('B2B marketing maturity');
  const readiness = await category('Digital readiness', maturity);
  await file(readiness, [automation]);
  await place(maturity, 'phenomenon');
  const persian = await category('بودجه بازاریابی B2B');
  await file(persian, [budget, channels]);
  await place(persian, 'strategies');
  const industry = await category('Industry structure');
  await place(industry, 'context');
  const growth = await category('Growth');
  await file(growth, [revenue]);
  await place(growth, 'consequences');
  await category('Loose ends');
}

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1440, height: 900 } });
  ws = new WorkspacePage(app.page);
  diagrams = new DiagramsPage(app.page);
  await new StartPage(app.page).createProject('Diagrams test');
});
// Each test draws its own project, built anew through the backend.
beforeEach(async () => {
  await newProject(app.page, 'Diagrams test');
  await buildProject();
  await ws.treeRow('Loose ends').waitFor();
});
afterAll(async () => {
  await app?.close();
});

const shot = async (name: string) => {
  if (SHOTS) await app.page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
};

describe('diagrams', () => {
  it('draws the paradigm model with the six components and their counts', async () => {
    await diagrams.open('Paradigm model');
    await diagrams.paradigm.waitFor();
    const texts = await diagrams.texts(diagrams.paradigm);
    for (const label of ['Causal conditions', 'Context', 'Intervening conditions', 'Core phenomenon', 'Strategies', 'Consequences']) {
      expect(texts).toContain(label);
    }
    const figures = (key: string) => diagrams.paradigm.getByTestId(`paradigm-figures-${key}`).allTextContents().then((t) => t.join(' '));
    await expect.poll(() => figures('causal')).toBe('1 main category · 2 concepts · 3 final codes');
    await expect.poll(() => figures('phenomenon')).toBe('1 main category · 1 concept · 1 final code');
    await expect.poll(() => figures('strategies')).toBe('1 main category · 2 concepts · 2 final codes');
    await expect.poll(() => figures('intervening')).toBe('0 main categories · 0 concepts · 0 final codes');
    await expect.poll(() => diagrams.paradigm.getByTestId('paradigm-empty-intervening').textContent()).toBe('No main category yet');
    expect(texts).toContain('بودجه بازاریابی B2B');
    expect(texts).toContain('2 · 2');
    // The Persian label is drawn right to left.
    const persian = diagrams.paradigm.locator('text', { hasText: 'بودجه بازاریابی B2B' });
    await expect.poll(() => persian.getAttribute('direction')).toBe('rtl');
    await shot('paradigm-en');
  });

  it('opens a main category in the code system when its name in the diagram is clicked', async () => {
    await diagrams.open('Paradigm model');
    await diagrams.paradigm.getByRole('link', { name: 'Market pressure' }).click();
    await ws.inspector.getByText('Market pressure').first().waitFor();
    await expect.poll(() => ws.treeRow('Market pressure').first().getAttribute('aria-selected')).toBe('true');
  });

  it('shows a passage coded in the coding view in the diagram', async () => {
    await ws.backToCoding();
    await ws.openSource('Industrial marketing (fa)');
    await ws.select('بودجه را');
    await ws.codeWith('بودجه');
    await diagrams.open('Paradigm model');
    await expect
      .poll(() => diagrams.paradigm.getByTestId('paradigm-figures-strategies').allTextContents().then((t) => t.join(' ')))
      .toBe('1 main category · 2 concepts · 3 final codes');
    await expect.poll(() => diagrams.texts(diagrams.paradigm)).toContain('2 · 3');
  });

  it('exports a standalone SVG with the labels, the Persian label and the font', async () => {
    await diagrams.open('Paradigm model');
    await diagrams.paradigm.waitFor();
    const download = await diagrams.export('SVG');
    expect(download.suggestedFilename()).toMatch(/^Diagrams test \d+ - paradigm model\.svg$/);
    const file = await download.path();
    const svg = fs.readFileSync(file, 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    for (const label of ['Causal conditions', 'Core phenomenon', 'Strategies', 'Consequences', 'Context', 'Intervening conditions', 'بودجه بازاریابی B2B']) {
      expect(svg).toContain(`>${label}<`);
    }
    expect(svg).toContain("@font-face { font-family: 'Vazirmatn'; src: url(data:font/woff2;base64,");
    expect(svg).toMatch(/<text[^>]*direction="rtl"[^>]*>بودجه بازاریابی B2B<\/text>/);

    // Opened on its own in the browser, the Persian label is drawn with Vazirmatn's joined letters.
    const copy = path.join(app.home, 'exported.svg');
    fs.copyFileSync(file, copy);
    const viewer = await app.context.newPage();
    await viewer.goto(`file://${copy}`);
    const drawn = await viewer.evaluate(async () => {
      await document.fonts.ready;
      const text = [...document.querySelectorAll('text')].find((t) => t.textContent === 'بودجه بازاریابی B2B') as SVGTextElement;
      const loaded = [...document.fonts].filter((f) => f.family.replace(/["']/g, '') === 'Vazirmatn' && f.status === 'loaded').length;
      return { loaded, width: text.getComputedTextLength() };
    });
    // The embedded font is the one used (no system font stands in for it), and the label has width.
    expect(drawn.loaded).toBe(1);
    expect(drawn.width).toBeGreaterThan(60);
    if (SHOTS) {
      const box = await viewer.evaluate(() => [document.documentElement.getAttribute('width'), document.documentElement.getAttribute('height')].map(Number));
      await viewer.setViewportSize({ width: box[0]!, height: box[1]! });
      await viewer.screenshot({ path: path.join(SHOTS, 'exported-svg.png') });
    }
    await viewer.close();
  });

  it('exports a PNG at twice the drawing size', async () => {
    await diagrams.open('Paradigm model');
    await diagrams.paradigm.waitFor();
    const size = await diagrams.paradigm.evaluate((svg) => [Number(svg.getAttribute('width')), Number(svg.getAttribute('height'))]);
    const download = await diagrams.export('PNG');
    expect(download.suggestedFilename()).toMatch(/^Diagrams test \d+ - paradigm model\.png$/);
    const png = fs.readFileSync(await download.path());
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size[0]! * 2, size[1]! * 2]);
    expect(png.length).toBeGreaterThan(20_000);
    if (SHOTS) fs.copyFileSync(await download.path(), path.join(SHOTS, 'exported.png'));
  });

  it('draws the count cascade with the totals and which main categories feed which component', async () => {
    await diagrams.open('Count cascade');
    await diagrams.cascade.waitFor();
    const values = () => Promise.all([0, 1, 2, 3].map((i) => diagrams.cascade.getByTestId(`cascade-value-${i}`).textContent()));
    await expect.poll(values).toEqual(['7', '6', '5', '5']);
    await expect
      .poll(() => diagrams.cascade.getByTestId('cascade-category').allTextContents())
      .toEqual(['Market pressure', 'Industry structure', 'B2B marketing maturity', 'بودجه بازاریابی B2B', 'Growth']);
    await expect.poll(() => diagrams.cascade.getByTestId('cascade-category-counts').allTextContents()).toEqual(['2 · 3', '0 · 0', '1 · 1', '2 · 2', '1 · 1']);
    await expect.poll(() => diagrams.cascade.getByTestId('cascade-unassigned').allTextContents()).toEqual(['Loose ends']);
    await shot('cascade-en');
    const download = await diagrams.export('SVG');
    expect(XMLValidator.validate(fs.readFileSync(await download.path(), 'utf8'))).toBe(true);
  });

  it('draws the PRISMA diagram from the study’s figures, with "not reported" where it is silent', async () => {
    await diagrams.open('Screening (PRISMA)');
    // A project with sources has live figures (each source imported on its own is an included
    // record); they are drawn first. The study's figures are typed in here.
    const live = app.page.getByRole('radio', { name: 'Live screening counts' });
    await expect.poll(() => live.isChecked()).toBe(true);
    await diagrams.prisma.waitFor();
    const identified = await diagrams.prisma.getByTestId('prisma-identified').textContent();
    await expect.poll(() => diagrams.prisma.getByTestId('prisma-included').textContent()).toBe(identified);
    await app.page.getByRole('radio', { name: 'Figures typed in' }).check();
    const field = (name: string) => app.page.getByRole('textbox', { name });
    await field('Records identified').fill('593');
    await field('Records screened').fill('141');
    await field('Studies included').fill('68');
    await diagrams.prisma.waitFor();
    await expect.poll(() => diagrams.prisma.getByTestId('prisma-identified').textContent()).toBe('(n = 593)');
    await expect.poll(() => diagrams.prisma.getByTestId('prisma-screened').textContent()).toBe('(n = 141)');
    await expect.poll(() => diagrams.prisma.getByTestId('prisma-included').textContent()).toBe('(n = 68)');
    for (const silent of ['duplicates', 'excluded-screening', 'assessed', 'excluded-eligibility']) {
      await expect.poll(() => diagrams.prisma.getByTestId(`prisma-${silent}-not-reported`).textContent()).toBe('not reported');
    }
    await field('Records screened').fill('14x');
    await app.page.getByRole('alert').waitFor();
    await expect.poll(() => diagrams.prisma.getByTestId('prisma-screened-not-reported').count()).toBe(1);
    await field('Records screened').fill('141');
    // The typed figures survive a visit to another tab; reasons for exclusion are listed.
    await diagrams.open('Paradigm model');
    await diagrams.open('Screening (PRISMA)');
    await expect.poll(() => diagrams.prisma.getByTestId('prisma-screened').textContent()).toBe('(n = 141)');
    await app.page.getByRole('textbox', { name: /^Reports excluded/ }).fill('Not about B2B marketing: 9\nNo full text: 4');
    await expect
      .poll(() => diagrams.prisma.getByTestId('prisma-excluded-reason').allTextContents())
      .toEqual(['Not about B2B marketing (n = 9)', 'No full text (n = 4)']);
    await app.page.getByRole('textbox', { name: /^Reports excluded/ }).fill('');
    await shot('prisma-en');
    const download = await diagrams.export('PNG');
    expect(download.suggestedFilename()).toMatch(/^Diagrams test \d+ - PRISMA flow diagram\.png$/);
    expect(app.errors, app.errors.join('\n')).toEqual([]);
  });
});
