// Builds what the hosts run: the renderer with Vite (dist/renderer) and the Node-side bundles with
// esbuild (dist/node: web host and command line; dist/electron: main process and preload).
// `node electron/build.mjs` builds everything; the start script and the `groundwork` command call
// ensure*() to rebuild only when a source file is newer than the last build.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function newestMtime(entries) {
  let newest = 0;
  const visit = (target) => {
    let stat;
    try {
      stat = fs.statSync(target);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(target)) if (name !== 'node_modules' && !name.startsWith('.')) visit(path.join(target, name));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  entries.forEach((e) => visit(path.join(root, e)));
  return newest;
}

const stampTime = (stamp) => {
  try {
    return fs.statSync(stamp).mtimeMs;
  } catch {
    return -1;
  }
};

const NODE_INPUTS = ['shared', 'db', 'electron', 'package.json'];
const RENDERER_INPUTS = ['renderer', 'shared', 'package.json'];
const nodeStamp = path.join(dist, 'node', '.stamp');
const rendererStamp = path.join(dist, 'renderer', '.stamp');

export async function buildNodeBundles() {
  const esbuild = await import('esbuild');
  for (const dir of ['dist/node', 'dist/electron']) fs.rmSync(path.join(root, dir, 'import-worker-chunks'), { recursive: true, force: true });
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node22',
    sourcemap: true,
    packages: 'external',
    logLevel: 'warning',
    define: { __GROUNDWORK_VERSION__: JSON.stringify(pkg.version) },
    absWorkingDir: root,
  };
  await Promise.all([
    esbuild.build({
      ...common,
      format: 'esm',
      entryPoints: { 'web-host': 'electron/web-host/main.ts', cli: 'electron/cli/main.ts' },
      outdir: 'dist/node',
      outExtension: { '.js': '.mjs' },
    }),
    esbuild.build({ ...common, format: 'esm', entryPoints: { main: 'electron/main/main.ts' }, outdir: 'dist/electron', outExtension: { '.js': '.mjs' } }),
    // The import worker (electron/backend/import/worker-pool.ts) beside each host bundle that runs
    // it; split, so a worker reading a .txt never loads pdfjs, mammoth or citation-js.
    ...['dist/node', 'dist/electron'].map((outdir) =>
      esbuild.build({
        ...common,
        format: 'esm',
        splitting: true,
        entryPoints: { 'import-worker': 'electron/backend/import/parse-worker.ts' },
        outdir,
        outExtension: { '.js': '.mjs' },
        chunkNames: 'import-worker-chunks/[name]-[hash]',
      }),
    ),
    // A sandboxed preload cannot be an ES module.
    esbuild.build({ ...common, format: 'cjs', entryPoints: { preload: 'electron/preload/preload.ts' }, outdir: 'dist/electron', outExtension: { '.js': '.cjs' } }),
  ]);
  fs.writeFileSync(nodeStamp, new Date().toISOString());
}

export async function buildRenderer() {
  const vite = await import('vite');
  await vite.build({ configFile: path.join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
  fs.writeFileSync(rendererStamp, new Date().toISOString());
}

export async function ensureNodeBundles({ quiet = false } = {}) {
  if (stampTime(nodeStamp) >= newestMtime(NODE_INPUTS)) return;
  if (!quiet) console.log('Building the Node bundles…');
  await buildNodeBundles();
}

export async function ensureRenderer() {
  if (stampTime(rendererStamp) >= newestMtime(RENDERER_INPUTS)) return;
  console.log('Building the interface…');
  await buildRenderer();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  await buildRenderer();
  await buildNodeBundles();
  console.log(`Built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
