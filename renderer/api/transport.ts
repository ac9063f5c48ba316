// How the renderer reaches the backend: through the preload's window.groundwork in Electron, over
// HTTP to the web host in a browser (with the per-run token from the address's #token=), or over
// HTTP to a team server (a session cookie the browser keeps; no token in any address).

import type { Transport } from '../../shared/api/client';
import { GroundworkError } from '../../shared/api/errors';
import { english, say } from '../../shared/domain/message';
import type { BackendEvent, CallResponse } from '../../shared/api/wire';

interface Bridge {
  host: 'electron';
  call: Transport;
  onEvent(listener: (event: BackendEvent) => void): () => void;
  pickProjectFile(mode: 'open' | 'save'): Promise<string | null>;
}

declare global {
  interface Window {
    groundwork?: Bridge;
  }
}

const TOKEN_KEY = 'groundwork.token';

/** Takes the token from the address once, keeps it for this tab, and removes it from the address bar. */
function browserToken(): string {
  const match = /[#&]token=([\w-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export const bridge: Bridge | undefined = window.groundwork;
const token = bridge ? '' : browserToken();

/** A page without a token may be served by a team server (the start checks: renderer/features/server). */
export const maybeTeamServer = !bridge && !token;

/** A team server the page cannot reach: said as the server would, so the interface translates it. */
const UNREACHABLE = say('The team server cannot be reached just now: nothing was changed. Try again in a moment.');

/** What the team server's envelopes carry beyond the answer, and the page's side of it. */
export const teamServer = {
  /** The latest change mark this page has refreshed for, sent with every call. */
  seen: (): number | undefined => undefined,
  /** Hears every answer (its mark and notices) and every refusal for want of a sign-in. */
  answered: (_response: CallResponse, _status: number): void => undefined,
  /** Hears whether the event stream is open (false: reconnecting). */
  connected: (_open: boolean): void => undefined,
};

export const transport: Transport = bridge
  ? (request) => bridge.call(request)
  : async (request) => {
      let response: Response;
      try {
        response = await fetch('./api/call', {
          method: 'POST',
          headers: maybeTeamServer ? { 'Content-Type': 'application/json' } : { 'Content-Type': 'application/json', 'X-Groundwork-Token': token },
          body: JSON.stringify(maybeTeamServer ? { ...request, seen: teamServer.seen() } : request),
        });
      } catch {
        if (maybeTeamServer) teamServer.answered({ ok: false, error: { code: 'unavailable', message: '' } }, 0);
        return maybeTeamServer
          ? { ok: false, error: { code: 'unavailable', message: english(UNREACHABLE), said: UNREACHABLE } }
          : { ok: false, error: { code: 'io', message: 'Groundwork is not running any more: start it again and reload this page.' } };
      }
      if (maybeTeamServer && String(response.headers.get('Content-Type')).startsWith('application/json')) {
        const answer = (await response.json()) as CallResponse;
        teamServer.answered(answer, response.status);
        return answer;
      }
      if (response.status === 401) {
        return {
          ok: false,
          error: { code: 'io', message: 'This page has no valid access token: open the address Groundwork printed when it started.' },
        };
      }
      if (!response.ok) return { ok: false, error: { code: 'io', message: await response.text() } };
      return (await response.json()) as CallResponse;
    };

/**
 * Browser mode: sends a file's bytes as they are (no base64, no JSON) and returns the token
 * document.import names them by. Null in Electron, whose bridge carries the file in the call.
 */
export async function uploadBytes(bytes: ArrayBuffer): Promise<string | null> {
  if (bridge) return null;
  const response = await fetch('./api/upload', {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', 'X-Groundwork-Token': token },
    body: bytes,
  });
  // A refusal comes as JSON whatever its status (the team server answers a role's refusal 403).
  if (!String(response.headers.get('Content-Type')).startsWith('application/json')) throw GroundworkError.received('io', await response.text());
  const answer = (await response.json()) as CallResponse;
  if (maybeTeamServer) teamServer.answered(answer, response.status);
  if (!answer.ok) throw GroundworkError.received(answer.error.code, answer.error.said ?? answer.error.message);
  return (answer.value as { uploads: string[] }).uploads[0] ?? null;
}

export function subscribeToEvents(listener: (event: BackendEvent) => void): () => void {
  if (bridge) return bridge.onEvent(listener);
  const source = new EventSource(maybeTeamServer ? './api/events' : `./api/events?token=${encodeURIComponent(token)}`);
  source.onmessage = (message) => listener(JSON.parse(message.data as string) as BackendEvent);
  if (maybeTeamServer) {
    source.onopen = () => teamServer.connected(true);
    source.onerror = () => teamServer.connected(false);
  }
  return () => source.close();
}

export const hasToken = () => Boolean(bridge) || token.length > 0;
