// citation-js, loaded once with the RIS and BibTeX plugins. Its input chain turns RIS or BibTeX
// text into CSL-JSON items.

import { plugins } from '@citation-js/core';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-bibtex';
import type { Csl } from './entries';

export function toCsl(input: unknown, target?: string): Csl[] {
  return plugins.input.chain(input, { generateGraph: false, ...(target ? { target } : {}) }) as Csl[];
}

export function bibtexEntries(text: string): BibtexEntry[] {
  return plugins.input.chain(text, { generateGraph: false, target: '@biblatex/entries+list' }) as BibtexEntry[];
}

export interface BibtexEntry {
  type: string;
  label: string;
  properties: Record<string, string>;
}
