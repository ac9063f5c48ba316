// The start screen, as a user sees it.

import type { Page } from 'playwright-core';

export class StartPage {
  constructor(private readonly page: Page) {}

  async createProject(name: string) {
    await this.page.getByPlaceholder('e.g. B2B marketing review').fill(name);
    await this.page.getByRole('button', { name: 'Create project' }).click();
    await this.page.locator('.gw-topbar').waitFor();
  }

  async openExample() {
    await this.page.getByRole('button', { name: 'Open the example project' }).click();
    await this.page.locator('.gw-topbar').waitFor();
  }
}
