// The interface-language switch, as a user sees it (start screen and top bar), and the Persian
// names of what the other page objects find by their English names.

import type { Page } from 'playwright-core';
import { fa } from '../../../renderer/i18n/fa';

/** The Persian interface text for an English one; throws if the catalogue has none. */
export function persian(english: string): string {
  const text = fa[english];
  if (!text) throw new Error(`no Persian for ${JSON.stringify(english)}`);
  return text;
}

export class LanguageSwitch {
  constructor(private readonly page: Page) {}

  /** Chooses the interface language in the visible switch and waits for the page to follow. */
  async choose(language: 'en' | 'fa') {
    await this.page.getByTestId('interface-language').selectOption(language);
    await this.page.waitForFunction((lang) => document.documentElement.lang === lang, language);
  }

  direction(): Promise<string> {
    return this.page.evaluate(() => document.documentElement.dir);
  }
}
