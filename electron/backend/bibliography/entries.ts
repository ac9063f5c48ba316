// What every bibliography parser returns: one entry per record in the file, either its
// attributes (and the attachment file names used for linking) or why it is broken.

import type { RecordAttributes, RecordType } from '../../../shared/domain/records';
import { normalizeDoi } from '../../../shared/domain/records';
import type { Message } from '../../../shared/domain/message';

export type ParsedEntry =
  | { index: number; ok: true; attributes: RecordAttributes; attachments: string[] }
  | { index: number; ok: false; title: string; message: Message };

/** Thrown by a parser that finds more records than it may read (parse.ts writes the message). */
export class TooManyRecords extends Error {
  constructor(readonly found: number) {
    super('too many records');
  }
}

/** Trailing characters of `set` removed, in linear time (a regex like /[:\s]+$/ backtracks on long runs). */
export function trimEndOf(text: string, set: (c: string) => boolean): string {
  let end = text.length;
  while (end > 0 && set(text[end - 1]!)) end -= 1;
  return text.slice(0, end);
}

/** The last part of a path or URL a reference manager wrote for an attachment. */
export function attachmentName(value: string): string {
  let path = value.trim().replace(/^file:\/\//i, '').replace(/^internal-pdf:\/\//i, '');
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep it as written
  }
  path = path.replace(/\\:/g, ':').replace(/\$\\backslash\$/g, '/');
  const parts = path.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? '';
}

const LANGUAGES: Record<string, string> = {
  english: 'en',
  eng: 'en',
  persian: 'fa',
  farsi: 'fa',
  fas: 'fa',
  per: 'fa',
  arabic: 'ar',
  ara: 'ar',
};

export function normalizeLanguage(value: string): string {
  const v = value.trim().toLowerCase();
  if (!v) return '';
  return LANGUAGES[v] ?? (/^[a-z]{2}([-_][a-z]{2})?$/.test(v) ? v.slice(0, 2) : value.trim());
}

const CSL_TYPES: Record<string, RecordType> = {
  'article-journal': 'article',
  'article-magazine': 'article',
  'article-newspaper': 'article',
  article: 'article',
  'paper-conference': 'article',
  report: 'report',
  book: 'book',
  chapter: 'chapter',
  thesis: 'thesis',
  webpage: 'web page',
  'post-weblog': 'web page',
  post: 'web page',
};

interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export interface Csl {
  type?: string;
  title?: string;
  author?: CslName[];
  issued?: { 'date-parts'?: (number | string)[][]; literal?: string };
  accessed?: unknown;
  'container-title'?: string;
  publisher?: string;
  DOI?: string;
  URL?: string;
  language?: string;
  abstract?: string;
  keyword?: string;
}

export function yearOf(value: unknown): number | null {
  const n = Number(String(value ?? '').match(/\d{4}/)?.[0]);
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** A CSL-JSON item (what citation-js produces) as the record's attributes. */
export function fromCsl(item: Csl, yearOverride?: number | null): RecordAttributes {
  let type = CSL_TYPES[item.type ?? ''] ?? 'other';
  if (type === 'other' && item.URL && item.accessed && !item['container-title']) type = 'web page';
  return {
    title: (item.title ?? '').replace(/\s+/g, ' ').trim(),
    authors: (item.author ?? [])
      .map((a) => ({ family: (a.family ?? a.literal ?? '').trim(), ...(a.given ? { given: a.given.trim() } : {}) }))
      .filter((a) => a.family),
    year: yearOverride ?? yearOf(item.issued?.['date-parts']?.[0]?.[0] ?? item.issued?.literal),
    venue: (item['container-title'] ?? item.publisher ?? '').trim(),
    doi: normalizeDoi(item.DOI ?? ''),
    url: (item.URL ?? '').trim(),
    type,
    language: normalizeLanguage(item.language ?? ''),
    abstract: (item.abstract ?? '').trim(),
    keywords: (item.keyword ?? '')
      .split(/[,;]/)
      .map((k) => k.trim())
      .filter(Boolean),
  };
}

/** A parser's error as one line of a report. */
export const firstLine = (error: unknown) => trimEndOf(String((error as Error).message ?? error).split('\n')[0]!, (c) => c === ':' || /\s/.test(c));
