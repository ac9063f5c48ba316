// The study project as a user sees it: opening it from the start screen, Table 8 beside the
// reported figures with its readings, Table 7, and the label language switch.

import type { Page } from 'playwright-core';

export type Figures = { reproduced: number; reported: number; difference: string };

export class StudyPage {
  constructor(private readonly page: Page) {}

  async open(options: { fresh?: boolean } = {}) {
    const card = this.page.getByTestId('study-card');
    await card.getByRole('button', { name: options.fresh ? 'Start it afresh' : 'Open the study' }).click();
    await this.page.locator('.gw-topbar').waitFor();
  }

  async showTable8() {
    await this.page.getByRole('button', { name: 'Table 8', exact: true }).click();
    await this.page.getByTestId('table8-compare').waitFor();
  }

  async showTable7() {
    await this.page.getByRole('button', { name: 'Table 7', exact: true }).click();
    await this.page.locator('tr.gw-t7-row').first().waitFor();
  }

  /** One cell group of the compare table: a component (or 'total') and a column. */
  async figures(component: string, column: 'mainCategories' | 'concepts' | 'finalCodes'): Promise<Figures> {
    const row = this.page.getByTestId('table8-compare').locator(`tr[data-component="${component}"]`);
    // The difference is an isolate (LRI … PDI) so its sign stays left of the digits in Persian.
    const cell = async (kind: string) => (await row.locator(`td[data-col="${column}-${kind}"]`).innerText()).replace(/[\u2066-\u2069]/g, '');
    return { reproduced: Number(await cell('reproduced')), reported: Number(await cell('reported')), difference: await cell('difference') };
  }

  async chooseReading(reading: string, option: string) {
    await this.page.locator(`fieldset[data-reading="${reading}"] label[data-option="${option}"] input`).click();
  }

  async labelLanguage(lang: 'fa' | 'en') {
    await this.page.getByRole('group', { name: 'Language of labels' }).getByRole('button', { name: lang === 'fa' ? 'فارسی' : 'English' }).click();
  }

  table7Rows() {
    return this.page.locator('tr.gw-t7-row');
  }
}
