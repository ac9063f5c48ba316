// Corpus search: which sources hold every term and how many hits there are come from the
// engine's index where it has one (SQLite: db/sqlite/search-index.ts counts them; PostgreSQL:
// db/postgres/search-index.ts rules sources out, those left are read) and from a scan of the texts
// otherwise (another engine, sources still queued for the index, an index built with older
// folding rules); the hits shown are then found in the normalised text of just the sources they
// are in and mapped back to offsets of the canonical text (shared/domain/search-text.ts). A
// result never depends on the index being complete: what it does not hold is scanned.

import type { ConceptId, DocumentId } from '../shared/domain/ids';
import { documentId } from '../shared/domain/ids';
import type { HitRange, SearchHit, WordFrequencies } from '../shared/domain/search-model';
import { type FoldedText, foldForSearch, foldText, originalRange, WORD } from '../shared/domain/search-text';
import { findTerms, keywordInContext, type QueryTerm } from '../shared/domain/search-query';
import { paragraphDirection } from '../shared/domain/text';
import { STOP_WORDS } from '../shared/domain/stopwords';
import { textBySha } from './documents';
import type { ReadableDB, WritableDB } from './handles';
import { now } from './handles';
import {
  sqliteFirstSourceWith,
  sqliteHitTotal,
  sqliteIndexQueued,
  sqliteMatchingSources,
  sqliteQueuedSources,
  sqliteRestartStaleSearchIndex,
  sqliteSearchIndexState,
  sqliteVocabulary,
} from './sqlite/search-index';
import { postgresRefreshSearchIndex, postgresSourcesThatMayMatch } from './postgres/search-index';
import type { Store } from './store';

const isSqlite = (db: ReadableDB) => db.dialect.name === 'sqlite';

/** Searches of at most this many named sources read them rather than asking the index. */
const SCAN_AT_MOST = 20;

/** Text indexed per transaction while catching up: short enough to keep the app answering between. */
const INDEX_BATCH_CHARS = 4_000_000;

/**
 * Brings the engine's search index fully in step before a search (SQLite: rebuilt if its folding
 * rules are old, queued sources indexed; a no-op for an engine without one, or a project open
 * read-only, whose searches then scan what the index lacks). Not a user action: no history.
 * Cheap when nothing waits: two small reads.
 */
export async function refreshSearchIndex(store: Store): Promise<void> {
  if (store.engine === 'postgres') return postgresRefreshSearchIndex(store);
  if (store.engine !== 'sqlite' || store.readOnly) return;
  const state = await store.read(sqliteSearchIndexState);
  if (state.current && state.queued === 0) return;
  if (!state.current) await store.writeUnlogged(sqliteRestartStaleSearchIndex);
  while ((await store.writeUnlogged((db) => sqliteIndexQueued(db, INDEX_BATCH_CHARS))) > 0) {
    // The next batch after other calls waiting for the project have run.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Indexes some queued sources (the store's idle maintenance); returns how many still wait. */
export async function indexSomeQueued(store: Store): Promise<number> {
  if (store.engine !== 'sqlite' || store.readOnly) return 0;
  const state = await store.read(sqliteSearchIndexState);
  if (!state.current) await store.writeUnlogged(sqliteRestartStaleSearchIndex);
  else if (state.queued === 0) return 0;
  return store.writeUnlogged((db) => sqliteIndexQueued(db, INDEX_BATCH_CHARS));
}

/** Normalised texts with their offset maps, keyed by SHA-256 (a text never changes; its hash names it). */
const foldedCache = new Map<string, { original: string; folded: FoldedText }>();
const FOLDED_KEPT = 8;

async function foldedSource(db: ReadableDB, id: DocumentId): Promise<{ original: string; folded: FoldedText }> {
  const row = await db.get<{ sha256: string }>('SELECT sha256 FROM document WHERE id = ?', id);
  const sha256 = row?.sha256 ?? '';
  let entry = foldedCache.get(sha256);
  if (entry) foldedCache.delete(sha256);
  else {
    const text = (await textBySha(db, sha256)) ?? '';
    entry = { original: text, folded: foldForSearch(text) };
    if (foldedCache.size >= FOLDED_KEPT) foldedCache.delete(foldedCache.keys().next().value!);
  }
  foldedCache.set(sha256, entry);
  return entry;
}

export interface CorpusSearch {
  /** The first `limit` hits, in source order (by name) and position. */
  hits: SearchHit[];
  /** Every hit's range (for autocoding), when asked for. */
  ranges: HitRange[];
  /** Hits in every source searched. */
  total: number;
  /** Sources holding every term. */
  sources: number;
  /** The sources of the hits returned, in their order, each with all its hits counted. */
  documents: { documentId: DocumentId; documentName: string; hits: number }[];
}

/** What is known about one source before its hits are read: whether it matches, and how many hits it has if counted. */
interface Candidate {
  id: number;
  name: string;
  /** Counted in a scan of its text; undefined: counted by the index (in the total). */
  hits?: number;
}

/**
 * Searches every source (or the given ones). `limit` hits come with their context; `allRanges`
 * also returns every hit's original range (which reads every source with hits). Call
 * refreshSearchIndex first for speed; the answer is the same without it.
 */
export async function searchCorpus(
  db: ReadableDB,
  terms: readonly QueryTerm[],
  options: { limit: number; documentIds?: readonly DocumentId[]; allRanges?: boolean },
): Promise<CorpusSearch> {
  const only = options.documentIds ? [...new Set(options.documentIds.map(Number))] : null;
  const names = await db.all<{ id: number; name: string }>('SELECT id, name FROM document ORDER BY lower(name), id');
  const inScope = only ? new Set(only) : null;
  const wanted = inScope ? names.filter((r) => inScope.has(Number(r.id))) : names;

  // The index tells which sources it holds match, and usually how many hits they have; sources
  // it does not hold yet (queued, or an index of old folding rules) are read and counted here.
  let matching: Set<number> | null = null;
  let indexedTotal: number | null = null;
  let queued = new Set<number>();
  // A few sources are read faster than the index is asked about them.
  const few = only !== null && only.length <= SCAN_AT_MOST;
  if (isSqlite(db) && !few) {
    const state = await sqliteSearchIndexState(db);
    if (state.current) {
      if (state.queued > 0) queued = await sqliteQueuedSources(db);
      matching = new Set(await sqliteMatchingSources(db, terms, only));
      // Every range is read anyway when they are all asked for; else the index counts (or cannot: null).
      if (!options.allRanges) indexedTotal = await sqliteHitTotal(db, terms, only);
    }
  } else if (db.dialect.name === 'postgres' && !few) {
    // PostgreSQL's word lists only rule sources out (db/postgres/search-index.ts): those left are read and counted.
    matching = await postgresSourcesThatMayMatch(db, terms);
  }

  const result: CorpusSearch = { hits: [], ranges: [], total: indexedTotal ?? 0, sources: 0, documents: [] };
  const candidates: Candidate[] = [];
  for (const row of wanted) {
    const id = Number(row.id);
    if (matching?.has(id) && (indexedTotal !== null || options.allRanges)) {
      candidates.push({ id, name: row.name });
      result.sources += 1;
    } else if (matching === null || queued.has(id) || matching.has(id)) {
      // Read: no index, not in it yet, or its hits are to be counted in the text.
      const { folded } = await foldedSource(db, documentId(id));
      const hits = findTerms(folded.text, terms).length;
      if (hits === 0) continue;
      result.total += hits;
      result.sources += 1;
      candidates.push({ id, name: row.name, hits });
    }
  }

  for (const candidate of candidates) {
    const want = Math.max(0, options.limit - result.hits.length);
    if (want === 0 && !options.allRanges) break;
    const id = documentId(candidate.id);
    const { original, folded } = await foldedSource(db, id);
    const found = findTerms(folded.text, terms);
    if (found.length === 0) continue;
    result.documents.push({ documentId: id, documentName: candidate.name, hits: found.length });
    let line = 0;
    let lineFrom = 0;
    for (let i = 0; i < found.length; i += 1) {
      const hit = found[i]!;
      const range = originalRange(original, folded, hit.start, hit.end);
      if (options.allRanges) result.ranges.push({ documentId: id, ...range });
      if (i >= want) {
        if (options.allRanges) continue;
        break;
      }
      for (let nl = original.indexOf('\n', lineFrom); nl !== -1 && nl < range.start; nl = original.indexOf('\n', nl + 1)) {
        line += 1;
        lineFrom = nl + 1;
      }
      let lineEnd = original.indexOf('\n', range.start);
      if (lineEnd === -1) lineEnd = original.length;
      const { before, after } = keywordInContext(original, range.start, range.end);
      result.hits.push({
        documentId: id,
        documentName: candidate.name,
        ...range,
        text: original.slice(range.start, range.end),
        before,
        after,
        paragraph: line,
        dir: paragraphDirection(original.slice(lineFrom, lineEnd)),
        term: hit.term,
      });
    }
  }
  if (options.allRanges) {
    // Every source with hits was read: the count is exactly what was found.
    result.total = result.ranges.length;
    result.sources = result.documents.length;
  }
  return result;
}

// Dictionary: synonyms per concept, and rejected suggestions.

export async function conceptSynonyms(db: ReadableDB, id: ConceptId): Promise<string[]> {
  return (await db.all<{ term: string }>('SELECT term FROM concept_synonym WHERE concept_id = ? ORDER BY position', id)).map((r) => r.term);
}

export async function replaceSynonyms(db: WritableDB, id: ConceptId, terms: readonly string[]): Promise<void> {
  await db.run('DELETE FROM concept_synonym WHERE concept_id = ?', id);
  for (const [position, term] of terms.entries()) {
    await db.run('INSERT INTO concept_synonym (concept_id, term, position) VALUES (?, ?, ?)', id, term, position);
  }
}

export async function rejectedRanges(db: ReadableDB, id: ConceptId): Promise<Set<string>> {
  const rows = await db.all<{ document_id: number; start_offset: number; end_offset: number }>(
    'SELECT document_id, start_offset, end_offset FROM suggestion_rejection WHERE concept_id = ?',
    id,
  );
  return new Set(rows.map((r) => `${r.document_id}:${r.start_offset}:${r.end_offset}`));
}

/** Records a rejected suggestion; 0 when it was already rejected. */
export async function insertRejection(db: WritableDB, id: ConceptId, range: HitRange): Promise<number> {
  return (
    await db.run(
      `INSERT INTO suggestion_rejection (concept_id, document_id, start_offset, end_offset, rejected_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
      id,
      range.documentId,
      range.start,
      range.end,
      now(),
    )
  ).changes;
}

/** The ranges a concept codes, per source, for leaving out suggestions it already covers. */
export async function codedRanges(db: ReadableDB, id: ConceptId): Promise<Map<number, { start: number; end: number }[]>> {
  const rows = await db.all<{ document_id: number; start_offset: number; end_offset: number }>(
    'SELECT document_id, start_offset, end_offset FROM segment WHERE concept_id = ?',
    id,
  );
  const map = new Map<number, { start: number; end: number }[]>();
  for (const r of rows) {
    let list = map.get(Number(r.document_id));
    if (!list) map.set(Number(r.document_id), (list = []));
    list.push({ start: Number(r.start_offset), end: Number(r.end_offset) });
  }
  return map;
}

// Word frequencies over the normalised text: from the index's vocabulary where it holds every
// source searched, else by reading the texts.

/** Every source's normalised text (of the given ones), by id. */
async function eachFoldedBody(db: ReadableDB, only: Set<number> | null, each: (row: { id: number; body: string }) => void): Promise<void> {
  const rows = await db.all<{ id: number; sha256: string }>('SELECT id, sha256 FROM document ORDER BY id');
  for (const row of rows) {
    if (only && !only.has(Number(row.id))) continue;
    const text = await textBySha(db, row.sha256);
    if (text !== undefined) each({ id: Number(row.id), body: foldText(text) });
  }
}

/** A normalised word as the first source holding it writes it (letters as typed there, ZWNJ and harakat kept). */
async function writtenForm(db: ReadableDB, word: string, source: number | undefined): Promise<string> {
  if (source === undefined) return word;
  const term: QueryTerm = { words: [word], prefix: false, typed: word };
  const { original, folded } = await foldedSource(db, documentId(source));
  const hit = findTerms(folded.text, [term])[0];
  if (!hit) return word;
  const range = originalRange(original, folded, hit.start, hit.end);
  return original.slice(range.start, range.end);
}

const counted = (word: string, excludeStopWords: boolean) =>
  word.length >= 2 && !/^\d+$/u.test(word) && !(excludeStopWords && STOP_WORDS.has(word));

export async function wordFrequencies(
  db: ReadableDB,
  options: { documentIds?: readonly DocumentId[]; limit: number; excludeStopWords: boolean },
): Promise<WordFrequencies> {
  const only = options.documentIds ? new Set<number>(options.documentIds) : null;
  const counts = new Map<string, number>();
  const docCounts = new Map<string, number>();
  const firstDoc = new Map<string, number>();
  let total = 0;
  let documents = 0;
  const state = isSqlite(db) ? await sqliteSearchIndexState(db) : null;
  const fromIndex = !only && state !== null && state.current && state.queued === 0;
  if (fromIndex) {
    documents = Number((await db.get<{ n: number }>('SELECT count(*) AS n FROM document'))?.n ?? 0);
    await sqliteVocabulary(db, (row) => {
      if (!counted(row.term, options.excludeStopWords)) return;
      total += Number(row.cnt);
      counts.set(row.term, Number(row.cnt));
      docCounts.set(row.term, Number(row.doc));
    });
  } else {
    const lastDoc = new Map<string, number>();
    await eachFoldedBody(db, only, (row) => {
      documents += 1;
      for (const m of row.body.matchAll(WORD)) {
        const word = m[0];
        if (!counted(word, options.excludeStopWords)) continue;
        total += 1;
        counts.set(word, (counts.get(word) ?? 0) + 1);
        if (lastDoc.get(word) !== row.id) {
          if (!firstDoc.has(word)) firstDoc.set(word, row.id);
          lastDoc.set(word, row.id);
          docCounts.set(word, (docCounts.get(word) ?? 0) + 1);
        }
      }
    });
  }
  const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, options.limit);
  const words = [];
  for (const [word, count] of top) {
    const first = fromIndex ? await sqliteFirstSourceWith(db, word) : firstDoc.get(word);
    words.push({ word, written: await writtenForm(db, word, first), count, documents: docCounts.get(word) ?? 0 });
  }
  return { words, totalWords: total, distinctWords: counts.size, documents, stopWordsExcluded: options.excludeStopWords };
}
