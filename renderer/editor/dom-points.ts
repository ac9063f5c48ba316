// From offsets in the canonical text back to the page: the DOM point of an offset in the mounted
// chunks (runs carry data-start), a DOM range for [start, end) clamped to what is mounted, and the
// offset under a screen point. The inverse of selection.ts; nothing here changes the page.

import { offsetOfPoint } from './selection';

const RUN = 'span[data-start]';

function runs(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(RUN)];
}

const startOf = (run: HTMLElement) => Number(run.dataset.start);
const textOf = (run: HTMLElement): Text | null => {
  const node = run.firstChild;
  return node && node.nodeType === Node.TEXT_NODE ? (node as Text) : null;
};

/** The DOM point of an offset, if its run is mounted. At a run boundary the later run is taken. */
export function pointAt(root: HTMLElement, offset: number): { node: Text; offset: number } | null {
  const list = runs(root);
  let found: { node: Text; offset: number } | null = null;
  for (const run of list) {
    const text = textOf(run);
    if (!text) continue;
    const start = startOf(run);
    if (start > offset) break;
    if (offset <= start + text.data.length) found = { node: text, offset: offset - start };
  }
  return found;
}

/** A DOM range over [start, end), clamped to the mounted runs; null if none of it is mounted. */
export function rangeBetween(root: HTMLElement, start: number, end: number): Range | null {
  const list = runs(root).filter((run) => {
    const text = textOf(run);
    return text !== null && startOf(run) < end && startOf(run) + text.data.length > start;
  });
  if (list.length === 0) return null;
  const first = list[0]!;
  const last = list[list.length - 1]!;
  const range = document.createRange();
  range.setStart(textOf(first)!, Math.max(0, start - startOf(first)));
  range.setEnd(textOf(last)!, Math.min(textOf(last)!.data.length, end - startOf(last)));
  return range;
}

/** Where a caret at an offset is drawn, if its paragraph is mounted. */
export function caretRect(root: HTMLElement, offset: number): DOMRect | null {
  const point = pointAt(root, offset);
  if (point) {
    const range = document.createRange();
    range.setStart(point.node, point.offset);
    range.collapse(true);
    const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
    if (rect.height > 0) return rect;
  }
  // An empty paragraph has no run: the caret sits at its start edge.
  const para = [...root.querySelectorAll<HTMLElement>('p.gw-para')].find((p) => Number(p.dataset.start) === offset && Number(p.dataset.end) === offset);
  if (!para) return null;
  const box = para.getBoundingClientRect();
  const x = getComputedStyle(para).direction === 'rtl' ? box.right - parseFloat(getComputedStyle(para).paddingInlineStart || '0') : box.left + parseFloat(getComputedStyle(para).paddingInlineStart || '0');
  return new DOMRect(x, box.top, 0, Math.max(16, box.height));
}

/** The offset under a screen point inside the reader, or null (also when `onText` and the point is between lines). */
export function offsetAtPoint(root: HTMLElement, x: number, y: number, onText = false): number | null {
  const position = document.caretPositionFromPoint?.(x, y);
  if (!position || !root.contains(position.offsetNode)) return null;
  if (onText && position.offsetNode.nodeType !== Node.TEXT_NODE) return null;
  return offsetOfPoint(position.offsetNode, position.offset);
}
