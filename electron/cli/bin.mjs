#!/usr/bin/env node
// The `groundwork` command (package.json "bin"). Runs the bundled command line on Node 22 or later:
// an older Node (the system one, when this file is run directly) hands over to the Node that npm
// installed for the project. Rebuilds the Node bundles first when the sources are newer.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  const pinned = path.join(root, 'node_modules', 'node', 'bin', 'node');
  if (!fs.existsSync(pinned)) {
    console.error(`groundwork: needs Node 22 or later (this is ${process.version}); run "npm install" in ${root} first.`);
    process.exit(1);
  }
  const result = spawnSync(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

const { ensureNodeBundles } = await import(pathToFileURL(path.join(root, 'electron', 'build.mjs')).href);
await ensureNodeBundles({ quiet: true });
await import(pathToFileURL(path.join(root, 'dist', 'node', 'cli.mjs')).href);
