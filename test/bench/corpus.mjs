// Generated long sources for the benchmark: paragraphs drawn (shuffled, repeated) from the example
// sources with a seeded PRNG, so every run measures the same text. Mostly Persian, with English
// and Arabic paragraphs mixed in, and zero width non-joiners put back into Persian words
// (the example texts lost theirs), since ZWNJ affects shaping and offsets.

import fs from 'node:fs';
import path from 'node:path';

export const ZWNJ = '\u200C';

/** A small, fast, seedable PRNG (mulberry32): returns floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max], both included. */
export const randInt = (rng, min, max) => min + Math.floor(rng() * (max - min + 1));

function shuffle(rng, items) {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** A deck that deals its cards in a shuffled order and reshuffles when empty. */
function deck(rng, cards) {
  let pile = [];
  return () => {
    if (pile.length === 0) pile = shuffle(rng, cards);
    return pile.pop();
  };
}

/** The non-empty paragraphs of the example sources, by language (from the "(fa)" style suffix). */
export function loadPools(examplesDir) {
  const pools = { fa: [], ar: [], en: [] };
  for (const file of fs.readdirSync(examplesDir).sort()) {
    const lang = /\((fa|ar|en)\)\.[a-z]+$/.exec(file)?.[1];
    if (!lang) continue;
    const text = fs.readFileSync(path.join(examplesDir, file), 'utf8').replace(/^\uFEFF/, '');
    for (const line of text.split(/\r?\n/)) {
      const trimmed = line.trim();
      if (trimmed) pools[lang].push(trimmed);
    }
  }
  for (const [lang, list] of Object.entries(pools)) {
    if (list.length === 0) throw new Error(`No ${lang} example paragraphs in ${examplesDir}`);
  }
  return pools;
}

const PERSIAN_WORD = /^[\u0600-\u06FF]+$/;
const SUFFIXES = ['هایی', 'های', 'ها', 'ترین', 'تر'];

/**
 * Puts ZWNJ back where Persian writes it: after the verbal prefix می/نمی and before the plural
 * and comparative suffixes. Each eligible word is joined with probability `rate`.
 */
export function addZwnj(rng, paragraph, rate = 0.7) {
  return paragraph
    .split(' ')
    .map((word) => {
      if (!PERSIAN_WORD.test(word) || word.length < 4 || rng() >= rate) return word;
      const prefix = /^(ن?می)(?=[\u0600-\u06FF]{2})/.exec(word);
      if (prefix) return `${prefix[1]}${ZWNJ}${word.slice(prefix[1].length)}`;
      const suffix = SUFFIXES.find((s) => word.endsWith(s) && word.length - s.length >= 2);
      if (suffix) return `${word.slice(0, -suffix.length)}${ZWNJ}${suffix}`;
      return word;
    })
    .join(' ');
}

/**
 * A source of at least `bytes` UTF-8 bytes, one paragraph per line. Each generated paragraph joins
 * one to three example paragraphs of one language (≈ 650 bytes on average, about 8,000 paragraphs
 * for 5 MB); 85 % Persian, 10 % English, 5 % Arabic.
 */
export function generateSource({ bytes, seed, pools }) {
  const rng = prng(seed);
  const draw = { fa: deck(rng, pools.fa), ar: deck(rng, pools.ar), en: deck(rng, pools.en) };
  const lines = [];
  let size = 0;
  let zwnj = 0;
  while (size < bytes) {
    const roll = rng();
    const lang = roll < 0.85 ? 'fa' : roll < 0.95 ? 'en' : 'ar';
    const parts = [];
    for (let k = randInt(rng, 1, 3); k > 0; k -= 1) parts.push(draw[lang]());
    let paragraph = parts.join(' ').normalize('NFC');
    if (lang === 'fa') {
      paragraph = addZwnj(rng, paragraph);
      for (const ch of paragraph) if (ch === ZWNJ) zwnj += 1;
    }
    lines.push(paragraph);
    size += Buffer.byteLength(paragraph, 'utf8') + 1;
  }
  const text = lines.join('\n');
  return { text, paragraphs: lines.length, bytes: Buffer.byteLength(text, 'utf8'), chars: text.length, zwnj };
}

/** Writes the benchmark's sources into `dir`; returns their descriptions. */
export function writeSources(dir, examplesDir, sizes) {
  const pools = loadPools(examplesDir);
  return sizes.map(({ key, label, bytes, seed }) => {
    const source = generateSource({ bytes, seed, pools });
    const file = path.join(dir, `Long source ${label} (fa).txt`);
    fs.writeFileSync(file, source.text, 'utf8');
    return { key, label, file, name: path.basename(file, '.txt'), ...source };
  });
}

/** Paragraphs of a canonical text as [start, end) offsets, one per line. */
export function paragraphOffsets(text) {
  const out = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    out.push({ start, end });
    if (nl === -1) break;
    start = nl + 1;
  }
  return out;
}
