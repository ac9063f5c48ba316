// A walk through every view of the app, the same in English and Persian: the start screen, the
// study's workspace with a source open, the history popover, a confirmation dialog, the search
// panel with hits, screening, word frequencies, Table 7, Table 8 under readings chosen (its notes
// worded from them), each diagram, the maturity matrix, levels and self-assessment, the import
// report with a file that failed, and the history with the steps taken. At each stop, once the
// view shows what it should, `visit(name)` runs (an accessibility check, a text check).

import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { persian } from './language';

export type Visit = (stop: string) => Promise<void>;

export async function walkViews(page: Page, language: 'en' | 'fa', dir: string, visit: Visit) {
  const tr = (english: string) => (language === 'fa' ? persian(english) : english);
  const view = async (key: string, ready: string) => {
    await page.locator(`.gw-topbar [data-view="${key}"]`).click();
    await page.locator(ready).first().waitFor();
  };

  await page.getByRole('button', { name: tr('Open the study') }).waitFor();
  await visit('start screen');

  await page.getByRole('button', { name: tr('Open the study') }).click();
  await page.locator('.gw-topbar').waitFor();
  const sources = page.getByRole('listbox', { name: tr('Sources') });
  await sources.getByRole('option').first().click();
  await page.locator('.gw-reader-body p.gw-para').first().waitFor();
  await page.locator('.gw-tree-concept').first().click();
  await page.locator('.gw-inspector h2, .gw-inspector h3').first().waitFor();
  await visit('coding');

  await page.getByRole('button', { name: tr('History'), exact: true }).click();
  await page.getByRole('dialog', { name: tr('History') }).waitFor();
  // Its limits setting too: the kept steps and days, read from the project.
  await page.getByRole('dialog', { name: tr('History') }).locator('.gw-history-limits input').first().waitFor();
  await visit('history');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: tr('History') }).waitFor({ state: 'detached' });

  await page.locator('.gw-tree-concept').first().click();
  await page.keyboard.press('Delete');
  await page.getByRole('alertdialog').waitFor();
  await visit('confirmation dialog');
  await page.keyboard.press('Escape');
  await page.getByRole('alertdialog').waitFor({ state: 'detached' });

  await page.keyboard.press('Control+Shift+F');
  const words = page.getByRole('searchbox', { name: tr('Search words') });
  await words.fill('بازاریابی');
  await words.press('Enter');
  await page.locator('.gw-kwic-line').first().waitFor();
  await visit('search panel');
  await page.getByRole('button', { name: tr('Close search') }).click();

  await view('screening', '[data-testid="screening-table"] tbody tr');
  await visit('screening');
  await view('words', '.gw-words table tbody tr, .gw-word-table tbody tr, table tbody tr');
  await visit('word frequencies');
  await view('table7', 'tr.gw-t7-row');
  await visit('Table 7');
  await view('table8', '[data-testid="table8-compare"]');
  // Phrase-merged concepts and the English abstract's consequences: four consequence main categories.
  await page.locator('fieldset[data-reading="concepts"] label[data-option="merged"] input').click();
  await page.locator('fieldset[data-reading="consequences"] label[data-option="C"] input').click();
  await page.locator('tr[data-component="consequences"] td[data-col="mainCategories-reproduced"]', { hasText: language === 'fa' ? '۴' : '4' }).waitFor();
  await visit('Table 8');
  await view('diagrams', '.gw-diagram-tabs');
  for (const tab of ['paradigm', 'cascade', 'prisma']) {
    await page.locator(`.gw-diagram-tabs [data-tab="${tab}"]`).click();
    await page.locator('.gw-diagram-panel svg').first().waitFor();
    await visit(`diagram: ${tab}`);
  }
  await view('maturity', '[data-testid="maturity-matrix"]');
  await visit('maturity matrix');
  for (const tab of ['levels', 'assessment']) {
    await page.locator(`.gw-maturity [data-tab="${tab}"]`).click();
    await page.locator(`.gw-maturity [data-tab="${tab}"][aria-selected="true"]`).waitFor();
    await visit(tab === 'levels' ? 'maturity levels' : 'self-assessment');
  }

  await view('coding', '.gw-reader');
  const file = path.join(dir, `Walk note ${language}.txt`);
  fs.writeFileSync(file, 'یادداشتی کوتاه برای آزمودن گزارش ورود.\nA short note.');
  // A file that fails, so the report shows the backend's reason.
  const broken = path.join(dir, `Walk broken ${language}.pdf`);
  fs.writeFileSync(broken, 'not a PDF at all');
  await page.getByTestId('import-input').setInputFiles([file, broken]);
  const report = page.getByRole('dialog', { name: new RegExp(`^${tr('Import: {imported} of {total} files imported').split('{')[0]}`) });
  await report.getByRole('button', { name: tr('OK') }).waitFor();
  await report.locator('li[data-stage="failed"]').waitFor();
  await visit('import report');
  await report.getByRole('button', { name: tr('OK') }).click();

  // The steps taken on the way: the readings chosen and the import.
  await page.getByRole('button', { name: tr('History'), exact: true }).click();
  await page.getByRole('dialog', { name: tr('History') }).locator('li').nth(2).waitFor();
  await visit('history after changes');
  await page.keyboard.press('Escape');
}
