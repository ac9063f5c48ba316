// Marks the search hits of the open source in the reader with the CSS Custom Highlight API: no
// element is added to the text (Persian letters stay joined and the reader's runs are untouched).
// The reader draws only the paragraphs near the viewport, so the marks follow its DOM changes.

import { useEffect } from 'react';
import type { SearchHit, SearchResult } from '../../../shared/domain/search-model';
import { useStore } from '../../state/store';
import { useProjectQuery } from '../../state/use-project-query';
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
  runs.sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const hit of hits) {
    // The first drawn run that ends after the hit starts (binary search), then the runs it spans.
    let lo = 0;
    let hi = runs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (runs[mid]!.start + runs[mid]!.length <= hit.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < runs.length && runs[i]!.start < hit.end; i += 1) {
      const run = runs[i]!;
      if (!run.node) continue;
      const range = document.createRange();
      range.setStart(run.node, Math.max(0, hit.start - run.start));
      range.setEnd(run.node, Math.min(run.length, hit.end - run.start));
      out.push(range);
    }
  }
  return out;
}

const NO_HITS: SearchHit[] = [];
const hitsOf = (result: SearchResult) => result.hits;

export function SearchHighlights() {
  const openId = useStore((s) => s.openDoc?.document.id);
  const result = useSearch((s) => (s.mode === 'search' ? s.result : null));
  const query = useSearch((s) => s.searched);
  // Every hit in the open source, not only those on the list's first page, for the query of the
  // shown result (a query being typed does not re-mark the reader). The result lists the sources of
  // its first hits only: the open source is asked about itself.
  const shown = openId !== undefined && result !== null && result.total > 0;
  const answer = useProjectQuery('search.query', { query, documentIds: [openId ?? 0], limit: 5000 }, { enabled: shown, select: hitsOf });
  const hits = shown && answer ? answer : NO_HITS;
  useEffect(() => {
    const highlights = registry();
    if (!highlights || typeof Highlight === 'undefined') return;
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
  }, [hits]);
  return null;
}
