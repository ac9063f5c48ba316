// The search query language and the hit finder over normalised text (see search-text.ts).
//
//   word            the whole word, in any of its spellings (letter forms, ZWNJ, harakat, digits)
//   word*           words starting with it (بازار* finds بازارها and بازاریابی)
//   "two words"     the words in this order, next to each other (also «…» and “…”)
//   a b "c d"       several terms: a source must contain every one; each occurrence is a hit
//
// Words are whole words: دانشگاه does not find دانشگاهی (type دانشگاه* for that), and بازار never
// finds بازده. Two-letter words (ها، را) are words like any other.

import { foldedWords } from './search-text';
import { say, type Message } from './message';
import { splitsSurrogatePair } from './range';

export interface QueryTerm {
  /** The normalised words, in order. */
  words: string[];
  /** The last word may be the start of a longer word. */
  prefix: boolean;
  /** As the user typed it, for messages. */
  typed: string;
}

export type ParsedQuery = { ok: true; terms: QueryTerm[] } | { ok: false; error: Message };

export const MAX_QUERY_LENGTH = 500;
const MAX_TERMS = 12;

export function parseQuery(query: string): ParsedQuery {
  if (query.length > MAX_QUERY_LENGTH) return { ok: false, error: say('A search is at most {max} characters long.', { max: MAX_QUERY_LENGTH }) };
  const terms: QueryTerm[] = [];
  const token = /["“”«»]([^"“”«»]*)["“”«»]?|([^\s"“”«»]+)/gu;
  for (const m of query.matchAll(token)) {
    const quoted = m[1] !== undefined;
    const raw = (quoted ? m[1] : m[2]) ?? '';
    const prefix = !quoted && /\*$/u.test(raw);
    const words = foldedWords(raw.replace(/\*/gu, ' '));
    if (words.length === 0) continue;
    if (prefix && words.at(-1)!.length < 2) {
      return { ok: false, error: say('“{term}”: a prefix search needs at least two letters before the *.', { term: raw }) };
    }
    terms.push({ words, prefix, typed: raw });
  }
  if (terms.length === 0) return { ok: false, error: say('Type a word to search for.') };
  if (terms.length > MAX_TERMS) return { ok: false, error: say('A search holds at most {max} words or phrases.', { max: MAX_TERMS }) };
  return { ok: true, terms };
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const L = '[\\p{L}\\p{N}\\p{M}]';
const NOT_L = '[^\\p{L}\\p{N}\\p{M}\\n]+';

/** A regular expression finding one term in normalised text; never across a line end. */
export function termPattern(term: QueryTerm): RegExp {
  const body = term.words.map(escape).join(NOT_L);
  return new RegExp(`(?<!${L})${body}${term.prefix ? `${L}*` : `(?!${L})`}`, 'gu');
}

/** The FTS5 MATCH expression that pre-selects sources holding every term. */
export function ftsExpression(terms: readonly QueryTerm[]): string {
  return terms.map((t) => `"${t.words.join(' ').replace(/"/gu, '""')}"${t.prefix ? '*' : ''}`).join(' AND ');
}

export interface FoldedHit {
  start: number;
  end: number;
  term: number;
}

/**
 * Every occurrence of every term in a normalised text, in order; empty unless every term occurs
 * at least once (all terms must be in the source).
 */
export function findTerms(folded: string, terms: readonly QueryTerm[]): FoldedHit[] {
  const hits: FoldedHit[] = [];
  for (let t = 0; t < terms.length; t += 1) {
    const pattern = termPattern(terms[t]!);
    let found = false;
    for (const m of folded.matchAll(pattern)) {
      hits.push({ start: m.index, end: m.index + m[0].length, term: t });
      found = true;
    }
    if (!found) return [];
  }
  return hits.sort((a, b) => a.start - b.start || b.end - a.end);
}

export const KWIC_CONTEXT = 70;

/**
 * Keyword in context: a few words either side of [start, end), within the hit's paragraph (line),
 * cut at a space and never inside a surrogate pair.
 */
export function keywordInContext(text: string, start: number, end: number, length = KWIC_CONTEXT): { before: string; after: string } {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd === -1) lineEnd = text.length;
  let from = Math.max(lineStart, start - length);
  if (from > lineStart) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < start) from = space + 1;
    else if (splitsSurrogatePair(text, from)) from += 1;
  }
  let to = Math.min(lineEnd, end + length);
  if (to < lineEnd) {
    const space = text.lastIndexOf(' ', to);
    if (space > end) to = space;
    else if (splitsSurrogatePair(text, to)) to -= 1;
  }
  return {
    before: (from > lineStart ? '… ' : '') + text.slice(from, start),
    after: text.slice(end, to) + (to < lineEnd ? ' …' : ''),
  };
}
