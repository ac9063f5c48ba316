// A PDF page's ordered lines joined into paragraphs by their spacing, and hyphenated Latin words
// joined again once the whole text is known (page starts move with the text).

import type { DocumentPage } from '../../../shared/domain/model';
import { canonicalizeText } from '../../../shared/domain/text';
import type { Line } from './pdf-layout';

const SENTENCE_END_CHAR = /[.!?:;؟؛۔»"”)]/;

/**
 * Whether a text ends a sentence. Its last character is tested, not the text with /…$/: a regex
 * anchored at the end scans the whole text, and paragraphs grow line by line (quadratic).
 */
export const endsSentence = (text: string) => text.length > 0 && SENTENCE_END_CHAR.test(text[text.length - 1]!);

/** Marks a line-end hyphen between two Latin word parts; resolved once the whole text is known. */
export const HYPHEN_MARK = '\uE000';

/** Joins a page's lines into paragraphs by their spacing; hyphenated Latin words are joined. */
export function paragraphs(ordered: { line: Line; block: number; text: string; dir: 'ltr' | 'rtl'; sure: boolean }[]): string[] {
  // Line spacing as a multiple of the font size, so a title's wider lines are not paragraph gaps.
  const ratios: number[] = [];
  const blockEdges = new Map<number, { x0: number; x1: number }>();
  for (let i = 0; i < ordered.length; i += 1) {
    const { line, block } = ordered[i]!;
    const edge = blockEdges.get(block);
    blockEdges.set(block, { x0: Math.min(edge?.x0 ?? Infinity, line.x0), x1: Math.max(edge?.x1 ?? -Infinity, line.x1) });
    const a = ordered[i - 1];
    if (a && a.block === block && a.line.y - line.y > 0) ratios.push((a.line.y - line.y) / Math.max(a.line.size, line.size));
  }
  ratios.sort((a, b) => a - b);
  const lineRatio = ratios.length ? ratios[Math.floor(ratios.length / 4)]! : Infinity;
  /** A line that stops well short of its column's far edge: the last line of a paragraph. */
  const short = (o: (typeof ordered)[number]) => {
    const edge = blockEdges.get(o.block)!;
    return o.dir === 'rtl' ? o.line.x0 - edge.x0 > 2 * o.line.size : edge.x1 - o.line.x1 > 2 * o.line.size;
  };
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < ordered.length; i += 1) {
    const { line, block, text } = ordered[i]!;
    if (!text) continue;
    const previous = ordered[i - 1];
    let newParagraph = !current;
    if (previous && current) {
      const size = Math.max(line.size, previous.line.size);
      const ratio = (previous.line.y - line.y) / size;
      if (Math.abs(line.size - previous.line.size) > 0.15 * size) newParagraph = true;
      // A paragraph keeps one direction: a sure change of direction starts a new one.
      else if (ordered[i]!.sure && previous.sure && ordered[i]!.dir !== previous.dir) newParagraph = true;
      else if (block !== previous.block) newParagraph = short(previous);
      else if (ratio > lineRatio * 1.3 || (ratio > 1.9 && ratio > lineRatio * 1.15)) newParagraph = true;
      else if (short(previous) && endsSentence(current)) newParagraph = true;
    }
    if (newParagraph) {
      if (current) out.push(current);
      current = text;
    } else {
      current = joinLines(current, text);
    }
  }
  if (current) out.push(current);
  return out;
}

/** Joins two lines of one paragraph: a discretionary hyphen goes, a Latin line-end hyphen is marked. */
function joinLines(current: string, next: string): string {
  // Only the last two characters are tested: the paragraph so far may be long.
  const tail = current.slice(-2);
  if (/^[\p{L}][\u00AD\u2010]$/u.test(tail) && /^\p{Ll}/u.test(next)) return current.slice(0, -1) + next;
  if (/^[A-Za-z\u00C0-\u024F]-$/.test(tail) && /^[a-z\u00DF-\u00FF]/.test(next)) return current.slice(0, -1) + HYPHEN_MARK + next;
  return `${current} ${next}`;
}

/** Every "word-word" the text spells with a hyphen, lower-cased, each part cut to 60 letters. */
function hyphenatedPairs(lower: string): Set<string> {
  const pairs = new Set<string>();
  // [\p{L}-]+ is one greedy class: each run is matched once, without backtracking.
  for (const [run] of lower.matchAll(/[\p{L}-]+/gu)) {
    if (!run.includes('-')) continue;
    const parts = run.split('-');
    for (let i = 0; i + 1 < parts.length; i += 1) {
      if (parts[i] && parts[i + 1]) pairs.add(`${parts[i]!.slice(-60)}-${parts[i + 1]!.slice(0, 60)}`);
    }
  }
  return pairs;
}

/**
 * A word split by a hyphen at a line end ("commit-" / "ment") is joined; a compound ("long-" /
 * "term") keeps its hyphen when the text spells it with a hyphen elsewhere. Each page's start
 * moves with the text.
 */
export function resolveHyphensInPages(chunks: string[], pages: DocumentPage[]): string {
  const whole = chunks.join('');
  if (!whole.includes(HYPHEN_MARK)) return canonicalizeText(whole);
  const spelled = hyphenatedPairs(whole.toLowerCase());
  // The text is copied in slices between marks; a page start moves back by the marks dropped before it.
  const pieces: string[] = [];
  const dropped: number[] = [];
  let from = 0;
  for (let i = whole.indexOf(HYPHEN_MARK); i >= 0; i = whole.indexOf(HYPHEN_MARK, i + 1)) {
    pieces.push(whole.slice(from, i));
    from = i + 1;
    const before = /[\p{L}]+$/u.exec(whole.slice(Math.max(0, i - 60), i))?.[0] ?? '';
    const after = /^[\p{L}]+/u.exec(whole.slice(i + 1, i + 61))?.[0] ?? '';
    if (before && after && spelled.has(`${before}-${after}`.toLowerCase())) pieces.push('-');
    else dropped.push(i);
  }
  pieces.push(whole.slice(from));
  const out = pieces.join('');
  const droppedBefore = (offset: number) => {
    let lo = 0;
    let hi = dropped.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dropped[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const page of pages) page.start -= droppedBefore(page.start);
  return canonicalizeText(out);
}
