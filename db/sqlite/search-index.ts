// SQLite only: the full-text index behind corpus search (migration 010). A contentless FTS5 table
// over each source's normalised words, filled from the one copy of the text (source_text): it
// keeps no text of its own. It is kept in step by the store inside each change (a source whose
// row a command, undo or redo inserts is queued, one it deletes leaves the index at once) and
// queued sources are indexed soon after, outside the user's command. Invariant: every source is
// either indexed (search_indexed) or queued (search_queue), never both; search_index_meta names
// the folding rules the index was built with, and the index is used only when they are current.

import { ftsExpression, type QueryTerm } from '../../shared/domain/search-query';
import { FOLDING_VERSION, foldText } from '../../shared/domain/search-text';
import type { ReadableDB, WritableDB } from '../handles';
import { marks } from '../sql';

/**
 * A token that never occurs in folded text (tatweel is folded away), written at every line end,
 * so a phrase never matches across lines, as findTerms never does.
 */
const LINE_BARRIER = ' \u0640 ';

/** What the index holds for a text: its normalised words, lines kept apart. */
export function searchIndexBody(text: string): string {
  return foldText(text).replaceAll('\n', LINE_BARRIER);
}

export interface SearchIndexState {
  /** Built with the current folding rules (else every search scans the texts). */
  current: boolean;
  /** Sources waiting to be indexed (a search scans their texts meanwhile). */
  queued: number;
}

export async function sqliteSearchIndexState(db: ReadableDB): Promise<SearchIndexState> {
  const meta = await db.get<{ folding: number }>('SELECT folding FROM search_index_meta WHERE id = 1');
  const queued = await db.get<{ n: number }>('SELECT count(*) AS n FROM search_queue');
  return { current: Number(meta?.folding) === FOLDING_VERSION, queued: Number(queued?.n ?? 0) };
}

/** The sources waiting to be indexed. */
export async function sqliteQueuedSources(db: ReadableDB): Promise<Set<number>> {
  return new Set((await db.all<{ id: number }>('SELECT document_id AS id FROM search_queue')).map((r) => Number(r.id)));
}

/**
 * The store's hook inside a change: `ids` are the sources whose row the change inserted or deleted.
 * A source present now is queued (unless indexed); one gone leaves the index. True if any was queued.
 */
export async function sqliteSearchSourcesChanged(db: WritableDB, ids: readonly number[]): Promise<boolean> {
  let queued = false;
  for (const id of ids) {
    if (await db.get('SELECT 1 AS one FROM document WHERE id = ?', id)) {
      if (await db.get('SELECT 1 AS one FROM search_indexed WHERE document_id = ?', id)) continue;
      queued = (await db.run('INSERT INTO search_queue (document_id) VALUES (?) ON CONFLICT DO NOTHING', id)).changes > 0 || queued;
    } else {
      await db.run('DELETE FROM search_queue WHERE document_id = ?', id);
      if ((await db.run('DELETE FROM search_indexed WHERE document_id = ?', id)).changes > 0) {
        await db.run('DELETE FROM search_index WHERE rowid = ?', id);
      }
    }
  }
  return queued;
}

/**
 * After a change that bypassed the command log (writeUnlogged: building a bundled project): the
 * index and queue brought in step with the source rows by id. True if any source was queued.
 */
export async function sqliteReconcileSearchIndex(db: WritableDB): Promise<boolean> {
  const gone = await db.all<{ id: number }>('SELECT document_id AS id FROM search_indexed WHERE document_id NOT IN (SELECT id FROM document)');
  for (const { id } of gone) {
    await db.run('DELETE FROM search_index WHERE rowid = ?', id);
    await db.run('DELETE FROM search_indexed WHERE document_id = ?', id);
  }
  await db.run('DELETE FROM search_queue WHERE document_id NOT IN (SELECT id FROM document)');
  const added = await db.run(
    `INSERT INTO search_queue (document_id) SELECT id FROM document WHERE id NOT IN (SELECT document_id FROM search_indexed)
     ON CONFLICT DO NOTHING`,
  );
  return added.changes > 0;
}

/** Empties the index and queues every source, when it was built with other folding rules. True if it did. */
export async function sqliteRestartStaleSearchIndex(db: WritableDB): Promise<boolean> {
  if ((await sqliteSearchIndexState(db)).current) return false;
  await db.run(`INSERT INTO search_index (search_index) VALUES ('delete-all')`);
  await db.run('DELETE FROM search_indexed');
  await db.run('DELETE FROM search_queue');
  await db.run('INSERT INTO search_queue (document_id) SELECT id FROM document');
  await db.run('UPDATE search_index_meta SET folding = ? WHERE id = 1', FOLDING_VERSION);
  return true;
}

/**
 * Indexes queued sources, about `budget` characters of text (at least one source); returns how
 * many are still queued. Not a user action: run outside any command (writeUnlogged).
 */
export async function sqliteIndexQueued(db: WritableDB, budget: number): Promise<number> {
  const queued = await db.all<{ id: number; sha256: string; length: number }>(
    'SELECT q.document_id AS id, d.sha256, d.length FROM search_queue q JOIN document d ON d.id = q.document_id ORDER BY q.document_id',
  );
  let spent = 0;
  let done = 0;
  for (const doc of queued) {
    if (done > 0 && spent + Number(doc.length) > budget) break;
    const row = await db.get<{ text: string }>('SELECT text FROM source_text WHERE sha256 = ?', doc.sha256);
    await db.run('INSERT INTO search_index (rowid, body) VALUES (?, ?)', doc.id, searchIndexBody(row?.text ?? ''));
    await db.run('INSERT INTO search_indexed (document_id) VALUES (?)', doc.id);
    await db.run('DELETE FROM search_queue WHERE document_id = ?', doc.id);
    spent += Number(doc.length);
    done += 1;
  }
  return queued.length - done;
}

// Matching and counting. A term is a word, a prefix (word*) or a phrase of words; a source
// matches when it holds every term; a hit is one occurrence of one term (findTerms' rules).

/** The indexed sources holding every term, restricted to `only` when given. */
export async function sqliteMatchingSources(db: ReadableDB, terms: readonly QueryTerm[], only: readonly number[] | null): Promise<number[]> {
  const restrict = only ? ` AND rowid IN (${marks(only.length)})` : '';
  const rows = await db.all<{ id: number }>(
    `SELECT rowid AS id FROM search_index WHERE search_index MATCH ?${restrict}`,
    ftsExpression(terms),
    ...(only ?? []),
  );
  return rows.map((r) => Number(r.id));
}

// A prefix's words are the terms from the prefix up to the prefix followed by the last code point.
const prefixEnd = (word: string) => `${word}\u{10FFFF}`;

const termCondition = (word: string, prefix: boolean) => (prefix ? 'term >= ? AND term < ?' : 'term = ?');
const termParams = (word: string, prefix: boolean) => (prefix ? [word, prefixEnd(word)] : [word]);

/**
 * Whether two occurrences of the phrase can overlap (say "را را" in "را را را"): findTerms takes
 * them one after the other, which positions alone cannot tell, so such a phrase is counted in the texts.
 */
export function phraseMayOverlap(term: QueryTerm): boolean {
  const w = term.words;
  const n = w.length;
  for (let shift = 1; shift < n; shift += 1) {
    let overlaps = true;
    for (let i = 0; i + shift < n && overlaps; i += 1) {
      const later = i + shift;
      overlaps = later === n - 1 && term.prefix ? w[i]!.startsWith(w[n - 1]!) : w[later] === w[i];
    }
    if (overlaps) return true;
  }
  return false;
}

/**
 * The occurrences of one term in the sources `within` selects (SQL naming a column `doc` set,
 * with its parameters). A phrase is followed word by word from its rarest word: each step keeps
 * the places where the next word stands at its position, so no word's occurrences are all joined.
 */
async function termOccurrences(db: ReadableDB, term: QueryTerm, within: { sql: string; params: unknown[] }): Promise<number> {
  const words = term.words;
  const last = words.length - 1;
  if (words.length === 1) {
    const row = await db.get<{ n: number }>(
      `SELECT count(*) AS n FROM search_index_instance WHERE ${termCondition(words[0]!, term.prefix)} AND doc IN (${within.sql})`,
      ...termParams(words[0]!, term.prefix),
      ...(within.params as never[]),
    );
    return Number(row?.n ?? 0);
  }
  // Rarest word first (a prefix counts as common): its places seed the search.
  const frequency = new Map<number, number>();
  for (const [i, word] of words.entries()) {
    if (i === last && term.prefix) frequency.set(i, Number.MAX_SAFE_INTEGER);
    else frequency.set(i, Number((await db.get<{ cnt: number }>('SELECT cnt FROM search_index_row WHERE term = ?', word))?.cnt ?? 0));
  }
  const order = [...words.keys()].sort((a, b) => frequency.get(a)! - frequency.get(b)! || a - b);
  const steps: string[] = [];
  const params: unknown[] = [];
  for (const [k, i] of order.entries()) {
    const prefix = i === last && term.prefix;
    const previous = k === 0 ? `doc IN (${within.sql})` : `(doc, offset - ${i}) IN (SELECT doc, start FROM step${k - 1})`;
    steps.push(
      `step${k}(doc, start) AS MATERIALIZED (SELECT doc, offset - ${i} FROM search_index_instance WHERE ${termCondition(words[i]!, prefix)} AND ${previous})`,
    );
    params.push(...termParams(words[i]!, prefix));
    if (k === 0) params.push(...within.params);
  }
  const row = await db.get<{ n: number }>(`WITH ${steps.join(',\n')} SELECT count(*) AS n FROM step${order.length - 1}`, ...(params as never[]));
  return Number(row?.n ?? 0);
}

/**
 * The hits of every term in the indexed sources holding them all (restricted to `only`), or null
 * when a term is a phrase whose occurrences may overlap (the caller counts those in the texts).
 */
export async function sqliteHitTotal(db: ReadableDB, terms: readonly QueryTerm[], only: readonly number[] | null): Promise<number | null> {
  if (terms.some(phraseMayOverlap)) return null;
  const [single] = terms;
  if (terms.length === 1 && !only && single!.words.length === 1) {
    // One word or prefix over every source: the vocabulary holds its count.
    const row = await db.get<{ n: number | null }>(
      `SELECT sum(cnt) AS n FROM search_index_row WHERE ${termCondition(single!.words[0]!, single!.prefix)}`,
      ...termParams(single!.words[0]!, single!.prefix),
    );
    return Number(row?.n ?? 0);
  }
  const within = {
    sql: `SELECT rowid FROM search_index WHERE search_index MATCH ?${only ? ` AND rowid IN (${marks(only.length)})` : ''}`,
    params: [ftsExpression(terms), ...(only ?? [])],
  };
  let total = 0;
  for (const term of terms) total += await termOccurrences(db, term, within);
  return total;
}

/** Every word in the index with its occurrences and the number of sources holding it. */
export async function sqliteVocabulary(db: ReadableDB, each: (row: { term: string; doc: number; cnt: number }) => void): Promise<void> {
  await db.each<{ term: string; doc: number; cnt: number }>('SELECT term, doc, cnt FROM search_index_row', [], each);
}

/** The first indexed source (by id) holding a word, for showing it as written there. */
export async function sqliteFirstSourceWith(db: ReadableDB, word: string): Promise<number | undefined> {
  const row = await db.get<{ id: number | null }>(
    'SELECT min(rowid) AS id FROM search_index WHERE search_index MATCH ?',
    ftsExpression([{ words: [word], prefix: false, typed: word }]),
  );
  return row?.id === null || row?.id === undefined ? undefined : Number(row.id);
}
