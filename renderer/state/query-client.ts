// The window's copy of the backend's answers, keyed by method + input (+ the open project's
// generation), fetched only by views that show them. After a change, only the answers its touched
// set invalidates (shared/api/dependencies.ts) are fetched again, and only those a mounted view
// shows; a hidden one is fetched again when it is shown, if it went stale meanwhile.

import { QueryClient, type QueryKey } from '@tanstack/react-query';
import type { Input, Output } from '../../shared/api/contract';
import { isInvalidated, isReadMethod, unionTouched, type ReadMethod } from '../../shared/api/dependencies';
import type { TouchedWire } from '../../shared/api/wire';
import { api, onTouched } from '../api/client';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Answers change only when a change event says so: never stale by age, never refetched on focus.
      staleTime: Infinity,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      retry: false,
      // An answer fetched again that equals the one held keeps its identity, and so does each
      // unchanged part (a concept whose count did not move): views showing it do not re-render.
      structuralSharing: true,
    },
  },
});

/** Bumped whenever the open project changes, so no answer of one project is taken for another's. */
let generation = 0;
export const projectGeneration = () => generation;

export function resetAnswers(): void {
  generation += 1;
  queryClient.cancelQueries();
  queryClient.removeQueries();
}

export const answerKey = <M extends ReadMethod>(method: M, input: Input<M>): QueryKey => [method, input, generation];

export const fetchAnswer = <M extends ReadMethod>(method: M, input: Input<M>): Promise<Output<M>> => api.call(method, input);

/** The answer held now (fresh or not), without fetching. */
export const heldAnswer = <M extends ReadMethod>(method: M, input: Input<M>): Output<M> | undefined =>
  queryClient.getQueryData<Output<M>>(answerKey(method, input));

/** Replaces a held answer (the optimistic paint of a change whose answer holds the new data). */
export function updateAnswer<M extends ReadMethod>(method: M, input: Input<M>, update: (held: Output<M>) => Output<M>): void {
  queryClient.setQueryData<Output<M>>(answerKey(method, input), (held) => (held === undefined ? held : update(held)));
}

/** Marks stale every held answer the touched set may have changed; those shown now are fetched again. */
export function invalidateTouched(touched: TouchedWire): Promise<void> {
  return queryClient.invalidateQueries(
    {
      predicate: (query) => {
        const [method, input, held] = query.queryKey as [string, unknown, number];
        return held !== generation || !isReadMethod(method) || isInvalidated(method, input as never, touched);
      },
      refetchType: 'active',
    },
    { cancelRefetch: true },
  );
}

/** Runs after the next frame is drawn: what a change shows at once is painted before anything is fetched again. */
const afterPaint = (fn: () => void) =>
  typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible'
    ? requestAnimationFrame(() => setTimeout(fn, 0))
    : setTimeout(fn, 0);

let refreshing: Promise<void> = Promise.resolve();
let holds = 0;
let held: TouchedWire | null = null;

/** Settles when the answers this window's last change invalidated have been fetched again. */
export const refreshed = () => refreshing;

function refreshFrom(touched: TouchedWire): Promise<void> {
  refreshing = new Promise((resolve) => afterPaint(() => void invalidateTouched(touched).then(resolve, resolve)));
  return refreshing;
}

/**
 * Gathers what a run of changes touches (an import of many files) and refreshes from it only when
 * flushed or released, instead of after each change.
 */
export function holdRefresh(): { flush(): Promise<void>; release(): Promise<void> } {
  holds += 1;
  let released = false;
  const flush = () => {
    const touched = held;
    held = null;
    return touched ? refreshFrom(touched) : refreshing;
  };
  return {
    flush,
    release() {
      if (released) return refreshing;
      released = true;
      holds -= 1;
      return flush();
    },
  };
}

// Every answer of this window's own calls names what it changed: refresh from it (after the
// caller has painted what the answer itself holds). Other windows' changes arrive as events.
onTouched((touched) => {
  if (holds > 0) held = unionTouched(held, touched);
  else void refreshFrom(touched);
});
