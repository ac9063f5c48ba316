import { describe, expect, it } from 'vitest';
import { foldForSearch, foldText, originalRange } from '../../../shared/domain/search-text';
import { findTerms, keywordInContext, parseQuery } from '../../../shared/domain/search-query';

const ZWNJ = '\u200C';

/** Every original substring a query finds in a text, through the offset map. */
function found(text: string, query: string): string[] {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new Error(parsed.error.text);
  const folded = foldForSearch(text);
  return findTerms(folded.text, parsed.terms).map((h) => {
    const r = originalRange(text, folded, h.start, h.end);
    return text.slice(r.start, r.end);
  });
}

describe('search normalisation: pairs that match', () => {
  it.each([
    ['a word typed with ZWNJ, written without', `می${ZWNJ}خواهم`, 'میخواهم'],
    ['a compound typed with ZWNJ, written joined', `کسب${ZWNJ}وکار`, 'کسبوکار'],
    ['Arabic kaf and keheh', 'كتاب', 'کتاب'],
    ['Arabic yeh and Persian yeh', 'مشتري', 'مشتری'],
    ['alef maksura and Persian yeh', 'مصطفى', 'مصطفی'],
    ['harakat ignored', 'مَدرسة', 'مدرسة'],
    ['teh marbuta and heh', 'مدرسة', 'مدرسه'],
    ['tatweel ignored', 'کـــتاب', 'کتاب'],
    ['superscript alef ignored', 'رحمٰن', 'رحمن'],
    ['alef with hamza and plain alef', 'أسواق', 'اسواق'],
    ['alef with madda and plain alef', 'آموزش', 'اموزش'],
    ['waw with hamza and waw', 'مسؤول', 'مسوول'],
    ['Persian and ASCII digits', '۱۴۰۰', '1400'],
    ['Arabic-Indic and Persian digits', '١٤٠٠', '۱۴۰۰'],
    ['presentation forms and plain letters', '\uFEDB\uFE98\uFE8E\uFE8F', 'کتاب'],
    ['Latin case', '"Account-Based MARKETING"', 'account-based marketing'],
    ['bidi marks and soft hyphen', '\u200Fمار\u00ADکتینگ\u200E', 'مارکتینگ'],
  ])('%s', (_what, query, text) => {
    expect(foldText(query.replace(/"/g, ''))).toBe(foldText(text));
    expect(found(`قبل ${text} بعد`, query)).toEqual([text]);
  });
});

describe('search normalisation: pairs that must not match', () => {
  it.each([
    ['بازار and بازده', 'بازار', 'بازده'],
    ['a word and a longer word (whole words)', 'دانشگاه', 'دانشگاهی'],
    ['a longer word and a shorter one', 'دانشگاهی', 'دانشگاه'],
    ['ZWNJ removal does not fuse words across a space', `کسب${ZWNJ}وکار`, 'کسب وکار'],
    ['joined query, spaced text', 'میشود', 'می شود'],
    ['keheh and gaf', 'کار', 'گار'],
    ['different numbers', '۱۴۰۰', '1401'],
    ['B2B and B2C', 'B2B', 'B2C'],
    ['heh and teh', 'مدرسه', 'مدرست'],
  ])('%s', (_what, query, text) => {
    expect(found(`قبل ${text} بعد`, query)).toEqual([]);
  });

  it('a prefix search finds longer words, and only at a word start', () => {
    expect(found('دانشگاه و دانشگاهی و همدانشگاهی', 'دانشگاه*')).toEqual(['دانشگاه', 'دانشگاهی']);
    expect(found('بازاریابی بازارها بازده', 'بازار*')).toEqual(['بازاریابی', 'بازارها']);
  });

  it('finds two-letter Persian words', () => {
    expect(found('کتاب را خواند و رفت', 'را')).toEqual(['را']);
  });

  it('a phrase needs its words in order, and never crosses a paragraph', () => {
    expect(found('بازاریابی محتوا و محتوا بازاریابی', '"بازاریابی محتوا"')).toEqual(['بازاریابی محتوا']);
    expect(found('بازاریابی\nمحتوا', '«بازاریابی محتوا»')).toEqual([]);
  });

  it('several words: every one must occur, each occurrence is a hit', () => {
    expect(found('اعتماد و مشتری و اعتماد', 'مشتری اعتماد')).toEqual(['اعتماد', 'مشتری', 'اعتماد']);
    expect(found('اعتماد و مشتری', 'مشتری وفاداری')).toEqual([]);
  });

  it('refuses an empty query or a one-letter prefix with a reason', () => {
    expect(parseQuery('  " " ')).toEqual({ ok: false, error: { text: 'Type a word to search for.' } });
    expect(parseQuery('ب*').ok).toBe(false);
  });
});

describe('the offset map', () => {
  it('maps hits back to the exact original characters after ZWNJ, harakat, tatweel and emoji', () => {
    const text = `😀 می${ZWNJ}خواهم کـــتابِ مَدرسة را 🇮🇷 ببینم؛ ﻛﺘﺎﺏ`;
    expect(found(text, 'میخواهم')).toEqual([`می${ZWNJ}خواهم`]);
    expect(found(text, 'کتاب')).toEqual(['کـــتابِ', 'ﻛﺘﺎﺏ']);
    expect(found(text, 'مدرسه')).toEqual(['مَدرسة']);
    expect(found(text, 'ببینم')).toEqual(['ببینم']);
  });

  it('maps every normalised unit into the original, in order, ending at the original length', () => {
    const text = `a😀B ك${ZWNJ}ی َ ﻻ ١٢`;
    const folded = foldForSearch(text);
    expect(folded.from.length).toBe(folded.text.length + 1);
    expect(folded.from[folded.text.length]).toBe(text.length);
    for (let i = 1; i < folded.from.length; i += 1) expect(folded.from[i]!).toBeGreaterThanOrEqual(folded.from[i - 1]!);
    expect(folded.text).toBe(`a😀b کی  لا 12`);
    const r = originalRange(text, folded, folded.text.indexOf('لا'), folded.text.indexOf('لا') + 2);
    expect(text.slice(r.start, r.end)).toBe('ﻻ');
  });

  it('never splits a surrogate pair and never returns a hit inside one', () => {
    const text = '𝐁𝐀𝐙𝐀𝐑 bazar';
    expect(found(text, 'bazar')).toEqual(['𝐁𝐀𝐙𝐀𝐑', 'bazar']);
  });
});

describe('keyword in context', () => {
  it('keeps a few words either side within the paragraph', () => {
    const text = 'first line\nword '.repeat(1) + 'one two three four five six seven eight nine ten eleven twelve HIT thirteen fourteen\nnext';
    const start = text.indexOf('HIT');
    const { before, after } = keywordInContext(text, start, start + 3, 30);
    expect(before.startsWith('… ')).toBe(true);
    expect(before.endsWith('twelve ')).toBe(true);
    expect(after).toBe(' thirteen fourteen');
    expect(before).not.toContain('\n');
  });
});
