// Takes the Persian-interface screenshots (`npm run screenshots`): the workspace coding a Persian
// source with the whole interface in Persian and mirrored, and the Table 8 view. The scene is built
// with the English page objects, then the interface is switched to Persian from the top bar.

import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO } from '../../helpers/backend';
import { startApp, type App } from '../harness';
import { LanguageSwitch, persian } from '../pages/language';
import { StartPage } from '../pages/start-page';
import { WorkspacePage } from '../pages/workspace-page';

const OUT = path.join(REPO, 'test/e2e/screenshots');
let app: App;
let ws: WorkspacePage;

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1440, height: 900 } });
  ws = new WorkspacePage(app.page);
  if (process.env.GW_SHOT_START) {
    await new LanguageSwitch(app.page).choose('fa');
    await app.page.evaluate(() => document.fonts.ready);
    await app.page.screenshot({ path: process.env.GW_SHOT_START });
    await new LanguageSwitch(app.page).choose('en');
  }
  await new StartPage(app.page).openExample();
});
afterAll(async () => {
  await app?.close();
});

it('the Persian interface: a Persian source being coded', async () => {
  await ws.openSource('B2B marketing guide (fa)');
  const code = async (phrase: string, label: string, nth = 0) => {
    await ws.select(phrase, { nth });
    await ws.codeWith(label);
  };
  await code('درک و اجرای بازاریابی B2B میتواند چالشبرانگیز باشد', 'چالش‌های بازاریابی B2B');
  await code('بازاریابی B2B', 'تعریف بازاریابی B2B');
  await code('استفاده هوشمندانه از بودجه', 'بودجه بازاریابی');
  await code('ارزشآفرینی', 'خلق ارزش');
  await code('معیارهای سنجش عملکرد', 'شاخص‌های عملکرد');
  await code('فرآیند معرفی محصولات و خدمات یک شرکت به شرکت دیگر', 'تعریف بازاریابی B2B');
  await code('تصمیمگیران سازمانهای هدف', 'مشتری سازمانی');
  await code('شبکههای اجتماعی، موتور جستجو یا ایمیل', 'کانال‌های ارتباطی');
  await ws.newMainCategory('راهبرد بازاریابی B2B');
  await ws.newMainCategory('پیامدها');
  await ws.newSubCategory('پیامدها', 'سنجش عملکرد');
  await ws.fileConcepts(['بودجه بازاریابی', 'کانال‌های ارتباطی', 'خلق ارزش'], 'راهبرد بازاریابی B2B');
  await ws.fileConcepts(['شاخص‌های عملکرد'], 'سنجش عملکرد');
  await ws.assignComponent('راهبرد بازاریابی B2B', 'Strategies');
  await ws.assignComponent('پیامدها', 'Consequences');
  await ws.treeRow('بودجه بازاریابی').first().click();

  await new LanguageSwitch(app.page).choose('fa');
  await ws.select('مشتری سازمانی');
  await app.page.keyboard.press('c');
  await app.page.getByRole('combobox', { name: persian('Concept') }).fill('مشتری');
  await app.page.evaluate(() => document.fonts.ready);
  expect(await app.page.locator('.gw-topbar').innerText()).toContain(persian('Close project'));
  expect(await ws.reader.locator('span.gw-coded').count()).toBeGreaterThan(8);
  await app.page.screenshot({ path: path.join(OUT, 'ui-persian.png') });
  await app.page.keyboard.press('Escape');
  await app.page.keyboard.press('Escape');
});

it('the Persian interface: Table 8', async () => {
  await app.page.getByRole('button', { name: persian('Table 8') }).click();
  const strategies = app.page.locator('tr[data-component="strategies"] td');
  await expect(strategies.allInnerTexts()).resolves.toEqual(['۱', '۳', '۳']);
  await app.page.screenshot({ path: path.join(OUT, 'table8-persian.png') });
});
