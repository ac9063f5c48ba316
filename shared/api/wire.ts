// The envelope every transport carries (Electron IPC, the web host's HTTP, in-process tests).

import type { ApiErrorShape } from './errors';
import type { Message } from '../domain/message';

export interface CallRequest {
  method: string;
  input: unknown;
  /** The calling window or tab, so it can ignore change events it caused itself. */
  origin?: string;
  /** The team server: the latest change mark this page has refreshed for (db/postgres/marks.ts). */
  seen?: number;
}

/** A line the team server adds to an answer: in English, and structured for the page to translate. */
export interface Notice {
  message: string;
  said: Message;
}

/** `touched` names what the call changed (also when it failed part-way), so the caller refetches just that. */
export type CallResponse<T = unknown> = (
  | { ok: true; value: T; touched?: TouchedWire }
  | { ok: false; error: ApiErrorShape; touched?: TouchedWire }
) & {
  /** The team server: the latest change mark of the open project it knew when answering. */
  mark?: number;
  /** The team server: the call's change replaced a recent change of another user (one line each). */
  notices?: Notice[];
};

/** What a change touched: each view refetches only when it shows one of these. */
export interface TouchedWire {
  /** Tables whose rows changed; null: anything may have (another program wrote to the file). */
  tables: string[] | null;
  /** Sources whose own rows, segments, pages or directions changed; null: any of them. */
  documents: number[] | null;
}

/** Pushed by the backend to every window or tab after something changed. */
export type BackendEvent =
  | {
      type: 'project.changed';
      origin: string | null;
      method: string;
      touched: TouchedWire;
      actor?: string | null;
      /** The team server: the change's mark, its history label and kind, and who made it. */
      mark?: number;
      label?: string;
      /** The label structured, when the step's is (what the interface translates). */
      said?: Message;
      kind?: 'do' | 'undo' | 'redo';
      by?: string;
    }
  | { type: 'project.switched'; origin: string | null };
