// `npm start`: builds what is out of date, then opens the desktop window where Electron's binary
// is installed, or serves the browser mode on 127.0.0.1 where it is not (Electron downloads its
// binary on first use, which machines without internet access cannot do).
// Arguments after `--` go to the browser-mode host: --port N, --home DIR, --project FILE, --example.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureModernNode } from './pinned-node.mjs';

ensureModernNode(import.meta.url);
const { ensureNodeBundles, ensureRenderer } = await import('./build.mjs');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The Electron binary if it is really there; never requires 'electron', which would download it. */
function electronBinary() {
  if (process.env.GROUNDWORK_BROWSER === '1') return null;
  const dir = path.join(root, 'node_modules', 'electron');
  try {
    const relative = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const binary = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist'), relative);
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

await ensureRenderer();
await ensureNodeBundles();

const binary = electronBinary();
const args = process.argv.slice(2);
const child = binary
  ? spawn(binary, [root, ...args], { stdio: 'inherit' })
  : spawn(process.execPath, [path.join(root, 'dist', 'node', 'web-host.mjs'), ...args], { stdio: 'inherit' });
if (!binary) {
  console.log('Electron is not installed here (run "npx install-electron" where downloads work); starting the browser mode.');
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
