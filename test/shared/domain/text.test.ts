import { describe, expect, it } from 'vitest';
import { canonicalizeText, paragraphAt, paragraphDirection, splitParagraphs } from '../../../shared/domain/text';
import { readExample } from '../../helpers/backend';

describe('reading direction of a paragraph', () => {
  it('a Persian paragraph that opens with "B2B" still reads right to left', () => {
    expect(paragraphDirection('B2B بازاریابی برای کسب‌وکارهایی است که به کسب‌وکارهای دیگر می‌فروشند.')).toBe('rtl');
  });

  it('an English paragraph with one Persian word reads left to right', () => {
    expect(paragraphDirection('The interviewee called it مشتری-محوری and moved on to budgets.')).toBe('ltr');
  });

  it('Arabic reads right to left, with or without English product names', () => {
    expect(paragraphDirection('إسناد التسويق بين الشركات')).toBe('rtl');
    expect(paragraphDirection('يستخدم فريق التسويق HubSpot و Salesforce لقياس النتائج')).toBe('rtl');
  });

  it('digits alone, in any digit set, and an empty line read left to right', () => {
    expect(paragraphDirection('2024 12 31')).toBe('ltr');
    expect(paragraphDirection('۱۴۰۳/۰۵/۲۰')).toBe('ltr');
    expect(paragraphDirection('٢٠٢٤')).toBe('ltr');
    expect(paragraphDirection('')).toBe('ltr');
  });

  it('Arabic harakat and tatweel are not counted as right-to-left letters', () => {
    // Four marks and a tatweel outnumber the two Latin letters, but are not letters.
    expect(paragraphDirection('ab \u064E\u064F\u0640\u064B\u0670')).toBe('ltr');
    expect(paragraphDirection('ab \u0628\u064E\u064F\u0640')).toBe('ltr');
    expect(paragraphDirection('ab \u0628\u0628')).toBe('rtl');
  });
});

describe('paragraphs of a canonical text', () => {
  it('gives one paragraph per line, empty lines included, so the index is the line number', () => {
    const text = 'First line\n\nسطر سوم\n\n\nlast\n';
    const lines = text.split('\n');
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.map((p) => p.index)).toEqual(lines.map((_, i) => i));
    expect(paragraphs.map((p) => text.slice(p.start, p.end))).toEqual(lines);
    expect(paragraphs.map((p) => p.dir)).toEqual(['ltr', 'ltr', 'rtl', 'ltr', 'ltr', 'ltr', 'ltr']);
  });

  it('ends the last paragraph at the end of a text without a trailing line feed', () => {
    const text = 'one\ntwo';
    expect(splitParagraphs(text)).toEqual([
      { index: 0, start: 0, end: 3, dir: 'ltr' },
      { index: 1, start: 4, end: 7, dir: 'ltr' },
    ]);
  });

  it('slices every line of a real Persian source back exactly', () => {
    const text = canonicalizeText(readExample('Account-based marketing (fa).txt'));
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.map((p) => text.slice(p.start, p.end))).toEqual(text.split('\n'));
    expect(paragraphs.at(-1)!.end).toBe(text.length);
    // The article is Persian: most of its non-empty paragraphs read right to left.
    const nonEmpty = paragraphs.filter((p) => p.end > p.start);
    expect(nonEmpty.filter((p) => p.dir === 'rtl').length).toBeGreaterThan(nonEmpty.length / 2);
  });
});

describe('finding the paragraph of an offset', () => {
  it('agrees with counting line feeds for every offset of a real source', () => {
    const text = canonicalizeText(readExample('B2B marketing attribution (ar).txt'));
    const paragraphs = splitParagraphs(text);
    let line = 0;
    for (let offset = 0; offset <= text.length; offset += 1) {
      const found = paragraphAt(paragraphs, offset);
      if (found?.index !== line) throw new Error(`offset ${offset}: expected line ${line}, got ${found?.index}`);
      if (text[offset] === '\n') line += 1;
    }
  });

  it('puts an offset at a line end in that line, and finds empty lines', () => {
    const text = 'ab\n\ncd';
    const paragraphs = splitParagraphs(text);
    expect(paragraphAt(paragraphs, 2)?.index).toBe(0);
    expect(paragraphAt(paragraphs, 3)?.index).toBe(1);
    expect(paragraphAt(paragraphs, 4)?.index).toBe(2);
    expect(paragraphAt(paragraphs, 6)?.index).toBe(2);
  });

  it('finds nothing outside the text', () => {
    const paragraphs = splitParagraphs('ab\ncd');
    expect(paragraphAt(paragraphs, -1)).toBeUndefined();
    expect(paragraphAt(paragraphs, 6)).toBeUndefined();
    expect(paragraphAt([], 0)).toBeUndefined();
  });
});

describe('canonical text', () => {
  it('drops a leading byte-order mark and keeps one elsewhere', () => {
    expect(canonicalizeText('\uFEFFسلام')).toBe('سلام');
    expect(canonicalizeText('a\uFEFFb')).toBe('a\uFEFFb');
  });

  it('turns CRLF, a lone CR and Unicode line separators into LF', () => {
    expect(canonicalizeText('a\r\nb\rc\nd\u2028e\u2029f')).toBe('a\nb\nc\nd\ne\nf');
    expect(canonicalizeText('\r\n\r\n')).toBe('\n\n');
  });

  it('composes to NFC, Latin and Arabic alike', () => {
    expect(canonicalizeText('Cafe\u0301')).toBe('Caf\u00E9');
    // Alef followed by a combining madda is the single letter آ.
    expect(canonicalizeText('\u0627\u0653ب')).toBe('\u0622ب');
  });

  it('changes nothing else: ZWNJ, tabs, spaces and Arabic letter forms stay as written', () => {
    const text = 'کسب‌وکار\tمشتري  كتاب  \n';
    expect(canonicalizeText(text)).toBe(text);
  });

  it('is stable: canonical text stays the same when canonicalized again', () => {
    const once = canonicalizeText('\uFEFFe\u0301\r\nx\ry');
    expect(canonicalizeText(once)).toBe(once);
  });
});
