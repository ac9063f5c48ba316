// Text in SVG does not wrap by itself: these pure helpers wrap a label into lines that fit a width,
// breaking only between words (never inside a Persian word, never at a ZERO WIDTH NON-JOINER),
// and tell each line's direction. Widths come from a measure function: canvas in the browser, a
// fixed advance in tests.

import { paragraphDirection, type Direction } from '../../shared/domain/text';

export interface Font {
  size: number;
  weight?: number;
  italic?: boolean;
}

export type Measure = (text: string, font: Font) => number;

/** Words are separated by spaces (U+0020, NBSP excluded) and tabs; ZWNJ joins a word's parts. */
const words = (text: string) => text.split(/[ \t\n]+/).filter((w) => w.length > 0);

/**
 * Greedy line filling: as many words per line as fit in maxWidth. A word wider than maxWidth gets
 * a line of its own and is not cut (the caller sizes its box from `widestWord`).
 */
export function wrapText(text: string, maxWidth: number, font: Font, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words(text)) {
    const candidate = line ? `${line} ${word}` : word;
    if (!line || measure(candidate, font) <= maxWidth) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** The width of the widest single word of a text: no line can be narrower without cutting it. */
export const widestWord = (text: string, font: Font, measure: Measure) =>
  Math.max(0, ...words(text).map((w) => measure(w, font)));

/**
 * A label's own direction: a Persian label that contains "B2B" is still right to left. Text inside
 * directional isolates (U+2068 … U+2069, a name set into a sentence) does not decide it.
 */
export function textDirection(text: string): Direction {
  const outside = text.replace(/\u2068[^\u2069]*(\u2069|$)/g, ' ');
  return paragraphDirection(/\p{L}/u.test(outside) ? outside : text);
}

/** A measure for the browser: canvas text metrics with the font the SVG uses, shaping included. */
export function canvasMeasure(family: string): Measure {
  const context = document.createElement('canvas').getContext('2d');
  const cache = new Map<string, number>();
  return (text, font) => {
    const css = `${font.italic ? 'italic ' : ''}${font.weight ?? 400} ${font.size}px ${family}`;
    const key = `${css}|${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      if (!context) width = text.length * font.size * 0.6;
      else {
        context.font = css;
        width = context.measureText(text).width;
      }
      cache.set(key, width);
    }
    return width;
  };
}

/** A measure for tests: every character as wide as `advance` × the font size. */
export const fixedMeasure =
  (advance = 0.5): Measure =>
  (text, font) =>
    [...text].length * font.size * advance * (font.weight && font.weight >= 600 ? 1.1 : 1);
