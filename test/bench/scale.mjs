// The scale part of `npm run bench` (issue 9): one project of 2,000 generated sources (about
// 100 MB of text) grown to 10k, 100k and 1M coded segments through the Store in one process
// (test/bench/scale/project.ts), and at each size, through the browser-mode host's HTTP API as the
// renderer calls it: the file size, Table 8, the paradigm diagram's counts, the maturity model,
// the first page of a component's segments, the undo of the largest step (10,000 rows) and a
// search; then the backend's own coding latency with synchronous FULL and NORMAL.
// The 1M size takes minutes: GROUNDWORK_BENCH_SCALE=10k,100k picks sizes (default all three).

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { startHost } from './host.mjs';
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
  return out;
}

function runProject(repo, script, args) {
  const output = execFileSync(process.execPath, [script, ...args], { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(output.trim().split('\n').at(-1));
}

/** One size, through the host: every figure the issue names. */
async function measureSize({ repo, home, file, log }) {
  const host = await startHost({ repo, home, project: file });
  const r = {};
  try {
    const { timed } = host;
    const counts = await repeat(10, () => timed('counts.paradigm'));
    r['counts.paradigm (Table 8)'] = { ...counts, last: undefined, finalCodes: counts.last.value.totals.finalCodes };
    const mains = await repeat(10, () => timed('counts.mainCategories'));
    r['counts.mainCategories (paradigm diagram, cascade)'] = { ...mains, last: undefined };
    const maturity = await repeat(10, () => timed('maturity.get', {}));
    r['maturity.get (maturity counts)'] = { ...maturity, last: undefined };
    const codebook = await repeat(5, () => timed('codebook.get'));
    r['codebook.get'] = { ...codebook, last: undefined, responseBytes: codebook.last.bytes };

    // The first page of a component's segments (segment.page), or the whole list where there is no page.
    const scope = { kind: 'component', key: 'causal' };
    let page;
    try {
      page = await repeat(10, () => timed('segment.page', { scope, limit: 100 }));
      r['segment.page, first 100 of a component'] = { ...page, last: undefined, total: page.last.value.total, responseBytes: page.last.bytes };
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
    r['history.undo of a 10,000-row step'] = { ...summarize([undo.ms]), label: undo.value.redo?.label };
    const redo = await timed('history.redo');
    r['history.redo of that step'] = summarize([redo.ms]);

    log('  searching…');
    const samples = [];
    for (const [name, query] of SCALE_QUERIES) {
      const s = await repeat(10, async () => {
        const call = await timed('search.query', { query, limit: 200 });
        samples.push(call.ms);
        return call;
      });
      r[`search: ${name}`] = { ...s, last: undefined, hits: s.last.value.total, sources: s.last.value.documents.length, responseBytes: s.last.bytes };
    }
    r['search: every query above'] = summarize(samples);
  } finally {
    await host.stop();
  }
  return r;
}

export async function benchScale({ repo, tmp, log }) {
  const results = { sizes: {} };
  const script = await bundle(repo);
  const home = path.join(tmp, 'scale-home');
  fs.mkdirSync(home, { recursive: true });
  const base = path.join(tmp, 'scale.groundwork');
  log('scale: generating and importing 2,000 sources, the codebook, one search…');
  results.build = runProject(repo, script, ['build', base]);
  log(`scale: ${(results.build.textBytes / 1024 / 1024).toFixed(1)} MB of text imported in ${(results.build.importMs / 1000).toFixed(1)} s; file ${(results.build.fileBytes / 1024 / 1024).toFixed(1)} MB`);
  for (const { key, segments } of SCALE_SIZES) {
    log(`scale ${key}: generating segments…`);
    const grown = runProject(repo, script, ['grow', base, String(segments)]);
    const copy = path.join(tmp, `scale-${key}.groundwork`);
    fs.copyFileSync(base, copy);
    const r = { generated: grown, fileBytes: size(copy) };
    log(`scale ${key}: ${segments.toLocaleString('en')} segments in ${(grown.ms / 1000).toFixed(1)} s; file ${(r.fileBytes / 1024 / 1024).toFixed(1)} MB; measuring…`);
    Object.assign(r, await measureSize({ repo, home, file: copy, log }));
    log(`scale ${key}: backend coding latency, synchronous FULL and NORMAL…`);
    const latency = runProject(repo, script, ['latency', copy]);
    r['segment.code in the backend, synchronous=FULL'] = summarize(latency.full);
    r['segment.code in the backend, synchronous=NORMAL'] = summarize(latency.normal);
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });
    results.sizes[key] = r;
  }
  return results;
}
