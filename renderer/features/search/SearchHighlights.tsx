// Marks the search hits of the open source in the reader with the CSS Custom Highlight API: no
// element is added to the text (Persian letters stay joined and the reader's runs are untouched).
// The reader draws only the paragraphs near the viewport, so the marks follow its DOM changes.

import { useEffect } from 'react';
import { useStore } from '../../state/store';
import { useSearch } from './search-store';

const NAME = 'gw-search-hit';

interface HighlightRegistry {
  set(name: string, highlight: unknown): void;
  delete(name: string): void;
}
declare const Highlight: { new (...ranges: Range[]): unknown } | undefined;

const registry = (): HighlightRegistry | undefined => (globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;

/** DOM ranges for [start, end) offsets over the reader's drawn runs (span[data-start]). */
function rangesFor(root: Element, hits: readonly { start: number; end: number }[]): Range[] {
  const runs = [...root.querySelectorAll<HTMLElement>('span[data-start]')].map((el) => {
    const node = el.firstChild;
    return { start: Number(el.dataset.start), node: node && node.nodeType === Node.TEXT_NODE ? node : null, length: el.textContent?.length ?? 0 };
  });
  const out: Range[] = [];
  for (const hit of hits) {
    for (const run of runs) {
      if (!run.node || run.start >= hit.end || run.start + run.length <= hit.start) continue;
      const range = document.createRange();
      range.setStart(run.node, Math.max(0, hit.start - run.start));
      range.setEnd(run.node, Math.min(run.length, hit.end - run.start));
      out.push(range);
    }
  }
  return out;
}

export function SearchHighlights() {
  const openId = useStore((s) => s.openDoc?.document.id);
  const result = useSearch((s) => (s.mode === 'search' ? s.result : null));
  useEffect(() => {
    const highlights = registry();
    if (!highlights || typeof Highlight === 'undefined') return;
    const hits = result?.hits.filter((h) => h.documentId === openId) ?? [];
    const root = document.querySelector('.gw-reader');
    if (!root || hits.length === 0) {
      highlights.delete(NAME);
      return;
    }
    let frame = 0;
    const paint = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => highlights.set(NAME, new Highlight!(...rangesFor(root, hits))));
    };
    paint();
    const observer = new MutationObserver(paint);
    observer.observe(root, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      highlights.delete(NAME);
    };
  }, [openId, result]);
  return null;
}
