// What a read method answers for the open project, as a view shows it: fetched when the view is
// mounted (or taken from the window's copy if nothing it depends on changed since), fetched again
// only when a change touched what it depends on (query-client.ts).

import { useEffect } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Input, Output } from '../../shared/api/contract';
import type { ReadMethod } from '../../shared/api/dependencies';
import { answerKey, fetchAnswer, queryClient } from './query-client';
import { useStore } from './store';

export interface ProjectQueryOptions<M extends ReadMethod, S> {
  /** The part of the answer the view uses; the view re-renders only when that part changes. Keep it stable (module level or memoised). */
  select?: (answer: Output<M>) => S;
  enabled?: boolean;
  toastErrors?: boolean;
  /** While the answer for a new input is on its way, keep showing the one for the input before. */
  keepPrevious?: boolean;
}

export interface ProjectQueryResult<S> {
  /** undefined until it answers, when no project is open, or when the call failed. */
  answer: S | undefined;
  error: Error | null;
}

export function useProjectQueryResult<M extends ReadMethod, S = Output<M>>(
  method: M,
  input: Input<M>,
  options: ProjectQueryOptions<M, S> = {},
): ProjectQueryResult<S> {
  const project = useStore((s) => s.project);
  const query = useQuery(
    {
      queryKey: answerKey(method, input),
      queryFn: () => fetchAnswer(method, input),
      select: options.select,
      enabled: project !== null && options.enabled !== false,
      placeholderData: options.keepPrevious ? keepPreviousData : undefined,
    },
    queryClient,
  );
  const error = query.error;
  useEffect(() => {
    if (error && options.toastErrors) useStore.getState().toast('error', error.message);
  }, [error, options.toastErrors]);
  return { answer: query.isError ? undefined : query.data, error };
}

/** The answer alone: undefined until it answers, when no project is open, or when the call fails (a toast when `toastErrors`). */
export const useProjectQuery = <M extends ReadMethod, S = Output<M>>(method: M, input: Input<M>, options: ProjectQueryOptions<M, S> = {}): S | undefined =>
  useProjectQueryResult(method, input, options).answer;
