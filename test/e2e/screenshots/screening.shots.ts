// Takes the corpus screenshots (`npm run screenshots`): the Screening view with its live PRISMA
// figures, in English and with Persian interface labels, and the Sources panel with the records'
// attributes. Checks only that each scene shows what its caption claims.

import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EXAMPLES, REPO } from '../../helpers/backend';
import { startApp, type App } from '../harness';
import { ScreeningPage } from '../pages/screening-page';
import { StartPage } from '../pages/start-page';
import { WorkspacePage } from '../pages/workspace-page';

const OUT = path.join(REPO, 'test/e2e/screenshots');
const BIB = (name: string) => path.join(REPO, 'fixtures/bibliography', name);
let app: App;
let ws: WorkspacePage;
let sp: ScreeningPage;

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1440, height: 900 } });
  ws = new WorkspacePage(app.page);
  sp = new ScreeningPage(app.page);
  await new StartPage(app.page).createProject('B2B marketing review');
  await ws.importFiles(['Account-based marketing (fa).txt', 'B2B marketing attribution (ar).txt', 'Study abstract (en).txt', 'B2B marketing guide (fa).txt'].map((f) => path.join(EXAMPLES, f)));
  await ws.importFiles([BIB('zotero.ris'), BIB('zotero.bib'), BIB('endnote-bom.ris'), BIB('zotero-persian.csv')]);
});
afterAll(async () => {
  await app?.close();
});

it('Screening view with live PRISMA figures', async () => {
  await sp.open();
  await sp.press('استراتژی بازاریابی مبتنی بر حساب', 'i');
  await sp.press('Providing a Business-to-Business', 'i');
  await sp.press('مارکتینگ B2B چیست', 'a', 'a');
  await sp.press('إسناد تسویق B2B', 'x', '1');
  await sp.press('Discovery of Grounded Theory', 'a', 'x', '4');
  await sp.press('Strategy archetypes', 'a');
  await sp.press('A maturity assessment approach');
  await expect.poll(async () => (await sp.prisma()).included).toBe(2);
  await app.page.screenshot({ path: path.join(OUT, 'screening.png') });
});

it('Screening view with Persian labels', async () => {
  await app.page.goto(app.url.replace('/#', '/?lang=fa#'));
  await sp.open('غربالگری');
  await sp.press('Strategy archetypes');
  await app.page.evaluate(() => document.fonts.ready);
  expect(await app.page.locator('[data-prisma="identified"] span').innerText()).toBe('رکوردهای شناسایی‌شده');
  await app.page.screenshot({ path: path.join(OUT, 'screening-fa.png') });
});

it('Sources panel with record attributes and a record without full text', async () => {
  await app.page.goto(app.url);
  await app.page.locator('.gw-topbar').waitFor();
  await app.page.getByTestId('show-all-sources').check();
  await app.page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: /Study abstract/ }).click();
  await ws.reader.locator('p.gw-para').first().waitFor();
  expect(await app.page.locator('.gw-source-row.gw-no-text').count()).toBeGreaterThan(5);
  await app.page.screenshot({ path: path.join(OUT, 'sources-records.png') });
});
