// The workspace of an open project, as a user sees it: sources, reader, code system, details,
// retrieved segments and the Table 8 view. Selections are made in the page's DOM, as a mouse or
// keyboard would, and the app maps them to offsets itself.

import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export class WorkspacePage {
  readonly reader: Locator;
  readonly tree: Locator;
  readonly inspector: Locator;
  readonly segments: Locator;

  constructor(readonly page: Page) {
    this.reader = page.locator('.gw-reader-body');
    this.tree = page.getByRole('tree', { name: 'Code system' });
    this.inspector = page.locator('.gw-inspector');
    this.segments = page.locator('.gw-segments');
  }

  async importFiles(paths: string[]) {
    await this.page.getByTestId('import-input').setInputFiles(paths);
    const report = this.page.getByRole('dialog', { name: /^Import:/ });
    await report.waitFor();
    const lines = await report.locator('li').allInnerTexts();
    await report.getByRole('button', { name: 'OK' }).click();
    return lines;
  }

  async openSource(name: string | RegExp) {
    await this.page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name }).click();
    await this.page.locator('.gw-reader-header h2', { hasText: name }).waitFor();
    await this.reader.locator('p.gw-para').first().waitFor();
  }

  /**
   * Selects the nth occurrence of a phrase inside one paragraph of the reader, the way a drag
   * would leave the selection; `backward` puts the anchor at the end, as a right-to-left drag does.
   */
  async select(phrase: string, options: { nth?: number; backward?: boolean } = {}) {
    const found = await this.page.evaluate(
      ({ phrase, nth, backward }) => {
        const paragraphs = [...document.querySelectorAll<HTMLElement>('.gw-reader-body p.gw-para')];
        let seen = 0;
        for (const p of paragraphs) {
          const texts: Text[] = [];
          const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) texts.push(walker.currentNode as Text);
          const whole = texts.map((t) => t.data).join('');
          let at = whole.indexOf(phrase);
          while (at >= 0) {
            if (seen++ === nth) {
              const point = (offset: number): [Text, number] => {
                for (const t of texts) {
                  if (offset <= t.data.length) return [t, offset];
                  offset -= t.data.length;
                }
                return [texts[texts.length - 1]!, texts[texts.length - 1]!.data.length];
              };
              const [a, ao] = point(at);
              const [b, bo] = point(at + phrase.length);
              const selection = getSelection()!;
              selection.removeAllRanges();
              if (backward) selection.setBaseAndExtent(b, bo, a, ao);
              else selection.setBaseAndExtent(a, ao, b, bo);
              return true;
            }
            at = whole.indexOf(phrase, at + 1);
          }
        }
        return false;
      },
      { phrase, nth: options.nth ?? 0, backward: options.backward ?? false },
    );
    if (!found) throw new Error(`"${phrase}" (#${options.nth ?? 0}) is not in a rendered paragraph`);
    await this.page.locator('.gw-coding-bar').waitFor();
  }

  /** Codes the current selection with a concept typed into the picker (existing or new). */
  async codeWith(label: string) {
    await this.page.keyboard.press('c');
    const input = this.page.getByRole('combobox', { name: 'Concept' });
    await input.fill(label);
    const before = await this.paintedPassages();
    await input.press('Enter');
    await this.codedAndPainted(before);
  }

  async codeInVivo() {
    const before = await this.paintedPassages();
    await this.page.keyboard.press('i');
    await this.codedAndPainted(before);
  }

  async codeWithLast() {
    const before = await this.paintedPassages();
    await this.page.keyboard.press('l');
    await this.codedAndPainted(before);
  }

  /** The ids of the coded passages the reader has painted. */
  paintedPassages(): Promise<string[]> {
    return this.reader.evaluate((body) => [
      ...new Set([...body.querySelectorAll<HTMLElement>('[data-segments]')].flatMap((run) => (run.dataset.segments ?? '').split(',').filter(Boolean))),
    ]);
  }

  /**
   * Coding is done for the user when the bar has closed and the new passage is highlighted: only
   * then does the reader stop rebuilding the paragraph the next selection is made in.
   */
  private async codedAndPainted(before: string[]) {
    await this.page.locator('.gw-coding-bar').waitFor({ state: 'detached' });
    const known = new Set(before);
    await expect.poll(async () => (await this.paintedPassages()).some((id) => !known.has(id))).toBe(true);
  }

  treeRow(label: string | RegExp) {
    return this.tree.getByRole('treeitem').filter({ has: this.page.locator('.gw-tree-label', { hasText: label }) });
  }

  async newMainCategory(name: string) {
    await this.page.getByRole('button', { name: '+ Category' }).click();
    await this.page.getByRole('textbox', { name: 'Name of the new category' }).fill(name);
    await this.page.keyboard.press('Enter');
    await this.treeRow(name).waitFor();
  }

  async newSubCategory(parent: string, name: string) {
    await this.treeRow(parent).first().click();
    await this.page.getByRole('button', { name: '+ Sub-category' }).click();
    await this.page.getByRole('textbox', { name: 'Name of the new category' }).fill(name);
    await this.page.keyboard.press('Enter');
    await this.treeRow(name).waitFor();
  }

  /** Picks concepts with Ctrl+click, then drags them onto a category. */
  async fileConcepts(labels: string[], category: string) {
    for (const [i, label] of labels.entries()) {
      await this.treeRow(label).first().click({ modifiers: i === 0 ? [] : ['Control'] });
    }
    await this.treeRow(labels[0]!).first().dragTo(this.treeRow(category).first());
  }

  async assignComponent(category: string, component: string) {
    await this.treeRow(category).first().click();
    await this.inspector.getByRole('combobox', { name: 'Paradigm component' }).selectOption({ label: component });
  }

  async table8(): Promise<Record<string, number[]>> {
    await this.page.getByRole('button', { name: 'Table 8' }).click();
    const table = this.page.getByTestId('table8');
    await table.waitFor();
    const rows = await table.locator('tr[data-component]').evaluateAll((trs) =>
      trs.map((tr) => [
        (tr as HTMLElement).dataset.component!,
        [...tr.querySelectorAll('td')].map((td) => Number(td.textContent)),
      ]),
    );
    return Object.fromEntries(rows) as Record<string, number[]>;
  }

  async backToCoding() {
    await this.page.getByRole('button', { name: 'Coding' }).click();
  }
}
