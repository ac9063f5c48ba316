// A scope's segments read a page at a time (segment.page): the first page when the scope is
// chosen, the next ones as the list scrolls to its end. After a change the rows already shown are
// read again from the start (as many as were shown), so the list keeps its place.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { CoderId } from '../../../shared/domain/ids';
import type { SegmentRow, SegmentScope } from '../../../shared/domain/model';
import { api } from '../../api/client';

export const SEGMENT_PAGE = 200;
/** After a change, at most this many rows are read again at once. */
const REREAD_AT_MOST = 2000;

interface Pages {
  key: string;
  rows: SegmentRow[];
  next: string | null;
  total: number;
}

const EMPTY: Pages = { key: '', rows: [], next: null, total: 0 };

/** `coder`: only that coder's passages (null: those of no coder); undefined: everyone's. */
export function useSegmentPages(scope: SegmentScope | null, revision: number, coder?: CoderId | null) {
  const key = JSON.stringify([scope, coder === undefined ? 'all' : coder]);
  const [pages, setPages] = useState<Pages>(EMPTY);
  const shown = useRef(pages);
  shown.current = pages;
  const loading = useRef<string | null>(null);

  useEffect(() => {
    if (!scope) {
      setPages(EMPTY);
      return;
    }
    let live = true;
    const previous = shown.current;
    const limit = previous.key === key ? Math.min(REREAD_AT_MOST, Math.max(SEGMENT_PAGE, previous.rows.length)) : SEGMENT_PAGE;
    loading.current = null;
    api.call('segment.page', { scope, limit, ...(coder === undefined ? {} : { coder }) }).then(
      (page) => live && setPages({ key, rows: page.rows, next: page.next, total: page.total ?? page.rows.length }),
      () => live && setPages({ ...EMPTY, key }),
    );
    return () => {
      live = false;
    };
    // key stands for scope (a new object on every render) and coder.
  }, [key, revision]);

  /** Reads the next page (once at a time), when there is one. */
  const more = useCallback(() => {
    const current = shown.current;
    if (!scope || !current.next || loading.current === current.next || current.key !== key) return;
    const cursor = current.next;
    loading.current = cursor;
    api.call('segment.page', { scope, cursor, limit: SEGMENT_PAGE, ...(coder === undefined ? {} : { coder }) }).then(
      (page) =>
        setPages((now) => (now.key === key && now.next === cursor ? { ...now, rows: [...now.rows, ...page.rows], next: page.next } : now)),
      () => {
        loading.current = null;
      },
    );
  }, [key]);

  const current = pages.key === key ? pages : EMPTY;
  return { rows: current.rows, total: current.total, more };
}
