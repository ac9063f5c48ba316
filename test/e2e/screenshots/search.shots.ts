// Takes the README's search screenshots (`npm run screenshots`): a Persian search of the example
// project, with the interface in English and in Persian (the Persian one needs the interface
// language switch, remembered under groundwork.interfaceLanguage), and the word frequencies.

import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO } from '../../helpers/backend';
import { startApp, type App } from '../harness';
import { SearchPage } from '../pages/search-page';
import { StartPage } from '../pages/start-page';

const OUT = path.join(REPO, 'test/e2e/screenshots');
let app: App;

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1440, height: 900 } });
  await new StartPage(app.page).openExample();
});
afterAll(async () => {
  await app?.close();
});

async function persianSearch(file: string) {
  const search = new SearchPage(app.page);
  // By the source's name only, so the same steps run with the interface in Persian.
  await app.page.getByRole('option', { name: 'B2B marketing guide (fa)' }).click();
  await app.page.locator('p.gw-para').first().waitFor();
  const summary = await search.search('کسب\u200Cوکار');
  expect(summary).toMatch(/\p{Nd}/u);
  await search.lines().nth(2).click();
  await app.page.evaluate(() => document.fonts.ready);
  await app.page.waitForTimeout(1800); // the flash fades
  expect(await search.hits().count()).toBeGreaterThan(10);
  await app.page.screenshot({ path: path.join(OUT, file) });
}

it('a Persian search, English interface', async () => {
  await persianSearch('search-persian.png');
});

it('word frequencies', async () => {
  await app.page.getByRole('button', { name: 'Word frequencies' }).click();
  await app.page.locator('.gw-wordfreq-chart rect').first().waitFor();
  await app.page.evaluate(() => document.fonts.ready);
  await app.page.screenshot({ path: path.join(OUT, 'word-frequencies.png') });
});

it('a Persian search, Persian interface', async () => {
  await app.page.evaluate(() => localStorage.setItem('groundwork.interfaceLanguage', 'fa'));
  await app.page.reload();
  await app.page.locator('.gw-topbar').waitFor();
  const rtl = await app.page.evaluate(() => document.documentElement.dir === 'rtl');
  if (!rtl) return; // this build has no interface language switch yet
  await persianSearch('search-persian-fa.png');
});
