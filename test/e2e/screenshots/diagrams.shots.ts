// Takes the README's screenshots of the Diagrams view (`npm run screenshots`): a project whose
// main categories carry Persian names in all six components, drawn as the paradigm model, the
// count cascade and the PRISMA diagram with the study's reported figures; and the exported SVG
// opened on its own in Chromium. Checks only that each scene shows what its caption claims.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO } from '../../helpers/backend';
import { startApp, type App } from '../harness';
import { DiagramsPage } from '../pages/diagrams-page';
import { StartPage } from '../pages/start-page';

const OUT = path.join(REPO, 'test/e2e/screenshots');
let app: App;
let diagrams: DiagramsPage;

/** Main categories by component, each with its concepts and how many passages each concept codes. */
const MODEL: Record<string, Record<string, Record<string, number>>> = {
  causal: {
    'تحولات محیط کسب‌وکار': { 'دیجیتالی شدن بازار': 4, 'تغییر رفتار خریدار سازمانی': 3 },
    'فشار رقابتی بازار B2B': { 'رقابت قیمتی': 2, 'ورود رقبای جدید': 2, 'کالایی شدن محصولات': 1 },
  },
  context: { 'ساختار صنعت و بازار هدف': { 'بازار صنعتی': 2, 'چرخه طولانی فروش': 3 } },
  intervening: { 'محدودیت‌های بودجه بازاریابی B2B': { 'بودجه محدود': 3, 'کمبود نیروی متخصص': 1 } },
  phenomenon: { 'بلوغ بازاریابی B2B': { 'فرآیندهای بازاریابی': 3, 'سنجش عملکرد': 2, 'فناوری بازاریابی': 2 } },
  strategies: {
    'بازاریابی مبتنی بر حساب (ABM)': { 'شناسایی حساب‌های کلیدی': 4, 'پیام شخصی‌سازی‌شده': 2 },
    'هم‌راستایی فروش و بازاریابی': { 'اهداف مشترک': 2, 'توافق‌نامه سطح خدمات': 1 },
    'بازاریابی محتوایی و دیجیتال': { 'تولید محتوای تخصصی': 3, 'سئو و تبلیغات کلیکی': 2 },
  },
  consequences: {
    'رشد درآمد و سهم بازار': { 'افزایش فروش': 3, 'بازگشت سرمایه بازاریابی (ROI)': 2 },
    'وفاداری مشتریان سازمانی': { 'رابطه بلندمدت': 2 },
  },
};

async function buildProject() {
  const concepts = Object.values(MODEL).flatMap((mains) => Object.values(mains).flatMap((c) => Object.entries(c)));
  const text = concepts.map(([label, n]) => Array.from({ length: n }, () => `در این مقاله به ${label} اشاره شده است.`).join('\n')).join('\n');
  const [imported] = await diagrams.call<{ document: { id: number } }[]>('document.import', {
    files: [{ name: 'مقاله نمونه.txt', dataBase64: Buffer.from(text).toString('base64') }],
  });
  const documentId = imported!.document.id;
  for (const [component, mains] of Object.entries(MODEL)) {
    for (const [name, conceptCounts] of Object.entries(mains)) {
      const category = (await diagrams.call<{ id: number }>('category.create', { name })).id;
      const ids: number[] = [];
      for (const [label, n] of Object.entries(conceptCounts)) {
        const id = (await diagrams.call<{ id: number }>('concept.create', { label })).id;
        ids.push(id);
        let at = -1;
        for (let i = 0; i < n; i += 1) {
          at = text.indexOf(label, at + 1);
          await diagrams.call('segment.code', { documentId, start: at, end: at + label.length, conceptId: id });
        }
      }
      await diagrams.call('category.fileConcepts', { categoryId: category, conceptIds: ids });
      await diagrams.call('component.assign', { categoryId: category, component });
    }
  }
}

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1440, height: 900 } });
  diagrams = new DiagramsPage(app.page);
  await new StartPage(app.page).createProject('مرور بازاریابی B2B');
  await buildProject();
});
afterAll(async () => {
  await app?.close();
});

it('the paradigm model with Persian main categories, and the exported SVG on its own', async () => {
  await diagrams.open('Paradigm model');
  await diagrams.paradigm.waitFor();
  expect(await diagrams.texts(diagrams.paradigm)).toContain('بازاریابی مبتنی بر حساب (ABM)');
  await app.page.evaluate(() => document.fonts.ready);
  await app.page.screenshot({ path: path.join(OUT, 'diagrams-paradigm.png') });

  const download = await diagrams.export('SVG');
  const file = path.join(app.home, 'paradigm.svg');
  fs.copyFileSync(await download.path(), file);
  const viewer = await app.context.newPage();
  await viewer.goto(`file://${file}`);
  const [width, height] = await viewer.evaluate(() => ['width', 'height'].map((a) => Number(document.documentElement.getAttribute(a))));
  await viewer.setViewportSize({ width: width!, height: height! });
  await viewer.evaluate(() => document.fonts.ready);
  await viewer.screenshot({ path: path.join(OUT, 'diagrams-paradigm-exported.png') });
  await viewer.close();
});

it('the count cascade', async () => {
  await diagrams.open('Count cascade');
  await diagrams.cascade.waitFor();
  expect(await diagrams.cascade.getByTestId('cascade-value-0').textContent()).toBe('49');
  await app.page.screenshot({ path: path.join(OUT, 'diagrams-cascade.png') });
});

it('the PRISMA diagram with the study’s reported figures', async () => {
  await diagrams.open('Screening (PRISMA)');
  await app.page.getByRole('radio', { name: 'Figures typed in' }).check();
  await app.page.getByRole('textbox', { name: 'Records identified' }).fill('593');
  await app.page.getByRole('textbox', { name: 'Records screened' }).fill('141');
  await app.page.getByRole('textbox', { name: 'Studies included' }).fill('68');
  expect(await diagrams.prisma.getByText('not reported').count()).toBe(4);
  await app.page.screenshot({ path: path.join(OUT, 'diagrams-prisma.png') });
});
