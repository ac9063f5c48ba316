// Team coding as a user sees it: the coder chip and its menu, "Who is coding?", the copies and merge
// dialogs, the agreement view with its disagreements, and Table 8's count basis. Also a call to the
// backend through the page's own connection, for preparing a project the way a test needs it.

import type { Page } from 'playwright-core';

export class TeamPage {
  constructor(readonly page: Page) {}

  /** Calls a backend method through the page's connection to the host (its token included). */
  call<T = unknown>(method: string, input: unknown): Promise<T> {
    return this.page.evaluate(
      async ({ method, input }) => {
        const response = await fetch('./api/call', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-groundwork-token': sessionStorage.getItem('groundwork.token') ?? '' },
          body: JSON.stringify({ method, input }),
        });
        const body = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
        if (!body.ok) throw new Error(body.error?.message);
        return body.value;
      },
      { method, input },
    ) as Promise<T>;
  }

  async menu(item: string) {
    await this.page.getByTestId('coder-chip').click();
    await this.page.getByRole('menu', { name: 'Team coding' }).getByRole('menuitem', { name: item }).click();
  }

  /** Prepares copies for the coders and returns their paths, by coder. */
  async prepareCopies(coders: string[]): Promise<Record<string, string>> {
    await this.menu('Prepare copies for coders…');
    const dialog = this.page.getByRole('dialog', { name: 'Prepare copies for coders' });
    await dialog.getByRole('textbox', { name: 'Coders, one name per line' }).fill(coders.join('\n'));
    await dialog.getByRole('button', { name: 'Prepare copies' }).click();
    await dialog.locator('.gw-copies-list li').first().waitFor();
    const lines = await dialog.locator('.gw-copies-list li').allInnerTexts();
    await dialog.getByRole('button', { name: 'Done' }).click();
    return Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
  }

  /** Closes the project and opens another by its path, from the start screen. */
  async openPath(file: string) {
    await this.page.getByRole('button', { name: 'Close project' }).click();
    await this.page.getByRole('textbox', { name: 'Path to a project file' }).fill(file);
    await this.page.getByRole('button', { name: 'Open', exact: true }).click();
    await this.page.locator('.gw-topbar').waitFor();
  }

  whoIsCoding() {
    return this.page.getByRole('dialog', { name: 'Who is coding?' });
  }

  /** Merges another copy; its conflicts (none expected) would keep the Merge button off. */
  async merge(file: string) {
    await this.menu('Merge a project…');
    const dialog = this.page.getByRole('dialog', { name: 'Merge a project' });
    await dialog.getByRole('textbox', { name: 'The other copy (its path)' }).fill(file);
    await dialog.getByRole('button', { name: 'Look at it' }).click();
    await dialog.getByTestId('merge-preview').waitFor();
    const preview = await dialog.getByTestId('merge-preview').innerText();
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    const report = await dialog.getByTestId('merge-report').innerText();
    await dialog.getByRole('button', { name: 'Done' }).click();
    return { preview, report };
  }
}
