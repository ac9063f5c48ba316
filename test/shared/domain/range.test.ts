import { describe, expect, it } from 'vitest';
import {
  CONTEXT_LENGTH,
  contextAround,
  IN_VIVO_MAX,
  inVivoLabel,
  rangeProblem,
  splitsSurrogatePair,
  tightenRange,
  type TextRange,
} from '../../../shared/domain/range';
import { english } from '../../../shared/domain/message';

/** The problem in English, as the command line reads it. */
const problem = (text: string, range: TextRange) => {
  const found = rangeProblem(text, range);
  return found && english(found);
};

const ZWNJ = '\u200C';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The range of a phrase in a text, widened by `before` and `after` code units. */
const around = (text: string, phrase: string, before = 0, after = 0): TextRange => {
  const at = text.indexOf(phrase);
  if (at < 0) throw new Error(`"${phrase}" not in text`);
  return { start: at - before, end: at + phrase.length + after };
};
const slice = (text: string, r: TextRange | null) => (r ? text.slice(r.start, r.end) : null);

describe('tightening a selection', () => {
  it('drops the spaces and line ends a double- or triple-click carries', () => {
    const text = 'The buyer said:\n  trust matters \nthen left.';
    expect(slice(text, tightenRange(text, around(text, 'trust matters', 3, 2)))).toBe('trust matters');
  });

  it('keeps a ZWNJ inside a Persian word', () => {
    const text = `ما یک کسب${ZWNJ}وکار کوچک داریم`;
    const word = `کسب${ZWNJ}وکار`;
    expect(slice(text, tightenRange(text, around(text, word, 1, 1)))).toBe(word);
  });

  it('drops a ZWNJ and direction marks at the edges of a selection', () => {
    const text = `ما یک کسب${ZWNJ}وکار\u200F داریم`;
    const from = text.indexOf(ZWNJ);
    const range = tightenRange(text, { start: from, end: text.indexOf(' داریم') });
    expect(slice(text, range)).toBe('وکار');
  });

  it('leaves a selection that is already tight unchanged', () => {
    const text = 'a trust b';
    expect(tightenRange(text, { start: 2, end: 7 })).toEqual({ start: 2, end: 7 });
  });

  it('returns nothing for a selection of spaces, line ends and joiners only', () => {
    const text = `a \n\t${ZWNJ}\u200B b`;
    expect(tightenRange(text, { start: 1, end: text.length - 1 })).toBeNull();
    expect(tightenRange(text, { start: 3, end: 3 })).toBeNull();
  });
});

describe('problems with a range', () => {
  const text = 'a 😀 b'; // the emoji is the two code units at 2 and 3

  it('accepts a range that holds a whole emoji', () => {
    expect(problem(text, { start: 2, end: 4 })).toBeNull();
    expect(problem(text, { start: 0, end: text.length })).toBeNull();
  });

  it('refuses a range that starts or ends between the two halves of a surrogate pair', () => {
    expect(splitsSurrogatePair(text, 3)).toBe(true);
    expect(splitsSurrogatePair(text, 2)).toBe(false);
    expect(problem(text, { start: 3, end: 4 })).toMatch(/split a character/);
    expect(problem(text, { start: 2, end: 3 })).toMatch(/split a character/);
    expect(problem(text, { start: 0, end: 3 })).toMatch(/split a character/);
  });

  it('refuses empty, reversed, out-of-bounds and fractional ranges', () => {
    expect(problem(text, { start: 1, end: 1 })).toMatch(/empty/);
    expect(problem(text, { start: 4, end: 2 })).toMatch(/empty/);
    expect(problem(text, { start: -1, end: 2 })).toMatch(/outside the source/);
    expect(problem(text, { start: 0, end: text.length + 1 })).toMatch(/outside the source \(length 6\)/);
    expect(problem(text, { start: 0.5, end: 2 })).toMatch(/whole numbers/);
  });
});

describe('context kept with a segment', () => {
  const text = `${'x'.repeat(100)}[PASSAGE]${'y'.repeat(100)}`;
  const range = around(text, '[PASSAGE]');

  it('keeps the characters just before and after the passage, up to the context length', () => {
    const { before, after } = contextAround(text, range);
    expect(before).toBe('x'.repeat(CONTEXT_LENGTH));
    expect(after).toBe('y'.repeat(CONTEXT_LENGTH));
    expect(text.slice(range.start - before.length, range.end + after.length)).toBe(before + '[PASSAGE]' + after);
  });

  it('stops at the start and end of the text', () => {
    const short = 'ab[P]cd';
    expect(contextAround(short, around(short, '[P]'))).toEqual({ before: 'ab', after: 'cd' });
    expect(contextAround(short, { start: 0, end: short.length })).toEqual({ before: '', after: '' });
  });

  it('never keeps half an emoji at either end of the context', () => {
    const emoji = '😀';
    // An emoji straddles the point exactly `length` code units before and after the passage.
    const t = `${emoji}${'a'.repeat(9)}[P]${'b'.repeat(9)}${emoji}`;
    const r = around(t, '[P]');
    const { before, after } = contextAround(t, r, 10);
    expect(before).not.toMatch(LONE_SURROGATE);
    expect(after).not.toMatch(LONE_SURROGATE);
    expect(before).toBe('a'.repeat(9));
    expect(after).toBe('b'.repeat(9));
    // With room for the whole emoji, it is kept.
    expect(contextAround(t, r, 11)).toEqual({ before: `${emoji}${'a'.repeat(9)}`, after: `${'b'.repeat(9)}${emoji}` });
  });
});

describe('in-vivo labels', () => {
  it('puts the selected words on one line with single spaces', () => {
    expect(inVivoLabel('  بازاریابی\n  مبتنی \t بر\r\nحساب  ')).toBe('بازاریابی مبتنی بر حساب');
  });

  it('keeps a ZWNJ, which is not a space', () => {
    expect(inVivoLabel(`کسب${ZWNJ}وکار`)).toBe(`کسب${ZWNJ}وکار`);
  });

  it('keeps a label of exactly the maximum length whole', () => {
    const label = 'a'.repeat(IN_VIVO_MAX);
    expect(inVivoLabel(label)).toBe(label);
  });

  it('cuts a long selection at a word boundary and adds an ellipsis', () => {
    const words = Array.from({ length: 40 }, (_, i) => `واژه${i}`).join(' ');
    const label = inVivoLabel(words);
    expect(label.endsWith('…')).toBe(true);
    const kept = label.slice(0, -1);
    expect(kept.length).toBeLessThanOrEqual(IN_VIVO_MAX);
    expect(kept.length).toBeGreaterThan(IN_VIVO_MAX / 2);
    expect(words.startsWith(kept)).toBe(true);
    // The cut falls between two words, never inside one.
    expect(words[kept.length]).toBe(' ');
  });

  it('cuts one very long word at the maximum length', () => {
    const label = inVivoLabel('x'.repeat(200));
    expect(label).toBe(`${'x'.repeat(IN_VIVO_MAX)}…`);
  });

  it('never cuts an emoji in half when a long label is shortened', () => {
    const label = inVivoLabel(`${'x'.repeat(IN_VIVO_MAX - 1)}😀${'y'.repeat(50)}`);
    expect(label).not.toMatch(LONE_SURROGATE);
    expect(label.endsWith('…')).toBe(true);
  });
});
