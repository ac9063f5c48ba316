// The README's screenshot of the import panel (`npm run screenshots`): a folder of mixed formats
// being imported, each file with its progress row, a failed file with its reason; in English and
// with the Persian interface (`?lang=fa`). Each import call is held back a little so the panel is
// caught midway.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO, tempDir } from '../../helpers/backend';
import { startApp, type App } from '../harness';
import { StartPage } from '../pages/start-page';

const OUT = path.join(REPO, 'test/e2e/screenshots');
const FIXTURES = path.join(REPO, 'fixtures/import');
let app: App;
let corpus: string;

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1200, height: 760 } });
  corpus = path.join(tempDir('groundwork-shots-'), 'corpus');
  fs.mkdirSync(corpus, { recursive: true });
  for (const f of ['persian.pdf', 'persian.docx', 'english-two-columns.pdf', 'corrupt.pdf', 'encrypted.pdf', 'zip-bomb.docx', 'hostile-page.html']) {
    fs.copyFileSync(path.join(FIXTURES, f), path.join(corpus, f));
  }
  fs.copyFileSync(path.join(REPO, 'fixtures/example/B2B marketing guide (fa).txt'), path.join(corpus, 'B2B marketing guide (fa).txt'));
  fs.copyFileSync(path.join(REPO, 'fixtures/example/Study abstract (en).txt'), path.join(corpus, 'Study abstract (en).txt'));
  fs.writeFileSync(path.join(corpus, 'cover.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
});
afterAll(async () => {
  await app?.close();
  if (corpus) fs.rmSync(path.dirname(corpus), { recursive: true, force: true });
});

async function shoot(file: string, heading: RegExp) {
  const { page } = app;
  await page.route('**/api/call', async (route) => {
    if (route.request().postData()?.includes('"document.import"')) await new Promise((r) => setTimeout(r, 700));
    await route.continue().catch(() => undefined);
  });
  await page.getByTestId('import-folder-input').setInputFiles(corpus);
  const dialog = page.getByRole('dialog');
  // Caught when the failed files near the top have their reasons and the rest is still going.
  await expect.poll(() => dialog.locator('li[data-stage="imported"], li[data-stage="failed"]').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(6);
  await expect.poll(() => dialog.locator('h2').innerText()).toMatch(heading);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(OUT, file) });
  await page.unroute('**/api/call');
  await dialog.locator('h2').filter({ hasNotText: heading }).waitFor({ timeout: 60_000 });
}

it('import progress, English', async () => {
  await new StartPage(app.page).createProject('Review corpus');
  await shoot('import-progress.png', /^Importing: \d+ of 10 files$/);
});

it('a PDF in the reader, with its page markers', async () => {
  const { page } = app;
  await page.getByRole('dialog').getByRole('button').click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.getByRole('listbox').first().getByRole('option', { name: /english-two-columns/ }).click();
  const second = page.locator('p.gw-para[data-page]').nth(1);
  await second.scrollIntoViewIfNeeded();
  expect(await second.getAttribute('data-page')).toMatch(/2/);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(OUT, 'import-pdf-pages.png') });
});

it('import progress, Persian interface', async () => {
  await app.page.getByRole('button', { name: 'Close project' }).click();
  await new StartPage(app.page).createProject('پیکرهٔ مرور');
  // The same project, reopened in the Persian interface (`?lang=fa`).
  const url = new URL(app.url);
  url.search = '?lang=fa';
  await app.page.goto(url.href);
  await app.page.locator('html[dir="rtl"]').waitFor();
  await app.page.locator('.gw-topbar').waitFor();
  await shoot('import-progress-fa.png', /^در حال وارد کردن: \u2066?\p{Nd}+\u2069? از \u2066?۱۰\u2069? فایل$/u);
});
