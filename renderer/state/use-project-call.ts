// What a read-only backend method without input answers for the open project, kept in step with
// the changes that touch it (see use-project-query.ts). null until it answers, when no project is
// open, or when the call fails (shown as a toast when `toastErrors` is set).

import type { Output } from '../../shared/api/contract';
import type { ReadMethod } from '../../shared/api/dependencies';
import { useProjectQuery } from './use-project-query';

type WithoutInput = { [M in ReadMethod]: {} extends import('../../shared/api/contract').Input<M> ? M : never }[ReadMethod];

export function useProjectCall<M extends WithoutInput>(method: M, options: { toastErrors?: boolean } = {}): Output<M> | null {
  return useProjectQuery(method, {} as never, { toastErrors: options.toastErrors }) ?? null;
}
