// The browser-mode host, started in this process over a real backend, and reached the way a
// browser (or a hostile page in one) would reach it.

import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/backend';
import { browserBackendConfig, startWebHost, type WebHost } from '../../electron/web-host/server';
import type { BackendEvent, CallResponse } from '../../shared/api/wire';
import { EXAMPLES, tempDir } from '../helpers/backend';
import { runCli } from '../helpers/cli';

const INDEX = '<!doctype html><title>Groundwork test page</title><script type="module" src="./assets/app.js"></script>';
const SECRET = 'SECRET-OUTSIDE-THE-RENDERER';

let base: string;
let backend: Backend;
let host: WebHost;

beforeEach(async () => {
  // base/renderer is served; base/package.json and base/secret.txt sit just outside it.
  base = tempDir('groundwork-web-');
  const rendererDir = path.join(base, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), INDEX);
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app");\n');
  fs.writeFileSync(path.join(base, 'package.json'), JSON.stringify({ name: SECRET }));
  fs.writeFileSync(path.join(base, 'secret.txt'), SECRET);
  fs.mkdirSync(path.join(base, 'renderer-other'));
  fs.writeFileSync(path.join(base, 'renderer-other', 'index.html'), SECRET);
  backend = createBackend(browserBackendConfig({ version: '0.0.0-test', home: path.join(base, 'home'), examplesDir: EXAMPLES }));
  host = await startWebHost({ backend, rendererDir });
});

afterEach(async () => {
  await host.close();
  await backend.close();
  fs.rmSync(base, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A request exactly as given: the path is sent unnormalised and any Host header can be set,
 * which fetch does not allow.
 */
function raw(
  requestPath: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; address?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: options.address ?? '127.0.0.1',
        port: host.port,
        method: options.method ?? 'GET',
        path: requestPath,
        headers: { Host: `127.0.0.1:${host.port}`, ...options.headers },
        timeout: 5000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(options.body);
  });
}

const callHeaders = () => ({ 'content-type': 'application/json', 'x-groundwork-token': host.token });

/** A call through /api/call with fetch, as the renderer makes it. */
async function call(method: string, input: unknown = {}, headers: Record<string, string> = callHeaders()) {
  const res = await fetch(new URL('/api/call', host.url), { method: 'POST', headers, body: JSON.stringify({ method, input }) });
  return res;
}

const envelope = async (method: string, input: unknown = {}) => (await (await call(method, input)).json()) as CallResponse;

/** The value of one directive of a Content-Security-Policy header. */
const directive = (csp: string | null | undefined, name: string) =>
  csp
    ?.split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `))
    ?.slice(name.length + 1)
    .split(/\s+/);

describe('the API token', () => {
  it('refuses a call without the token', async () => {
    const res = await call('app.info', {}, { 'content-type': 'application/json' });
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain('"ok"');
  });

  it('refuses a call with a wrong token, even one of the same length', async () => {
    const wrong = host.token.slice(0, -1) + (host.token.endsWith('A') ? 'B' : 'A');
    for (const token of [wrong, 'x', `${host.token}x`]) {
      const res = await call('app.info', {}, { 'content-type': 'application/json', 'x-groundwork-token': token });
      expect(res.status, token).toBe(401);
    }
  });

  // A token of the right length in characters but not in bytes: any page can send this one with
  // <img src="http://127.0.0.1:PORT/api/events?token=…">.
  const oddToken = () => `é${host.token.slice(1)}`;

  it('refuses an event-stream token with a non-ASCII character, and keeps serving', async () => {
    const stream = await raw(`/api/events?token=${encodeURIComponent(oddToken())}`);
    expect(stream.status).toBe(401);
    expect((await call('app.info')).status).toBe(200);
  });

  it('refuses a call whose token header holds a non-ASCII character, and keeps serving', async () => {
    const api = await raw('/api/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-groundwork-token': oddToken() },
      body: JSON.stringify({ method: 'app.info', input: {} }),
    });
    expect(api.status).toBe(401);
    expect((await call('app.info')).status).toBe(200);
  });

  it('answers a call with the right token with the envelope', async () => {
    const res = await call('app.info');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ ok: true, value: { version: '0.0.0-test', host: 'browser', home: path.join(base, 'home') } });
  });

  it('puts the token in the address to open, not in the page', async () => {
    expect(host.openUrl).toBe(`${host.url}#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
    const page = await (await fetch(host.url)).text();
    expect(page).toBe(INDEX);
    expect(page).not.toContain(host.token);
  });

  it('gives each start a different token', async () => {
    const other = await startWebHost({ backend, rendererDir: path.join(base, 'renderer') });
    try {
      expect(other.token).not.toBe(host.token);
      const res = await fetch(new URL('/api/call', other.url), {
        method: 'POST',
        headers: callHeaders(),
        body: JSON.stringify({ method: 'app.info', input: {} }),
      });
      expect(res.status).toBe(401);
    } finally {
      await other.close();
    }
  });
});

describe('Host and Origin checks', () => {
  it('answers only requests addressed to 127.0.0.1 or localhost on its own port (DNS rebinding)', async () => {
    const body = JSON.stringify({ method: 'app.info', input: {} });
    for (const hostHeader of [`evil.example:${host.port}`, 'evil.example', `127.0.0.1:${host.port + 1}`, `127.0.0.1`, `0.0.0.0:${host.port}`]) {
      const api = await raw('/api/call', { method: 'POST', headers: { ...callHeaders(), Host: hostHeader }, body });
      expect(api.status, hostHeader).toBe(421);
      expect(api.body).not.toContain('"ok"');
      const page = await raw('/', { headers: { Host: hostHeader } });
      expect(page.status, hostHeader).toBe(421);
      expect(page.body).not.toContain('Groundwork test page');
    }
    const local = await raw('/api/call', { method: 'POST', headers: { ...callHeaders(), Host: `localhost:${host.port}` }, body });
    expect(local.status).toBe(200);
    expect(JSON.parse(local.body)).toMatchObject({ ok: true });
  });

  it('refuses a call from a page on another origin, even with the token', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${host.port + 1}`, 'null', `https://127.0.0.1:${host.port}`]) {
      const res = await call('app.info', {}, { ...callHeaders(), origin });
      expect(res.status, origin).toBe(403);
    }
    const own = await call('app.info', {}, { ...callHeaders(), origin: `http://localhost:${host.port}` });
    expect(own.status).toBe(200);
  });

  it('refuses the event stream to another origin', async () => {
    const res = await fetch(new URL(`/api/events?token=${host.token}`, host.url), { headers: { origin: 'http://evil.example' } });
    expect(res.status).toBe(403);
  });

  it('takes only JSON, so a plain HTML form cannot post a call', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await call('app.info', {}, { 'x-groundwork-token': host.token, 'content-type': type });
      expect(res.status, type).toBe(415);
    }
  });

  it('takes calls only as POST, and refuses a body that is not JSON', async () => {
    expect((await fetch(new URL('/api/call', host.url), { headers: callHeaders() })).status).toBe(405);
    const res = await fetch(new URL('/api/call', host.url), { method: 'POST', headers: callHeaders(), body: '{not json' });
    expect(res.status).toBe(400);
  });
});

describe('malformed requests', () => {
  /** Everything the host writes to stderr while `run` runs. */
  async function stderrDuring(run: () => Promise<void>): Promise<string> {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      lines.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' '));
    });
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      await run();
    } finally {
      spy.mockRestore();
      write.mockRestore();
    }
    return lines.join('\n');
  }

  it.each([
    ['null', 'The request must be a JSON object.'],
    ['[]', 'The request must be a JSON object.'],
    ['42', 'The request must be a JSON object.'],
    ['"app.info"', 'The request must be a JSON object.'],
    ['{}', 'The request must name a method.'],
    ['{"method": null}', 'The request must name a method.'],
    ['{not json', 'The request is not JSON.'],
    ['', 'The request is not JSON.'],
  ])('answers the body %s with 400 and one line, no stack on stderr', async (body, message) => {
    let res!: Reply;
    const stderr = await stderrDuring(async () => {
      res = await raw('/api/call', { method: 'POST', headers: callHeaders(), body });
    });
    expect(res.status).toBe(400);
    expect(res.body).toBe(message);
    expect(stderr).toBe('');
    expect((await call('app.info')).status).toBe(200);
  });

  it.each(['/%00', '/index.html%00', '/assets/app.js%00.png', '/assets/%00/app.js', '/assets/%1b'])(
    'answers the path %s with 400, no stack on stderr',
    async (requestPath) => {
      let res!: Reply;
      const stderr = await stderrDuring(async () => {
        res = await raw(requestPath);
      });
      expect(res.status).toBe(400);
      expect(res.body).toBe('Malformed address.');
      expect(stderr).toBe('');
    },
  );

  it('answers a body over the limit with 413, not a reset, and keeps serving', async () => {
    const big = Buffer.alloc(64 * 1024 * 1024 + 16, 0x20);
    const stderr = await stderrDuring(async () => {
      const res = await new Promise<Reply>((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port: host.port, method: 'POST', path: '/api/call', headers: { ...callHeaders(), Host: `127.0.0.1:${host.port}` } },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (c: Buffer) => chunks.push(c));
            response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
          },
        );
        req.on('error', reject);
        req.end(big);
      });
      expect(res.status).toBe(413);
      expect(res.body).toBe('The request is larger than 64 MiB.');
    });
    expect(stderr).toBe('');
    expect((await call('app.info')).status).toBe(200);
  });
});

describe('uploads for import', () => {
  const upload = (body: Buffer, headers: Record<string, string> = { 'content-type': 'application/octet-stream', 'x-groundwork-token': host.token }) =>
    fetch(new URL('/api/upload', host.url), { method: 'POST', headers, body: new Uint8Array(body) });

  it('takes a file as bytes and imports it by the token it answers, once', async () => {
    expect((await envelope('project.create', { name: 'Uploads' })).ok).toBe(true);
    const text = 'اعتماد مشتری در بازار سازمانی.\nTrust in B2B markets.';
    const sent = (await (await upload(Buffer.from(text, 'utf8'))).json()) as CallResponse;
    expect(sent.ok).toBe(true);
    const [token] = (sent as { value: { uploads: string[] } }).value.uploads;
    const imported = (await envelope('document.import', { files: [{ name: 'uploaded.txt', upload: token }] })) as { ok: true; value: { status: string; document: { id: number } }[] };
    expect(imported.value[0]!.status).toBe('imported');
    const read = (await envelope('document.get', { id: imported.value[0]!.document.id })) as { ok: true; value: { text: string } };
    expect(read.value.text).toBe(text);
    // Spent: naming it again fails that file, with a message saying what to do.
    const again = (await envelope('document.import', { files: [{ name: 'again.txt', upload: token }] })) as { ok: true; value: { status: string; message: string }[] };
    expect(again.value[0]).toMatchObject({ status: 'failed', message: 'again.txt: the file sent for import is no longer waiting (files wait ten minutes); send it again.' });
  });

  it('takes several files in one request, split by the sizes it names', async () => {
    expect((await envelope('project.create', { name: 'Uploads' })).ok).toBe(true);
    const parts = ['نخست', 'second text', 'third'].map((t) => Buffer.from(t, 'utf8'));
    const headers = { 'content-type': 'application/octet-stream', 'x-groundwork-token': host.token, 'x-groundwork-sizes': parts.map((p) => p.length).join(',') };
    const sent = (await (await upload(Buffer.concat(parts), headers)).json()) as { ok: true; value: { uploads: string[] } };
    const files = sent.value.uploads.map((upload, i) => ({ name: `part ${i}.txt`, upload }));
    const imported = (await envelope('document.import', { files })) as { ok: true; value: { document: { id: number } }[] };
    const texts = [];
    for (const r of imported.value) texts.push(((await envelope('document.get', { id: r.document.id })) as { ok: true; value: { text: string } }).value.text);
    expect(texts).toEqual(['نخست', 'second text', 'third']);
    const wrong = await upload(Buffer.concat(parts), { ...headers, 'x-groundwork-sizes': '1,2' });
    expect([wrong.status, await wrong.text()]).toEqual([400, 'The sizes in X-Groundwork-Sizes do not add up to the bytes sent.']);
  });

  it('refuses bytes without the token, from another origin, of another type, or over the size limit', async () => {
    const bytes = Buffer.from('text', 'utf8');
    expect((await upload(bytes, { 'content-type': 'application/octet-stream' })).status).toBe(401);
    expect((await upload(bytes, { 'content-type': 'application/octet-stream', 'x-groundwork-token': host.token, origin: 'http://evil.example' })).status).toBe(403);
    expect((await upload(bytes, { 'content-type': 'text/plain', 'x-groundwork-token': host.token })).status).toBe(415);
    const big = await upload(Buffer.alloc(32 * 1024 * 1024 + 1));
    expect(big.status).toBe(413);
    expect(await big.text()).toBe('A file is at most 32 MiB.');
    expect((await fetch(new URL('/api/upload', host.url))).status).toBe(405);
  });
});

describe('serving the interface', () => {
  it('serves index.html at / and files by their type', async () => {
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const script = await fetch(new URL('/assets/app.js', host.url));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await script.text()).toBe('console.log("app");\n');
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E/secret.txt',
    '/..%2fpackage.json',
    '/%2e%2e%2fsecret.txt',
    '/assets/../../secret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/%2e%2e%5csecret.txt',
    '/../renderer-other/index.html',
    '/..%2frenderer-other%2findex.html',
  ])('never serves a file outside the interface folder: %s', async (requestPath) => {
    const res = await raw(requestPath);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain(SECRET);
  });

  it('does not serve an absolute path given in the address', async () => {
    const res = await raw(`/${encodeURIComponent(path.join(base, 'secret.txt'))}`);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain(SECRET);
  });

  it('answers a missing file with 404', async () => {
    expect((await fetch(new URL('/nothing-here.js', host.url))).status).toBe(404);
  });

  it('answers a malformed address with an error and keeps serving', async () => {
    const res = await raw('/%E0%A4%A');
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect((await fetch(host.url)).status).toBe(200);
  });

  it('sends a Content-Security-Policy that allows scripts from itself only, on pages, API answers and errors', async () => {
    const responses = [
      await fetch(host.url),
      await fetch(new URL('/assets/app.js', host.url)),
      await call('app.info'),
      await call('app.info', {}, { 'content-type': 'application/json' }),
      await fetch(new URL('/missing', host.url)),
    ];
    for (const res of responses) {
      const csp = res.headers.get('content-security-policy');
      expect(directive(csp, 'script-src'), res.url).toEqual(["'self'"]);
      expect(directive(csp, 'object-src')).toEqual(["'none'"]);
      expect(directive(csp, 'frame-ancestors')).toEqual(["'none'"]);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});

describe('listening', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
    const reachable = (address: string) =>
      new Promise<boolean>((resolve) => {
        const socket = net.connect({ host: address, port: host.port, timeout: 1000 });
        socket.on('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('timeout', () => {
          socket.destroy();
          resolve(false);
        });
        socket.on('error', () => resolve(false));
      });
    expect(await reachable('127.0.0.1')).toBe(true);
    const elsewhere = Object.values(os.networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal)
      .map((i) => i!.address.split('%')[0]!);
    for (const address of ['::1', ...(process.platform === 'linux' ? ['127.0.0.2'] : []), ...elsewhere]) {
      expect(await reachable(address), address).toBe(false);
    }
  });

  it('stops answering once closed', async () => {
    const other = await startWebHost({ backend, rendererDir: path.join(base, 'renderer') });
    await other.close();
    await expect(fetch(other.url)).rejects.toThrow();
  });
});

describe('the dispatcher over HTTP', () => {
  it('answers an unknown method with the unknown-method error', async () => {
    const res = await call('project.destroyEverything');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      ok: false,
      error: {
        code: 'unknown-method',
        message: 'There is no method "project.destroyEverything".',
        // The same message structured, for the interface to translate.
        said: { text: 'There is no method "{method}".', params: { method: 'project.destroyEverything' } },
      },
    });
  });

  it('does not take an inherited property for a method', async () => {
    expect(await envelope('constructor')).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await envelope('__proto__')).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('answers invalid input with invalid-input and a message naming the field', async () => {
    expect(await envelope('project.create', { name: 42 })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        message: 'The field “name” must be a text.',
        said: { text: '{field} must be {expected}.', params: { field: { text: 'The field “{field}”', params: { field: 'name' } }, expected: { text: 'a text' } } },
      },
    });
    expect(await envelope('app.info', { extra: true })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('answers a call that needs a project with no-project when none is open', async () => {
    expect(await envelope('codebook.get')).toMatchObject({ ok: false, error: { code: 'no-project' } });
  });

  it('runs a whole session: create a project, add a concept, read it back', async () => {
    const created = await envelope('project.create', { name: 'Over HTTP' });
    expect(created).toMatchObject({ ok: true, value: { name: 'Over HTTP' } });
    expect(await envelope('concept.create', { label: 'اعتماد' })).toMatchObject({ ok: true, value: { label: 'اعتماد' } });
    expect(await envelope('codebook.get')).toMatchObject({ ok: true, value: { concepts: [{ label: 'اعتماد' }] } });
    expect(fs.existsSync(path.join(base, 'home', 'Over HTTP.groundwork'))).toBe(true);
  });
});

describe('the event stream', () => {
  /** Opens /api/events and collects the events it carries until stopped. */
  async function listen(token = host.token) {
    const controller = new AbortController();
    const res = await fetch(new URL(`/api/events?token=${encodeURIComponent(token)}`, host.url), { signal: controller.signal });
    const events: BackendEvent[] = [];
    let text = '';
    const waiters: (() => void)[] = [];
    if (res.ok && res.body) {
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      void (async () => {
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) return;
            text += decoder.decode(value, { stream: true });
            let end: number;
            while ((end = text.indexOf('\n\n')) >= 0) {
              const block = text.slice(0, end);
              text = text.slice(end + 2);
              for (const line of block.split('\n')) if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)) as BackendEvent);
              waiters.splice(0).forEach((w) => w());
            }
          }
        } catch {
          // Aborted.
        }
      })();
    }
    const until = async (check: () => boolean, ms = 5000) => {
      const deadline = Date.now() + ms;
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`no such event; got ${JSON.stringify(events)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    };
    return { res, events, until, stop: () => controller.abort() };
  }

  it('refuses the stream without the right token', async () => {
    expect((await fetch(new URL('/api/events', host.url))).status).toBe(401);
    expect((await fetch(new URL('/api/events?token=wrong', host.url))).status).toBe(401);
  });

  it('tells an open tab that the project changed after a mutating call, naming the method and the caller', async () => {
    const stream = await listen();
    try {
      expect(stream.res.status).toBe(200);
      expect(stream.res.headers.get('content-type')).toBe('text/event-stream');
      await call('project.create', { name: 'Events' });
      await stream.until(() => stream.events.some((e) => e.type === 'project.switched'));
      expect(stream.events.some((e) => e.type === 'project.changed')).toBe(false);
      const res = await fetch(new URL('/api/call', host.url), {
        method: 'POST',
        headers: callHeaders(),
        body: JSON.stringify({ method: 'concept.create', input: { label: 'trust' }, origin: 'tab-1' }),
      });
      expect(await res.json()).toMatchObject({ ok: true });
      await stream.until(() => stream.events.some((e) => e.type === 'project.changed'));
      expect(stream.events.filter((e) => e.type === 'project.changed')).toEqual([
        { type: 'project.changed', origin: 'tab-1', method: 'concept.create', touched: { tables: ['concept'], documents: [] }, actor: null },
      ]);
    } finally {
      stream.stop();
    }
  });

  it('tells an open tab when the command line imports into the open project', async () => {
    const created = await envelope('project.create', { name: 'Shared' });
    const file = (created as { ok: true; value: { path: string } }).value.path;
    const stream = await listen();
    try {
      const source = path.join(base, 'from the shell.txt');
      fs.writeFileSync(source, 'Written by another program while the page is open.\n');
      const imported = await runCli('import', file, source);
      expect(imported).toMatchObject({ code: 0, err: [] });
      // Another program's commit is noticed by watching the file: anything may have changed.
      await stream.until(() => stream.events.some((e) => e.type === 'project.changed'));
      expect(stream.events).toEqual([{ type: 'project.changed', origin: null, method: 'external', touched: { tables: null, documents: null } }]);
      expect(await envelope('document.list')).toMatchObject({ ok: true, value: [{ name: 'from the shell' }] });
    } finally {
      stream.stop();
    }
  });

  it('sends no change event for a call that only reads, or one that failed', async () => {
    await call('project.create', { name: 'Quiet' });
    const stream = await listen();
    try {
      await call('codebook.get');
      expect(await envelope('concept.create', { label: '' })).toMatchObject({ ok: false });
      expect(await envelope('segment.uncode', { id: 999 })).toMatchObject({ ok: false });
      await call('concept.create', { label: 'marker' });
      await stream.until(() => stream.events.length > 0);
      expect(stream.events).toEqual([
        { type: 'project.changed', origin: null, method: 'concept.create', touched: { tables: ['concept'], documents: [] }, actor: null },
      ]);
    } finally {
      stream.stop();
    }
  });
});
