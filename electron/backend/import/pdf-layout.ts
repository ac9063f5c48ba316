// Where a PDF page's text items sit: lines by baseline, columns split at their gutter, lines in
// reading order, alignment hints for mixed lines, and running heads and feet left out.

import { logicalLine, MIXED } from './pdf-bidi';

export interface Item {
  s: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

export interface Line {
  items: Item[];
  y: number;
  size: number;
  x0: number;
  x1: number;
}

/** Groups items into lines by baseline, each line's items sorted left to right. */
export function groupLines(items: Item[]): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const lines: Line[] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - item.y) <= 0.4 * Math.max(line.size, item.size)) {
      line.items.push(item);
      line.size = Math.max(line.size, item.size);
      line.x0 = Math.min(line.x0, item.x0);
      line.x1 = Math.max(line.x1, item.x1);
    } else {
      lines.push({ items: [item], y: item.y, size: item.size, x0: item.x0, x1: item.x1 });
    }
  }
  for (const line of lines) line.items.sort((a, b) => a.x0 - b.x0);
  return lines;
}

/** Whether a line's text runs across x (inside an item, or across a word gap, not a column gap). */
function crosses(line: Line, x: number): boolean {
  const { items } = line;
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i]!;
    if (x >= item.x0 && x <= item.x1) return true;
    const next = items[i + 1];
    if (next && x > item.x1 && x < next.x0 && next.x0 - item.x1 < 1.5 * line.size) return true;
  }
  return false;
}

/** The x of a column gutter, if the page is set in two columns. */
function findGutter(lines: Line[], width: number): number | undefined {
  if (lines.length < 6) return undefined;
  let best: { x: number; run: number; cover: number } | undefined;
  let runStart = -1;
  let runCover = Infinity;
  const from = Math.floor(width * 0.3);
  const to = Math.ceil(width * 0.7);
  const covers: number[] = [];
  for (let x = from; x <= to; x += 1) covers.push(lines.filter((l) => crosses(l, x)).length);
  const min = Math.min(...covers);
  if (min > lines.length * 0.2) return undefined;
  for (let i = 0; i <= covers.length; i += 1) {
    if (i < covers.length && covers[i] === min) {
      if (runStart < 0) (runStart = i), (runCover = min);
      continue;
    }
    if (runStart >= 0) {
      const run = i - runStart;
      if (!best || run > best.run) best = { x: from + runStart + run / 2, run, cover: runCover };
      runStart = -1;
    }
  }
  if (!best) return undefined;
  const x = best.x;
  const left = lines.filter((l) => !crosses(l, x) && l.items.some((it) => it.x1 < x)).length;
  const right = lines.filter((l) => !crosses(l, x) && l.items.some((it) => it.x0 > x)).length;
  return left >= 3 && right >= 3 ? x : undefined;
}

const subLine = (items: Item[], y: number): Line => ({
  items,
  y,
  size: Math.max(...items.map((i) => i.size)),
  x0: Math.min(...items.map((i) => i.x0)),
  x1: Math.max(...items.map((i) => i.x1)),
});

/** The page's lines in reading order, each marked with the column block it belongs to. */
export function readingOrder(lines: Line[], width: number, pageDir: 'ltr' | 'rtl'): { line: Line; block: number }[] {
  const gutter = findGutter(lines, width);
  if (gutter === undefined) return lines.map((line) => ({ line, block: 0 }));
  const out: { line: Line; block: number }[] = [];
  let block = 0;
  let left: Line[] = [];
  let right: Line[] = [];
  const flush = () => {
    const [first, second] = pageDir === 'rtl' ? [right, left] : [left, right];
    if (first.length) block += 1;
    for (const line of first) out.push({ line, block });
    if (second.length) block += 1;
    for (const line of second) out.push({ line, block });
    left = [];
    right = [];
  };
  for (const line of lines) {
    if (crosses(line, gutter)) {
      flush();
      block += 1;
      out.push({ line, block });
      continue;
    }
    const l = line.items.filter((i) => i.x1 <= gutter);
    const r = line.items.filter((i) => i.x1 > gutter);
    if (l.length) left.push(subLine(l, line.y));
    if (r.length) right.push(subLine(r, line.y));
  }
  flush();
  return out;
}

/**
 * A mixed line's direction from its alignment within its column: flush right and short of the
 * left edge reads right to left (an RTL paragraph's last line, or a right-aligned one), flush left
 * and short of the right edge reads left to right. Full lines (justified) get no hint.
 */
export function alignmentHints<T extends { line: Line; block: number }>(ordered: T[]): (T & { hint?: 'ltr' | 'rtl' })[] {
  const edges = new Map<number, { x0: number; x1: number }>();
  for (const { line, block } of ordered) {
    const edge = edges.get(block);
    edges.set(block, { x0: Math.min(edge?.x0 ?? Infinity, line.x0), x1: Math.max(edge?.x1 ?? -Infinity, line.x1) });
  }
  return ordered.map((o) => {
    const text = o.line.items.map((i) => i.s).join('');
    if (!MIXED(text)) return o;
    const edge = edges.get(o.block)!;
    const left = o.line.x0 - edge.x0;
    const right = edge.x1 - o.line.x1;
    const near = 0.5 * o.line.size;
    const far = 2 * o.line.size;
    if (right < near && left > far) return { ...o, hint: 'rtl' as const };
    if (left < near && right > far) return { ...o, hint: 'ltr' as const };
    return o;
  });
}

const lineKey = (line: Line) =>
  logicalLine(line.items)
    .replace(/[0-9\u0660-\u0669\u06F0-\u06F9]+/g, '#')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

const PAGE_NUMBER = /^[-–—\s]*(page |p\. ?|ص\. ?|صفحه )?#( ?(of|\/|از) ?#)?[-–—\s]*$/;

/**
 * Removes running heads and feet: a line among the two top or two bottom lines of a page whose
 * text (digits aside) recurs at that edge on at least half of the pages, and a bare page number
 * at either edge. Only for documents of two pages or more.
 */
export function dropRunningHeads(pages: Line[][]): void {
  const withText = pages.filter((lines) => lines.length > 0);
  if (withText.length < 2) return;
  const edges = (lines: Line[]) => ({ top: lines.slice(0, 2), bottom: lines.slice(-2) });
  const count = { top: new Map<string, number>(), bottom: new Map<string, number>() };
  for (const lines of withText) {
    for (const edge of ['top', 'bottom'] as const) {
      for (const key of new Set(edges(lines)[edge].map(lineKey))) count[edge].set(key, (count[edge].get(key) ?? 0) + 1);
    }
  }
  const needed = Math.max(2, Math.ceil(withText.length / 2));
  for (const lines of pages) {
    if (lines.length < 3) continue;
    const { top, bottom } = edges(lines);
    const drop = new Set<Line>();
    for (const [edge, candidates] of [['top', top], ['bottom', bottom]] as const) {
      for (const line of candidates) {
        const key = lineKey(line);
        if (PAGE_NUMBER.test(key) || (count[edge].get(key) ?? 0) >= needed) drop.add(line);
      }
    }
    for (let i = lines.length - 1; i >= 0; i -= 1) if (drop.has(lines[i]!)) lines.splice(i, 1);
  }
}
