import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../../../shared/domain/text';
import { extendToWords, moveOffset, wordAt } from '../../../renderer/editor/caret-moves';

const ZWNJ = '\u200C';
const text = `می${ZWNJ}خواهم بازاریابی B2B را بسنجم.\n\nكَتَبَ الطالبُ الدرسَ\nThe last line.`;
const paragraphs = splitParagraphs(text);
const at = (needle: string) => text.indexOf(needle);

describe('moving the reader caret', () => {
  it('steps over a letter with its harakat as one', () => {
    const k = at('كَتَبَ');
    expect(moveOffset(text, paragraphs, k, 1, 'grapheme')).toBe(k + 2);
    expect(moveOffset(text, paragraphs, k + 2, -1, 'grapheme')).toBe(k);
  });

  it('moves by whole words, a Persian word joined by ZWNJ being one', () => {
    expect(moveOffset(text, paragraphs, 0, 1, 'word')).toBe(at(' بازاریابی'));
    expect(moveOffset(text, paragraphs, at(' بازاریابی'), 1, 'word')).toBe(at(' B2B'));
    expect(moveOffset(text, paragraphs, at(' B2B'), 1, 'word')).toBe(at(' را'));
    expect(moveOffset(text, paragraphs, at(' را'), -1, 'word')).toBe(at('B2B'));
    expect(moveOffset(text, paragraphs, at('كَتَبَ') + 6, -1, 'word')).toBe(at('كَتَبَ'));
  });

  it('crosses paragraphs, empty ones included, and stops at the ends of the text', () => {
    const firstEnd = paragraphs[0]!.end;
    expect(moveOffset(text, paragraphs, firstEnd, 1, 'grapheme')).toBe(paragraphs[1]!.start);
    expect(moveOffset(text, paragraphs, paragraphs[1]!.start, 1, 'grapheme')).toBe(paragraphs[2]!.start);
    expect(moveOffset(text, paragraphs, paragraphs[2]!.start, -1, 'word')).toBe(paragraphs[1]!.end);
    expect(moveOffset(text, paragraphs, 0, -1, 'grapheme')).toBe(0);
    expect(moveOffset(text, paragraphs, text.length, 1, 'word')).toBe(text.length);
    expect(moveOffset(text, paragraphs, 5, 1, 'text-edge')).toBe(text.length);
  });

  it('goes to the edges of the paragraph', () => {
    expect(moveOffset(text, paragraphs, at('B2B'), 1, 'paragraph-edge')).toBe(paragraphs[0]!.end);
    expect(moveOffset(text, paragraphs, at('B2B'), -1, 'paragraph-edge')).toBe(0);
  });
});

describe('extending a selection to whole words', () => {
  it('grows a start or end inside a word to the word, ZWNJ and harakat included', () => {
    expect(extendToWords(text, paragraphs, 1, at(' بازاریابی') - 1)).toEqual({ start: 0, end: at(' بازاریابی') });
    const k = at('كَتَبَ');
    expect(extendToWords(text, paragraphs, k + 3, k + 4)).toEqual({ start: k, end: k + 'كَتَبَ'.length });
  });

  it('leaves edges already between words, and a Latin run whole', () => {
    expect(extendToWords(text, paragraphs, at('B2B'), at(' را'))).toEqual({ start: at('B2B'), end: at(' را') });
    expect(extendToWords(text, paragraphs, at('B2B') + 1, at('B2B') + 2)).toEqual({ start: at('B2B'), end: at(' را') });
    expect(wordAt(text, paragraphs, at(' را'))).toBeNull();
  });
});
