// The browser-mode host: node:http on 127.0.0.1 serving the built renderer and the backend's
// dispatcher. Every API request needs the per-run token; Host and Origin are checked so that a
// web page elsewhere cannot reach the backend through DNS rebinding or a cross-site request.

import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { saidOf, type GroundworkError } from '../../shared/api/errors';
import { english, say } from '../../shared/domain/message';
import type { BackendEvent, CallRequest } from '../../shared/api/wire';
import { MAX_SOURCE_BYTES } from '../../shared/domain/limits';
import type { Backend, BackendConfig } from '../backend/backend';
import type { Uploads } from '../backend/uploads';
import { dispatch } from '../backend/dispatcher';

/**
 * The browser mode's backend watches the open project: a page must notice the command line (or
 * any other program) writing to the file, and refetch. It keeps daily backups, as the app does.
 */
export const browserBackendConfig = (config: Omit<BackendConfig, 'host' | 'watchProject'>): BackendConfig => ({
  ...config,
  host: 'browser',
  watchProject: true,
  dailyBackups: config.dailyBackups ?? true,
});

export interface WebHostOptions {
  backend: Backend;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface WebHost {
  url: string;
  /** The address to open, token included. */
  openUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/** Large enough for a base64-encoded source at the import limit. */
export const MAX_BODY = 64 * 1024 * 1024;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function send(res: http.ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8', headers: http.OutgoingHttpHeaders = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

/**
 * The request's body, or null when it is over MAX_BODY: the rest is then read and dropped, so the
 * client gets its 413 answer instead of a connection reset while it is still sending.
 */
export function readBody(req: http.IncomingMessage, max = MAX_BODY): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = Number(req.headers['content-length']) || 0;
    let tooLarge = size > max;
    size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) tooLarge = true;
      if (tooLarge) chunks.length = 0;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** A call's envelope, or why not: one line for a 400. */
export function parseCall(body: string): CallRequest | string {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return 'The request is not JSON.';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'The request must be a JSON object.';
  if (typeof (value as { method?: unknown }).method !== 'string') return 'The request must name a method.';
  return value as CallRequest;
}

/** Characters no file name in the interface holds: NUL and other control characters. */
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Files in one upload request, and its bytes in all. */
const MAX_UPLOAD_FILES = 1000;
const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/** A request's body as bytes, or null when it is over `limit` (the rest is read and dropped, so the client gets its answer). */
function readBytes(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}

/** Constant-time comparison of byte strings (lengths in bytes, so non-ASCII input cannot throw). */
function tokensMatch(given: string | null | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * Receives files' bytes for document.import (electron/backend/uploads.ts) once the host has checked
 * the request (method, origin, token or sign-in): one file, or several one after the other with
 * their sizes in X-Groundwork-Sizes. Answers the tokens that name them. The browser mode and the
 * team server share it.
 */
export async function receiveUpload(req: http.IncomingMessage, res: http.ServerResponse, held: Uploads): Promise<void> {
  if (!String(req.headers['content-type']).startsWith('application/octet-stream')) return send(res, 415, 'Bytes only (application/octet-stream).');
  const declared = req.headers['x-groundwork-sizes'];
  const sizes = typeof declared === 'string' ? declared.split(',').map((n) => (/^\d{1,12}$/.test(n.trim()) ? Number(n) : -1)) : null;
  if (sizes && (sizes.length > MAX_UPLOAD_FILES || sizes.some((n) => n < 0))) {
    return send(res, 400, `X-Groundwork-Sizes lists the size in bytes of each file sent, at most ${MAX_UPLOAD_FILES} files.`);
  }
  // A file too large is a user's to hear: written from a template the interface translates back.
  const fileLimit = english(say('A file is at most {n} MiB.', { n: MAX_SOURCE_BYTES / 1024 / 1024 }));
  if (sizes?.some((n) => n > MAX_SOURCE_BYTES)) return send(res, 413, fileLimit);
  const bytes = await readBytes(req, sizes ? MAX_UPLOAD_BYTES : MAX_SOURCE_BYTES);
  if (bytes === null) {
    return send(res, 413, sizes ? english(say('One upload is at most {n} MiB.', { n: MAX_UPLOAD_BYTES / 1024 / 1024 })) : fileLimit);
  }
  const parts = sizes ?? [bytes.length];
  if (parts.reduce((a, b) => a + b, 0) !== bytes.length) return send(res, 400, 'The sizes in X-Groundwork-Sizes do not add up to the bytes sent.');
  const response = (() => {
    const uploads: string[] = [];
    try {
      let at = 0;
      for (const size of parts) {
        uploads.push(held.put(bytes.subarray(at, at + size)));
        at += size;
      }
      return { ok: true, value: { uploads } };
    } catch (error) {
      for (const spent of uploads) held.take(spent);
      const said = saidOf(error);
      return { ok: false, error: { code: (error as GroundworkError).code ?? 'internal', message: english(said), said } };
    }
  })();
  return send(res, 200, JSON.stringify(response), 'application/json; charset=utf-8');
}

/** A file of the built renderer (GET or HEAD), never one outside its folder. */
export function serveFile(req: http.IncomingMessage, res: http.ServerResponse, root: string, url: URL): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Not allowed.');
  let relative: string;
  try {
    relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
  } catch {
    return send(res, 400, 'Malformed address.');
  }
  if (CONTROL.test(relative)) return send(res, 400, 'Malformed address.');
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep)) return send(res, 404, 'Not found.');
  fs.readFile(file, (error, content) => {
    if (error) return send(res, 404, 'Not found.');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': relative.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : content);
  });
}

export function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { backend, rendererDir } = options;
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const root = path.resolve(rendererDir);
  let port = 0;
  const streams = new Set<http.ServerResponse>();

  const unsubscribe = backend.subscribe((event: BackendEvent) => {
    const data = `data: ${JSON.stringify(event)}\n\n`;
    for (const stream of streams) stream.write(data);
  });

  const hostAllowed = (host: string | undefined) => host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  const originAllowed = (origin: string | undefined) =>
    origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      return send(res, 400, 'Malformed address.');
    }
    if (!hostAllowed(req.headers.host)) return send(res, 421, 'Groundwork answers only on 127.0.0.1.');

    if (url.pathname === '/api/call') {
      if (req.method !== 'POST') return send(res, 405, 'POST only.');
      if (!originAllowed(req.headers.origin)) return send(res, 403, 'Cross-origin requests are refused.');
      if (!tokensMatch(req.headers['x-groundwork-token'] as string | undefined, token)) return send(res, 401, 'Missing or wrong token.');
      if (!String(req.headers['content-type']).startsWith('application/json')) return send(res, 415, 'JSON only.');
      const body = await readBody(req);
      if (body === null) return send(res, 413, `The request is larger than ${MAX_BODY / 1024 / 1024} MiB.`);
      const request = parseCall(body);
      if (typeof request === 'string') return send(res, 400, request);
      const response = await dispatch(backend, request);
      return send(res, 200, JSON.stringify(response), 'application/json; charset=utf-8');
    }

    if (url.pathname === '/api/upload') {
      // Files' bytes for document.import (electron/backend/uploads.ts), with the same checks as a
      // call: one file, or several one after the other with their sizes in X-Groundwork-Sizes.
      if (req.method !== 'POST') return send(res, 405, 'POST only.');
      if (!originAllowed(req.headers.origin)) return send(res, 403, 'Cross-origin requests are refused.');
      if (!tokensMatch(req.headers['x-groundwork-token'] as string | undefined, token)) return send(res, 401, 'Missing or wrong token.');
      return receiveUpload(req, res, backend.uploads);
    }

    if (url.pathname === '/api/events') {
      if (!originAllowed(req.headers.origin)) return send(res, 403, 'Cross-origin requests are refused.');
      if (!tokensMatch(url.searchParams.get('token'), token)) return send(res, 401, 'Missing or wrong token.');
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }

    return serveFile(req, res, root, url);
  };

  // Whatever a request does, the host keeps serving: an unexpected error answers 500, and is
  // logged in one line (never a stack).
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(`[groundwork] ${req.method} ${(req.url ?? '').slice(0, 200)} failed: ${String((error as Error)?.message ?? error).split('\n')[0]}`);
      if (!res.headersSent) send(res, 500, 'Internal error.');
      else res.end();
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : 0;
      const url = `http://127.0.0.1:${port}/`;
      resolve({
        url,
        openUrl: `${url}#token=${token}`,
        token,
        port,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe();
            for (const stream of streams) stream.end();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
