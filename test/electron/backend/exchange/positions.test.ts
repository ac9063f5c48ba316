// Positions from a writer's units to Groundwork's canonical offsets: exact through BOM, control
// characters, CR LF, NFC (which merges and splits characters), surrogate pairs; a position that
// has no image is reported, never moved. And the word-boundary check that warns about a unit.

import { describe, expect, it } from 'vitest';
import { stripControls } from '../../../../electron/backend/import/decode';
import { checkPositions, onWordBoundary } from '../../../../shared/domain/exchange-check';
import { canonicalMap, exportPositions, mapSelection, POSITION_PROFILES, profileForOrigin, unitMap } from '../../../../shared/domain/exchange-positions';
import { canonicalizeText } from '../../../../shared/domain/text';

const map = (text: string, profile: keyof typeof POSITION_PROFILES, start: number, end: number) => {
  const canon = canonicalMap(text);
  const m = mapSelection(unitMap(text, POSITION_PROFILES[profile]), canon, start, end);
  return 'problem' in m ? m : { ...m, text: canon.text.slice(m.start, m.end) };
};

describe('the writer profile from origin', () => {
  it('NVivo: UTF-16 units; ATLAS.ti and MAXQDA: code points with CR LF as 1; anyone else: code points', () => {
    expect(profileForOrigin('NVivo for Windows 12.6').profile).toBe('utf16');
    expect(profileForOrigin('NVivo 14 for Mac').profile).toBe('utf16');
    expect(profileForOrigin('ATLAS.ti for Windows 23.2.3.27778').profile).toBe('codepoint-crlf1');
    expect(profileForOrigin('ATLAS.ti 8.4.0 573 , macOS').profile).toBe('codepoint-crlf1');
    expect(profileForOrigin('MAXQDA 24 (Release 24.7.0)').profile).toBe('codepoint-crlf1');
    expect(profileForOrigin('qc 1.3.2').profile).toBe('codepoint');
    expect(profileForOrigin('QualCoder 3.5').profile).toBe('codepoint');
    expect(profileForOrigin(null).profile).toBe('codepoint');
    // What Groundwork writes for NVivo says so, and reads back the same way.
    expect(profileForOrigin('Groundwork 0.1.0; positions in UTF-16 code units with CR LF as 2, for NVivo').profile).toBe('utf16');
  });
});

describe('mapping one selection', () => {
  const emoji = 'Hi 😀 there\r\nnext 🙂 line';
  it('UTF-16 units count an emoji as 2 and CR LF as 2; code points count each as 1 and 2; CR LF as 1 shifts by the line ends', () => {
    // "next" starts at UTF-16 index 13, code point 12, code point with CR LF as 1: 11; in the
    // canonical text (the CR gone) at 12.
    expect(map(emoji, 'utf16', 13, 17)).toMatchObject({ text: 'next', start: 12, end: 16 });
    expect(map(emoji, 'codepoint', 12, 16)).toMatchObject({ text: 'next', start: 12, end: 16 });
    expect(map(emoji, 'codepoint-crlf1', 11, 15)).toMatchObject({ text: 'next', start: 12, end: 16 });
    expect(map(emoji, 'utf16-crlf1', 12, 16)).toMatchObject({ text: 'next', start: 12, end: 16 });
    // The emoji itself.
    expect(map(emoji, 'utf16', 3, 5)).toMatchObject({ text: '😀' });
    expect(map(emoji, 'codepoint', 3, 4)).toMatchObject({ text: '😀' });
  });

  it('reports a position inside a surrogate pair or outside the text instead of moving it', () => {
    expect(map(emoji, 'utf16', 4, 8)).toEqual({ problem: 'inside-surrogate-pair', which: 'start' });
    expect(map(emoji, 'utf16', 0, emoji.length + 1)).toEqual({ problem: 'outside', which: 'end' });
    expect(map(emoji, 'codepoint', -1, 2)).toEqual({ problem: 'outside', which: 'start' });
    expect(map(emoji, 'codepoint', 5, 2)).toEqual({ problem: 'outside', which: 'order' });
    // In code points each emoji is one unit, so the text is 23 units long and 24 is outside;
    // its end is canonical offset 24 (25 UTF-16 units less the CR).
    expect(map(emoji, 'codepoint', 0, 24)).toEqual({ problem: 'outside', which: 'end' });
    expect(map(emoji, 'codepoint', 0, 23)).toMatchObject({ end: 24 });
  });

  it('a position between the CR and the LF of a line end lands before the LF (the CR is gone)', () => {
    const text = 'ab\r\ncd';
    expect(map(text, 'utf16', 0, 3)).toMatchObject({ start: 0, end: 2, text: 'ab' });
    expect(map(text, 'utf16', 3, 6)).toMatchObject({ start: 2, end: 5, text: '\ncd' });
  });

  it('control characters are not part of the canonical text; nor is a byte order mark (which the decoder removes first)', () => {
    expect(map('ab\u0007cd', 'utf16', 0, 5)).toMatchObject({ text: 'abcd', start: 0, end: 4 });
    expect(map('ab\u0007cd', 'utf16', 3, 5)).toMatchObject({ text: 'cd', start: 2, end: 4 });
    expect(canonicalMap('\uFEFFab').text).toBe('ab');
  });

  it('NFC merges "e" + combining acute into "é": the ends of the pair map, a position between them is reported', () => {
    const text = 'cafe\u0301 noir';
    expect(map(text, 'codepoint', 0, 5)).toMatchObject({ text: 'café', start: 0, end: 4 });
    expect(map(text, 'codepoint', 6, 10)).toMatchObject({ text: 'noir', start: 5, end: 9 });
    expect(map(text, 'codepoint', 0, 4)).toEqual({ problem: 'inside-combined-character', which: 'end' });
  });

  it('NFC splits a composition exclusion (Devanagari QA) into two characters: positions around it still map', () => {
    const text = 'a \u0958 b';
    const canon = canonicalMap(text);
    expect(canon.text).toBe('a \u0915\u093C b');
    expect(map(text, 'codepoint', 4, 5)).toMatchObject({ text: 'b', start: 5, end: 6 });
    expect(map(text, 'codepoint', 2, 3)).toMatchObject({ text: '\u0915\u093C' });
  });

  it('keeps Persian text with ZWNJ and Arabic harakat as it is', () => {
    const text = 'می‌خواهم کتاب\r\nعَرَبِيّ';
    expect(map(text, 'codepoint', 0, 8)).toMatchObject({ text: 'می‌خواهم' });
    expect(map(text, 'codepoint-crlf1', 14, 22)).toMatchObject({ text: 'عَرَبِيّ' });
  });
});

/** A small deterministic generator, so a failure can be replayed. */
function* random(seed: number) {
  let s = seed;
  for (;;) {
    s = (s * 1103515245 + 12345) % 2147483648;
    yield s / 2147483648;
  }
}

describe('the canonical map on generated texts', () => {
  const PIECES = ['a', 'word ', '\r\n', '\n', '\r', '😀', 'e\u0301', '\u1100\u1161\u11A8', '\u0958', '\u0007', '\u2028', 'می‌', 'ك', '\t', 'Å', 'A\u030A', '\u212B', '\uFEFF'];
  it('produces exactly what the source importer stores, and every prefix maps onto the canonical prefix', () => {
    const rand = random(42);
    const next = () => rand.next().value as number;
    for (let round = 0; round < 300; round += 1) {
      const length = 1 + Math.floor(next() * 25);
      const text = Array.from({ length }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
      const canon = canonicalMap(text);
      expect(canon.text).toBe(canonicalizeText(stripControls(text)));
      for (let i = 0; i <= text.length; i += 1) {
        const c = canon.toCanonical(i);
        if (typeof c === 'string') continue;
        // Between a CR and its LF the prefix would end in a lone CR: that boundary is checked above.
        const before = text.slice(0, i).replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g, '');
        const after = text.slice(i).replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g, '');
        if (before.endsWith('\r') && after.startsWith('\n')) continue;
        expect(canonicalizeText(stripControls(text.slice(0, i))), JSON.stringify({ text, i })).toBe(canon.text.slice(0, c));
      }
    }
  });

  it('exports positions that read back to the same offsets, in code points and in NVivo units with CR LF', () => {
    const canonical = canonicalizeText('Line 😀 one\nدوم: می‌خواهم 🙂\n\nend');
    for (const [profile, lineEnd] of [
      ['codepoint', '\n'],
      ['utf16', '\r\n'],
    ] as const) {
      const out = exportPositions(canonical, POSITION_PROFILES[profile], lineEnd);
      const back = canonicalMap(out.text);
      const units = unitMap(out.text, POSITION_PROFILES[profile]);
      for (let offset = 0; offset <= canonical.length; offset += 1) {
        if (/[\uDC00-\uDFFF]/.test(canonical[offset] ?? '')) continue;
        const written = out.toUnits(offset);
        const index = units.toIndex(written);
        expect(typeof index === 'number' ? back.toCanonical(index) : index).toBe(offset);
      }
    }
  });
});

describe('the word-boundary check', () => {
  it('finds boundaries between words and none inside a word, in Latin and Persian', () => {
    expect(onWordBoundary('hello world', 5)).toBe(true);
    expect(onWordBoundary('hello world', 6)).toBe(true);
    expect(onWordBoundary('hello world', 3)).toBe(false);
    expect(onWordBoundary('سلام دنیا', 4)).toBe(true);
    expect(onWordBoundary('سلام دنیا', 2)).toBe(false);
  });

  it('warns when another unit fits clearly better, and stays silent when the chosen one fits', () => {
    // Each line opens with an emoji; selections written in code points pick out the words after it.
    const lines = Array.from({ length: 30 }, (_, k) => `😀 comment number ${k} says something`);
    const text = lines.join('\r\n');
    const selections: { start: number; end: number }[] = [];
    let cp = 0;
    for (const line of lines) {
      const word = line.indexOf('says');
      const before = Array.from(line.slice(0, word)).length;
      selections.push({ start: cp + before, end: cp + before + 4 });
      cp += Array.from(line).length + 2;
    }
    const right = checkPositions([{ writerText: text, selections }], 'codepoint');
    expect(right.warning).toBeNull();
    const wrong = checkPositions([{ writerText: text, selections }], 'utf16');
    expect(wrong.better).toBe('codepoint');
    expect(wrong.warning).toMatch(/only \d+ % of the selections/);
  });
});
