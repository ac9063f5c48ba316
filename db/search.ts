// Corpus search: an FTS5 index over the normalised text of every source pre-selects the sources
// holding every term; the hits are then found in the normalised text and mapped back to offsets
// of the canonical text (shared/domain/search-text.ts). The index is derived data: it is brought
// in step with the document table (ids and SHA-256) before every search, so import, delete, undo
// and redo need no hook, and it is never in the command log.

import type { DocumentId, ConceptId } from '../shared/domain/ids';
import { documentId } from '../shared/domain/ids';
import type { HitRange, SearchHit, WordFrequencies } from '../shared/domain/search-model';
import { type FoldedText, foldForSearch, foldText, originalRange, WORD } from '../shared/domain/search-text';
import { findTerms, ftsExpression, keywordInContext, type QueryTerm } from '../shared/domain/search-query';
import { paragraphDirection } from '../shared/domain/text';
import { STOP_WORDS } from '../shared/domain/stopwords';
import type { ProjectDb } from './connection';
import type { ReadableDB, WritableDB } from './handles';
import { now, sql } from './handles';

/** Brings the index in step with the sources: drops what is gone, adds what is new. */
export function syncSearchIndex(project: ProjectDb): { added: number; removed: number } {
  const db = project.raw;
  const docs = sql(db, 'SELECT id, sha256 FROM document').all() as { id: number; sha256: string }[];
  const indexed = new Map(
    (sql(db, 'SELECT document_id, sha256 FROM search_indexed').all() as { document_id: number; sha256: string }[]).map((r) => [
      r.document_id,
      r.sha256,
    ]),
  );
  const toAdd = docs.filter((d) => indexed.get(d.id) !== d.sha256);
  const present = new Set(docs.map((d) => `${d.id}:${d.sha256}`));
  const toRemove = [...indexed].filter(([id, sha]) => !present.has(`${id}:${sha}`)).map(([id]) => id);
  if (toAdd.length === 0 && toRemove.length === 0) return { added: 0, removed: 0 };
  db.transaction(() => {
    for (const id of toRemove) {
      sql(db, 'DELETE FROM search_text WHERE rowid = ?').run(id);
      sql(db, 'DELETE FROM search_indexed WHERE document_id = ?').run(id);
    }
    for (const doc of toAdd) {
      const { text } = sql(db, 'SELECT text FROM document WHERE id = ?').get(doc.id) as { text: string };
      sql(db, 'DELETE FROM search_text WHERE rowid = ?').run(doc.id);
      sql(db, 'INSERT INTO search_text (rowid, body) VALUES (?, ?)').run(doc.id, foldText(text));
      sql(db, 'INSERT OR REPLACE INTO search_indexed (document_id, sha256) VALUES (?, ?)').run(doc.id, doc.sha256);
    }
  })();
  return { added: toAdd.length, removed: toRemove.length };
}

/** Normalised texts with their offset maps, per connection, keyed by SHA-256 (texts never change). */
const foldedCache = new WeakMap<ReadableDB, Map<string, { original: string; folded: FoldedText }>>();
const FOLDED_KEPT = 8;

function foldedSource(db: ReadableDB, id: DocumentId): { original: string; folded: FoldedText } {
  const { sha256, text } = sql(db, 'SELECT sha256, text FROM document WHERE id = ?').get(id) as { sha256: string; text: string };
  let cache = foldedCache.get(db);
  if (!cache) foldedCache.set(db, (cache = new Map()));
  let entry = cache.get(sha256);
  if (entry) cache.delete(sha256);
  else {
    entry = { original: text, folded: foldForSearch(text) };
    if (cache.size >= FOLDED_KEPT) cache.delete(cache.keys().next().value!);
  }
  cache.set(sha256, entry);
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
 * also returns every hit's original range (which maps every source with hits).
 */
export function searchCorpus(
  project: ProjectDb,
  terms: readonly QueryTerm[],
  options: { limit: number; documentIds?: readonly DocumentId[]; allRanges?: boolean },
): CorpusSearch {
  syncSearchIndex(project);
  const db = project.read;
  const rows = sql(
    db,
    `SELECT t.rowid AS id, t.body AS body, d.name AS name FROM search_text t JOIN document d ON d.id = t.rowid
     WHERE search_text MATCH ? ORDER BY d.name COLLATE NOCASE, d.id`,
  ).all(ftsExpression(terms)) as { id: number; body: string; name: string }[];
  const only = options.documentIds ? new Set<number>(options.documentIds) : null;
  const result: CorpusSearch = { hits: [], ranges: [], total: 0, documents: [] };
  for (const row of rows) {
    if (only && !only.has(row.id)) continue;
    const found = findTerms(row.body, terms);
    if (found.length === 0) continue;
    const id = documentId(row.id);
    result.total += found.length;
    result.documents.push({ documentId: id, documentName: row.name, hits: found.length });
    const wanted = Math.max(0, options.limit - result.hits.length);
    if (wanted === 0 && !options.allRanges) continue;
    const { original, folded } = foldedSource(db, id);
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

export function conceptSynonyms(db: ReadableDB, id: ConceptId): string[] {
  return (sql(db, 'SELECT term FROM concept_synonym WHERE concept_id = ? ORDER BY position').all(id) as { term: string }[]).map((r) => r.term);
}

export function replaceSynonyms(db: WritableDB, id: ConceptId, terms: readonly string[]): void {
  sql(db, 'DELETE FROM concept_synonym WHERE concept_id = ?').run(id);
  terms.forEach((term, position) => sql(db, 'INSERT INTO concept_synonym (concept_id, term, position) VALUES (?, ?, ?)').run(id, term, position));
}

export function rejectedRanges(db: ReadableDB, id: ConceptId): Set<string> {
  const rows = sql(db, 'SELECT document_id, start_offset, end_offset FROM suggestion_rejection WHERE concept_id = ?').all(id) as {
    document_id: number;
    start_offset: number;
    end_offset: number;
  }[];
  return new Set(rows.map((r) => `${r.document_id}:${r.start_offset}:${r.end_offset}`));
}

export function insertRejection(db: WritableDB, id: ConceptId, range: HitRange): number {
  return sql(
    db,
    `INSERT OR IGNORE INTO suggestion_rejection (concept_id, document_id, start_offset, end_offset, rejected_at) VALUES (?, ?, ?, ?, ?)`,
  ).run(id, range.documentId, range.start, range.end, now()).changes;
}

/** The ranges a concept codes, per source, for leaving out suggestions it already covers. */
export function codedRanges(db: ReadableDB, id: ConceptId): Map<number, { start: number; end: number }[]> {
  const rows = sql(db, 'SELECT document_id, start_offset, end_offset FROM segment WHERE concept_id = ?').all(id) as {
    document_id: number;
    start_offset: number;
    end_offset: number;
  }[];
  const map = new Map<number, { start: number; end: number }[]>();
  for (const r of rows) {
    let list = map.get(r.document_id);
    if (!list) map.set(r.document_id, (list = []));
    list.push({ start: r.start_offset, end: r.end_offset });
  }
  return map;
}

// Word frequencies over the normalised text.

/** A normalised word as its first source writes it (letters as typed there, ZWNJ and harakat kept). */
function writtenForm(project: ProjectDb, word: string): string {
  const term: QueryTerm = { words: [word], prefix: false, typed: word };
  const row = sql(project.read, 'SELECT rowid AS id FROM search_text WHERE search_text MATCH ? LIMIT 1').get(ftsExpression([term])) as
    | { id: number }
    | undefined;
  if (!row) return word;
  const { original, folded } = foldedSource(project.read, documentId(row.id));
  const hit = findTerms(folded.text, [term])[0];
  if (!hit) return word;
  const range = originalRange(original, folded, hit.start, hit.end);
  return original.slice(range.start, range.end);
}

export function wordFrequencies(
  project: ProjectDb,
  options: { documentIds?: readonly DocumentId[]; limit: number; excludeStopWords: boolean },
): WordFrequencies {
  syncSearchIndex(project);
  const only = options.documentIds ? new Set<number>(options.documentIds) : null;
  const counts = new Map<string, number>();
  const docCounts = new Map<string, number>();
  const lastDoc = new Map<string, number>();
  let total = 0;
  let documents = 0;
  for (const row of sql(project.read, 'SELECT rowid AS id, body FROM search_text').iterate() as Iterable<{ id: number; body: string }>) {
    if (only && !only.has(row.id)) continue;
    documents += 1;
    for (const m of row.body.matchAll(WORD)) {
      const word = m[0];
      if (word.length < 2 || /^\d+$/u.test(word)) continue;
      if (options.excludeStopWords && STOP_WORDS.has(word)) continue;
      total += 1;
      counts.set(word, (counts.get(word) ?? 0) + 1);
      if (lastDoc.get(word) !== row.id) {
        lastDoc.set(word, row.id);
        docCounts.set(word, (docCounts.get(word) ?? 0) + 1);
      }
    }
  }
  const words = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.limit)
    .map(([word, count]) => ({ word, written: writtenForm(project, word), count, documents: docCounts.get(word) ?? 0 }));
  return { words, totalWords: total, distinctWords: counts.size, documents, stopWordsExcluded: options.excludeStopWords };
}
