// The README's screenshots of the study (`npm run screenshots`): Table 8 beside the reported
// figures with the readings, and Table 7 in Persian labels. Checks only what each caption claims.

import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO } from '../../helpers/backend';
import { startApp, type App } from '../harness';
import { StudyPage } from '../pages/study-page';

const OUT = path.join(REPO, 'test/e2e/screenshots');
let app: App;
let study: StudyPage;

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1440, height: 1250 } });
  study = new StudyPage(app.page);
  await study.open();
});
afterAll(async () => {
  await app?.close();
});

it('Table 8 of the study beside the reported figures, with the readings', async () => {
  await study.labelLanguage('en');
  await study.showTable8();
  await study.chooseReading('consequences', 'B');
  await expect.poll(() => app.page.locator('fieldset[data-reading="consequences"] label[data-option="B"] input').isChecked()).toBe(true);
  expect(await study.figures('total', 'concepts')).toMatchObject({ reproduced: 354, reported: 331 });
  await app.page.evaluate(() => document.fonts.ready);
  await app.page.screenshot({ path: path.join(OUT, 'study-table8.png') });
});

it('Table 7 in Persian labels', async () => {
  await study.labelLanguage('fa');
  await study.showTable7();
  await expect.poll(() => study.table7Rows().count()).toBe(48);
  await app.page.evaluate(() => document.fonts.ready);
  await app.page.screenshot({ path: path.join(OUT, 'study-table7-fa.png') });
  await study.labelLanguage('en');
});

it('coding a corpus article with the study codebook: twins told apart by their codes', async () => {
  const { WorkspacePage } = await import('../pages/workspace-page');
  const ws = new WorkspacePage(app.page);
  await study.labelLanguage('fa');
  await ws.backToCoding();
  await ws.openSource('Account-based marketing (fa)');
  await ws.select('شاخص های ارزیابی موفقیت');
  await app.page.keyboard.press('c');
  await app.page.getByRole('combobox', { name: 'Concept' }).fill('مهارت');
  await expect.poll(() => app.page.locator('.gw-picker-list li .gw-code.gw-strong').count()).toBe(2);
  await app.page.evaluate(() => document.fonts.ready);
  await app.page.screenshot({ path: path.join(OUT, 'study-coding-fa.png') });
  await app.page.keyboard.press('Escape');
  await app.page.keyboard.press('Escape');
  await study.labelLanguage('en');
});
