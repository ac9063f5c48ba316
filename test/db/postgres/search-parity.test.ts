// Search gives the same answer on both engines: the same sources, hits, offsets, contexts and
// totals for whole words, prefixes, phrases, several terms, Persian and Arabic letter forms, ZWNJ,
// digits and two-letter words, whether PostgreSQL's word index is complete, partial or empty; and
// the same word frequencies. The hits are found by the same code on both (db/search.ts); what
// differs is how sources are pre-selected (SQLite: FTS5; PostgreSQL: its word index).

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { postgresIndexSome } from '../../../db/postgres/search-index';
import { refreshSearchIndex, searchCorpus, wordFrequencies } from '../../../db/search';
import type { Store } from '../../../db/store';
import { parseQuery } from '../../../shared/domain/search-query';
import { testProjects } from '../../helpers/engine';
import { EXAMPLES } from '../../helpers/files';
import { addSource, count, removeSource } from '../../helpers/store';

const sqlite = testProjects('sqlite');
const postgres = testProjects('postgres');
afterEach(async () => {
  await sqlite.cleanup();
  await postgres.cleanup();
});

const QUERIES = [
  'بازاریابی',
  'بازار*',
  'کسب‌وکار',
  'كسبوكار',
  '"مبتنی بر حساب"',
  'مشتري',
  'B2B',
  'b2b marketing',
  'market*',
  '"account-based marketing"',
  'ها',
  'را',
  '2022',
  '۲۰۲۲',
  'التسويق',
  'تسويق*',
  'إسناد',
  'nothingatall',
  'trust partner*',
  '_%',
  'pub*',
  'x_y',
];

const EXTRA: Record<string, string> = {
  'digits.txt': 'Published in 2022 (۲۰۲۲) and ٢٠٢٢, a year of trust between partners.\nپارتنرها را دیدیم.',
  'odd.txt': 'A word like x_y and x_yz, 100% and _% signs; کسب‌وکار and كسبوكار side by side.\nمُحَمَّد ـــ تسويقات.',
};

async function fill(store: Store): Promise<void> {
  const files = fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.txt')).sort();
  await store.write({ kind: 'document.import', label: 'Import' }, async (db) => {
    for (const f of files) await addSource(db, f, fs.readFileSync(path.join(EXAMPLES, f), 'utf8').replace(/\r\n/g, '\n'));
    for (const [name, text] of Object.entries(EXTRA)) await addSource(db, name, text);
  });
}

const answer = (store: Store, query: string, allRanges = false) =>
  store.read(async (db) => {
    const parsed = parseQuery(query);
    if (!parsed.ok) return parsed.error;
    const result = await searchCorpus(db, parsed.terms, { limit: 50, allRanges });
    // Ids differ only if the engines numbered sources differently; they do not here.
    return result;
  });

describe('search on PostgreSQL', () => {
  it('gives the same hits as SQLite for every kind of query, with the index full, partial and empty', async () => {
    const a = (await sqlite.create()).store;
    const b = (await postgres.create()).store;
    await fill(a);
    await fill(b);
    await refreshSearchIndex(a);

    // Nothing listed yet: every source is read.
    expect(await b.read((db) => count(db, 'search_folded'))).toBe(0);
    for (const q of QUERIES) expect(await answer(b, q), q).toEqual(await answer(a, q));

    // Some listed, some not.
    await b.writeUnlogged((db) => postgresIndexSome(db, 1));
    expect(await b.read((db) => count(db, 'search_folded'))).toBe(1);
    for (const q of QUERIES) expect(await answer(b, q), q).toEqual(await answer(a, q));

    // All listed (as a search through the app leaves it).
    await refreshSearchIndex(b);
    expect(await b.read((db) => count(db, 'search_folded'))).toBe(7);
    for (const q of QUERIES) {
      expect(await answer(b, q), q).toEqual(await answer(a, q));
      expect(await answer(b, q, true), q).toEqual(await answer(a, q, true));
    }
    // The index does rule sources out (else it would prove nothing).
    const hits = await answer(b, 'التسويق');
    expect('documents' in hits ? hits.documents.map((d) => d.documentName) : []).toEqual(['B2B marketing attribution (ar).txt']);
  });

  it('follows deletions and undo, and counts words as SQLite does', async () => {
    const a = (await sqlite.create()).store;
    const b = (await postgres.create()).store;
    for (const store of [a, b]) {
      await fill(store);
      await refreshSearchIndex(store);
      await store.write({ kind: 'document.delete', label: 'Delete' }, (db) => removeSource(db, 6 as never));
      await refreshSearchIndex(store);
    }
    for (const q of ['trust', 'کسب‌وکار', 'x_y']) expect(await answer(b, q), q).toEqual(await answer(a, q));
    await a.undo();
    await b.undo();
    await refreshSearchIndex(a);
    await refreshSearchIndex(b);
    for (const q of ['trust', 'کسب‌وکار', 'x_y']) expect(await answer(b, q), q).toEqual(await answer(a, q));
    const frequencies = (store: Store) => store.read((db) => wordFrequencies(db, { limit: 100, excludeStopWords: true }));
    expect(await frequencies(b)).toEqual(await frequencies(a));
  });
});
