// The corpus of the scale benchmark: 2,000 generated sources of about 100 MB of UTF-8 text in all
// (Persian, Arabic and English paragraphs of the example texts, shuffled with a seeded PRNG, ZWNJ
// put back into Persian words), the same on every run.

import { addZwnj, loadPools, prng, randInt } from './corpus.mjs';

export { prng, randInt };

export const SCALE_SOURCES = Number(process.env.GROUNDWORK_BENCH_SCALE_SOURCES) || 2_000;
export const SCALE_BYTES = Number(process.env.GROUNDWORK_BENCH_SCALE_MB || 100) * 1024 * 1024;

/** `count` sources of `bytes` UTF-8 bytes in all (each between a fifth and 1.8 times the mean). */
export function generateScaleCorpus(examplesDir, { count = SCALE_SOURCES, bytes = SCALE_BYTES, seed = 2_000 } = {}) {
  const pools = loadPools(examplesDir);
  const rng = prng(seed);
  const mean = bytes / count;
  const files = [];
  let total = 0;
  for (let i = 0; i < count; i += 1) {
    const main = rng() < 0.6 ? 'fa' : rng() < 0.5 ? 'ar' : 'en';
    const wanted = Math.round(mean * (0.2 + 1.6 * rng()));
    const lines = [`Source ${i + 1}`];
    let size = lines[0].length;
    while (size < wanted) {
      const roll = rng();
      const lang = roll < 0.8 ? main : roll < 0.9 ? 'en' : 'fa';
      let paragraph = pools[lang][randInt(rng, 0, pools[lang].length - 1)].normalize('NFC');
      if (lang === 'fa') paragraph = addZwnj(rng, paragraph);
      lines.push(paragraph);
      size += Buffer.byteLength(paragraph, 'utf8') + 1;
    }
    const text = lines.join('\n');
    total += Buffer.byteLength(text, 'utf8');
    // Names (and so record titles) as distinct as real titles: a number and three words of the text.
    const words = text.split(/\s+/u).filter((w) => w.length > 3);
    const title = Array.from({ length: 3 }, () => words[randInt(rng, 0, words.length - 1)]).join(' ');
    files.push({ name: `${String(i + 1).padStart(4, '0')} ${title} (${main}).txt`.replace(/[\\/:*?"<>|]/gu, ''), text });
  }
  return { files, bytes: total };
}
