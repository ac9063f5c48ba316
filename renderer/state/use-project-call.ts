// What a read-only backend method answers for the open project, fetched again after every change
// (the store's revision moves, also for changes made in another window). null until it answers,
// when no project is open, or when the call fails (shown as a toast when `toastErrors` is set).

import { useEffect, useState } from 'react';
import type { Method, Output } from '../../shared/api/contract';
import { api } from '../api/client';
import { useStore } from './store';

export function useProjectCall<M extends Method>(method: M, options: { toastErrors?: boolean } = {}): Output<M> | null {
  const revision = useStore((s) => s.revision);
  const project = useStore((s) => s.project);
  const [answer, setAnswer] = useState<Output<M> | null>(null);
  useEffect(() => {
    let current = true;
    if (!project) return;
    api.call(method, {} as never).then(
      (value) => current && setAnswer(value as Output<M>),
      (error: Error) => {
        if (!current) return;
        setAnswer(null);
        if (options.toastErrors) useStore.getState().toast('error', error.message);
      },
    );
    return () => {
      current = false;
    };
  }, [method, revision, project, options.toastErrors]);
  return answer;
}
