// REFI-QDA exchange as a user sees it: Import… with a .qdpx, the import report, and Export… with
// its dialog, the file saved where the test asks.

import type { Locator, Page } from 'playwright-core';

export class ExchangePage {
  readonly report: Locator;
  readonly exportDialog: Locator;

  constructor(readonly page: Page) {
    this.report = page.getByRole('dialog', { name: 'Import of REFI-QDA files' });
    this.exportDialog = page.getByRole('dialog', { name: 'Export for another program' });
  }

  /** Picks the file in Import… and waits for its report. */
  async importFile(file: string): Promise<Locator> {
    await this.page.getByTestId('import-input').setInputFiles(file);
    await this.report.waitFor({ timeout: 60_000 });
    return this.report;
  }

  /** A row of the "What came in" table of the report: [new, already in the project]. */
  async cameIn(what: string): Promise<[string, string]> {
    const row = this.report.getByTestId('exchange-came-in').getByRole('row', { name: new RegExp(`^${what}`) });
    const cells = await row.getByRole('cell').allInnerTexts();
    return [cells[0]!, cells[1]!];
  }

  async closeReport() {
    await this.report.getByRole('button', { name: 'OK' }).click();
    await this.report.waitFor({ state: 'detached' });
  }

  /** Export… → the chosen format and unit → the file saved at `target`. */
  async export(target: string, options: { format?: 'qdpx' | 'qdc'; nvivo?: boolean } = {}) {
    await this.page.getByRole('button', { name: 'Export…' }).click();
    await this.exportDialog.waitFor();
    if (options.format === 'qdc') await this.exportDialog.getByRole('radio', { name: /The codebook alone/ }).check();
    if (options.nvivo) await this.exportDialog.getByRole('radio', { name: /For NVivo/ }).check();
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.exportDialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    await download.saveAs(target);
    await this.exportDialog.waitFor({ state: 'detached' });
    return download.suggestedFilename();
  }
}
