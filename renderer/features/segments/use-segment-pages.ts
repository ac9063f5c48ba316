// A scope's segments read a page at a time (segment.page): the first page is a keyed answer
// (query-client.ts), fetched again only when a change touches what the list shows; the next pages
// are read as the list scrolls to its end. A change re-reads the rows shown from the start (the
// pages shown, at most REREAD_AT_MOST rows) in one call, so the list keeps its place.

import { useCallback, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Input } from '../../../shared/api/contract';
import type { CoderId } from '../../../shared/domain/ids';
import type { SegmentPage, SegmentRow, SegmentScope } from '../../../shared/domain/model';
import { answerKey, fetchAnswer, queryClient } from '../../state/query-client';
import { useStore } from '../../state/store';

export const SEGMENT_PAGE = 200;
/** After a change, at most this many rows are read again at once. */
const REREAD_AT_MOST = 2000;

/** The pages read after the first, for the first page they continue. */
interface Tail {
  of: SegmentPage;
  rows: SegmentRow[];
  next: string | null;
}

const NO_ROWS: SegmentRow[] = [];

/** `coder`: only that coder's passages (null: those of no coder); undefined: everyone's. */
export function useSegmentPages(scope: SegmentScope | null, coder?: CoderId | null) {
  const project = useStore((s) => s.project);
  const input: Input<'segment.page'> = { scope: scope ?? { kind: 'all' }, ...(coder === undefined ? {} : { coder }) };
  // How many rows the list shows now: the first page's answer is read again with that many.
  const shownRows = useRef(SEGMENT_PAGE);
  const head = useQuery(
    {
      // Keyed by scope and coder, not by the number of rows (which grows as the list scrolls).
      queryKey: answerKey('segment.page', input),
      queryFn: () => fetchAnswer('segment.page', { ...input, limit: Math.min(REREAD_AT_MOST, Math.max(SEGMENT_PAGE, shownRows.current)) }),
      enabled: project !== null && scope !== null,
    },
    queryClient,
  ).data;
  const [tail, setTail] = useState<Tail | null>(null);
  const loading = useRef<string | null>(null);

  const continues = head !== undefined && tail?.of === head;
  const rows = useMemo(() => (head ? (continues ? [...head.rows, ...tail.rows] : head.rows) : NO_ROWS), [head, continues, tail]);
  const next = head ? (continues ? tail.next : head.next) : null;
  // Scrolled past the first page: read again up to the end of the page being shown, so rows that a
  // change added at the end of what was shown are there too (the list does not ask for them again).
  shownRows.current = continues ? Math.ceil((rows.length + 1) / SEGMENT_PAGE) * SEGMENT_PAGE : SEGMENT_PAGE;

  const headRef = useRef(head);
  headRef.current = head;
  /** Reads the next page (once at a time), when there is one. */
  const more = useCallback(() => {
    const of = headRef.current;
    if (!scope || !of || !next || loading.current === next) return;
    const cursor = next;
    loading.current = cursor;
    fetchAnswer('segment.page', { ...input, cursor, limit: SEGMENT_PAGE }).then(
      (page) =>
        // Only onto the rows it continues: a first page read again meanwhile starts afresh.
        headRef.current === of &&
        setTail((now) => {
          const before = now?.of === of ? now : { of, rows: [], next: of.next };
          return before.next === cursor ? { of, rows: [...before.rows, ...page.rows], next: page.next } : before;
        }),
      () => {
        loading.current = null;
      },
    );
    // input stands for scope and coder (a new object on every render); next for the rows read.
  }, [JSON.stringify(input), next, scope !== null]);

  return { rows, total: head?.total ?? rows.length, more };
}
