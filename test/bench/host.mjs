// The built browser-mode host (dist/node/web-host.mjs) as a child process, and a small client for
// its HTTP API (POST /api/call with the per-run token), timing every call.

import { spawnHost } from '../e2e/launch.mjs';
import fs from 'node:fs';
import path from 'node:path';

export async function startHost({ repo, home, project }) {
  const bundle = path.join(repo, 'dist/node/web-host.mjs');
  if (!fs.existsSync(bundle)) throw new Error('dist/ is missing: run "npm run build" (npm run bench does it)');
  const { child, address: started, output } = spawnHost(repo, ['--home', home, ...(project ? ['--project', project] : [])]);
  const address = await started;
  const url = new URL(address);
  const token = /token=([\w-]+)/.exec(url.hash)[1];
  const base = `${url.origin}/`;
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });

  /** Calls a method; returns its value and the wall time (ms) of the HTTP round trip. */
  async function timed(method, input = {}) {
    const body = JSON.stringify({ method, input });
    const started = performance.now();
    const response = await fetch(`${base}api/call`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Groundwork-Token': token },
      body,
    });
    const text = await response.text();
    const ms = performance.now() - started;
    if (!response.ok) throw new Error(`${method}: HTTP ${response.status}: ${text}`);
    const parsed = JSON.parse(text);
    if (!parsed.ok) {
      const error = new Error(`${method} failed: ${parsed.error?.code}: ${parsed.error?.message}`);
      error.code = parsed.error?.code;
      throw error;
    }
    return { value: parsed.value, ms, bytes: Buffer.byteLength(text, 'utf8') };
  }

  return {
    address,
    base,
    token,
    process: child,
    output,
    timed,
    call: async (method, input) => (await timed(method, input)).value,
    async stop() {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(timer);
    },
  };
}
