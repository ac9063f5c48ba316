import { describe, expect, it } from 'vitest';
import { labelProblem } from '../../../shared/domain/label-rules';
import { MAX_LABEL_LENGTH } from '../../../shared/domain/limits';
import { methods } from '../../../shared/api/contract';

describe('which labels can be stored', () => {
  it.each([
    ['nothing', '', 'empty'],
    ['spaces', '   ', 'empty'],
    ['a ZWNJ alone', '\u200C', 'invisible'],
    ['ZWNJ and spaces', ' \u200C \u200C ', 'invisible'],
    ['direction marks', '\u200F\u200E\u061C', 'invisible'],
    ['isolates and a BOM', '\u2068\u2069\uFEFF', 'invisible'],
    ['tatweel alone', 'ـــ', 'invisible'],
    ['one letter too many', 'x'.repeat(MAX_LABEL_LENGTH + 1), 'too-long'],
  ])('refuses %s', (_, label, problem) => {
    expect(labelProblem(label)).toBe(problem);
  });

  it.each([
    ['a Persian word with ZWNJ', 'می\u200Cخواهم'],
    ['a word with harakat', 'كَتَبَ'],
    ['a digit', '۲'],
    ['a label at the limit', 'x'.repeat(MAX_LABEL_LENGTH)],
    ['a label padded with spaces past the limit', ` ${'x'.repeat(MAX_LABEL_LENGTH)} `],
  ])('accepts %s', (_, label) => {
    expect(labelProblem(label)).toBeNull();
  });

  it('is the rule the contract checks, so every host refuses the same labels', () => {
    const create = methods['concept.create'].input;
    expect(create.safeParse({ label: '\u200C' }).success).toBe(false);
    expect(create.safeParse({ label: ' ' }).success).toBe(false);
    expect(create.safeParse({ label: 'x'.repeat(MAX_LABEL_LENGTH + 1) }).success).toBe(false);
    expect(create.safeParse({ label: ' بودجه ' })).toMatchObject({ success: true, data: { label: 'بودجه' } });
  });
});
