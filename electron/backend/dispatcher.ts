// The dispatcher: checks the method name, validates the input against the contract, runs the
// handler and turns every outcome into the envelope. Hosts call only this.

import type { Method } from '../../shared/api/contract';
import { isMethod, methods } from '../../shared/api/contract';
import type { ErrorCode } from '../../shared/api/errors';
import { isGroundworkError } from '../../shared/api/errors';
import type { CallRequest, CallResponse } from '../../shared/api/wire';
import type { Transport } from '../../shared/api/client';
import type { Backend } from './backend';
import { handlers } from './handlers/index';
import type { Handler } from './handlers/types';

const fail = (code: ErrorCode, message: string): CallResponse => ({ ok: false, error: { code, message } });

const SWITCHES = new Set<Method>(['project.create', 'project.open', 'project.openExample', 'project.close']);

export async function dispatch(backend: Backend, request: CallRequest): Promise<CallResponse> {
  const { method } = request;
  if (typeof method !== 'string' || !isMethod(method)) return fail('unknown-method', `There is no method "${String(method)}".`);
  const parsed = methods[method].input.safeParse(request.input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return fail('invalid-input', `${where}${issue?.message ?? 'The request is not valid.'}`);
  }
  try {
    const handler = handlers[method] as Handler<Method>;
    const value = await handler(parsed.data as never, backend);
    const origin = request.origin ?? null;
    if (methods[method].mutates) backend.emit({ type: 'project.changed', origin, method });
    if (SWITCHES.has(method)) backend.emit({ type: 'project.switched', origin });
    return { ok: true, value };
  } catch (error) {
    if (isGroundworkError(error)) return fail(error.code, error.message);
    console.error(`[groundwork] ${method} failed:`, error);
    return fail('internal', `Something went wrong in ${method}: ${(error as Error).message}`);
  }
}

/** A transport that calls the backend in this process (the command line, tests), through JSON as a real one would. */
export const localTransport =
  (backend: Backend): Transport =>
  async (request) =>
    JSON.parse(JSON.stringify(await dispatch(backend, JSON.parse(JSON.stringify(request)) as CallRequest))) as CallResponse;
