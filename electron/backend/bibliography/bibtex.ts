// BibTeX (Zotero, Mendeley, JabRef): citation-js reads the entries; if the file as a whole does
// not parse, it is cut at each "@type{" and every entry is read on its own, so one broken entry
// is reported without losing the others.

import type { ParsedEntry } from './entries';
import { attachmentName, firstLine, fromCsl } from './entries';
import { bibtexEntries, toCsl, type BibtexEntry } from './citation';

export function looksLikeBibtex(text: string): boolean {
  return /^\s*@[a-zA-Z]+\s*[{(]/m.test(text);
}

/** Zotero writes `file = {Title:path:mime; …}`, Mendeley `:path:pdf`: the file names in it. */
export function bibtexFiles(field: string | undefined): string[] {
  if (!field) return [];
  return field
    .split(/;(?![^{]*})/)
    .map((part) => {
      const pieces = part.split(/(?<!\\):/);
      const path = pieces.length >= 3 ? pieces.slice(1, -1).join(':') : pieces.length === 2 ? pieces[1]! : pieces[0]!;
      return attachmentName(path);
    })
    .filter(Boolean);
}

function fromEntry(entry: BibtexEntry, index: number): ParsedEntry {
  const rawTitle = (entry.properties.title ?? '').replace(/[{}]/g, '').trim();
  if (!rawTitle) return { index, ok: false, title: entry.label, message: `the entry "${entry.label}" has no title` };
  try {
    const [item] = toCsl([entry], '@csl/list+object');
    if (!item) return { index, ok: false, title: rawTitle, message: 'citation-js found no record in it' };
    return { index, ok: true, attributes: fromCsl(item), attachments: bibtexFiles(entry.properties.file) };
  } catch (error) {
    return { index, ok: false, title: rawTitle, message: `it cannot be read (${firstLine(error)})` };
  }
}

export function parseBibtex(text: string): ParsedEntry[] {
  try {
    return bibtexEntries(text).map((entry, i) => fromEntry(entry, i + 1));
  } catch {
    const starts = [...text.matchAll(/^\s*@[a-zA-Z]+\s*[{(]/gm)].map((m) => m.index!);
    return starts.map((start, i): ParsedEntry => {
      const chunk = text.slice(start, starts[i + 1] ?? text.length);
      const title = /title\s*=\s*[{"]+([^}"]*)/i.exec(chunk)?.[1]?.trim() ?? '';
      try {
        const [entry] = bibtexEntries(chunk);
        if (!entry) return { index: i + 1, ok: false, title, message: 'the entry cannot be read' };
        return fromEntry(entry, i + 1);
      } catch (error) {
        return { index: i + 1, ok: false, title, message: `the entry cannot be read (${firstLine(error)})` };
      }
    });
  }
}
