// What the end-to-end tests and the benchmark share: Debian's Chromium with the flags this
// machine needs, and the built browser-mode host started as a child process. Plain JavaScript,
// so the benchmark (plain .mjs) and the tests (TypeScript) both import it.

import { spawn } from 'node:child_process';
import path from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Starts dist/node/web-host.mjs with the given arguments; resolves once it prints its address. */
export function spawnHost(repo, args) {
  const child = spawn(process.execPath, [path.join(repo, 'dist/node/web-host.mjs'), '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const address = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 20_000);
    const onData = (chunk) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web host exited (${code}):\n${output}`));
    });
  });
  return { child, address, output: () => output };
}
