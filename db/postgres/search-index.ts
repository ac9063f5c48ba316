// PostgreSQL only: the search index, a list of the normalised words of every source text with how
// often each occurs (tables search_folded and search_word, keyed by the text's SHA-256, derived
// data never in the command log). It only pre-selects: a source can hold a term only if its text
// has every word of the term (the last one as a prefix for `word*`), and the hits themselves are
// found in the folded text by the same code as on SQLite (db/search.ts), so both engines give the
// same hits. A source whose words are not listed yet (or were listed under other folding rules)
// is read instead, so a result never depends on the index being complete.

import crypto from 'node:crypto';
import type { QueryTerm } from '../../shared/domain/search-query';
import { foldText, WORD } from '../../shared/domain/search-text';
import type { ReadableDB, WritableDB } from '../handles';
import type { Store } from '../store';

/** Changes whenever the folding rules fold this sample differently: words listed before are listed again. */
const SAMPLE =
  'ي ى ئ ك ة ۀ ھ أ إ آ ٱ ؤ ۰۱۲۳۴۵۶۷۸۹ ٠١٢٣٤٥٦٧٨٩ کسب‌وکار مُحَمَّد ـــ ﻛﺘﺎﺏ ABC Äß İ ﬁ \u200d\u200b\u00ad\ufeff\u061c\u202b\u2067';
export const FOLDING_RULES = `1:${crypto.createHash('sha256').update(foldText(SAMPLE)).digest('hex').slice(0, 16)}`;

/** Text listed per transaction while catching up: short enough to let other changes in between. */
const BATCH_CHARS = 2_000_000;

const likePrefix = (word: string) => `${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The words of one text with their counts. */
function wordCounts(text: string): Record<string, number> {
  const counts: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const m of foldText(text).matchAll(WORD)) counts[m[0]] = (counts[m[0]] ?? 0) + 1;
  return counts;
}

/** Lists the words of some texts not yet listed under these rules; returns how many texts still wait. */
export async function postgresIndexSome(db: WritableDB, maxChars = BATCH_CHARS): Promise<number> {
  await db.run('DELETE FROM search_folded WHERE rules <> ?', FOLDING_RULES);
  const waiting = await db.all<{ sha256: string; length: number }>(
    `SELECT d.sha256, d.length FROM document d LEFT JOIN search_folded f ON f.sha256 = d.sha256
     WHERE f.sha256 IS NULL ORDER BY d.id`,
  );
  let chars = 0;
  let done = 0;
  for (const { sha256, length } of waiting) {
    if (done > 0 && chars + Number(length) > maxChars) break;
    const row = await db.get<{ text: string }>('SELECT text FROM source_text WHERE sha256 = ?', sha256);
    if (!row) continue;
    chars += row.text.length;
    done += 1;
    await db.run('INSERT INTO search_folded (sha256, rules) VALUES (?, ?)', sha256, FOLDING_RULES);
    await db.run(
      `INSERT INTO search_word (sha256, word, occurrences)
       SELECT ?, key, CAST(value AS INTEGER) FROM json_each_text(CAST(? AS json))`,
      sha256,
      JSON.stringify(wordCounts(row.text)),
    );
  }
  return waiting.length - done;
}

/** Sources whose words are not listed (under these rules): searched by reading them. */
async function unlisted(db: ReadableDB): Promise<number[]> {
  const rows = await db.all<{ id: number }>(
    `SELECT d.id FROM document d LEFT JOIN search_folded f ON f.sha256 = d.sha256 AND f.rules = ? WHERE f.sha256 IS NULL`,
    FOLDING_RULES,
  );
  return rows.map((r) => Number(r.id));
}

/**
 * The sources that may hold every term: those whose listed words include each word of each term,
 * and those not listed yet. Every source holding a hit is among them.
 */
export async function postgresSourcesThatMayMatch(db: ReadableDB, terms: readonly QueryTerm[]): Promise<Set<number>> {
  const conditions: string[] = [];
  const params: string[] = [FOLDING_RULES];
  for (const term of terms) {
    term.words.forEach((word, i) => {
      const prefix = term.prefix && i === term.words.length - 1;
      conditions.push(`d.sha256 IN (SELECT sha256 FROM search_word WHERE word ${prefix ? "LIKE ? ESCAPE '\\'" : '= ?'})`);
      params.push(prefix ? likePrefix(word) : word);
    });
  }
  const listed = await db.all<{ id: number }>(
    `SELECT d.id FROM document d JOIN search_folded f ON f.sha256 = d.sha256 AND f.rules = ?
     ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}`,
    ...params,
  );
  return new Set([...listed.map((r) => Number(r.id)), ...(await unlisted(db))]);
}

/** Lists the words of every source not listed yet (before a search; not a user action). */
export async function postgresRefreshSearchIndex(store: Store): Promise<void> {
  if (store.readOnly) return;
  if ((await store.read(unlisted)).length === 0) return;
  while ((await store.writeUnlogged((db) => postgresIndexSome(db))) > 0) {
    // The next batch after other changes waiting for the project.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
