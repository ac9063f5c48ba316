import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../shared/api/client';
import type { DocumentSummary } from '../../../shared/domain/model';
import { importTexts, readExample, startBackend, type TestBackend } from '../../helpers/backend';

let t: TestBackend;
let api: ApiClient;
let docs: DocumentSummary[];
const texts = new Map<number, string>();

const ZWNJ = '\u200C';
const GUIDE = 'B2B marketing guide (fa).txt';
const AR = 'B2B marketing attribution (ar).txt';

beforeEach(async () => {
  t = startBackend();
  api = t.api;
  await api.call('project.openExample', { fresh: true });
  docs = await api.call('document.list', {});
  for (const d of docs) texts.set(d.id, (await api.call('document.get', { id: d.id })).text);
});
afterEach(() => t.cleanup());

const docNamed = (name: string) => docs.find((d) => d.originalName === name || d.name === name.replace(/\.txt$/u, ''))!;
const count = (text: string, word: string) => text.split(word).length - 1;

describe('search over the seed articles', () => {
  it('finds a word typed with a ZWNJ in articles written without it, at the exact original offsets', async () => {
    const result = await api.call('search.query', { query: `کسب${ZWNJ}وکار` });
    expect(result.total).toBeGreaterThan(10);
    for (const hit of result.hits) {
      const text = texts.get(hit.documentId)!;
      expect(text.slice(hit.start, hit.end)).toBe(hit.text);
      expect(hit.text).toBe('کسبوکار');
      expect(text.slice(hit.start - hit.before.replace(/^… /u, '').length, hit.start)).toBe(hit.before.replace(/^… /u, ''));
      expect(hit.dir).toBe('rtl');
    }
    // Whole words: «کسبوکارها» and «کسبوکارتان» are other words.
    const guide = texts.get(docNamed(GUIDE).id)!;
    const wholeWords = [...guide.matchAll(/(?<![\p{L}\p{M}])کسبوکار(?![\p{L}\p{M}])/gu)].length;
    expect(result.documents.find((d) => d.documentId === docNamed(GUIDE).id)?.hits).toBe(wholeWords);
    const typed = await api.call('search.query', { query: 'می‌شود' });
    expect(typed.total).toBeGreaterThanOrEqual(count(guide, 'میشود') - 5);
    expect(typed.hits[0]!.text).toBe('میشود');
  });

  it('matches Arabic kaf and yeh with Persian letters, both ways', async () => {
    const arabic = await api.call('search.query', { query: 'التسویق' }); // typed with Persian yeh
    expect(arabic.documents.map((d) => d.documentId)).toEqual([docNamed(AR).id]);
    expect(arabic.hits[0]!.text).toBe('التسويق');
    const persian = await api.call('search.query', { query: 'مشتري' }); // typed with Arabic yeh
    expect(persian.total).toBeGreaterThan(0);
    expect(new Set(persian.hits.map((h) => h.text))).toEqual(new Set(['مشتری']));
    const kaf = await api.call('search.query', { query: 'كسبوكار' });
    expect(kaf.total).toBe((await api.call('search.query', { query: 'کسبوکار' })).total);
  });

  it('limits the hits shown but counts them all, and reports its time', async () => {
    const result = await api.call('search.query', { query: 'B2B', limit: 5 });
    expect(result.hits).toHaveLength(5);
    expect(result.total).toBeGreaterThan(5);
    expect(result.tookMs).toBeGreaterThanOrEqual(0);
    // The sources listed are those of the hits shown, each with all its hits; `sources` counts them all.
    expect(result.documents.map((d) => d.documentId)).toEqual([...new Set(result.hits.map((h) => h.documentId))]);
    const all = await api.call('search.query', { query: 'B2B', limit: 5000 });
    expect(all.hits).toHaveLength(result.total);
    expect(all.documents.reduce((n, d) => n + d.hits, 0)).toBe(result.total);
    expect(all.documents).toHaveLength(result.sources);
    const one = await api.call('search.query', { query: 'B2B', documentIds: [docNamed(GUIDE).id] });
    expect(one.documents.map((d) => d.documentId)).toEqual([docNamed(GUIDE).id]);
    expect(one.total).toBe(all.documents.find((d) => d.documentId === docNamed(GUIDE).id)!.hits);
    const coded = await api.call('search.autocode', { query: 'B2B', documentIds: [docNamed(GUIDE).id], newConcept: { label: 'b2b' } });
    expect(coded.coded).toBe(one.total);
  });

  it('counts in the index exactly the hits the texts hold, for every kind of query', async () => {
    await importTexts(api, { 'lines.txt': 'alpha beta\ngamma delta\nرا را را و را\nalpha, beta.' });
    for (const query of ['بازاریابی', `کسب${ZWNJ}وکار`, 'مشتری*', '"بازاریابی مبتنی بر حساب"', 'فروش اعتماد', 'را', 'B2B', 'التسویق', '"alpha beta"', '"beta gamma"', '"را را"', 'alpha gam*', '"beta gam"*']) {
      const result = await api.call('search.query', { query, limit: 5000 });
      // The total and the sources come from the index; each listed source's hits from its text.
      expect({ query, hits: result.documents.reduce((n, d) => n + d.hits, 0), sources: result.documents.length }).toEqual({
        query,
        hits: result.total,
        sources: result.sources,
      });
      expect(result.hits).toHaveLength(result.total);
    }
    // A phrase never runs across a line end; an overlapping phrase is taken occurrence after occurrence.
    expect((await api.call('search.query', { query: '"alpha beta"' })).total).toBe(2);
    expect((await api.call('search.query', { query: '"beta gamma"' })).total).toBe(0);
    expect((await api.call('search.query', { query: '"را را"' })).total).toBe(1);
  });

  it('refuses an empty query with a clear message', async () => {
    await expect(api.call('search.query', { query: '  ' })).rejects.toThrow('Type a word to search for.');
  });

  it('stays in step with imports and their undo', async () => {
    const word = 'زرافهنگاری';
    expect((await api.call('search.query', { query: word })).total).toBe(0);
    await importTexts(api, { 'new.txt': `این متن درباره ${word} است.` });
    expect((await api.call('search.query', { query: word })).total).toBe(1);
    await api.call('history.undo', {});
    expect((await api.call('search.query', { query: word })).total).toBe(0);
    await api.call('history.redo', {});
    expect((await api.call('search.query', { query: word })).total).toBe(1);
  });
});

describe('autocoding', () => {
  it('codes every hit in one undo step, and skips what is already coded', async () => {
    const hits = await api.call('search.query', { query: 'میشود', limit: 5000 });
    const first = hits.hits[0]!;
    const before = await api.call('segment.code', { documentId: first.documentId, start: first.start, end: first.end, newConcept: { label: 'passive' } });
    const result = await api.call('search.autocode', { query: 'می‌شود', conceptId: before.conceptId });
    expect(result).toEqual({ conceptId: before.conceptId, coded: hits.total - 1, skipped: 1 });
    let segments = await api.call('segment.list', { scope: { kind: 'concept', id: before.conceptId } });
    expect(segments).toHaveLength(hits.total);
    for (const s of segments) expect(s.text).toBe(texts.get(s.documentId)!.slice(s.start, s.end));
    const history = await api.call('history.get', {});
    expect(history.undo?.label).toContain('Autocode');
    await api.call('history.undo', {});
    segments = await api.call('segment.list', { scope: { kind: 'concept', id: before.conceptId } });
    expect(segments).toHaveLength(1);
  });

  it('codes selected hits with a new concept, widened to their sentence', async () => {
    const { hits } = await api.call('search.query', { query: 'التسويق', limit: 2 });
    const result = await api.call('search.autocode', { hits: hits.map(({ documentId, start, end }) => ({ documentId, start, end })), newConcept: { label: 'تسويق' }, extend: 'sentence' });
    expect(result.coded).toBe(2);
    const segments = await api.call('segment.list', { scope: { kind: 'concept', id: result.conceptId! } });
    expect(segments.every((s) => s.text.includes('التسويق') && s.text.length > 'التسويق'.length)).toBe(true);
  });
});

describe('dictionary suggestions', () => {
  it('offers hits of the label and synonyms; accepted ones are coded, rejected ones never come back', async () => {
    const concept = await api.call('concept.create', { label: 'مشتری' });
    expect(await api.call('synonym.set', { conceptId: concept.id, terms: ['العميل', ' مشتري ', 'العميل'] })).toEqual(['العميل']);
    const first = await api.call('suggestion.list', { conceptId: concept.id });
    expect(first.terms).toEqual(['مشتری', 'العميل']);
    expect(first.suggestions.some((s) => s.text === 'العميل')).toBe(true);
    expect(first.suggestions.some((s) => s.text === 'مشتری')).toBe(true);
    // Nothing is coded by being suggested.
    expect(await api.call('segment.list', { scope: { kind: 'concept', id: concept.id } })).toHaveLength(0);

    const [a, b, c, d] = first.suggestions;
    const pick = (h: typeof a) => ({ documentId: h!.documentId, start: h!.start, end: h!.end });
    await api.call('search.autocode', { hits: [pick(a), pick(b)], conceptId: concept.id });
    await api.call('suggestion.reject', { conceptId: concept.id, hits: [pick(c), pick(d)] });
    const second = await api.call('suggestion.list', { conceptId: concept.id });
    expect(second.suggestions).toHaveLength(first.suggestions.length - 4);
    expect(second.alreadyCoded).toBe(first.alreadyCoded + 2);
    expect(second.rejected).toBe(2);
    const key = (h: typeof a) => `${h!.documentId}:${h!.start}`;
    expect(second.suggestions.map(key)).not.toContain(key(c));
    expect(await api.call('segment.list', { scope: { kind: 'concept', id: concept.id } })).toHaveLength(2);

    // Rejecting is undoable, and the synonyms survive in the project.
    await api.call('history.undo', {});
    expect((await api.call('suggestion.list', { conceptId: concept.id })).rejected).toBe(0);
    expect(await api.call('synonym.list', { conceptId: concept.id })).toEqual(['العميل']);
  });
});

describe('word frequencies', () => {
  it('counts normalised words across the corpus without stop words', async () => {
    const all = await api.call('stats.wordFrequencies', { limit: 50 });
    expect(all.documents).toBe(docs.length);
    const words = all.words.map((w) => w.word);
    expect(words).not.toContain('و');
    expect(words).not.toContain('the');
    expect(words).toContain('بازاریابی');
    // Counted normalised (آ as ا), shown as a source writes it.
    const income = all.words.find((w) => w.word === 'درامد');
    expect(income?.written).toBe('درآمد');
    const withStop = await api.call('stats.wordFrequencies', { limit: 50, stopWords: false });
    expect(withStop.words.map((w) => w.word)).toContain('در');
    // Counted from the index's vocabulary, or from the texts when sources are named: the same words.
    const read = await api.call('stats.wordFrequencies', { limit: 50, documentIds: docs.map((d) => d.id) });
    expect(read).toEqual(all);
    const one = await api.call('stats.wordFrequencies', { documentIds: [docNamed(AR).id], limit: 10 });
    expect(one.documents).toBe(1);
    expect(one.words.every((w) => w.documents === 1)).toBe(true);
  });
});

describe('the project file', () => {
  it('deleting a concept takes its synonyms and rejections with it, and undo brings them back', async () => {
    const concept = await api.call('concept.create', { label: 'مشتری' });
    await api.call('synonym.set', { conceptId: concept.id, terms: ['العميل'] });
    const { suggestions } = await api.call('suggestion.list', { conceptId: concept.id });
    await api.call('suggestion.reject', { conceptId: concept.id, hits: [suggestions[0]!] .map(({ documentId, start, end }) => ({ documentId, start, end })) });
    await api.call('concept.delete', { id: concept.id });
    await expect(api.call('synonym.list', { conceptId: concept.id })).rejects.toThrow('does not exist');
    await api.call('history.undo', {});
    expect(await api.call('synonym.list', { conceptId: concept.id })).toEqual(['العميل']);
    expect((await api.call('suggestion.list', { conceptId: concept.id })).rejected).toBe(1);
    await api.call('history.redo', {});
    await expect(api.call('synonym.list', { conceptId: concept.id })).rejects.toThrow('does not exist');
  });

  it('an autocode is one history step named after the search', async () => {
    const result = await api.call('search.autocode', { query: 'التسويق', newConcept: { label: 'marketing (ar)' } });
    const history = await api.call('history.get', {});
    expect(history.undo?.label).toBe(`Autocode ${result.coded} hits of “التسويق” with “marketing (ar)”`);
    await api.call('history.undo', {});
    const codebook = await api.call('codebook.get', {});
    expect(codebook.concepts.find((c) => c.label === 'marketing (ar)')).toBeUndefined();
  });
});
