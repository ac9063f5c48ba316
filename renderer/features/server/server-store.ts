// The page's side of the team server: whether it is one and who is signed in, the user's role in
// the open project, the change marks (the latest heard, and the latest this page has refreshed
// for, sent with every call so the server can refuse a change made on a stale screen), the last
// change someone else made ("changed by"), and whether the server is out of reach.

import { create } from 'zustand';
import type { Access, SignedInUser } from '../../../shared/api/server-contract';
import type { BackendEvent, CallResponse } from '../../../shared/api/wire';
import { api } from '../../api/client';
import { maybeTeamServer, teamServer } from '../../api/transport';
import { useStore } from '../../state/store';
import { say, type Message } from '../../../shared/domain/message';
import { backendText, translated } from '../../i18n/message';

export type ServerStatus = 'checking' | 'not-server' | 'signed-out' | 'signed-in';

export interface LiveChange {
  by: string;
  label: string;
  /** The step's label structured, when it is (translated as the history shows it). */
  said?: Message;
  kind: 'do' | 'undo' | 'redo';
  at: number;
  id: number;
}

interface ServerState {
  status: ServerStatus;
  user: SignedInUser | null;
  access: Access | null;
  /** The highest change mark heard (answers and events). */
  known: number;
  /** The highest mark the page has refreshed for. */
  seen: number;
  live: LiveChange | null;
  reconnecting: boolean;
  check(): Promise<void>;
  /** Signs in; a refusal comes back in the interface language. */
  login(name: string, password: string): Promise<string | null>;
  logout(): Promise<void>;
  loadAccess(): Promise<void>;
  heard(event: BackendEvent): void;
}

let liveIds = 0;

const post = (path: string, body: unknown) =>
  fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

export const useServer = create<ServerState>()((set, get) => ({
  status: maybeTeamServer ? 'checking' : 'not-server',
  user: null,
  access: null,
  known: 0,
  seen: 0,
  live: null,
  reconnecting: false,

  async check() {
    if (!maybeTeamServer) return;
    let response: Response;
    try {
      response = await fetch('./api/session');
    } catch {
      set({ status: 'not-server' });
      return;
    }
    if (!String(response.headers.get('Content-Type')).startsWith('application/json')) return set({ status: 'not-server' });
    const answer = (await response.json()) as { ok: boolean; value?: SignedInUser };
    set(answer.ok && answer.value ? { status: 'signed-in', user: answer.value } : { status: 'signed-out', user: null });
  },

  async login(name, password) {
    let response: Response;
    try {
      response = await post('./api/login', { name, password });
    } catch {
      return translated(say('The team server cannot be reached just now: nothing was changed. Try again in a moment.'));
    }
    const answer = (await response.json().catch(() => ({ ok: false, error: { message: response.statusText } }))) as {
      ok: boolean;
      value?: SignedInUser;
      error?: { message: string; said?: Message };
    };
    if (!answer.ok || !answer.value) return answer.error ? backendText(answer.error.message, answer.error.said) : response.statusText;
    set({ status: 'signed-in', user: answer.value, known: 0, seen: 0, live: null });
    return null;
  },

  async logout() {
    await post('./api/logout', {}).catch(() => undefined);
    set({ status: 'signed-out', user: null, access: null, live: null });
  },

  async loadAccess() {
    if (get().status !== 'signed-in') return;
    try {
      set({ access: await api.call('access.get', {}) });
    } catch {
      // Shown again after the next change.
    }
  },

  heard(event) {
    if (event.type !== 'project.changed') return;
    if (event.mark !== undefined) set({ known: Math.max(get().known, event.mark) });
    if (event.by && event.label) set({ live: { by: event.by, label: event.label, said: event.said, kind: event.kind ?? 'do', at: Date.now(), id: ++liveIds } });
  },
}));

/** A refresh starts: whatever it reads is at least as new as the marks heard so far. */
export function refreshStarts(): number {
  return useServer.getState().known;
}

/** A refresh is done: the page has seen every change up to the mark it started from. */
export function refreshDone(upTo: number): void {
  if (upTo > useServer.getState().seen) useServer.setState({ seen: upTo });
}

// The transport's hooks: the mark goes out with every call; answers bring marks and refusals.
teamServer.seen = () => (useServer.getState().status === 'signed-in' ? useServer.getState().seen : undefined);
teamServer.answered = (response: CallResponse, status: number) => {
  const state = useServer.getState();
  if (status === 401 && state.status === 'signed-in') useServer.setState({ status: 'signed-out', user: null, access: null });
  if (response.mark !== undefined) useServer.setState({ known: Math.max(state.known, response.mark) });
  if (!response.ok && response.error.code === 'unavailable') useServer.setState({ reconnecting: true });
  else if (status !== 0 && state.reconnecting) useServer.setState({ reconnecting: false });
  for (const notice of response.notices ?? []) useStore.getState().toast('info', backendText(notice.message, notice.said));
};
teamServer.connected = (open) => {
  const was = useServer.getState().reconnecting;
  useServer.setState({ reconnecting: !open });
  // Back after a break (a restarted server): what changed meanwhile was not heard, so refetch all.
  if (open && was) void useStore.getState().refresh();
};
