// A team server on the run's PostgreSQL database, started in this process, and browsers signing in
// to it over real HTTP: each client keeps its cookie, sends the Origin a browser sends, tracks the
// change marks a page would (seen = the latest mark heard before it last refreshed), and can listen
// to its event stream. Users get cheap password hashes so the tests stay fast.

import http from 'node:http';
import { ensureAccountTables, createAccount, setRole, type Account, type Role } from '../../db/postgres/accounts';
import type { PostgresServer } from '../../db/postgres/server';
import { hashPassword } from '../../electron/server/passwords';
import { startTeamServer, type TeamServer } from '../../electron/server/team-server';
import type { BackendEvent, CallResponse } from '../../shared/api/wire';
import { testServer } from './engine';
import { EXAMPLES, REPO } from './files';

export const PASSWORD = 'a long test password';
const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

export interface Answer<T = unknown> {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: T;
  text: string;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send no Origin (a non-browser client), or this one. */
  origin?: string | null;
  cookie?: string | null;
  host?: string;
}

export interface TestTeam {
  pg: PostgresServer;
  team: TeamServer;
  origin: string;
  request<T = unknown>(path: string, options?: RequestOptions): Promise<Answer<T>>;
  user(name: string, options?: { admin?: boolean; displayName?: string }): Promise<Account>;
  grant(account: Account, projectId: number, role: Role): Promise<void>;
  signIn(name: string, password?: string): Promise<Client>;
  close(): Promise<void>;
}

export interface Client {
  cookie: string;
  /** The latest mark heard, and the latest this client has "refreshed" for. */
  known: number;
  seen: number;
  call<T = unknown>(method: string, input?: unknown, options?: { seen?: number | null; origin?: string | null }): Promise<Answer<CallResponse<T>>>;
  /** The value of a call that must succeed. */
  value<T = unknown>(method: string, input?: unknown): Promise<T>;
  /** A page refreshing what it shows: from now on it has seen every change heard so far. */
  refreshed(): void;
  events(): Promise<EventStream>;
}

export interface EventStream {
  events: BackendEvent[];
  /** Waits for an event matching `match` (heard now or later), at most `ms`. */
  next(match: (event: BackendEvent) => boolean, ms?: number): Promise<BackendEvent>;
  close(): void;
}

export async function startTestTeam(): Promise<TestTeam> {
  const pg = await testServer();
  await ensureAccountTables(pg);
  const team = await startTeamServer({ server: pg, rendererDir: `${REPO}/dist/renderer`, examplesDir: EXAMPLES, version: '0.0.0-test' });
  const origin = `http://127.0.0.1:${team.port}`;
  const accounts: Account[] = [];
  const request = <T>(path: string, options: RequestOptions = {}) =>
    new Promise<Answer<T>>((resolve, reject) => {
      const headers: Record<string, string> = { Host: options.host ?? `127.0.0.1:${team.port}`, ...options.headers };
      if (options.origin !== null) headers.Origin = options.origin ?? origin;
      if (options.cookie) headers.Cookie = options.cookie;
      if (options.body !== undefined && !headers['Content-Type']) headers['Content-Type'] = 'application/json';
      const req = http.request({ host: '127.0.0.1', port: team.port, path, method: options.method ?? (options.body === undefined ? 'GET' : 'POST'), headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          if (String(res.headers['content-type']).startsWith('application/json')) body = JSON.parse(text);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: body as T, text });
        });
      });
      req.on('error', reject);
      if (options.body !== undefined) req.write(options.body);
      req.end();
    });

  const testTeam: TestTeam = {
    pg,
    team,
    origin,
    request,
    async user(name, options = {}) {
      const account = await createAccount(pg, { name: `${name}-${process.pid}-${Date.now() % 100000}`, displayName: options.displayName ?? name, passwordHash: await hashPassword(PASSWORD, CHEAP), admin: options.admin });
      accounts.push(account);
      return account;
    },
    grant: (account, projectId, role) => setRole(pg, projectId, account.id, role),
    async signIn(name, password = PASSWORD) {
      const answer = await request<{ ok: boolean }>('/api/login', { body: JSON.stringify({ name, password }) });
      if (answer.status !== 200) throw new Error(`Sign-in of ${name} refused: ${answer.text}`);
      const cookie = String(answer.headers['set-cookie']?.[0]).split(';')[0]!;
      const client: Client = {
        cookie,
        known: 0,
        seen: 0,
        async call<T>(method: string, input: unknown = {}, options: { seen?: number | null; origin?: string | null } = {}) {
          const seen = options.seen === undefined ? client.seen : options.seen;
          const body = JSON.stringify({ method, input, ...(seen === null ? {} : { seen }) });
          const answer = await request<CallResponse<T>>('/api/call', { body, cookie, origin: options.origin });
          if (typeof answer.body === 'object' && answer.body.mark !== undefined) client.known = Math.max(client.known, answer.body.mark);
          return answer;
        },
        async value<T>(method: string, input: unknown = {}) {
          const answer = await client.call<T>(method, input);
          if (answer.status !== 200 || !answer.body.ok) throw new Error(`${method} failed: ${answer.text}`);
          client.refreshed();
          return answer.body.value;
        },
        refreshed() {
          client.seen = Math.max(client.seen, client.known);
        },
        events: () => eventStream(team.port, cookie, origin, (mark) => (client.known = Math.max(client.known, mark))),
      };
      return client;
    },
    async close() {
      await team.close();
      for (const a of accounts.splice(0)) await pg.pool.query('DELETE FROM groundwork.account WHERE id = $1', [a.id]).catch(() => undefined);
    },
  };
  return testTeam;
}

function eventStream(port: number, cookie: string, origin: string, heardMark: (mark: number) => void): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const events: BackendEvent[] = [];
    const waiting: { match: (e: BackendEvent) => boolean; done: (e: BackendEvent) => void }[] = [];
    const req = http.get({ host: '127.0.0.1', port, path: '/api/events', headers: { Cookie: cookie, Origin: origin, Host: `127.0.0.1:${port}` } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`events: ${res.statusCode}`));
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let at = buffer.indexOf('\n\n'); at >= 0; at = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (!data) continue;
          const event = JSON.parse(data.slice(6)) as BackendEvent;
          if (event.type === 'project.changed' && event.mark !== undefined) heardMark(event.mark);
          events.push(event);
          for (const w of [...waiting]) if (w.match(event)) (waiting.splice(waiting.indexOf(w), 1), w.done(event));
        }
      });
      resolve({
        events,
        next: (match, ms = 5000) =>
          new Promise((done, fail) => {
            const found = events.find(match);
            if (found) return done(found);
            const timer = setTimeout(() => fail(new Error(`No matching event within ${ms} ms; heard: ${JSON.stringify(events)}`)), ms);
            waiting.push({ match, done: (e) => (clearTimeout(timer), done(e)) });
          }),
        close: () => req.destroy(),
      });
    });
    req.on('error', () => undefined);
  });
}
