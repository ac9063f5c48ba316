// The maturity model view, as a user sees it: the matrix, the dimension and mapping editor, the
// levels, and the self-assessment with its ratings, results and radar.

import type { Download, Locator, Page } from 'playwright-core';

export class MaturityPage {
  readonly view: Locator;
  readonly matrix: Locator;
  readonly editor: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByRole('region', { name: 'Maturity model' });
    this.matrix = page.getByTestId('maturity-matrix');
    this.editor = page.getByRole('complementary', { name: 'Dimension editor' });
  }

  async open() {
    await this.page.locator('.gw-topbar').getByRole('button', { name: 'Maturity model', exact: true }).click();
    await this.matrix.waitFor();
  }

  async tab(name: 'Dimensions and mapping' | 'Levels' | 'Self-assessment') {
    await this.view.getByRole('tab', { name }).click();
  }

  /** The one label setting, in the top bar: the maturity view follows it. */
  async labels(which: 'English labels' | 'Persian labels') {
    const group = this.page.getByRole('group', { name: 'Language of labels' });
    const button = group.getByRole('button', { name: which === 'English labels' ? 'English' : 'فارسی' });
    await button.click();
    await this.page.waitForFunction((pressed) => pressed.getAttribute('aria-pressed') === 'true', await button.elementHandle());
  }

  async addDimension(en: string, fa: string) {
    await this.editor.getByLabel('English name').first().fill(en);
    await this.editor.getByLabel('Persian name').first().fill(fa);
    await this.editor.getByRole('button', { name: '+ Dimension' }).click();
    await this.row(en).waitFor();
  }

  row(dimensionEn: string) {
    return this.matrix.locator(`tbody tr[data-dimension="${dimensionEn}"]`);
  }

  async counts(dimensionEn: string) {
    return this.row(dimensionEn).getByTestId('dimension-counts').innerText();
  }

  async map(dimensionEn: string, categories: string[]) {
    await this.row(dimensionEn).locator('th button').click();
    const detail = this.editor.getByTestId('dimension-detail');
    for (const c of categories) {
      const box = detail.locator('label.gw-check', { hasText: c }).getByRole('checkbox');
      // The box is checked once the backend has the mapping (the view is a copy of the backend's data).
      if (!(await box.isChecked())) await box.click();
      await this.page.waitForFunction((el) => (el as HTMLInputElement).checked, await box.elementHandle());
    }
  }

  async download(button: string | RegExp, within: Locator = this.view): Promise<{ name: string; text: string; download: Download }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), within.getByRole('button', { name: button }).click()]);
    const path = await download.path();
    const fs = await import('node:fs');
    return { name: download.suggestedFilename(), text: fs.readFileSync(path!, 'utf8'), download };
  }

  async newAssessment(name: string, organisation: string, date: string) {
    const form = this.view.locator('.gw-assessment-bar');
    await form.getByLabel('Assessment name').fill(name);
    await form.getByLabel('Organisation').fill(organisation);
    await form.getByLabel('Assessment date').fill(date);
    await form.getByRole('button', { name: 'New assessment' }).click();
    await this.view.locator('.gw-assessment-head h3', { hasText: name }).waitFor();
  }

  async rate(item: string, option: string) {
    // A right-to-left name is isolated (FSI … PDI) inside the English label.
    const name = item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const select = this.view.getByLabel(new RegExp(`^Rating of \u2068?${name}\u2069?$`));
    await select.selectOption({ label: option });
    await this.page.waitForFunction(
      ({ el, option }) => (el as HTMLSelectElement).selectedOptions[0]?.textContent === option,
      { el: await select.elementHandle(), option },
    );
  }

  /** Rates an item of one dimension, found by the code shown beside it (for a project whose labels repeat). */
  async rateCode(dimensionEn: string, code: string, option: string) {
    const item = this.view.locator(`.gw-rating-group[data-dimension="${dimensionEn}"] li`).filter({ has: this.page.locator('.gw-code', { hasText: new RegExp(`^${code.replace(/\./g, '\\.')}$`) }) });
    const select = item.getByRole('combobox');
    await select.selectOption({ label: option });
    await this.page.waitForFunction(
      ({ el, option }) => (el as HTMLSelectElement).selectedOptions[0]?.textContent === option,
      { el: await select.elementHandle(), option },
    );
  }

  resultLevel(dimensionEn: string) {
    return this.view.locator(`[data-testid="dimension-results"] tr[data-dimension="${dimensionEn}"] [data-testid="result-level"]`);
  }
}
