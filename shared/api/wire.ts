// The envelope every transport carries (Electron IPC, the web host's HTTP, in-process tests).

import type { ApiErrorShape } from './errors';

export interface CallRequest {
  method: string;
  input: unknown;
  /** The calling window or tab, so it can ignore change events it caused itself. */
  origin?: string;
}

export type CallResponse<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

/** Pushed by the backend to every window or tab after something changed. */
export type BackendEvent =
  | { type: 'project.changed'; origin: string | null; method: string }
  | { type: 'project.switched'; origin: string | null };
