// A typed client over any transport that carries the envelope: Electron IPC, HTTP to the web
// host, or the backend called in-process (the command line and the tests).

import type { Input, Method, Output } from './contract';
import type { ApiErrorShape } from './errors';
import type { CallRequest, CallResponse, TouchedWire } from './wire';
import { GroundworkError } from './errors';

export type Transport = (request: CallRequest) => Promise<CallResponse>;

export interface ApiClient {
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
}

/** Heard when a call's answer names what it changed (also when it failed part-way), before the caller gets the answer. */
export type TouchedListener = (touched: TouchedWire, method: Method) => void;

/**
 * The error a failed call throws: its `said` kept, and its `message` the English or, given `show`,
 * the text a reader of the interface should see (so every `error.message` shown is translated).
 */
export function errorOf(error: ApiErrorShape, show?: (error: GroundworkError) => string): GroundworkError {
  const thrown = GroundworkError.received(error.code, error.said ?? error.message);
  if (show) Object.defineProperty(thrown, 'message', { value: show(thrown), configurable: true, writable: true });
  return thrown;
}

export function createClient(
  transport: Transport,
  origin?: string,
  show?: (error: GroundworkError) => string,
  onTouched?: TouchedListener,
): ApiClient {
  return {
    async call(method, input) {
      const response = await transport({ method, input, ...(origin ? { origin } : {}) });
      if (response.touched && onTouched) onTouched(response.touched, method);
      if (!response.ok) throw errorOf(response.error, show);
      return response.value as never;
    },
  };
}
