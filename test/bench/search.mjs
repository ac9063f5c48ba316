// Corpus search timings: 1,000 generated sources (Persian, Arabic and English paragraphs of the
// example texts, shuffled with a seeded PRNG, ZWNJ put back into Persian words) imported into a
// fresh project through the HTTP API, then the index build, queries of each kind, autocoding and
// word frequencies, each as the renderer would call them.

import { addZwnj, loadPools, prng, randInt } from './corpus.mjs';
import { repeat, summarize } from './stats.mjs';

export const SEARCH_SOURCES = Number(process.env.GROUNDWORK_BENCH_SEARCH_SOURCES) || 1_000;

/** The sources: each 1–60 paragraphs of one main language, with other-language paragraphs mixed in. */
export function generateCorpus(examplesDir, count = SEARCH_SOURCES, seed = 1400) {
  const pools = loadPools(examplesDir);
  const rng = prng(seed);
  const files = [];
  let bytes = 0;
  for (let i = 0; i < count; i += 1) {
    const main = rng() < 0.6 ? 'fa' : rng() < 0.5 ? 'ar' : 'en';
    const lines = [`Source ${i + 1}`];
    for (let k = randInt(rng, 1, 60); k > 0; k -= 1) {
      const roll = rng();
      const lang = roll < 0.8 ? main : roll < 0.9 ? 'en' : 'fa';
      let paragraph = pools[lang][randInt(rng, 0, pools[lang].length - 1)];
      if (lang === 'fa') paragraph = addZwnj(rng, paragraph);
      lines.push(paragraph);
    }
    const text = lines.join('\n');
    bytes += Buffer.byteLength(text, 'utf8');
    files.push({ name: `Corpus ${String(i + 1).padStart(4, '0')} (${main}).txt`, text });
  }
  return { files, bytes };
}

export const QUERIES = [
  ['Persian word typed with ZWNJ (کسب‌وکار)', 'کسب\u200Cوکار'],
  ['common Persian word (بازاریابی)', 'بازاریابی'],
  ['Arabic word typed in Persian letters (التسویق)', 'التسویق'],
  ['English word (marketing)', 'marketing'],
  ['phrase ("بازاریابی مبتنی بر حساب")', '"بازاریابی مبتنی بر حساب"'],
  ['prefix (مشتری*)', 'مشتری*'],
  ['two words, both required (فروش اعتماد)', 'فروش اعتماد'],
  ['two-letter word (را)', 'را'],
  ['word in no source', 'زرافهنگاری'],
];

export async function benchSearch({ host, examplesDir, log }) {
  const results = {};
  const corpus = generateCorpus(examplesDir);
  results.corpus = { sources: corpus.files.length, bytes: corpus.bytes };
  log(`search: ${corpus.files.length} sources, ${(corpus.bytes / 1024 / 1024).toFixed(1)} MB; importing…`);
  await host.call('project.create', { name: `Search bench ${Date.now()}` });
  const importTimes = [];
  for (let i = 0; i < corpus.files.length; i += 100) {
    const batch = corpus.files.slice(i, i + 100).map((f) => ({ name: f.name, dataBase64: Buffer.from(f.text, 'utf8').toString('base64') }));
    const { value, ms } = await host.timed('document.import', { files: batch });
    const failed = value.filter((r) => r.status !== 'imported');
    if (failed.length) throw new Error(`import failed: ${failed[0].message}`);
    importTimes.push(ms);
  }
  results['import, per batch of 100 sources'] = summarize(importTimes);

  log('search: first query (builds the index)…');
  const first = await host.timed('search.query', { query: 'بازاریابی' });
  results['first search (index of every source built)'] = summarize([first.ms]);

  for (const [name, query] of QUERIES) {
    const r = await repeat(10, async () => host.timed('search.query', { query, limit: 200 }));
    results[`search: ${name}`] = { ...r, hits: r.last.value.total, sources: r.last.value.documents.length, backendMs: r.last.value.tookMs, responseBytes: r.last.bytes };
    delete results[`search: ${name}`].last;
  }

  const more = await repeat(5, async () => host.timed('search.query', { query: 'بازاریابی', limit: 2000 }));
  results['search: 2,000 hits with context ("show more")'] = { ...more, responseBytes: more.last.bytes };
  delete results['search: 2,000 hits with context ("show more")'].last;

  log('search: autocode and its undo…');
  const concept = await host.call('concept.create', { label: 'bench autocode' });
  const autocode = await host.timed('search.autocode', { query: 'اعتماد', conceptId: concept.id });
  results['autocode every hit of اعتماد (one command)'] = { ...summarize([autocode.ms]), coded: autocode.value.coded };
  const undo = await host.timed('history.undo', {});
  results['undo of that autocode'] = summarize([undo.ms]);

  const freq = await repeat(3, async () => host.timed('stats.wordFrequencies', { limit: 100 }));
  results['word frequencies, whole corpus'] = { ...freq, words: freq.last.value.totalWords };
  delete results['word frequencies, whole corpus'].last;

  // After deleting a source, the next search brings the index in step first.
  const docs = await host.call('document.list', {});
  await host.call('document.delete', { id: docs[0].id });
  const resync = await host.timed('search.query', { query: 'بازاریابی' });
  results['search right after deleting a source (index re-synced)'] = summarize([resync.ms]);
  await host.call('project.close', {});
  return results;
}
