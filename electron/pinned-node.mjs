// Groundwork runs on Node 22 or later (better-sqlite3 13, Electron 45's Node 24). npm scripts
// already run on the Node that package.json pins; a script started by hand with an older Node
// hands itself over to that pinned Node here, or stops with a clear message.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function ensureModernNode(scriptUrl) {
  if (Number(process.versions.node.split('.')[0]) >= 22) return;
  const pinned = path.join(root, 'node_modules', 'node', 'bin', 'node');
  if (!fs.existsSync(pinned)) {
    console.error(`groundwork: needs Node 22 or later (this is ${process.version}); run "npm install" in ${root} first.`);
    process.exit(1);
  }
  const result = spawnSync(pinned, [fileURLToPath(scriptUrl), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
