import { describe, expect, it } from 'vitest';
import { matchKey, sameLabel } from '../../../shared/domain/normalize';

const ZWNJ = '\u200C';

describe('matching a typed label against stored ones', () => {
  it.each([
    ['Arabic yeh and Persian yeh', 'مشتري', 'مشتری'],
    ['alef maksura and Persian yeh', 'مصطفى', 'مصطفی'],
    ['Arabic kaf and Persian keheh', 'كتاب', 'کتاب'],
    ['Arabic yeh and kaf together', 'كيفيت', 'کیفیت'],
    ['with and without ZWNJ', `کسب${ZWNJ}وکار`, 'کسبوکار'],
    ['harakat ignored', 'كَتَبَ', 'کتب'],
    ['superscript alef ignored', 'رحمٰن', 'رحمن'],
    ['tatweel ignored', 'کـــتاب', 'کتاب'],
    ['Persian and ASCII digits', 'فاز ۲', 'فاز 2'],
    ['Arabic-Indic and ASCII digits', 'سنة ٢٠٢٤', 'سنة 2024'],
    ['Persian and Arabic-Indic digits', '۱۴۰۳', '١٤٠٣'],
    ['teh marbuta and heh (deliberately the same)', 'مدرسة', 'مدرسه'],
    ['Arabic presentation forms and plain letters', '\uFEDB\uFE98\uFE8E\uFE8F', 'کتاب'],
    ['upper and lower case', 'B2B Marketing', 'b2b marketing'],
    ['runs of spaces and edge spaces', '  customer   trust ', 'customer trust'],
    ['direction marks and zero-width space', '\u200Fاعتماد\u200B', 'اعتماد'],
  ])('%s match', (_what, a, b) => {
    expect(matchKey(a)).toBe(matchKey(b));
    expect(sameLabel(a, b)).toBe(true);
  });

  it.each([
    ['different words', 'کتاب', 'کباب'],
    ['a word and its plural', 'مشتری', 'مشتریان'],
    ['B2B and B2C', 'B2B', 'B2C'],
    ['heh and teh', 'مدرسه', 'مدرست'],
    ['different numbers in different digit sets', 'فاز ۲', 'فاز 3'],
    ['yeh and alef', 'مصطفی', 'مصطفا'],
    ['keheh and gaf', 'کار', 'گار'],
  ])('%s do not match', (_what, a, b) => {
    expect(matchKey(a)).not.toBe(matchKey(b));
    expect(sameLabel(a, b)).toBe(false);
  });

  it('builds a key in one letter form and one digit set, leaving the input as written', () => {
    const typed = 'مشتري ٢';
    expect(matchKey(typed)).toBe('مشتری 2');
    expect(typed).toBe('مشتري ٢');
  });
});
