// The dispatcher: checks the method name, validates the input against the contract, runs the
// handler and turns every outcome into the envelope. Hosts call only this.

import path from 'node:path';
import type { Method } from '../../shared/api/contract';
import { isMethod, methods } from '../../shared/api/contract';
import type { ErrorCode } from '../../shared/api/errors';
import { isGroundworkError } from '../../shared/api/errors';
import { english, say, type Message } from '../../shared/domain/message';
import type { CallRequest, CallResponse } from '../../shared/api/wire';
import { readOnlyMessage } from '../../shared/domain/project-file';
import type { Transport } from '../../shared/api/client';
import type { Backend, CallContext } from './backend';
import { callContext } from './backend';
import { handlers } from './handlers/index';
import type { Handler } from './handlers/types';
import { invalidInput, structuredIssues } from './validation';

/** A failed call: the message in English and, when structured, its template and values. */
const refuse = (code: ErrorCode, message: string | Message): CallResponse =>
  typeof message === 'string' ? { ok: false, error: { code, message } } : { ok: false, error: { code, message: english(message), said: message } };

const SWITCHES = new Set<Method>(['project.create', 'project.open', 'project.openExample', 'project.openStudy', 'project.close', 'backup.restore', 'project.publish']);

export async function dispatch(backend: Backend, request: CallRequest): Promise<CallResponse> {
  const { method } = request;
  if (typeof method !== 'string' || !isMethod(method)) return refuse('unknown-method', say('There is no method "{method}".', { method: String(method) }));
  const parsed = methods[method].input.safeParse(request.input ?? {}, { error: structuredIssues });
  if (!parsed.success) return refuse('invalid-input', invalidInput(parsed.error));
  // A project open read-only refuses every change at once, before any work (an import's parsing).
  const open = backend.store;
  if (methods[method].mutates && open?.readOnly) {
    return refuse('read-only', readOnlyMessage(path.basename(open.location), (await open.info()).readOnly ?? 'chosen'));
  }
  const origin = request.origin ?? null;
  const call: CallContext = { origin, method, touched: null };
  let response: CallResponse;
  try {
    const handler = handlers[method] as Handler<Method>;
    const value = await callContext.run(call, () => handler(parsed.data as never, backend));
    if (SWITCHES.has(method)) backend.emit({ type: 'project.switched', origin });
    response = { ok: true, value };
  } catch (error) {
    if (isGroundworkError(error)) response = refuse(error.code, error.said ?? error.message);
    else {
      console.error(`[groundwork] ${method} failed:`, error);
      response = refuse('internal', say('Something went wrong in {method}: {reason}', { method, reason: (error as Error).message }));
    }
  }
  // Whatever the call changed (also when it failed part-way) is announced once, to the caller in
  // its answer and to every other window as an event.
  if (call.touched && !SWITCHES.has(method)) {
    response.touched = call.touched;
    backend.emit({ type: 'project.changed', origin, method, touched: call.touched, actor: backend.store?.actor ?? null });
  }
  return response;
}

/** A transport that calls the backend in this process (the command line, tests), through JSON as a real one would. */
export const localTransport =
  (backend: Backend): Transport =>
  async (request) =>
    JSON.parse(JSON.stringify(await dispatch(backend, JSON.parse(JSON.stringify(request)) as CallRequest))) as CallResponse;
