// The What changed, Saturation and Analysis views, as a user sees them: baselines and waves, the
// change report with its Table 8 and diagram, the saturation curve, the analysis tabs.

import type { Locator, Page } from 'playwright-core';

export class EvolutionPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('button', { name: 'What changed', exact: true }).click();
    await this.page.getByRole('region', { name: 'Baselines' }).waitFor();
  }

  baselines(): Locator {
    return this.page.getByRole('list', { name: 'Baselines' }).getByRole('listitem');
  }

  waves(): Locator {
    return this.page.getByRole('list', { name: 'Waves' }).getByRole('listitem');
  }

  async freeze(name: string) {
    await this.page.getByRole('button', { name: 'Freeze the model as a baseline…' }).click();
    await this.page.getByLabel('Name of the baseline').fill(name);
    await this.page.getByRole('button', { name: 'Freeze', exact: true }).click();
    await this.page.locator(`li[data-baseline="${name}"]`).waitFor();
  }

  /** A wave of the newest import batch (checked by default). */
  async newWaveOfLatestBatch(name: string) {
    await this.page.getByRole('button', { name: 'New wave…' }).click();
    const form = this.page.getByRole('form', { name: 'New wave' });
    await form.getByLabel('Name of the wave').fill(name);
    await form.getByRole('button', { name: 'Create the wave' }).click();
    await this.page.locator(`li[data-wave="${name}"]`).waitFor();
  }

  async compareWith(kind: 'baseline' | 'wave', name: string) {
    await this.page.locator(`li[data-${kind}="${name}"] .gw-evo-choose`).click();
  }

  get report(): Locator {
    return this.page.getByTestId('change-report');
  }

  get diagram(): Locator {
    return this.page.getByTestId('change-diagram');
  }

  /** One row of the Table 8 change: per measure, before | now | change as shown. */
  async table8(component: string): Promise<Record<string, [string, string, string]>> {
    const row = this.page.getByTestId('change-table8').locator(`tr[data-component="${component}"]`);
    const out: Record<string, [string, string, string]> = {};
    for (const m of ['mainCategories', 'concepts', 'finalCodes']) {
      out[m] = [
        await row.locator(`td[data-col="${m}-before"]`).innerText(),
        await row.locator(`td[data-col="${m}-now"]`).innerText(),
        (await row.locator(`td[data-col="${m}-change"]`).innerText()).replace(/[\u2066-\u2069]/g, ''),
      ];
    }
    return out;
  }

  /** Calls the backend the way the page does (to read ids for checking the drawing). */
  call<T>(method: string, input: unknown): Promise<T> {
    return this.page.evaluate(
      async ({ method, input }) => {
        const response = await fetch('./api/call', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Groundwork-Token': sessionStorage.getItem('groundwork.token') ?? '' },
          body: JSON.stringify({ method, input }),
        });
        const body = await response.json();
        if (!body.ok) throw new Error(body.error.message);
        return body.value;
      },
      { method, input },
    ) as Promise<T>;
  }

  async openSaturation() {
    await this.page.getByRole('button', { name: 'Saturation', exact: true }).click();
    await this.page.getByRole('region', { name: 'Saturation' }).waitFor();
  }

  get saturation(): Locator {
    return this.page.getByTestId('saturation-chart');
  }

  async openAnalysis(tab: 'Source × concept' | 'Co-occurrence' | 'Concept × attribute' = 'Source × concept') {
    await this.page.getByRole('button', { name: 'Analysis', exact: true }).click();
    await this.page.getByRole('tab', { name: tab }).click();
  }
}
