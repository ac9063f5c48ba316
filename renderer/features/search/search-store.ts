// The search panel's state: the query, its results, the hits picked for autocoding, and the
// dictionary suggestions of one concept. Results are the backend's; nothing here is saved.

import { create } from 'zustand';
import type { ConceptId, DocumentId } from '../../../shared/domain/ids';
import type { HitRange, SearchHit, SearchResult, SuggestionList } from '../../../shared/domain/search-model';
import { recordsNow } from '../corpus/corpus-store';
import { api } from '../../api/client';
import { useStore } from '../../state/store';

export const PAGE = 200;

export const hitKey = (h: HitRange) => `${h.documentId}:${h.start}:${h.end}`;
export const rangeOf = (h: HitRange): HitRange => ({ documentId: h.documentId, start: h.start, end: h.end });

interface SearchState {
  open: boolean;
  mode: 'search' | 'suggestions';
  query: string;
  /** The query whose result is shown. */
  searched: string;
  /** Search one source only, or (0) every source. */
  /** 'included': the sources included by screening (the default, as for coding); 0: every source; else one source. */
  scope: DocumentId | 0 | 'included';
  limit: number;
  result: SearchResult | null;
  error: string | null;
  loading: boolean;
  /** Keys of the hits (or suggestions) picked with their check boxes. */
  picked: ReadonlySet<string>;
  suggestionsFor: ConceptId | null;
  suggestions: SuggestionList | null;

  show(open: boolean): void;
  setQuery(query: string): void;
  setScope(scope: DocumentId | 0 | 'included'): void;
  search(query?: string, limit?: number): Promise<void>;
  more(): Promise<void>;
  togglePick(hit: HitRange): void;
  setPicked(keys: Iterable<string>): void;
  suggest(conceptId: ConceptId): Promise<void>;
  reloadSuggestions(): Promise<void>;
}

/** The documentIds a search or an autocode is limited to, for a scope. */
export function scopeFilter(scope: DocumentId | 0 | 'included'): { documentIds?: DocumentId[] } {
  if (scope === 0) return {};
  if (scope !== 'included') return { documentIds: [scope] };
  const included = recordsNow().filter((r) => r.stage === 'included' && r.documentId !== null);
  return { documentIds: included.map((r) => r.documentId!) };
}

export const useSearch = create<SearchState>()((set, get) => ({
  open: false,
  mode: 'search',
  query: '',
  searched: '',
  scope: 'included',
  limit: PAGE,
  result: null,
  error: null,
  loading: false,
  picked: new Set(),
  suggestionsFor: null,
  suggestions: null,

  show: (open) => set({ open }),
  setQuery: (query) => set({ query }),
  setScope: (scope) => set({ scope }),

  async search(query = get().query, limit = PAGE) {
    set({ mode: 'search', open: true, query, loading: true, error: null });
    if (limit === PAGE) set({ picked: new Set() });
    try {
      const result = await api.call('search.query', { query, limit, ...scopeFilter(get().scope) });
      if (get().query === query) set({ result, searched: query, limit, loading: false });
    } catch (error) {
      set({ result: null, error: (error as Error).message, loading: false });
    }
  },
  more: () => get().search(get().query, get().limit + PAGE),

  togglePick(hit) {
    const picked = new Set(get().picked);
    const key = hitKey(hit);
    if (picked.has(key)) picked.delete(key);
    else picked.add(key);
    set({ picked });
  },
  setPicked: (keys) => set({ picked: new Set(keys) }),

  async suggest(conceptId) {
    set({ open: true, mode: 'suggestions', suggestionsFor: conceptId, suggestions: null, picked: new Set(), error: null, loading: true });
    await get().reloadSuggestions();
  },
  async reloadSuggestions() {
    const conceptId = get().suggestionsFor;
    if (conceptId === null) return;
    try {
      const suggestions = await api.call('suggestion.list', { conceptId });
      if (get().suggestionsFor === conceptId) set({ suggestions, loading: false });
    } catch (error) {
      set({ suggestions: null, error: (error as Error).message, loading: false });
    }
  },
}));

/** Opens the source at a hit and selects it there, so the coding bar can code it at once. */
export async function openHit(hit: SearchHit): Promise<void> {
  await useStore.getState().jumpTo({ documentId: hit.documentId, start: hit.start, end: hit.end });
  let tries = 0;
  const select = () => {
    if (selectInReader(hit.start, hit.end) || tries++ > 40) return;
    window.setTimeout(select, 50);
  };
  window.setTimeout(select, 80);
}

/** Selects [start, end) of the open source in the reader; false while its text is not drawn yet. */
function selectInReader(start: number, end: number): boolean {
  const root = document.querySelector('.gw-reader');
  if (!root) return false;
  const point = (offset: number, isEnd: boolean): [Node, number] | null => {
    for (const run of root.querySelectorAll<HTMLElement>('span[data-start]')) {
      const from = Number(run.dataset.start);
      const length = run.textContent?.length ?? 0;
      if (offset < from || offset > from + length || (!isEnd && offset === from + length)) continue;
      const walker = document.createTreeWalker(run, NodeFilter.SHOW_TEXT);
      let at = from;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const len = node.textContent?.length ?? 0;
        if (offset <= at + len) return [node, offset - at];
        at += len;
      }
    }
    return null;
  };
  const a = point(start, false);
  const b = point(end, true);
  if (!a || !b) return false;
  const range = document.createRange();
  range.setStart(a[0], a[1]);
  range.setEnd(b[0], b[1]);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  return true;
}
