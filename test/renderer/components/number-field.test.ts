// What a number field reports when the user types in Persian or Arabic-Indic digits: ASCII, so
// callers that parse it with Number() read the number typed.

import { describe, expect, it } from 'vitest';
import { asciiNumber } from '../../../renderer/components/NumberField';

describe('a number field typed in the interface’s digits', () => {
  it('reads Persian and Arabic-Indic digits and the Persian decimal point as ASCII', () => {
    expect(asciiNumber('۲۰۰۰')).toBe('2000');
    expect(asciiNumber('١٨٠')).toBe('180');
    expect(Number(asciiNumber('۲٫۵'))).toBe(2.5);
    expect(Number(asciiNumber('۱٬۲۰۰'))).toBe(1200);
    expect(asciiNumber('42')).toBe('42');
  });
});
