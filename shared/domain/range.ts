// Text ranges over a canonical text: validation, trimming and the context kept with a segment.
// A range is [start, end) in UTF-16 code units and never splits a surrogate pair.

import { say, type Message } from './message';

export interface TextRange {
  start: number;
  end: number;
}

export const CONTEXT_LENGTH = 60;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** True when an offset falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  return isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

const SPACE = /[\s\u200B\u200C\u200D\u200E\u200F\u2066-\u2069\uFEFF]/u;

/**
 * Narrows a selection to its first and last visible characters, as a selection made by
 * double- or triple-click usually carries a trailing space or line end. Returns null when
 * nothing visible remains.
 */
export function tightenRange(text: string, range: TextRange): TextRange | null {
  let { start, end } = range;
  while (start < end && SPACE.test(text[start]!)) start += 1;
  // ZWNJ inside a word is meaningful; only edge whitespace and marks are dropped.
  while (end > start && SPACE.test(text[end - 1]!)) end -= 1;
  return start < end ? { start, end } : null;
}

/** A reason the range cannot be coded in this text, or null when it can. */
export function rangeProblem(text: string, range: TextRange): Message | null {
  const { start, end } = range;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return say('The positions must be whole numbers.');
  if (start < 0 || end > text.length) return say('The passage {start}–{end} lies outside the source (length {length}).', { start, end, length: text.length });
  if (start >= end) return say('The passage is empty: select some text first.');
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) return say('The passage would split a character in two.');
  return null;
}

export function contextAround(text: string, range: TextRange, length = CONTEXT_LENGTH): { before: string; after: string } {
  let from = Math.max(0, range.start - length);
  if (splitsSurrogatePair(text, from)) from += 1;
  let to = Math.min(text.length, range.end + length);
  if (splitsSurrogatePair(text, to)) to -= 1;
  return { before: text.slice(from, range.start), after: text.slice(range.end, to) };
}

export const IN_VIVO_MAX = 80;

/** The label an in-vivo concept gets: the selected words, on one line, cut at a word boundary. */
export function inVivoLabel(selected: string): string {
  const oneLine = selected.replace(/\s+/gu, ' ').trim();
  if (oneLine.length <= IN_VIVO_MAX) return oneLine;
  const cut = oneLine.slice(0, splitsSurrogatePair(oneLine, IN_VIVO_MAX) ? IN_VIVO_MAX - 1 : IN_VIVO_MAX);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > IN_VIVO_MAX / 2 ? cut.slice(0, lastSpace) : cut).trim()}…`;
}
