// The team server: node:http serving the browser mode's renderer and the same contract to many
// users. A user signs in with a name and password and gets a session cookie (HttpOnly, SameSite
// Strict, Secure); every request is checked for its Host, every request that changes anything for
// its Origin (the cookie never travels cross-site and no token is ever in an address), every call
// for a live sign-in and against the user's role (gate.ts) before anything runs.

import crypto from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { CallResponse, Notice } from '../../shared/api/wire';
import { GroundworkError, isGroundworkError, saidOf, type ErrorCode } from '../../shared/api/errors';
import { english, say, sayCount, type Message } from '../../shared/domain/message';
import { accountOfSignIn, createSignIn, endSignIn, ensureAccountTables, findAccount, pruneSignIns } from '../../db/postgres/accounts';
import { readLabel } from '../../db/command-log';
import { isConnectionLost, uncertainCommit } from '../../db/postgres/errors';
import { pruneMarks } from '../../db/postgres/marks';
import type { PostgresServer } from '../../db/postgres/server';
import { dispatch } from '../backend/dispatcher';
import { parseCall, readBody, receiveUpload, send, serveFile, SECURITY_HEADERS } from '../web-host/server';
import { ClientSession, sharedState } from './client-session';
import { gate, openProjectId } from './gate';
import { verifyPassword } from './passwords';
import { loginLimiter } from './rate-limit';

export interface TeamServerOptions {
  server: PostgresServer;
  rendererDir: string;
  examplesDir: string;
  version: string;
  /** Where to listen (default 127.0.0.1, any free port). */
  host?: string;
  port?: number;
  /**
   * The address users open, when a TLS reverse proxy serves the server (https://…): its Host and
   * Origin are the ones accepted, and client addresses are taken from X-Forwarded-For.
   */
  publicUrl?: string;
  /** Sign-ins end after this long (default 7 days) or this long unused (default 12 hours). */
  signInLifetimeMs?: number;
  signInIdleMs?: number;
}

export interface TeamServer {
  url: string;
  port: number;
  /** Signed-in browsers with a backend in memory now. */
  sessionCount(): number;
  close(): Promise<void>;
}

/** Sign-in requests are small. */
const MAX_LOGIN_BODY = 8 * 1024;
const SESSION_IDLE_IN_MEMORY_MS = 30 * 60_000;

const json = (res: http.ServerResponse, status: number, value: unknown, headers: http.OutgoingHttpHeaders = {}) =>
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', headers);

/** A refusal as every call's: its English, and structured for the page to translate. */
const refusal = (code: ErrorCode, said: Message) => ({ ok: false, error: { code, message: english(said), said } }) satisfies CallResponse;

const UNAVAILABLE = say('The team server cannot reach its database just now and is reconnecting: nothing was changed. Try again in a moment.');
/** A change whose commit the database may or may not have finished when the connection broke. */
const UNCERTAIN = say('The team server lost its database while saving your change: it may have been saved. Look at the project before making it again.');

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

const isLoopback = (host: string) => host === '127.0.0.1' || host === '::1' || host === 'localhost';

function cookies(req: http.IncomingMessage): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) found.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return found;
}

export async function startTeamServer(options: TeamServerOptions): Promise<TeamServer> {
  const { server } = options;
  await ensureAccountTables(server);
  const listenHost = options.host ?? '127.0.0.1';
  const lifetimeMs = options.signInLifetimeMs ?? 7 * 86_400_000;
  const idleMs = options.signInIdleMs ?? 12 * 3_600_000;
  const publicUrl = options.publicUrl ? new URL(options.publicUrl) : null;
  // Browsers treat 127.0.0.1 and localhost as secure, so the cookie is Secure there too.
  const secure = publicUrl ? publicUrl.protocol === 'https:' : isLoopback(listenHost);
  const COOKIE = secure ? '__Host-groundwork' : 'groundwork';
  const root = path.resolve(options.rendererDir);
  const shared = sharedState(server, { version: options.version, examplesDir: options.examplesDir, home: path.join(os.tmpdir(), 'groundwork-server') });
  const sessions = new Map<string, ClientSession>();
  const limiter = loginLimiter();
  let port = 0;

  const allowedHosts = () => {
    const hosts = new Set([`${listenHost}:${port}`]);
    if (isLoopback(listenHost)) for (const h of ['127.0.0.1', 'localhost', '[::1]']) hosts.add(`${h}:${port}`);
    if (publicUrl) hosts.add(publicUrl.host);
    return hosts;
  };
  const allowedOrigins = () => {
    const origins = new Set([...allowedHosts()].filter((h) => !publicUrl || h !== publicUrl.host).map((h) => `http://${h}`));
    if (publicUrl) origins.add(publicUrl.origin);
    return origins;
  };
  const clientAddress = (req: http.IncomingMessage) => {
    const forwarded = publicUrl ? String(req.headers['x-forwarded-for'] ?? '').split(',').pop()?.trim() : '';
    return forwarded || req.socket.remoteAddress || 'unknown';
  };

  const setCookie = (token: string | null) =>
    [
      `${COOKIE}=${token ?? ''}`,
      'Path=/',
      'HttpOnly',
      'SameSite=Strict',
      ...(secure ? ['Secure'] : []),
      `Max-Age=${token ? Math.floor(lifetimeMs / 1000) : 0}`,
    ].join('; ');

  /** The signed-in browser of a request, its backend made (and its project reopened) if this process has none yet. */
  const signedIn = async (req: http.IncomingMessage): Promise<ClientSession | null> => {
    const token = cookies(req).get(COOKIE);
    if (!token || token.length > 100) return null;
    const tokenHash = hashToken(token);
    const found = await accountOfSignIn(server, tokenHash, idleMs);
    if (!found) {
      const stale = sessions.get(tokenHash);
      sessions.delete(tokenHash);
      await stale?.close();
      return null;
    }
    let session = sessions.get(tokenHash);
    if (!session) {
      session = new ClientSession(shared, tokenHash, found.account);
      sessions.set(tokenHash, session);
      // A page sends several calls at once: all of them wait until the project is open again.
      session.ready = found.projectId !== null ? session.reopen(found.projectId) : Promise.resolve();
    }
    await session.ready;
    session.account = found.account;
    session.lastUsed = Date.now();
    return session;
  };

  const signedOut = (res: http.ServerResponse) =>
    json(res, 401, refusal('signed-out', say('You are not signed in (or your sign-in has ended): sign in again.')), { 'Set-Cookie': setCookie(null) });

  async function login(req: http.IncomingMessage, res: http.ServerResponse) {
    const body = await readBody(req, MAX_LOGIN_BODY);
    if (body === null) return send(res, 413, 'The request is too large.');
    let name = '';
    let password = '';
    try {
      const value = JSON.parse(body) as { name?: unknown; password?: unknown };
      if (typeof value.name === 'string' && typeof value.password === 'string') ({ name, password } = value as { name: string; password: string });
    } catch {
      // answered below
    }
    if (!name || !password) return json(res, 400, refusal('invalid-input', say('Give a name and a password.')));
    const address = clientAddress(req);
    const key = name.normalize('NFC').trim().toLowerCase().slice(0, 100);
    const wait = limiter.wait(key, address);
    if (wait > 0) {
      const minutes = Math.ceil(wait / 60_000);
      return json(res, 429, refusal('forbidden', sayCount(minutes, 'Too many failed sign-ins: try again in {n} minute.', 'Too many failed sign-ins: try again in {n} minutes.')), {
        'Retry-After': String(Math.ceil(wait / 1000)),
      });
    }
    const account = await findAccount(server, key);
    const ok = await verifyPassword(password, account?.passwordHash ?? null);
    if (!account || !ok) {
      limiter.failed(key, address);
      return json(res, 401, refusal('signed-out', say('The name or the password is wrong.')));
    }
    limiter.succeeded(key);
    const token = crypto.randomBytes(32).toString('base64url');
    await createSignIn(server, hashToken(token), account.id, lifetimeMs);
    return json(res, 200, { ok: true, value: { name: account.name, displayName: account.displayName, admin: account.admin } }, { 'Set-Cookie': setCookie(token) });
  }

  async function logout(req: http.IncomingMessage, res: http.ServerResponse) {
    const token = cookies(req).get(COOKIE);
    if (token) {
      const tokenHash = hashToken(token);
      await endSignIn(server, tokenHash);
      const session = sessions.get(tokenHash);
      sessions.delete(tokenHash);
      await session?.close();
    }
    return json(res, 200, { ok: true, value: null }, { 'Set-Cookie': setCookie(null) });
  }

  async function call(req: http.IncomingMessage, res: http.ServerResponse) {
    const session = await signedIn(req);
    if (!session) return signedOut(res);
    const body = await readBody(req);
    if (body === null) return send(res, 413, 'The request is larger than 64 MiB.');
    const request = parseCall(body);
    if (typeof request === 'string') return send(res, 400, request);
    const state = { seen: typeof request.seen === 'number' && Number.isSafeInteger(request.seen) ? request.seen : undefined, replaced: [] as { actor: string | null; label: string }[] };
    let response: CallResponse;
    try {
      await gate(server, session.account, session.backend, request.method, request.input);
      response = await shared.callState.run(state, () => dispatch(session.backend, request));
    } catch (error) {
      if (!isGroundworkError(error)) throw error;
      return json(res, error.code === 'forbidden' ? 403 : 200, { ...refusal(error.code, saidOf(error)), mark: session.mark() });
    }
    if (!response.ok && response.error.code === 'io' && response.error.message.startsWith(`${server.description} cannot be reached`)) {
      response = { ...response, ...refusal('unavailable', UNAVAILABLE) };
    } else if (!response.ok && response.error.code === 'io' && response.error.message === english(uncertainCommit(server.description))) {
      response = { ...response, ...refusal('io', UNCERTAIN) };
    }
    const notices: Notice[] = [];
    const id = openProjectId(session.backend);
    for (const r of state.replaced) {
      const by = (id !== null && r.actor ? await shared.nameOf(id, r.actor) : null) ?? say('another user');
      const { label, said } = readLabel(r.label);
      const notice = say('Your change replaced one that “{a}” made a moment ago (“{b}”).', { a: by, b: said ?? label });
      notices.push({ message: english(notice), said: notice });
    }
    return json(res, 200, { ...response, mark: session.mark(), ...(notices.length ? { notices } : {}) });
  }

  /** Files' bytes for an import into the open project: only for those who may import (owners). */
  async function upload(req: http.IncomingMessage, res: http.ServerResponse) {
    const session = await signedIn(req);
    if (!session) return signedOut(res);
    if (openProjectId(session.backend) === null) return json(res, 200, refusal('no-project', say('No project is open. Create or open a project first.')));
    try {
      await gate(server, session.account, session.backend, 'document.import', {});
    } catch (error) {
      if (!isGroundworkError(error)) throw error;
      return json(res, error.code === 'forbidden' ? 403 : 200, refusal(error.code, saidOf(error)));
    }
    return receiveUpload(req, res, session.backend.uploads);
  }

  async function events(req: http.IncomingMessage, res: http.ServerResponse) {
    const session = await signedIn(req);
    if (!session) return signedOut(res);
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' });
    // A browser that loses the stream (a restarted server, a proxy's timeout) comes back after a second.
    res.write('retry: 1000\n: connected\n\n');
    session.streams.add(res);
    req.on('close', () => session.streams.delete(res));
  }

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://server.invalid');
    } catch {
      return send(res, 400, 'Malformed address.');
    }
    if (!allowedHosts().has(String(req.headers.host))) return send(res, 421, 'This Groundwork server does not answer for that host name.');
    if (!url.pathname.startsWith('/api/')) return serveFile(req, res, root, url);

    const origin = req.headers.origin;
    const changes = req.method !== 'GET' && req.method !== 'HEAD';
    // Cross-site requests are refused; a request that changes anything must say where it comes from.
    if (origin !== undefined ? !allowedOrigins().has(origin) : changes) return send(res, 403, 'Cross-origin requests are refused.');
    // Everything that changes anything is JSON, but a file's bytes for an import (checked there).
    if (changes && url.pathname !== '/api/upload' && !String(req.headers['content-type']).startsWith('application/json')) return send(res, 415, 'JSON only.');

    switch (url.pathname) {
      case '/api/login':
        return req.method === 'POST' ? login(req, res) : send(res, 405, 'POST only.');
      case '/api/logout':
        return req.method === 'POST' ? logout(req, res) : send(res, 405, 'POST only.');
      case '/api/session': {
        if (req.method !== 'GET') return send(res, 405, 'GET only.');
        const session = await signedIn(req);
        if (!session) return signedOut(res);
        const { name, displayName, admin } = session.account;
        return json(res, 200, { ok: true, value: { name, displayName, admin } });
      }
      case '/api/call':
        return req.method === 'POST' ? call(req, res) : send(res, 405, 'POST only.');
      case '/api/upload':
        return req.method === 'POST' ? upload(req, res) : send(res, 405, 'POST only.');
      case '/api/events':
        return req.method === 'GET' ? events(req, res) : send(res, 405, 'GET only.');
      default:
        return send(res, 404, 'Not found.');
    }
  };

  let lastOutage = 0;
  const http_ = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // The database went away under a sign-in check or the role gate (a PostgreSQL restart): the
      // page shows "reconnecting" and tries again; one line per second at most in the log.
      if (isConnectionLost(error) && !res.headersSent) {
        if (Date.now() - lastOutage > 1000) console.error(`[groundwork] the database cannot be reached: ${String((error as Error)?.message ?? error).split('\n')[0]}`);
        lastOutage = Date.now();
        return json(res, 503, refusal('unavailable', UNAVAILABLE));
      }
      const message = String((error as Error)?.message ?? error).split('\n')[0];
      console.error(`[groundwork] ${req.method} ${(req.url ?? '').slice(0, 200)} failed: ${message}`);
      if (res.headersSent) return res.end();
      if (error instanceof GroundworkError) return json(res, 503, refusal('unavailable', saidOf(error)));
      send(res, 500, 'Internal error.');
    });
  });

  // Sessions unused for a while give their backend (and its open store) back; the sign-in stays.
  const sweep = setInterval(() => {
    for (const [key, session] of sessions) {
      if (session.streams.size === 0 && Date.now() - session.lastUsed > SESSION_IDLE_IN_MEMORY_MS) {
        sessions.delete(key);
        void session.close();
      }
    }
    void pruneSignIns(server, idleMs).catch(() => undefined);
  }, 60_000);
  sweep.unref();
  const keepAlive = setInterval(() => {
    for (const session of sessions.values()) for (const stream of session.streams) stream.write(': keep-alive\n\n');
  }, 25_000);
  keepAlive.unref();
  // Marks older than a week are forgotten: a page that old has been refreshed many times since.
  void pruneMarks(server, 7).catch(() => undefined);

  return new Promise((resolve, reject) => {
    http_.once('error', reject);
    http_.listen(options.port ?? 0, listenHost, () => {
      const address = http_.address();
      port = typeof address === 'object' && address ? address.port : 0;
      const shown = listenHost.includes(':') ? `[${listenHost}]` : listenHost;
      resolve({
        url: publicUrl ? publicUrl.toString() : `http://${shown}:${port}/`,
        port,
        sessionCount: () => sessions.size,
        close: async () => {
          clearInterval(sweep);
          clearInterval(keepAlive);
          await new Promise<void>((done) => {
            http_.close(() => done());
            http_.closeAllConnections();
          });
          for (const session of sessions.values()) await session.close().catch(() => undefined);
          sessions.clear();
        },
      });
    });
  });
}
