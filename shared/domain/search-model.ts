// What corpus search, autocoding, dictionary suggestions and word frequencies return.

import type { ConceptId, DocumentId } from './ids';
import type { Direction } from './text';

/** A passage of a source: [start, end) in UTF-16 code units of its canonical text. */
export interface HitRange {
  documentId: DocumentId;
  start: number;
  end: number;
}

export interface SearchHit extends HitRange {
  documentName: string;
  /** The hit as written in the source (the original letters, ZWNJ and harakat included). */
  text: string;
  /** A few words either side, within the paragraph. */
  before: string;
  after: string;
  /** 0-based paragraph (line) of the canonical text. */
  paragraph: number;
  dir: Direction;
  /** Which term of the query it matched (0-based). */
  term: number;
}

export interface SearchResult {
  /** The terms as typed, in order. */
  terms: string[];
  hits: SearchHit[];
  /** Hits in the whole corpus, of which `hits` are the first. */
  total: number;
  /** How many sources hold every term. */
  sources: number;
  /** The sources of the hits returned, in the order they are listed, each with all its hits counted. */
  documents: { documentId: DocumentId; documentName: string; hits: number }[];
  tookMs: number;
}

export interface AutocodeResult {
  /** Null when nothing was coded and no concept was created. */
  conceptId: ConceptId | null;
  coded: number;
  /** Hits already coded with this concept at the same range (or the same range twice). */
  skipped: number;
}

export interface SuggestionList {
  /** The label and synonyms searched. */
  terms: string[];
  suggestions: SearchHit[];
  /** Hits left out because the concept already codes them (or a passage overlapping them). */
  alreadyCoded: number;
  /** Hits left out because they were rejected before. */
  rejected: number;
}

export interface WordFrequency {
  /** The normalised word (what is counted and searched). */
  word: string;
  /** The word as a source writes it (its first occurrence), e.g. درآمد for the normalised درامد. */
  written: string;
  count: number;
  /** In how many sources it occurs. */
  documents: number;
}

export interface WordFrequencies {
  words: WordFrequency[];
  /** Every word counted (stop words excluded when they are). */
  totalWords: number;
  distinctWords: number;
  documents: number;
  stopWordsExcluded: boolean;
}
