// `npm run bench`: times the built app (dist/) on long Persian sources, nothing mocked.
//   1. generates sources of 300 KB, 1 MB and 5 MB from the example texts (seeded, so comparable);
//   2. starts the browser-mode host (dist/node/web-host.mjs) with a temporary home folder;
//   3. times the backend through its HTTP API: create, import, 5,000 codings, counts, exports, undo;
//   4. times the reader in Debian's Chromium: first paint, coding a passage, scrolling, JS heap;
//   5. prints a table, compares with the targets (PASS/WARN) and writes test/bench/results/latest.json.
// It reports rather than tests: a missed target still exits 0; an error exits 1.
// Run it with the project's Node (npm run bench, or node_modules/.bin/node test/bench/run.mjs after
// a build): better-sqlite3 is built for it. GROUNDWORK_BENCH_SEGMENTS=300 makes a quick trial run.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureModernNode } from '../../electron/pinned-node.mjs';
import { writeSources } from './corpus.mjs';
import { startHost } from './host.mjs';
import { benchBackend, SEGMENTS } from './backend.mjs';
import { benchReader, VIEWPORT } from './reader.mjs';
import { render, targets } from './report.mjs';
import { benchSearch } from './search.mjs';
import { benchScale } from './scale.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const EXAMPLES = path.join(REPO, 'fixtures/example');
const RESULTS = path.join(HERE, 'results');

const SIZES = [
  { key: '300kb', label: '300 KB', bytes: 300 * 1024, seed: 300 },
  { key: '1mb', label: '1 MB', bytes: 1024 * 1024, seed: 1000 },
  { key: '5mb', label: '5 MB', bytes: 5 * 1024 * 1024, seed: 5000 },
];

const started = performance.now();
const log = (message) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}`);

async function main() {
  // Started by hand with an older Node, it hands itself over to the pinned one (better-sqlite3
  // in the host, spawned with this process's Node, needs it).
  ensureModernNode(import.meta.url);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-bench-'));
  const home = path.join(tmp, 'home');
  const sourceDir = path.join(tmp, 'sources');
  fs.mkdirSync(home);
  fs.mkdirSync(sourceDir);
  let host;
  const cleanup = async () => {
    await host?.stop().catch(() => {});
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  const onSignal = () => {
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    log('generating the sources…');
    const sources = writeSources(sourceDir, EXAMPLES, SIZES);
    const results = {
      meta: {
        date: new Date().toISOString(),
        node: process.versions.node,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? '?',
        memoryGB: Math.round(os.totalmem() / 1024 ** 3),
        viewport: `${VIEWPORT.width}×${VIEWPORT.height}`,
        segments: SEGMENTS,
      },
      sources: sources.map(({ key, label, name, bytes, chars, paragraphs, zwnj }) => ({ key, label, name, bytes, chars, paragraphs, zwnj })),
    };

    // GROUNDWORK_BENCH_ONLY=scale runs the scale part alone (test/bench/scale.mjs).
    if (process.env.GROUNDWORK_BENCH_ONLY === 'scale') {
      results.scale = await benchScale({ repo: REPO, tmp, log });
      results.targets = targets(results);
      results.meta.seconds = Math.round((performance.now() - started) / 1000);
      fs.mkdirSync(RESULTS, { recursive: true });
      fs.writeFileSync(path.join(RESULTS, 'scale.json'), `${JSON.stringify(results, null, 2)}\n`);
      console.log(`\n${render(results)}\n`);
      return;
    }
    log('starting the web host…');
    host = await startHost({ repo: REPO, home });
    // GROUNDWORK_BENCH_ONLY=search runs the corpus-search part alone.
    if (process.env.GROUNDWORK_BENCH_ONLY === 'search') {
      results.search = await benchSearch({ host, examplesDir: EXAMPLES, log });
      await host.stop();
      results.targets = targets(results);
      console.log(`\n${render(results)}\n`);
      fs.mkdirSync(RESULTS, { recursive: true });
      fs.writeFileSync(path.join(RESULTS, 'search.json'), `${JSON.stringify(results, null, 2)}\n`);
      return;
    }
    const backend = await benchBackend({ host, sources, log });
    results.backend = backend.results;
    log(`backend done; ${backend.state.segmentCount} segments on the big source`);

    results.reader = await benchReader({ host, sources, documents: backend.state.documents, log });

    await host.call('project.close', {});
    results.search = await benchSearch({ host, examplesDir: EXAMPLES, log });
    results.backend['project file (closed)'] = backend.fileSizes();
    await host.stop();
    // The scale part (test/bench/scale.mjs): GROUNDWORK_BENCH_SCALE picks its sizes, "none" leaves it out.
    if (process.env.GROUNDWORK_BENCH_SCALE !== 'none') results.scale = await benchScale({ repo: REPO, tmp, log });

    results.targets = targets(results);
    results.meta.seconds = Math.round((performance.now() - started) / 1000);
    console.log(`\n${render(results)}\n`);
    fs.mkdirSync(RESULTS, { recursive: true });
    fs.writeFileSync(path.join(RESULTS, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
    log(`results written to ${path.relative(REPO, path.join(RESULTS, 'latest.json'))}`);
    if (results.reader.pageErrors.length > 0) throw new Error(`the page reported ${results.reader.pageErrors.length} error(s), listed above`);
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`\nbenchmark failed: ${error?.stack ?? error}`);
    process.exit(1);
  },
);
