// Corpus search: the sources holding every term are pre-selected (SQLite: an FTS5 index over the
// normalised text; any other engine, or an index out of step: a scan of the texts); the hits are
// then found in the normalised text and mapped back to offsets of the canonical text
// (shared/domain/search-text.ts). The FTS5 index is derived data, never in the command log; a
// search that finds it out of step scans instead, so a result never depends on it being current.

import type { ConceptId, DocumentId } from '../shared/domain/ids';
import { documentId } from '../shared/domain/ids';
import type { HitRange, SearchHit, WordFrequencies } from '../shared/domain/search-model';
import { type FoldedText, foldForSearch, foldText, originalRange, WORD } from '../shared/domain/search-text';
import { findTerms, ftsExpression, keywordInContext, type QueryTerm } from '../shared/domain/search-query';
import { paragraphDirection } from '../shared/domain/text';
import { STOP_WORDS } from '../shared/domain/stopwords';
import { textBySha } from './documents';
import type { ReadableDB, WritableDB } from './handles';
import { now } from './handles';
import { postgresRefreshSearchIndex, postgresSourcesThatMayMatch } from './postgres/search-index';
import type { Store } from './store';

// ---------------------------------------------------------------------------------------------
// SQLite only: the FTS5 index (tables search_text and search_indexed, migration 006). It is
// brought in step with the sources (ids and SHA-256) before a search. Everything below this
// banner and above the next is engine-specific; the rest of the module is portable SQL.

const isSqlite = (db: ReadableDB) => db.dialect.name === 'sqlite';

/** SQLite only: whether the FTS5 index holds exactly the current sources. */
async function sqliteSearchIndexInStep(db: ReadableDB): Promise<boolean> {
  const row = await db.get<{ stale: number }>(
    `SELECT EXISTS (SELECT 1 FROM document d LEFT JOIN search_indexed i ON i.document_id = d.id AND i.sha256 = d.sha256
                    WHERE i.document_id IS NULL)
         OR EXISTS (SELECT 1 FROM search_indexed i LEFT JOIN document d ON d.id = i.document_id AND d.sha256 = i.sha256
                    WHERE d.id IS NULL) AS stale`,
  );
  return Number(row?.stale ?? 1) === 0;
}

/** SQLite only: brings the FTS5 index in step with the sources: drops what is gone, adds what is new. */
export async function sqliteSyncSearchIndex(db: WritableDB): Promise<{ added: number; removed: number }> {
  const docs = await db.all<{ id: number; sha256: string }>('SELECT id, sha256 FROM document');
  const indexed = new Map(
    (await db.all<{ document_id: number; sha256: string }>('SELECT document_id, sha256 FROM search_indexed')).map((r) => [r.document_id, r.sha256]),
  );
  const toAdd = docs.filter((d) => indexed.get(d.id) !== d.sha256);
  const present = new Set(docs.map((d) => `${d.id}:${d.sha256}`));
  const toRemove = [...indexed].filter(([id, sha]) => !present.has(`${id}:${sha}`)).map(([id]) => id);
  for (const id of toRemove) {
    await db.run('DELETE FROM search_text WHERE rowid = ?', id);
    await db.run('DELETE FROM search_indexed WHERE document_id = ?', id);
  }
  for (const doc of toAdd) {
    const text = await db.get<{ text: string }>('SELECT text FROM source_text WHERE sha256 = ?', doc.sha256);
    await db.run('DELETE FROM search_text WHERE rowid = ?', doc.id);
    await db.run('INSERT INTO search_text (rowid, body) VALUES (?, ?)', doc.id, foldText(text?.text ?? ''));
    await db.run(
      'INSERT INTO search_indexed (document_id, sha256) VALUES (?, ?) ON CONFLICT (document_id) DO UPDATE SET sha256 = excluded.sha256',
      doc.id,
      doc.sha256,
    );
  }
  return { added: toAdd.length, removed: toRemove.length };
}

/** SQLite only: the sources whose indexed text holds every term, with that normalised text, by name. */
async function sqliteMatchingSources(db: ReadableDB, terms: readonly QueryTerm[]): Promise<Candidate[]> {
  return db.all<Candidate>(
    `SELECT t.rowid AS id, t.body AS body, d.name AS name FROM search_text t JOIN document d ON d.id = t.rowid
     WHERE search_text MATCH ? ORDER BY lower(d.name), d.id`,
    ftsExpression(terms),
  );
}

/** SQLite only: every indexed source's normalised text, by id. */
async function sqliteEachIndexedBody(db: ReadableDB, each: (row: { id: number; body: string }) => void): Promise<void> {
  await db.each<{ id: number; body: string }>('SELECT rowid AS id, body FROM search_text ORDER BY rowid', [], each);
}

// End of the SQLite-only part.
// ---------------------------------------------------------------------------------------------

/**
 * Keeps the search index in step before a search (SQLite; a no-op for an engine without one, or
 * a project open read-only, whose searches then scan the texts). Not a user action: no history.
 */
export async function refreshSearchIndex(store: Store): Promise<void> {
  if (store.engine === 'postgres') return postgresRefreshSearchIndex(store);
  if (store.engine !== 'sqlite' || store.readOnly) return;
  if (await store.read(sqliteSearchIndexInStep)) return;
  await store.writeUnlogged(sqliteSyncSearchIndex);
}

/** Whether this search can use the engine's index (else it scans the texts). */
async function indexUsable(db: ReadableDB): Promise<boolean> {
  return isSqlite(db) && (await sqliteSearchIndexInStep(db));
}

interface Candidate {
  id: number;
  body: string;
  name: string;
}

/**
 * Portable: every source's normalised text in name order, for the terms to be looked for in it
 * (PostgreSQL: only the sources its word index cannot rule out).
 */
async function scannedSources(db: ReadableDB, terms: readonly QueryTerm[]): Promise<Candidate[]> {
  const rows = await db.all<{ id: number; sha256: string; name: string }>('SELECT id, sha256, name FROM document ORDER BY lower(name), id');
  const may = db.dialect.name === 'postgres' ? await postgresSourcesThatMayMatch(db, terms) : null;
  const out: Candidate[] = [];
  for (const row of rows) {
    if (may && !may.has(Number(row.id))) continue;
    const text = await textBySha(db, row.sha256);
    if (text !== undefined) out.push({ id: Number(row.id), name: row.name, body: foldText(text) });
  }
  return out;
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
  hits: SearchHit[];
  /** Every hit's range (for autocoding), when asked for. */
  ranges: HitRange[];
  total: number;
  documents: { documentId: DocumentId; documentName: string; hits: number }[];
}

/**
 * Searches every source (or the given ones). `limit` hits come with their context; `allRanges`
 * also returns every hit's original range (which maps every source with hits). Call
 * refreshSearchIndex first for speed; the answer is the same without it.
 */
export async function searchCorpus(
  db: ReadableDB,
  terms: readonly QueryTerm[],
  options: { limit: number; documentIds?: readonly DocumentId[]; allRanges?: boolean },
): Promise<CorpusSearch> {
  const rows = (await indexUsable(db)) ? await sqliteMatchingSources(db, terms) : await scannedSources(db, terms);
  const only = options.documentIds ? new Set<number>(options.documentIds) : null;
  const result: CorpusSearch = { hits: [], ranges: [], total: 0, documents: [] };
  for (const row of rows) {
    if (only && !only.has(Number(row.id))) continue;
    const found = findTerms(row.body, terms);
    if (found.length === 0) continue;
    const id = documentId(Number(row.id));
    result.total += found.length;
    result.documents.push({ documentId: id, documentName: row.name, hits: found.length });
    const wanted = Math.max(0, options.limit - result.hits.length);
    if (wanted === 0 && !options.allRanges) continue;
    const { original, folded } = await foldedSource(db, id);
    // The stored body and a fresh fold agree unless the folding rules changed since indexing.
    const fresh = folded.text === row.body ? found : findTerms(folded.text, terms);
    let line = 0;
    let lineFrom = 0;
    for (let i = 0; i < fresh.length; i += 1) {
      const hit = fresh[i]!;
      const range = originalRange(original, folded, hit.start, hit.end);
      if (options.allRanges) result.ranges.push({ documentId: id, ...range });
      if (i >= wanted) {
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
        documentName: row.name,
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

// Word frequencies over the normalised text.

/** Every source's normalised text, by id: from the index where it is usable, else folded here. */
async function eachFoldedBody(db: ReadableDB, each: (row: { id: number; body: string }) => void): Promise<void> {
  if (await indexUsable(db)) return sqliteEachIndexedBody(db, (row) => each({ id: Number(row.id), body: row.body }));
  const rows = await db.all<{ id: number; sha256: string }>('SELECT id, sha256 FROM document ORDER BY id');
  for (const row of rows) {
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

export async function wordFrequencies(
  db: ReadableDB,
  options: { documentIds?: readonly DocumentId[]; limit: number; excludeStopWords: boolean },
): Promise<WordFrequencies> {
  const only = options.documentIds ? new Set<number>(options.documentIds) : null;
  const counts = new Map<string, number>();
  const docCounts = new Map<string, number>();
  const lastDoc = new Map<string, number>();
  const firstDoc = new Map<string, number>();
  let total = 0;
  let documents = 0;
  await eachFoldedBody(db, (row) => {
    if (only && !only.has(row.id)) return;
    documents += 1;
    for (const m of row.body.matchAll(WORD)) {
      const word = m[0];
      if (word.length < 2 || /^\d+$/u.test(word)) continue;
      if (options.excludeStopWords && STOP_WORDS.has(word)) continue;
      total += 1;
      counts.set(word, (counts.get(word) ?? 0) + 1);
      if (lastDoc.get(word) !== row.id) {
        if (!firstDoc.has(word)) firstDoc.set(word, row.id);
        lastDoc.set(word, row.id);
        docCounts.set(word, (docCounts.get(word) ?? 0) + 1);
      }
    }
  });
  const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, options.limit);
  const words = [];
  for (const [word, count] of top) {
    words.push({ word, written: await writtenForm(db, word, firstDoc.get(word)), count, documents: docCounts.get(word) ?? 0 });
  }
  return { words, totalWords: total, distinctWords: counts.size, documents, stopWordsExcluded: options.excludeStopWords };
}
