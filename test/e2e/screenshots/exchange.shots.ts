// The README's screenshots of REFI-QDA exchange (`npm run screenshots`): the report of the NVivo
// sample imported into an empty project; the ATLAS.ti standard project (a bare .qde) with what
// could not come in, by reason; the same in the Persian interface; and the export dialog.

import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO } from '../../helpers/backend';
import { REFI, sample } from '../../electron/backend/exchange/samples';
import { startApp, type App } from '../harness';
import { ExchangePage } from '../pages/exchange-page';
import { StartPage } from '../pages/start-page';

const OUT = path.join(REPO, 'test/e2e/screenshots');
let app: App;

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1200, height: 860 } });
});
afterAll(async () => app?.close());

async function shot(file: string) {
  await app.page.evaluate(() => document.fonts.ready);
  await app.page.screenshot({ path: path.join(OUT, file) });
}

it.skipIf(!REFI)('the report of an NVivo project, and of an ATLAS.ti project with parts left out', async () => {
  const exchange = new ExchangePage(app.page);
  await new StartPage(app.page).createProject('From NVivo');
  await exchange.importFile(sample('nvivo-win-12.6_oltas.qdpx'));
  await expect.poll(() => exchange.cameIn('Coded passages')).toEqual(['97', '0']);
  await shot('exchange-import-nvivo.png');
  await exchange.closeReport();
  await exchange.importFile(sample('atlasti-mac-8.4.0_standard-project.qde'));
  await exchange.report.locator('[data-kind="media-source"] summary').click();
  await exchange.report.locator('.gw-exchange-rule summary').click();
  await shot('exchange-import-atlas.png');
  await exchange.closeReport();
});

it.skipIf(!REFI)('the same in the Persian interface, and the export dialog', async () => {
  const url = new URL(app.url);
  url.search = '?lang=fa';
  await app.page.goto(url.href);
  await app.page.locator('html[dir="rtl"]').waitFor();
  await app.page.locator('.gw-topbar').waitFor();
  await app.page.getByTestId('import-input').setInputFiles(sample('qc-1.3.2_demo.qdpx'));
  const report = app.page.locator('.gw-exchange-report');
  await report.getByTestId('exchange-came-in').waitFor();
  await expect.poll(() => report.getByTestId('exchange-came-in').innerText()).toContain('۲۰۵');
  await shot('exchange-import-fa.png');
  await report.locator('.gw-modal-actions button').click();
  await app.page.locator('.gw-topbar button', { hasText: 'خروجی…' }).click();
  await app.page.locator('.gw-export-dialog').waitFor();
  await shot('exchange-export-fa.png');
});
