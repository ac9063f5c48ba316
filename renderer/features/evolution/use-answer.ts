// What a read-only method answers for an input (null: nothing asked yet), kept in step with the
// changes that touch it (renderer/state/use-project-query.ts; its dependencies are named in
// shared/api/dependencies.ts from READ_DEPENDENCIES in shared/api/evolution-contract.ts).

import type { Input, Output } from '../../../shared/api/contract';
import type { ReadMethod } from '../../../shared/api/dependencies';
import { errorMessage } from '../workspace/error-message';
import { useProjectQueryResult } from '../../state/use-project-query';

export interface Answer<T> {
  value: T | null;
  error: string | null;
}

export function useAnswer<M extends ReadMethod>(method: M, input: Input<M> | null): Answer<Output<M>> {
  const { answer, error } = useProjectQueryResult(method, (input ?? {}) as Input<M>, { enabled: input !== null, keepPrevious: true });
  if (input === null) return { value: null, error: null };
  return { value: (answer as Output<M> | undefined) ?? null, error: error ? errorMessage(error.message) : null };
}
