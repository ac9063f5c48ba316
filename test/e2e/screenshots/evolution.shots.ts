// The README's screenshots of extending the study (`npm run screenshots`): the change view and
// the saturation curve, in English and in Persian, and the analysis views. The study's four
// corpus articles are coded first (through the API, for speed), a baseline is frozen, the English
// abstract comes in as a new wave and is coded in the reader. Checks only what each caption claims.

import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EXAMPLES, REPO } from '../../helpers/backend';
import { startApp, type App } from '../harness';
import { EvolutionPage } from '../pages/evolution-page';
import { LanguageSwitch, persian } from '../pages/language';
import { StudyPage } from '../pages/study-page';
import { WorkspacePage } from '../pages/workspace-page';

const OUT = path.join(REPO, 'test/e2e/screenshots');
let app: App;
let ws: WorkspacePage;
let evo: EvolutionPage;
let study: StudyPage;

const shot = async (name: string) => {
  await app.page.evaluate(() => document.fonts.ready);
  await app.page.screenshot({ path: path.join(OUT, name) });
};

/** The first wave's passages: source, word, which occurrence, study concept code. */
const FIRST_WAVE: [string, string, number, string][] = [
  ['B2B marketing guide (fa)', 'بودجه', 0, 'D1.C04.02'],
  ['B2B marketing guide (fa)', 'محتوا', 0, 'D3.C01.04'],
  ['B2B marketing guide (fa)', 'استراتژی', 0, 'D6.C01.01'],
  ['B2B marketing guide (fa)', 'KPI', 0, 'D5.C01.07'],
  ['Account-based marketing (fa)', 'استراتژی', 0, 'D6.C01.01'],
  ['Account-based marketing (fa)', 'مشتری', 0, 'D6.C01.03'],
  ['Account-based marketing (fa)', 'داده', 0, 'D2.C01.07'],
  ['Account-based marketing (fa)', 'محتوا', 0, 'D3.C01.04'],
  ['B2B marketing attribution (ar)', 'التسويق', 0, 'D3.C10.05'],
  ['B2B marketing attribution (ar)', 'العملاء', 0, 'D6.C01.03'],
  ['B2B marketing attribution (ar)', 'أداء', 0, 'D5.C01.07'],
  ['Sales and marketing alignment (fa)', 'KPI', 0, 'D5.C01.07'],
  ['Sales and marketing alignment (fa)', 'بودجه', 0, 'D1.C04.02'],
  ['Sales and marketing alignment (fa)', 'مشتری', 0, 'D6.C01.03'],
];

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1440, height: 1000 } });
  ws = new WorkspacePage(app.page);
  evo = new EvolutionPage(app.page);
  study = new StudyPage(app.page);
  await study.open();
  type Doc = { id: number; name: string };
  const documents = await evo.call<Doc[]>('document.list', {});
  const { concepts } = await evo.call<{ concepts: { id: number; code: string | null }[] }>('codebook.get', {});
  for (const [name, word, nth, code] of FIRST_WAVE) {
    const doc = documents.find((d) => d.name === name)!;
    const { text } = await evo.call<{ text: string }>('document.get', { id: doc.id });
    let at = -1;
    for (let i = 0; i <= nth; i += 1) at = text.indexOf(word, at + 1);
    await evo.call('segment.code', { documentId: doc.id, start: at, end: at + word.length, conceptId: concepts.find((c) => c.code === code)!.id });
  }
  await evo.open();
  await evo.freeze('Before the new wave');
  await ws.backToCoding();
  await ws.importFiles([path.join(EXAMPLES, 'Study abstract (en).txt')]);
  await evo.open();
  await evo.newWaveOfLatestBatch('New literature, 2022–2026');
  await ws.backToCoding();
  await ws.openSource('Study abstract (en)');
  const code = async (phrase: string, label: string, first?: string) => {
    await ws.select(phrase);
    await app.page.keyboard.press('c');
    const input = app.page.getByRole('combobox', { name: 'Concept' });
    await input.fill(label);
    if (first) await app.page.locator('.gw-picker-list li').first().filter({ hasText: first }).waitFor();
    await input.press('Enter');
    await app.page.locator('.gw-coding-bar').waitFor({ state: 'detached' });
  };
  await code('B2B marketing budget', 'بودجه بازاریابی دیجیتال', 'D1.C04.02');
  await code('digital / non-digital strategy', 'سند رسمی استراتژی بازاریابی', 'D6.C01.01');
  await code('increasing customer satisfaction', 'وجود اطلاعات مشتریان', 'D6.C01.03');
  await code('achieving a stable position among rival industrial companies', 'Stable position among rivals');
  await ws.newMainCategory('Competitive positioning');
  await ws.fileConcepts(['Stable position among rivals'], 'Competitive positioning');
  await ws.assignComponent('Competitive positioning', 'Consequences');
  await study.labelLanguage('en');
});
afterAll(async () => {
  await app?.close();
});

it('the change view: what the new wave changed since the baseline', async () => {
  await evo.open();
  await evo.compareWith('baseline', 'Before the new wave');
  await expect.poll(() => evo.report.getByTestId('summary-new-concepts').innerText()).toBe('1 new concept');
  expect(await evo.report.getByTestId('summary-grown').innerText()).toBe('3 concepts with more passages');
  await shot('evolution-change.png');
  await evo.diagram.scrollIntoViewIfNeeded();
  await evo.page.locator('h3', { hasText: 'The paradigm model, with what changed marked' }).evaluate((h) => h.scrollIntoView());
  await shot('evolution-diagram.png');
});

it('the saturation curve with its stopping rule', async () => {
  await evo.openSaturation();
  const bar = evo.page.getByRole('region', { name: 'Saturation' });
  await bar.getByLabel('Stopping rule').selectOption('share-new');
  await bar.getByLabel('k (sources)').fill('2');
  await bar.getByLabel('p (%)').fill('20');
  await expect.poll(() => evo.page.getByTestId('saturation-verdict').innerText()).toBe(
    '8 concepts from 5 sources; the stopping rule is met at source 4 (Sales and marketing alignment (fa)).',
  );
  await evo.saturation.scrollIntoViewIfNeeded();
  await shot('saturation.png');
});

it('the analysis views: source × concept as a heat map, co-occurrence', async () => {
  await evo.openAnalysis('Source × concept');
  await evo.page.getByLabel('Columns').selectOption('category');
  await evo.page.getByTestId('matrix').waitFor();
  await shot('analysis-matrix.png');
  await evo.openAnalysis('Co-occurrence');
  await evo.page.getByLabel('Two concepts co-occur when').selectOption('paragraph');
  await evo.page.getByTestId('chord-diagram').waitFor();
  await evo.page.getByTestId('chord-diagram').evaluate((svg) => svg.scrollIntoView({ block: 'end' }));
  await shot('analysis-cooccurrence.png');
});

it('the same in Persian, with Persian labels', async () => {
  await study.labelLanguage('fa');
  await new LanguageSwitch(app.page).choose('fa');
  await app.page.getByRole('button', { name: persian('What changed'), exact: true }).click();
  await expect.poll(() => evo.report.getByTestId('summary-new-concepts').innerText()).toBe('۱ مفهوم تازه');
  await shot('evolution-change-fa.png');
  await app.page.getByRole('button', { name: persian('Saturation'), exact: true }).click();
  await expect
    .poll(async () => (await evo.page.getByTestId('saturation-verdict').innerText()).replace(/[\u2066-\u2069]/g, ''))
    .toBe('۸ مفهوم از ۵ منبع؛ قاعدهٔ توقف در منبع ۴، «Sales and marketing alignment (fa)»، برقرار شد.');
  await evo.saturation.scrollIntoViewIfNeeded();
  await shot('saturation-fa.png');
});
