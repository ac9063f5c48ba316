#!/usr/bin/env node
// The `groundwork` command (package.json "bin"): runs the bundled command line on Node 22 or
// later, rebuilding the Node bundles first when a source file is newer than the last build.

import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureModernNode } from '../pinned-node.mjs';

ensureModernNode(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { ensureNodeBundles, ensureRenderer } = await import('../build.mjs');
await ensureNodeBundles({ quiet: true });
// The team server serves the interface too.
if (process.argv[2] === 'serve') await ensureRenderer();
await import(pathToFileURL(path.join(root, 'dist', 'node', 'cli.mjs')).href);
