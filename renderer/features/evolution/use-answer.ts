// What a read-only method answers for an input, fetched again when the input changes and after
// every change to the project (the store's revision moves). Until the renderer's keyed data layer
// lands (queries keyed by method and input, invalidated by the tables a change touched; see
// READ_DEPENDENCIES in shared/api/evolution-contract.ts), the views of this feature use this.

import { useEffect, useState } from 'react';
import type { Input, Method, Output } from '../../../shared/api/contract';
import { api } from '../../api/client';
import { errorMessage } from '../workspace/error-message';
import { useStore } from '../../state/store';

export interface Answer<T> {
  value: T | null;
  error: string | null;
}

export function useAnswer<M extends Method>(method: M, input: Input<M> | null): Answer<Output<M>> {
  const revision = useStore((s) => s.revision);
  const project = useStore((s) => s.project);
  const key = input === null ? null : JSON.stringify(input);
  const [answer, setAnswer] = useState<Answer<Output<M>>>({ value: null, error: null });
  useEffect(() => {
    let current = true;
    if (!project || key === null) {
      setAnswer({ value: null, error: null });
      return;
    }
    api.call(method, JSON.parse(key) as Input<M>).then(
      (value) => current && setAnswer({ value: value as Output<M>, error: null }),
      (error: Error) => current && setAnswer({ value: null, error: errorMessage(error.message) }),
    );
    return () => {
      current = false;
    };
  }, [method, key, revision, project]);
  return answer;
}
