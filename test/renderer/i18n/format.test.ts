import { afterEach, describe, expect, it } from 'vitest';
import { fa } from '../../../renderer/i18n/fa';
import { count, digits, isolate, setLanguage, signed, size, t, year } from '../../../renderer/i18n/t';

afterEach(() => setLanguage('en'));

describe('numbers and names in the Persian interface', () => {
  it('writes signed differences with the sign on the left of Persian digits, isolated left to right', () => {
    setLanguage('fa', fa);
    expect(signed(2)).toBe('\u2066+۲\u2069');
    expect(signed(-64)).toBe('\u2066\u2212۶۴\u2069');
    expect(signed(0)).toBe('۰');
  });

  it('writes years ungrouped and counts grouped, in Persian digits', () => {
    setLanguage('fa', fa);
    expect(year(2022)).toBe('۲۰۲۲');
    expect(count(2751)).toBe('۲٬۷۵۱');
    expect(digits('2026-11-01')).toBe('۲۰۲۶-۱۱-۰۱');
    expect(size(84)).toBe('۸۴ بایت');
  });

  it('isolates every name in a Persian sentence, and in English only a right-to-left one', () => {
    setLanguage('fa', fa);
    expect(isolate('Measurement')).toBe('\u2068Measurement\u2069');
    setLanguage('en');
    expect(isolate('Measurement')).toBe('Measurement');
    expect(isolate('سنجش عملکرد')).toBe('\u2068سنجش عملکرد\u2069');
    // The case: a Persian label no longer swaps places with the time after it.
    expect(t('Undone: {label}', { label: 'Create main category “سنجش عملکرد”' })).toBe('Undone: \u2068Create main category “سنجش عملکرد”\u2069');
  });

  it('leaves English as it was', () => {
    expect(signed(-785)).toBe('\u2066\u2212785\u2069');
    expect(year(2022)).toBe('2022');
    expect(count(2751)).toBe('2,751');
    expect(size(1536)).toBe('1.5 KiB');
  });
});
