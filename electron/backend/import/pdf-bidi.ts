// One PDF line's text in logical order, and a line's direction from its letters. pdfjs gives a
// line's items in visual order (and Arabic in presentation forms); this puts them back.

export const RTL_LETTER = /[\u0590-\u05FF\u0600-\u065F\u066A-\u06EF\u06FA-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const LTR_STRONG = /[A-Za-z0-9\u00C0-\u024F\u0370-\u04FF\u0660-\u0669\u06F0-\u06F9]/;
export const RTL_LETTERS = new RegExp(RTL_LETTER.source, 'g');
const LATIN_LETTERS = /[A-Za-z\u00C0-\u024F\u0370-\u04FF]/g;

export function lineDirection(text: string): 'ltr' | 'rtl' {
  const rtl = text.match(RTL_LETTERS)?.length ?? 0;
  const ltr = text.match(LATIN_LETTERS)?.length ?? 0;
  return rtl > 0 && rtl >= ltr ? 'rtl' : 'ltr';
}

/**
 * One line's text in logical order. Items come sorted by x (visual order); each item's own string
 * is already logical. Levels as in the Unicode bidi algorithm, reduced to what a PDF line needs:
 * the line's base direction, right-to-left items at an odd level, Latin words and numbers at an
 * even one; neutrals (spaces, punctuation) take their neighbours' level when both agree.
 */
export function logicalLine(
  items: readonly { s: string; x0: number; x1: number; size: number }[],
  /** The line's direction when its layout tells it (flush right or left); else its letters decide. */
  baseHint?: 'ltr' | 'rtl',
): string {
  const tokens: string[] = [];
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i]!;
    const previous = items[i - 1];
    if (previous && tokens.length) {
      const gap = item.x0 - previous.x1;
      const last = tokens[tokens.length - 1]!;
      if (gap > 0.18 * item.size && !/\s$/.test(last) && !/^\s/.test(item.s)) tokens.push(' ');
    }
    if (item.s) tokens.push(item.s);
  }
  const base = baseHint ?? lineDirection(tokens.join(''));
  const kind = tokens.map((t) => (RTL_LETTER.test(t) ? 'r' : LTR_STRONG.test(t) ? 'l' : 'n'));
  const baseLevel = base === 'rtl' ? 1 : 0;
  const strongLevel = (k: string) => (k === 'r' ? (base === 'rtl' ? 1 : 1) : base === 'rtl' ? 2 : 0);
  const levels = kind.map((k, i) => {
    if (k !== 'n') return strongLevel(k);
    let before = '';
    for (let j = i - 1; j >= 0 && !before; j -= 1) if (kind[j] !== 'n') before = kind[j]!;
    let after = '';
    for (let j = i + 1; j < kind.length && !after; j += 1) if (kind[j] !== 'n') after = kind[j]!;
    return before && before === after ? strongLevel(before) : baseLevel;
  });
  // Visual to logical: undo the reversals of the bidi algorithm, lowest odd level first.
  const order = tokens.map((_, i) => i);
  const maxLevel = Math.max(...levels, 0);
  for (let level = 1; level <= maxLevel; level += 1) {
    let i = 0;
    while (i < order.length) {
      if (levels[order[i]!]! < level) {
        i += 1;
        continue;
      }
      let j = i;
      while (j < order.length && levels[order[j]!]! >= level) j += 1;
      const run = order.slice(i, j).reverse();
      order.splice(i, j - i, ...run);
      i = j;
    }
  }
  return order.map((i) => tokens[i]).join('').replace(/\s+/g, ' ').trim().normalize('NFKC');
}

/** Whether a line mixes right-to-left and Latin letters (its direction is then not obvious). */
export const MIXED = (text: string) => RTL_LETTER.test(text) && /[A-Za-z\u00C0-\u024F]/.test(text);
