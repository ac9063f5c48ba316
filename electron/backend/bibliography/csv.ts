// CSV with a header row (Zotero's CSV export, spreadsheets): papaparse reads it; common column
// names are mapped to the record's attributes. A row without a title is reported as broken.

import Papa from 'papaparse';
import type { Author, RecordType } from '../../../shared/domain/records';
import { normalizeDoi } from '../../../shared/domain/records';
import type { ParsedEntry } from './entries';
import { say } from '../../../shared/domain/message';
import { attachmentName, normalizeLanguage, TooManyRecords, yearOf } from './entries';

const COLUMNS: Record<string, string[]> = {
  title: ['title', 'document title', 'article title'],
  authors: ['author', 'authors', 'author(s)', 'creator', 'creators'],
  year: ['year', 'publication year', 'pub year', 'date', 'published'],
  doi: ['doi'],
  url: ['url', 'link', 'web address'],
  venue: ['publication', 'publication title', 'journal', 'source title', 'source', 'venue', 'secondary title'],
  type: ['type', 'item type', 'document type', 'reference type'],
  language: ['language', 'lang'],
  files: ['file', 'files', 'attachments', 'file attachments', 'pdf'],
  abstract: ['abstract', 'abstract note'],
  keywords: ['keywords', 'manual tags', 'tags', 'author keywords'],
};

const TYPES: Record<string, RecordType> = {
  journalarticle: 'article',
  article: 'article',
  'journal article': 'article',
  conferencepaper: 'article',
  magazinearticle: 'article',
  newspaperarticle: 'article',
  book: 'book',
  booksection: 'chapter',
  chapter: 'chapter',
  'book section': 'chapter',
  report: 'report',
  thesis: 'thesis',
  webpage: 'web page',
  'web page': 'web page',
  blogpost: 'web page',
};

function authors(value: string): Author[] {
  // White space folded first: /\s+and\s+/ would backtrack over every space of a long run.
  const parts = value.includes(';') ? value.split(';') : value.replace(/\s+/g, ' ').split(' and ');
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const [family, ...given] = p.split(/[,،]/);
      const g = given.join(',').trim();
      return g ? { family: family!.trim(), given: g } : { family: family!.trim() };
    });
}

export function parseCsv(text: string, maxRecords = Infinity): ParsedEntry[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    // One row past the limit is enough to know the file is over it.
    ...(Number.isFinite(maxRecords) ? { preview: maxRecords + 1 } : {}),
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  const column = (key: string) => COLUMNS[key]!.find((name) => fields.includes(name));
  const titleColumn = column('title');
  if (!titleColumn) return [];
  if (parsed.data.length > maxRecords) throw new TooManyRecords(parsed.data.length);
  const rowErrors = new Map<number, string>();
  for (const e of parsed.errors) if (e.row !== undefined && e.row !== null) rowErrors.set(e.row, e.message);
  return parsed.data.map((row, i): ParsedEntry => {
    const index = i + 1;
    // The first of the key's columns that has a value (Zotero has both "Type" and "Item Type").
    const get = (key: string) => {
      for (const name of COLUMNS[key]!) {
        const value = fields.includes(name) ? (row[name] ?? '').trim() : '';
        if (value) return value;
      }
      return '';
    };
    const title = get('title');
    if (rowErrors.has(i)) return { index, ok: false, title, message: say('row {line}: {reason}', { line: i + 2, reason: rowErrors.get(i)! }) };
    if (!title) return { index, ok: false, title, message: say('row {line} has no title', { line: i + 2 }) };
    const type = TYPES[get('type').toLowerCase()] ?? 'other';
    return {
      index,
      ok: true,
      attributes: {
        title,
        authors: authors(get('authors')),
        year: yearOf(get('year')),
        venue: get('venue'),
        doi: normalizeDoi(get('doi')),
        url: get('url'),
        type,
        language: normalizeLanguage(get('language')),
        abstract: get('abstract'),
        keywords: get('keywords')
          .split(/[;,]/)
          .map((k) => k.trim())
          .filter(Boolean),
      },
      attachments: get('files')
        .split(';')
        .map((f) => attachmentName(f))
        .filter(Boolean),
    };
  });
}

export function looksLikeCsv(text: string): boolean {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const newline = text.indexOf('\n', start);
  const first = text.slice(start, newline < 0 ? text.length : newline);
  return /title/i.test(first) && /[,;\t]/.test(first);
}
