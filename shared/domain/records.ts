// Bibliographic records and screening: every source (document) has exactly one record; a record
// may have no document ("record without full text"). Stages follow PRISMA 2020: identified →
// screened → eligible → included, or excluded at the screening or the eligibility stage.

import type { DocumentId } from './ids';
import { matchKey } from './normalize';
import type { Message } from './message';

declare const brand: unique symbol;
export type RecordId = number & { readonly [brand]: 'RecordId' };
export type ReasonId = number & { readonly [brand]: 'ReasonId' };
export const recordId = (n: number) => n as RecordId;
export const reasonId = (n: number) => n as ReasonId;

export const RECORD_TYPES = ['article', 'report', 'book', 'chapter', 'thesis', 'web page', 'other'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export const STAGES = ['identified', 'screened', 'eligible', 'included', 'excluded'] as const;
export type Stage = (typeof STAGES)[number];
export type ExcludedAt = 'screening' | 'eligibility';

/** The stage a record moves to when the reviewer says "yes" at its current stage. */
export const NEXT_STAGE: Record<Stage, Stage> = {
  identified: 'screened',
  screened: 'eligible',
  eligible: 'included',
  included: 'included',
  excluded: 'excluded',
};

/** A record excluded now is excluded at screening if it had not passed screening yet. */
export const exclusionPhase = (stage: Stage): ExcludedAt => (stage === 'identified' ? 'screening' : 'eligibility');

export interface Author {
  family: string;
  given?: string;
}

export interface RecordAttributes {
  title: string;
  authors: Author[];
  year: number | null;
  venue: string;
  doi: string;
  url: string;
  type: RecordType;
  language: string;
  abstract: string;
  keywords: string[];
}

export interface RecordSummary extends RecordAttributes {
  id: RecordId;
  documentId: DocumentId | null;
  /** Where the record came from: "file" for a source imported alone, else e.g. "RIS: zotero.ris". */
  origin: string;
  /** Attachment file names the bibliography named (RIS L1/L4, BibTeX file), used for linking. */
  attachments: string[];
  stage: Stage;
  excludedAt: ExcludedAt | null;
  reasonId: ReasonId | null;
  reasonName: string | null;
  createdAt: string;
}

export interface ExclusionReason {
  id: ReasonId;
  name: string;
  /** Records excluded with this reason (a reason in use cannot be deleted). */
  uses: number;
}

export interface DuplicateFlag {
  /** The two records, the older first. */
  a: RecordId;
  b: RecordId;
  why: 'doi' | 'title';
}

export interface BibliographyRecordResult {
  /** Position of the record in the file, from 1. */
  index: number;
  status: 'imported' | 'broken';
  title: string;
  /** What became of the record, in English; `said` is the same structured, for the interface. */
  message: string;
  said?: Message;
  /** Its source took this record's stage and left the Coding list (it had been included). */
  leftCoding?: boolean;
  recordId?: RecordId;
  linkedDocumentId?: DocumentId;
  linkedBy?: 'doi' | 'title' | 'file name';
}

export interface BibliographyImport {
  fileName: string;
  format: 'RIS' | 'BibTeX' | 'CSV';
  records: BibliographyRecordResult[];
  imported: number;
  linked: number;
  broken: number;
  duplicatesFlagged: number;
}

export interface CorpusStats {
  total: number;
  withText: number;
  byStage: Array<{ stage: Stage; count: number }>;
  byYear: Array<{ year: number | null; count: number }>;
  byType: Array<{ type: RecordType; count: number }>;
}

/** A DOI reduced to its comparison form: no resolver prefix, lower case, no trailing punctuation. */
export function normalizeDoi(value: string): string {
  const trimmed = value.trim().replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, '').replace(/^doi:\s*/i, '');
  const match = /10\.\d{4,9}\/\S+/.exec(trimmed);
  return match ? match[0].replace(/[.,;)\]]+$/, '').toLowerCase() : '';
}

/** A title reduced for matching: letter forms, case, punctuation and spacing ignored. */
export function titleKey(value: string): string {
  return matchKey(value)
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** Near-same titles: at most one edit in ten characters (and at least the same words mostly). */
export function nearSameTitle(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const limit = Math.floor(Math.max(a.length, b.length) / 10);
  return limit > 0 && editDistance(a, b, limit) <= limit;
}

const ARABIC_SCRIPT = /[\u0600-\u06FF]/u;
const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const toPersianDigits = (text: string) => text.replace(/\d/g, (d) => PERSIAN_DIGITS[Number(d)]!);

/**
 * A short citation for a retrieved segment: first author's family name ("et al." for three or
 * more, both names for two), the year, and the page when known. Persian authors get Persian
 * words, punctuation and digits.
 */
export function shortCitation(record: Pick<RecordAttributes, 'authors' | 'year' | 'title'>, page?: number | string | null): string {
  const first = record.authors[0]?.family?.trim() ?? '';
  const persian = ARABIC_SCRIPT.test(first) || (!first && ARABIC_SCRIPT.test(record.title));
  let who: string;
  if (!first) who = record.title.length > 30 ? `${record.title.slice(0, 29)}…` : record.title;
  else if (record.authors.length === 1) who = first;
  else if (record.authors.length === 2) who = `${first} ${persian ? 'و' : '&'} ${record.authors[1]!.family}`;
  else who = `${first} ${persian ? 'و همکاران' : 'et al.'}`;
  const comma = persian ? '، ' : ', ';
  const parts = [who];
  if (record.year !== null) parts.push(persian ? toPersianDigits(String(record.year)) : String(record.year));
  else parts.push(persian ? 'بی‌تا' : 'n.d.');
  if (page !== undefined && page !== null) parts.push(persian ? `ص. ${toPersianDigits(String(page))}` : `p. ${page}`);
  return parts.join(comma);
}

export const authorName = (a: Author) => (a.given ? `${a.family}, ${a.given}` : a.family);
