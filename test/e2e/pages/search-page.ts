// The search panel, as a user sees it: the query box, keyword-in-context hits grouped by source,
// autocoding, and a concept's dictionary suggestions.

import type { Locator, Page } from 'playwright-core';

export class SearchPage {
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.panel = page.locator('section.gw-search');
  }

  async open() {
    if (await this.panel.count()) return;
    await this.page.locator('.gw-topbar .gw-search-toggle').click();
    await this.panel.waitFor();
  }

  /** Types a query and waits for its summary line; returns it. */
  async search(query: string) {
    await this.open();
    const box = this.panel.locator('.gw-search-form input');
    await box.fill(query);
    await box.press('Enter');
    const summary = this.panel.locator('.gw-search-summary');
    await summary.waitFor();
    return summary.innerText();
  }

  hits() {
    return this.panel.locator('.gw-kwic-hit');
  }

  lines() {
    return this.panel.locator('.gw-kwic-line');
  }

  sources() {
    return this.panel.locator('.gw-search-source');
  }

  /** Codes every hit (or the picked ones) with a concept typed into the picker. */
  async autocode(label: string, extend?: 'hit' | 'sentence' | 'paragraph') {
    if (extend) await this.panel.getByRole('combobox', { name: 'What to code' }).selectOption(extend);
    await this.panel.locator('.gw-autocode').getByRole('button', { name: /^Code / }).click();
    const input = this.panel.getByRole('combobox', { name: 'Concept' });
    await input.fill(label);
    await input.press('Enter');
  }
}
