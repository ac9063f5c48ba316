// The Screening view, as a user sees it: the records table with its keyboard decisions, the
// PRISMA figures, duplicate flags and exclusion reasons.

import type { Locator, Page } from 'playwright-core';

export class ScreeningPage {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('screening-table');
  }

  async open(tab = 'Screening') {
    await this.page.getByRole('navigation').getByRole('button', { name: tab }).click();
    await this.table.waitFor();
  }

  row(title: string): Locator {
    return this.table.locator('tbody tr', { hasText: title });
  }

  rows(): Locator {
    return this.table.locator('tbody tr');
  }

  /** Clicks a record's title (making it the current row) and presses keys on the table. */
  async press(title: string, ...keys: string[]) {
    await this.row(title).locator('td.gw-title-cell').click();
    for (const key of keys) await this.page.keyboard.press(key);
  }

  async stage(title: string): Promise<string | null> {
    return this.row(title).getAttribute('data-stage');
  }

  /** The PRISMA figures on screen, as numbers. */
  async prisma() {
    const read = async (id: string) => Number(await this.page.locator(`[data-prisma="${id}"] strong`).first().innerText());
    return {
      identified: await read('identified'),
      duplicatesRemoved: await read('duplicatesRemoved'),
      screened: await read('screened'),
      excludedAtScreening: await read('excludedAtScreening'),
      assessedForEligibility: await read('assessedForEligibility'),
      excludedAtEligibility: await read('excludedAtEligibility'),
      included: await read('included'),
      awaiting: Number((await this.page.locator('[data-prisma="awaiting"]').innerText()).match(/\d+/)?.[0]),
    };
  }
}
