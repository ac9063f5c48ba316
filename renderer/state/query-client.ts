// The window's copy of the backend's answers, keyed by method + input (+ the open project's
// generation), fetched only by views that show them. After a change, only the answers its touched
// set invalidates (shared/api/dependencies.ts) are fetched again, and only those a mounted view
// shows; a hidden one is fetched again when it is shown, if it went stale meanwhile.

import { notifyManager, QueryClient, replaceEqualDeep, type QueryKey } from '@tanstack/react-query';
import type { Input, Output } from '../../shared/api/contract';
import { isInvalidated, isReadMethod, unionTouched, type ReadMethod } from '../../shared/api/dependencies';
import type { TouchedWire } from '../../shared/api/wire';
import { api, onTouched } from '../api/client';

/** Answers built from the held ones by updateAnswer, which keep every unchanged part as it was. */
const sharing = new WeakSet<object>();

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
      // An answer updated in place already shares its unchanged parts, and is not compared again.
      structuralSharing: (held: unknown, next: unknown) => (sharing.has(next as object) ? next : replaceEqualDeep(held, next)),
    },
  },
});

// Views hear of a changed answer in the same task (a microtask), not one task later: a highlight
// drawn from a change's answer reaches the next frame.
notifyManager.setScheduler(queueMicrotask);

/** Bumped whenever the open project changes, so no answer of one project is taken for another's. */
let generation = 0;

export function resetAnswers(): void {
  generation += 1;
  queryClient.cancelQueries();
  queryClient.removeQueries();
}

export const answerKey = <M extends ReadMethod>(method: M, input: Input<M>): QueryKey => [method, input, generation];

export const fetchAnswer = <M extends ReadMethod>(method: M, input: Input<M>): Promise<Output<M>> => api.call(method, input);

/** The answer as it is now: the one held if no change touched it since, else fetched (and held). */
export const answerNow = <M extends ReadMethod>(method: M, input: Input<M>): Promise<Output<M>> =>
  queryClient.fetchQuery({ queryKey: answerKey(method, input), queryFn: () => fetchAnswer(method, input) });

/** The answer held now (fresh or not), without fetching. */
export const heldAnswer = <M extends ReadMethod>(method: M, input: Input<M>): Output<M> | undefined =>
  queryClient.getQueryData<Output<M>>(answerKey(method, input));

/**
 * Replaces a held answer (the optimistic paint of a change whose answer holds the new data).
 * `update` must keep the parts it does not change (they are not compared again).
 */
export function updateAnswer<M extends ReadMethod>(method: M, input: Input<M>, update: (held: Output<M>) => Output<M>): void {
  queryClient.setQueryData<Output<M>>(answerKey(method, input), (held) => {
    if (held === undefined) return held;
    const next = update(held);
    if (typeof next === 'object' && next !== null) sharing.add(next);
    return next;
  });
}

/** Marks stale every held answer the touched set may have changed; those shown now are fetched again. */
export function invalidateTouched(touched: TouchedWire): Promise<void> {
  return queryClient.invalidateQueries(
    {
      predicate: (query) => {
        const [method, input, held] = query.queryKey as [string, unknown, number];
        return held !== generation || !isReadMethod(method) || isInvalidated(method, input as never, touched, query.state.data as never);
      },
      refetchType: 'active',
    },
    { cancelRefetch: true },
  );
}

/**
 * Runs once the next frame is drawn and the page is idle: what a change shows at once (a new
 * highlight) is painted before anything is fetched again, and the fetches do not delay that frame.
 */
const afterPaint = (fn: () => void) => {
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState !== 'visible') return void setTimeout(fn, 0);
  requestAnimationFrame(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 100 });
    else setTimeout(fn, 0);
  });
};

// What changes touched and has not been refreshed yet. Refreshing runs one round at a time, after
// the next frame: changes arriving meanwhile (a burst of events from another program) are merged
// into the next round, so each shown answer is fetched at most once per round.
let pending: TouchedWire | null = null;
/** Those waiting for the pending touched set to be refreshed (refreshFrom's answer). */
let waiting: (() => void)[] = [];
let rounds: Promise<void> | null = null;
let holds = 0;
let held: TouchedWire | null = null;

async function refreshRounds(): Promise<void> {
  while (pending) {
    await new Promise<void>((resolve) => afterPaint(resolve));
    const touched = pending;
    const done = waiting;
    pending = null;
    waiting = [];
    if (touched) await invalidateTouched(touched).catch(() => undefined);
    for (const settle of done) settle();
  }
}

function startRounds(): Promise<void> {
  rounds = refreshRounds().finally(() => {
    rounds = null;
    // A change heard between the last round and this moment starts the next.
    if (pending) void startRounds();
  });
  return rounds;
}

/**
 * Refreshes what `touched` names (with whatever else is pending); settles when the round that took
 * it is done, so a team server's change mark can be counted as seen then (renderer/state/store.ts).
 */
export function refreshFrom(touched: TouchedWire): Promise<void> {
  pending = unionTouched(pending, touched);
  const done = new Promise<void>((settle) => waiting.push(settle));
  if (!rounds) void startRounds();
  return done;
}

/** Settles when the answers changes so far invalidated (and shown) have been fetched again. */
export const refreshed = (): Promise<void> => rounds ?? Promise.resolve();

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
    return touched ? refreshFrom(touched) : refreshed();
  };
  return {
    flush,
    release() {
      if (released) return refreshed();
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
