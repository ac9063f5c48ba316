// BibTeX (Zotero, Mendeley, JabRef): citation-js reads the entries; if the file as a whole does
// not parse, it is cut at each "@type{" and every entry is read on its own, so one broken entry
// is reported without losing the others.

import type { ParsedEntry } from './entries';
import { say } from '../../../shared/domain/message';
import { attachmentName, firstLine, fromCsl, TooManyRecords } from './entries';
import { bibtexEntries, toCsl, type BibtexEntry } from './citation';

/** An entry's start at a line start; [ \t]*, not \s*, which with /m would rescan every following line. */
const ENTRY_START = /^[ \t]*@[a-zA-Z]+[ \t\r\n]*[{(]/gm;

export function looksLikeBibtex(text: string): boolean {
  ENTRY_START.lastIndex = 0;
  return ENTRY_START.test(text);
}

/** Splits at semicolons outside braces, in one pass (a lookahead per semicolon would be quadratic). */
function splitOutsideBraces(field: string): string[] {
  const parts: string[] = [];
  // A semicolon is inside braces when the nearest brace after it closes: read from the end.
  let closesNext = false;
  let end = field.length;
  for (let i = field.length - 1; i >= 0; i -= 1) {
    const c = field[i];
    if (c === '}') closesNext = true;
    else if (c === '{') closesNext = false;
    else if (c === ';' && !closesNext) {
      parts.push(field.slice(i + 1, end));
      end = i;
    }
  }
  parts.push(field.slice(0, end));
  return parts.reverse();
}

/** Zotero writes `file = {Title:path:mime; …}`, Mendeley `:path:pdf`: the file names in it. */
export function bibtexFiles(field: string | undefined): string[] {
  if (!field) return [];
  return splitOutsideBraces(field)
    .map((part) => {
      const pieces = part.split(/(?<!\\):/);
      const path = pieces.length >= 3 ? pieces.slice(1, -1).join(':') : pieces.length === 2 ? pieces[1]! : pieces[0]!;
      return attachmentName(path);
    })
    .filter(Boolean);
}

function fromEntry(entry: BibtexEntry, index: number): ParsedEntry {
  const rawTitle = (entry.properties.title ?? '').replace(/[{}]/g, '').trim();
  if (!rawTitle) return { index, ok: false, title: entry.label, message: say('the entry "{key}" has no title', { key: entry.label }) };
  try {
    const [item] = toCsl([entry], '@csl/list+object');
    if (!item) return { index, ok: false, title: rawTitle, message: say('citation-js found no record in it') };
    return { index, ok: true, attributes: fromCsl(item), attachments: bibtexFiles(entry.properties.file) };
  } catch (error) {
    return { index, ok: false, title: rawTitle, message: say('it cannot be read ({reason})', { reason: firstLine(error) }) };
  }
}

export function parseBibtex(text: string, maxRecords = Infinity): ParsedEntry[] {
  const starts = [...text.matchAll(ENTRY_START)].map((m) => m.index);
  if (starts.length > maxRecords) throw new TooManyRecords(starts.length);
  try {
    return bibtexEntries(text).map((entry, i) => fromEntry(entry, i + 1));
  } catch {
    return starts.map((start, i): ParsedEntry => {
      const chunk = text.slice(start, starts[i + 1] ?? text.length);
      const title = /title\s*=\s*[{"]+([^}"]*)/i.exec(chunk)?.[1]?.trim() ?? '';
      try {
        const [entry] = bibtexEntries(chunk);
        if (!entry) return { index: i + 1, ok: false, title, message: say('the entry cannot be read') };
        return fromEntry(entry, i + 1);
      } catch (error) {
        return { index: i + 1, ok: false, title, message: say('the entry cannot be read ({reason})', { reason: firstLine(error) }) };
      }
    });
  }
}
