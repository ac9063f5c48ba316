// The backend's messages in the Persian interface (`npm run screenshots`): an import report with a
// file that failed, a refusal as a toast, the history of the steps taken, and Table 8 under the
// phrase-merged and English-abstract readings with its "why they differ" notes. Checks only that
// each shows what its name says, in Persian.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO } from '../../helpers/backend';
import { startApp, type App } from '../harness';
import { LanguageSwitch, persian } from '../pages/language';

const OUT = path.join(REPO, 'test/e2e/screenshots');
let app: App;

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1440, height: 1000 } });
  await new LanguageSwitch(app.page).choose('fa');
  await app.page.getByRole('button', { name: persian('Open the study') }).click();
  await app.page.locator('.gw-topbar').waitFor();
});
afterAll(async () => {
  await app?.close();
});

const shot = async (name: string) => {
  await app.page.evaluate(() => document.fonts.ready);
  await app.page.screenshot({ path: path.join(OUT, name) });
};

it('Table 8 under phrase-merged concepts and reading C, its notes worded from the figures shown', async () => {
  await app.page.locator('.gw-topbar [data-view="table8"]').click();
  await app.page.locator('fieldset[data-reading="concepts"] label[data-option="merged"] input').click();
  await app.page.locator('fieldset[data-reading="consequences"] label[data-option="C"] input').click();
  const causal = app.page.locator('tr[data-component="causal"] .gw-reason');
  await expect.poll(() => causal.innerText()).toMatch(/^\u2068?مفاهیم [\u2066\u2068]*\+۱/);
  await shot('messages-table8-fa.png');
});

it('an import report with a file that failed, its reason in Persian', async () => {
  await app.page.locator('.gw-topbar [data-view="coding"]').click();
  const good = path.join(app.home, 'یادداشت.txt');
  const bad = path.join(app.home, 'scan.pdf');
  fs.writeFileSync(good, 'یادداشتی کوتاه برای آزمودن گزارش ورود.');
  fs.writeFileSync(bad, 'not a PDF at all');
  await app.page.getByTestId('import-input').setInputFiles([good, bad]);
  const failed = app.page.locator('.gw-import-report li[data-stage="failed"]');
  await expect.poll(() => failed.innerText()).toContain('این فایل \u2068PDF\u2069 نیست');
  await shot('messages-import-fa.png');
  await app.page.locator('.gw-import-report').getByRole('button', { name: persian('OK') }).click();
});

it('a refusal as a toast, in Persian', async () => {
  for (let i = 0; i < 2; i += 1) {
    await app.page.getByRole('button', { name: persian('+ Category') }).click();
    await app.page.getByRole('textbox', { name: persian('Name of the new category') }).fill('آزمون پیام‌ها');
    await app.page.keyboard.press('Enter');
  }
  const toast = app.page.locator('.gw-toast-error');
  await expect.poll(() => toast.innerText()).toContain('از پیش در میان مقوله‌های اصلی وجود دارد');
  await shot('messages-toast-fa.png');
});

it('the history of the steps taken, in Persian', async () => {
  await app.page.getByRole('button', { name: persian('History'), exact: true }).click();
  const history = app.page.getByRole('dialog', { name: persian('History') });
  await expect.poll(() => history.innerText()).toContain('شمارش با خوانش');
  await shot('messages-history-fa.png');
  await app.page.keyboard.press('Escape');
});

it('a project file refused on the start screen, in Persian: the file named as it is, the byte in Persian digits', async () => {
  await app.page.getByRole('button', { name: persian('Close project') }).click();
  const damaged = path.join(app.home, 'آسیب‌دیده.groundwork');
  const example = fs.readdirSync(app.home).find((f) => f.endsWith('.groundwork'))!;
  fs.writeFileSync(damaged, fs.readFileSync(path.join(app.home, example)).subarray(0, 4096 * 3));
  await app.page.getByRole('textbox', { name: persian('Path to a project file') }).fill(damaged);
  await app.page.locator('.gw-start form.gw-row button[type="submit"]').click();
  const toast = app.page.locator('.gw-toast-error').last();
  await expect.poll(() => toast.innerText()).toContain('در بایت ۱۲۲۸۸ بریده شده است');
  await shot('messages-file-refused-fa.png');
});
