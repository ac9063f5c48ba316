// The scale part of `npm run bench` (issue 9): one project of 2,000 generated sources (about
// 100 MB of text) grown to 10k, 100k and 1M coded segments through the Store in one process
// (test/bench/scale/project.ts), and at each size, through the browser-mode host's HTTP API as the
// renderer calls it: the file size, Table 8, the paradigm diagram's counts, the maturity model,
// the first page of a component's segments, the undo of the largest step (10,000 rows) and a
// search; then the backend's own coding latency with synchronous FULL and NORMAL.
// The 1M size takes minutes: GROUNDWORK_BENCH_SCALE=10k,100k picks sizes (default all three).

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import Database from 'better-sqlite3';
import { startHost } from './host.mjs';
import { benchScaleUi } from './scale-ui.mjs';
import { generateCorpus } from './search.mjs';
import { generateSource, loadPools } from './corpus.mjs';
import { planSegments } from './backend.mjs';
import { repeat, summarize } from './stats.mjs';

export const SCALE_SIZES = [
  { key: '10k', segments: 10_000 },
  { key: '100k', segments: 100_000 },
  { key: '1m', segments: 1_000_000 },
].filter((s) => (process.env.GROUNDWORK_BENCH_SCALE ?? '10k,100k,1m').toLowerCase().split(',').includes(s.key));

export const SCALE_QUERIES = [
  ['common Persian word', 'بازاریابی'],
  ['Persian word typed with ZWNJ', 'کسب\u200Cوکار'],
  ['English word', 'marketing'],
  ['phrase', '"بازاریابی مبتنی بر حساب"'],
  ['prefix', 'مشتری*'],
  ['two words', 'فروش اعتماد'],
  ['two-letter word', 'را'],
];

const size = (file) => [file, `${file}-wal`].reduce((sum, f) => sum + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);

/** Bundles the TypeScript half for plain Node (better-sqlite3 and the rest resolved from node_modules). */
async function bundle(repo) {
  const out = path.join(repo, 'node_modules', '.cache', 'groundwork-bench', 'scale-project.mjs');
  await esbuild.build({
    entryPoints: [path.join(repo, 'test/bench/scale/project.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    logLevel: 'error',
  });
  // The importer parses in its worker, which it looks for beside the bundle: the built one (dist/).
  const dist = path.join(repo, 'dist', 'node');
  for (const name of ['import-worker.mjs', 'import-worker-chunks']) {
    fs.rmSync(path.join(path.dirname(out), name), { recursive: true, force: true });
    fs.cpSync(path.join(dist, name), path.join(path.dirname(out), name), { recursive: true });
  }
  return out;
}

function runProject(repo, script, args) {
  const output = execFileSync(process.execPath, [script, ...args], { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(output.trim().split('\n').at(-1));
}

/**
 * The CPU time the host's main thread spent, in ms (Linux /proc schedstat, nanoseconds): on this
 * shared machine wall times wait for other people's work, CPU times do not.
 */
function cpuClock(pid) {
  const file = `/proc/${pid}/schedstat`;
  if (!fs.existsSync(file)) return () => null;
  return () => Number(fs.readFileSync(file, 'utf8').split(' ')[0]) / 1e6;
}

/** One size, through the host: every figure the issue names, each call's wall time and the host's CPU time for it. */
async function measureSize({ repo, home, file, log }) {
  const host = await startHost({ repo, home, project: file });
  const r = {};
  try {
    const cpu = cpuClock(host.process.pid);
    const cpuTimes = new Map();
    const timed = async (method, input) => {
      const before = cpu();
      const call = await host.timed(method, input);
      const after = cpu();
      if (before !== null && after !== null) {
        const key = `${method} ${JSON.stringify(input ?? {})}`;
        if (!cpuTimes.has(key)) cpuTimes.set(key, []);
        cpuTimes.get(key).push(after - before);
        call.cpuMs = after - before;
      }
      return call;
    };
    const withCpu = (summary, samples) => ({ ...summary, cpu: samples.length ? summarize(samples) : null });
    const cpuOf = (method, input) => cpuTimes.get(`${method} ${JSON.stringify(input ?? {})}`) ?? [];
    const counts = await repeat(10, () => timed('counts.paradigm'));
    r['counts.paradigm (Table 8)'] = { ...withCpu(counts, cpuOf('counts.paradigm')), last: undefined, finalCodes: counts.last.value.totals.finalCodes };
    const mains = await repeat(10, () => timed('counts.mainCategories'));
    r['counts.mainCategories (paradigm diagram, cascade)'] = { ...withCpu(mains, cpuOf('counts.mainCategories')), last: undefined };
    const maturity = await repeat(10, () => timed('maturity.get', {}));
    r['maturity.get (maturity counts)'] = { ...withCpu(maturity, cpuOf('maturity.get', {})), last: undefined };
    const codebook = await repeat(5, () => timed('codebook.get'));
    r['codebook.get'] = { ...withCpu(codebook, cpuOf('codebook.get')), last: undefined, responseBytes: codebook.last.bytes };

    // The first page of a component's segments (segment.page), or the whole list where there is no page.
    const scope = { kind: 'component', key: 'causal' };
    let page;
    try {
      page = await repeat(10, () => timed('segment.page', { scope, limit: 100 }));
      r['segment.page, first 100 of a component'] = {
        ...withCpu(page, cpuOf('segment.page', { scope, limit: 100 })),
        last: undefined,
        total: page.last.value.total,
        responseBytes: page.last.bytes,
      };
      const later = await repeat(10, async () => {
        let cursor = page.last.value.next;
        let last;
        for (let i = 0; i < 5 && cursor; i += 1) {
          last = await timed('segment.page', { scope, limit: 100, cursor });
          cursor = last.value.next;
        }
        return { ms: last.ms };
      });
      r['segment.page, sixth page of that component'] = { ...later, last: undefined };
    } catch (error) {
      if (error.code !== 'unknown-method') throw error;
      page = await repeat(3, () => timed('segment.list', { scope }));
      r['segment.list, a whole component (no paged method)'] = { ...page, last: undefined, rows: page.last.value.length, responseBytes: page.last.bytes };
    }

    log('  undo and redo of the last step (10,000 segments)…');
    const undo = await timed('history.undo');
    r['history.undo of a 10,000-row step'] = { ...withCpu(summarize([undo.ms]), undo.cpuMs === undefined ? [] : [undo.cpuMs]), label: undo.value.redo?.label };
    const redo = await timed('history.redo');
    r['history.redo of that step'] = withCpu(summarize([redo.ms]), redo.cpuMs === undefined ? [] : [redo.cpuMs]);

    log('  searching…');
    const samples = [];
    const cpuSamples = [];
    for (const [name, query] of SCALE_QUERIES) {
      const s = await repeat(10, async () => {
        const call = await timed('search.query', { query, limit: 200 });
        samples.push(call.ms);
        if (call.cpuMs !== undefined) cpuSamples.push(call.cpuMs);
        return call;
      });
      r[`search: ${name}`] = {
        ...withCpu(s, cpuOf('search.query', { query, limit: 200 })),
        last: undefined,
        hits: s.last.value.total,
        sources: s.last.value.sources,
        responseBytes: s.last.bytes,
      };
    }
    r['search: every query above'] = withCpu(summarize(samples), cpuSamples);

    if (process.env.GROUNDWORK_BENCH_SCALE_UI !== '0') {
      log('  the reader in Chromium…');
      const docs = await host.call('document.list', {});
      const longest = docs.reduce((a, b) => (b.length > a.length ? b : a));
      r.ui = await benchScaleUi({ host, documentName: longest.name, documentId: longest.id, log });
      r.ui.source = { name: longest.name, characters: longest.length, segments: longest.segmentCount };
    }
  } finally {
    await host.stop();
  }
  return r;
}

/**
 * Importing 1,000 sources (the search benchmark's corpus) through the host, files sent as bytes
 * (POST /api/upload, then document.import by token) in batches of 100, beside raw SQLite inserting
 * the same texts into one table in the same batches (WAL, synchronous=FULL, as a project).
 */
async function benchImport({ repo, home, tmp, examplesDir, log }) {
  const corpus = generateCorpus(examplesDir);
  const batches = [];
  for (let i = 0; i < corpus.files.length; i += 100) batches.push(corpus.files.slice(i, i + 100));
  const r = { sources: corpus.files.length, bytes: corpus.bytes };

  const rawFile = path.join(tmp, 'raw-insert.sqlite');
  const raw = new Database(rawFile);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec('CREATE TABLE source (id INTEGER PRIMARY KEY, name TEXT NOT NULL, text TEXT NOT NULL) STRICT');
  const insert = raw.prepare('INSERT INTO source (name, text) VALUES (?, ?)');
  const rawStarted = performance.now();
  for (const batch of batches) raw.transaction(() => batch.forEach((f) => insert.run(f.name, f.text)))();
  r.rawMs = performance.now() - rawStarted;
  raw.close();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(rawFile + suffix, { force: true });

  const host = await startHost({ repo, home });
  try {
    await host.call('project.create', { name: `Import bench ${Date.now()}` });
    log('  importing 1,000 sources as uploads…');
    const started = performance.now();
    let uploadMs = 0;
    for (const batch of batches) {
      const files = [];
      const uploadStarted = performance.now();
      // The batch's files in one upload request, their sizes in a header.
      const parts = batch.map((f) => Buffer.from(f.text, 'utf8'));
      const response = await fetch(`${host.base}api/upload`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', 'X-Groundwork-Token': host.token, 'X-Groundwork-Sizes': parts.map((p) => p.length).join(',') },
        body: Buffer.concat(parts),
      });
      const answer = await response.json();
      if (!answer.ok) throw new Error(`upload: ${answer.error.message}`);
      answer.value.uploads.forEach((upload, i) => files.push({ name: batch[i].name, upload }));
      uploadMs += performance.now() - uploadStarted;
      const results = await host.call('document.import', { files });
      const failed = results.find((x) => x.status !== 'imported');
      if (failed) throw new Error(`import: ${failed.message}`);
    }
    r.importMs = performance.now() - started;
    r.uploadMs = uploadMs;
    // The index is built after the import, when idle or at the first search: timed apart.
    const first = await host.timed('search.query', { query: 'بازاریابی' });
    r.firstSearchMs = first.ms;
    // The same sources again as base64 in JSON (the path before uploads), in a new project.
    await host.call('project.create', { name: `Import bench base64 ${Date.now()}` });
    const started64 = performance.now();
    for (const batch of batches) {
      await host.call('document.import', { files: batch.map((f) => ({ name: f.name, dataBase64: Buffer.from(f.text, 'utf8').toString('base64') })) });
    }
    r.importBase64Ms = performance.now() - started64;

    // The peers' protocol: 1,000 passages coded on one 300 KB source, then exported as CSV.
    log('  coding 1,000 passages on a 300 KB source and exporting them…');
    await host.call('project.create', { name: `CSV bench ${Date.now()}` });
    const source = generateSource({ bytes: 300 * 1024, seed: 300, pools: loadPools(examplesDir) });
    const [imported] = await host.call('document.import', { files: [{ name: 'Peer protocol (fa).txt', dataBase64: Buffer.from(source.text, 'utf8').toString('base64') }] });
    const concepts = [];
    for (let i = 1; i <= 20; i += 1) concepts.push((await host.call('concept.create', { label: `مفهوم ${i}` })).id);
    const { plan } = planSegments(source.text, 1000, concepts, 1000);
    const coding = [];
    for (const p of plan) coding.push((await host.timed('segment.code', { documentId: imported.document.id, start: p.start, end: p.end, conceptId: p.conceptId })).ms);
    r['segment.code through HTTP, 1,000 passages'] = summarize(coding);
    const csv = await repeat(10, () => host.timed('export.segmentsCsv'));
    r['export.segmentsCsv, 1,000 passages'] = { ...csv, last: undefined, csvChars: csv.last.value.csv.length };
    await host.call('project.close', {});
  } finally {
    await host.stop();
  }
  r.ratio = r.rawMs / r.importMs;
  r.ratioBase64 = r.rawMs / r.importBase64Ms;
  return r;
}

export async function benchScale({ repo, tmp, log }) {
  const results = { sizes: {} };
  const script = await bundle(repo);
  const home = path.join(tmp, 'scale-home');
  fs.mkdirSync(home, { recursive: true });
  log('scale: importing 1,000 sources beside raw SQLite inserts of the same texts…');
  results.import = await benchImport({ repo, home, tmp, examplesDir: path.join(repo, 'fixtures/example'), log });
  log(`scale: import at ${(results.import.ratio * 100).toFixed(0)} % of raw SQLite (${(results.import.importMs / 1000).toFixed(2)} s against ${(results.import.rawMs / 1000).toFixed(2)} s)`);
  const base = path.join(tmp, 'scale.groundwork');
  log('scale: generating and importing 2,000 sources, the codebook, one search…');
  results.build = runProject(repo, script, ['build', base]);
  log(`scale: ${(results.build.textBytes / 1024 / 1024).toFixed(1)} MB of text imported in ${(results.build.importMs / 1000).toFixed(1)} s; file ${(results.build.fileBytes / 1024 / 1024).toFixed(1)} MB`);
  for (const { key, segments } of SCALE_SIZES) {
    log(`scale ${key}: generating segments…`);
    const grown = runProject(repo, script, ['grow', base, String(segments)]);
    const copy = path.join(tmp, `scale-${key}.groundwork`);
    fs.copyFileSync(base, copy);
    // The machine is shared: its load while measuring says how far to trust the times.
    const r = { generated: grown, fileBytes: size(copy), loadAverage: os.loadavg()[0] };
    log(`scale ${key}: ${segments.toLocaleString('en')} segments in ${(grown.ms / 1000).toFixed(1)} s; file ${(r.fileBytes / 1024 / 1024).toFixed(1)} MB; measuring…`);
    Object.assign(r, await measureSize({ repo, home, file: copy, log }));
    log(`scale ${key}: backend coding latency, synchronous FULL and NORMAL…`);
    const latency = runProject(repo, script, ['latency', copy]);
    r['segment.code in the backend, synchronous=FULL'] = summarize(latency.full);
    r['segment.code in the backend, synchronous=NORMAL'] = summarize(latency.normal);
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });
    r.loadAverageAfter = os.loadavg()[0];
    results.sizes[key] = r;
  }
  return results;
}
