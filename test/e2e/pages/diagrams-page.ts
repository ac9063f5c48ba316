// The Diagrams view, as a user sees it: tabs, the drawn SVG, the export buttons.

import type { Download, Locator, Page } from 'playwright-core';

export class DiagramsPage {
  constructor(readonly page: Page) {}

  async open(tab: 'Paradigm model' | 'Count cascade' | 'Screening (PRISMA)' = 'Paradigm model') {
    await this.page.getByRole('button', { name: 'Diagrams', exact: true }).click();
    await this.page.getByRole('tab', { name: tab }).click();
  }

  get paradigm(): Locator {
    return this.page.getByTestId('paradigm-diagram');
  }
  get cascade(): Locator {
    return this.page.getByTestId('cascade-chart');
  }
  get prisma(): Locator {
    return this.page.getByTestId('prisma-diagram');
  }

  /** Every text of a drawing, in document order. */
  texts(svg: Locator): Promise<string[]> {
    return svg.locator('text').allTextContents();
  }

  /** Calls the backend the way the page does, with the tab's token (to set up a project quickly). */
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

  /** A component's figures under its title in the paradigm model, e.g. "4 main categories · 34 concepts · 0 final codes". */
  async componentFigures(key: string): Promise<string> {
    return (await this.paradigm.getByTestId(`paradigm-figures-${key}`).allTextContents()).join(' ');
  }

  /** The "concepts · final codes" drawn beside a main category (found by its name or English gloss). */
  async mainCategoryCount(name: string): Promise<string | null> {
    type Counts = { components: { categories: { id: number; name: string; labelEn: string | null }[] }[] };
    const counts = await this.call<Counts>('counts.mainCategories', {});
    const category = counts.components.flatMap((row) => row.categories).find((c) => c.name === name || c.labelEn === name);
    if (!category) throw new Error(`no main category ${name} in a component`);
    return this.paradigm.getByTestId(`paradigm-count-${category.id}`).textContent();
  }

  async export(kind: 'SVG' | 'PNG'): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: `Export ${kind}` }).click()]);
    return download;
  }
}
