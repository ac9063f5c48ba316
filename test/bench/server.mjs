// `npm run bench:server`: the team server under load, nothing mocked. A PostgreSQL cluster of its
// own (durable settings) or GROUNDWORK_BENCH_PG's server; `groundwork serve` as a child process;
// 20 simulated coders (server-client.mjs) signed in over loopback code, write memos, move concepts
// and undo for 60 s against one project, each refreshing what its page shows as the app does.
// Then the faults: the server killed (SIGKILL) and started again mid-load, and PostgreSQL
// restarted mid-load. After each run the database's raw rows are checked (server-check.mjs).
// Prints throughput, p50/p95/p99 latency and the checks, and writes test/bench/results/server-latest.json.
// It reports: a missed target exits 0, a failed check or an error exits 1.
// GROUNDWORK_BENCH_CODERS, GROUNDWORK_BENCH_SECONDS, GROUNDWORK_BENCH_THINK_MS change the load;
// GROUNDWORK_BENCH_FAULTS=0 runs the steady load only (for profiling the server with
// GROUNDWORK_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR").

import { spawn, execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ensureModernNode } from '../../electron/pinned-node.mjs';
import { startCluster } from './pg.mjs';
import { Browser, newStats, runCoder } from './server-client.mjs';
import { checkRun } from './server-check.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const CLI = path.join(REPO, 'dist/node/cli.mjs');
const EXAMPLES = path.join(REPO, 'fixtures/example');
const CODERS = Number(process.env.GROUNDWORK_BENCH_CODERS ?? 20);
const SECONDS = Number(process.env.GROUNDWORK_BENCH_SECONDS ?? 60);
const THINK_MS = Number(process.env.GROUNDWORK_BENCH_THINK_MS ?? 1000);
const FAULT_SECONDS = Number(process.env.GROUNDWORK_BENCH_FAULT_SECONDS ?? 40);
const FAULTS = process.env.GROUNDWORK_BENCH_FAULTS !== '0';
const PASSWORD = 'bench password, long enough';

const started = performance.now();
const log = (message) => console.log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${message}`);

const percentile = (values, p) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const summary = (values) => ({ n: values.length, p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99) });

const cli = (args, input) =>
  new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [CLI, ...args], { cwd: REPO }, (error, stdout, stderr) => (error ? reject(new Error(`${args.join(' ')}: ${stderr || error.message}`)) : resolve(stdout)));
    if (input !== undefined) child.stdin.end(input);
  });

/** `groundwork serve` as a child process; resolves when it prints its address. */
function startServer(url, port) {
  return new Promise((resolve, reject) => {
    const extra = process.env.GROUNDWORK_BENCH_NODE_ARGS ? process.env.GROUNDWORK_BENCH_NODE_ARGS.split(' ') : [];
    const child = spawn(process.execPath, [...extra, CLI, 'serve', '--database', url, '--listen', `127.0.0.1:${port}`], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    // What the server says after it started (a failure's one line) goes to the bench's log.
    const forward = (d) => process.stderr.write(`[server] ${d}`);
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${out}`)), 60_000);
    child.stdout.on('data', (d) => {
      out += d;
      const match = /team server: http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (match) {
        clearTimeout(timer);
        child.stdout.removeAllListeners('data');
        child.stdout.on('data', forward);
        child.removeAllListeners('exit');
        child.on('exit', (code, signal) => process.stderr.write(`[server] exited unexpectedly (${code ?? signal})\n`));
        resolve({ child, port: Number(match[1]) });
      }
    });
    child.stderr.on('data', (d) => {
      out += d;
      forward(d);
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
  });
}

/** Sources for the project: the example texts, paragraphs shuffled into 20 sources of about 20 KB. */
function sources() {
  const paragraphs = fs
    .readdirSync(EXAMPLES)
    .filter((f) => /\.(txt|md)$/.test(f))
    .flatMap((f) => fs.readFileSync(path.join(EXAMPLES, f), 'utf8').split(/\n\s*\n/))
    .map((p) => p.trim())
    .filter((p) => p.length > 40);
  return Array.from({ length: 20 }, (_, i) => {
    const parts = [];
    for (let n = 0, size = 0; size < 20_000; n += 1) {
      const p = paragraphs[(i * 7 + n * 13) % paragraphs.length];
      parts.push(p);
      size += p.length;
    }
    return { name: `source-${String(i + 1).padStart(2, '0')}.txt`, dataBase64: Buffer.from(parts.join('\n\n'), 'utf8').toString('base64') };
  });
}

async function value(browser, method, input = {}) {
  const { body } = await browser.call(method, input);
  if (!body.ok) throw new Error(`${method}: ${body.error.message}`);
  return body.value;
}

async function setUp(port) {
  const admin = new Browser(port);
  await admin.login('bench-owner', PASSWORD);
  const project = await value(admin, 'project.create', { name: 'Server benchmark' });
  const imported = await value(admin, 'document.import', { files: sources() });
  const documents = imported.map((r) => ({ id: r.document.id, length: r.document.length }));
  const components = ['causal', 'context', 'intervening', 'phenomenon', 'strategies', 'consequences'];
  const categories = [];
  for (let i = 0; i < 8; i += 1) {
    const category = await value(admin, 'category.create', { name: `Category ${i + 1}` });
    await value(admin, 'component.assign', { categoryId: category.id, component: components[i % components.length] });
    categories.push(category.id);
  }
  const concepts = [];
  for (let i = 0; i < 60; i += 1) concepts.push((await value(admin, 'concept.create', { label: `concept ${i + 1}` })).id);
  for (let i = 0; i < 40; i += 1) await value(admin, 'category.fileConcepts', { categoryId: categories[i % categories.length], conceptIds: [concepts[i]] });
  for (let i = 0; i < CODERS; i += 1) await value(admin, 'access.setRole', { user: `coder-${i + 1}`, role: 'coder' });
  // Ten concepts every coder writes memos on and moves: where their changes meet.
  return { admin, project: { location: project.path, id: Number(/(\d+)$/.exec(project.path)[1]), documents, concepts, shared: concepts.slice(0, 10), categories } };
}

async function runLoad({ port, project, seconds, faults, run }) {
  const stats = newStats();
  const browsers = [];
  for (let i = 0; i < CODERS; i += 1) {
    const browser = new Browser(port);
    await browser.login(`coder-${i + 1}`, PASSWORD);
    browsers.push(browser);
  }
  const begin = performance.now();
  const until = begin + seconds * 1000;
  const faultClock = faults ? { since: null } : null;
  const coders = browsers.map((browser, index) => runCoder({ browser, index, run, project, stats, until, thinkMs: THINK_MS, faultClock }));
  const faultResults = faults ? faults(faultClock, stats) : Promise.resolve(null);
  await Promise.all(coders);
  const elapsed = (performance.now() - begin) / 1000;
  return { stats, elapsed, faults: await faultResults };
}

function report(name, { stats, elapsed }, check) {
  const writes = stats.ok.code + stats.ok.memo + stats.ok.move + stats.ok.undo;
  const all = [...stats.latency.code, ...stats.latency.memo, ...stats.latency.move, ...stats.latency.undo];
  return {
    name,
    seconds: Math.round(elapsed),
    writes,
    writesPerSecond: writes / elapsed,
    readsPerSecond: stats.latency.read.length / elapsed,
    latency: {
      writes: summary(all),
      code: summary(stats.latency.code),
      memo: summary(stats.latency.memo),
      move: summary(stats.latency.move),
      undo: summary(stats.latency.undo),
      reads: summary(stats.latency.read),
    },
    seenByOthers: summary(stats.propagation),
    intendedRefusals: stats.conflicts,
    errors: stats.errors.length,
    errorSamples: stats.errors.slice(0, 5),
    unavailableAnswers: stats.unavailable,
    unavailableReads: stats.unavailableReads,
    networkFailures: stats.networkFailures,
    unknownOutcomeWrites: stats.unknownOutcome.length,
    uncertainCommits: stats.uncertainCommits,
    streamBreaks: stats.reconnectingSeen,
    check,
  };
}

const ms = (v) => (v === null || v === undefined ? '–' : `${v.toFixed(1)} ms`);

function print(result) {
  const l = result.latency;
  console.log(`\n${result.name}: ${result.seconds} s, ${result.writes} writes (${result.writesPerSecond.toFixed(1)}/s), ${result.readsPerSecond.toFixed(0)} reads/s`);
  for (const [key, s] of Object.entries(l)) console.log(`  ${key.padEnd(7)} n=${String(s.n).padStart(5)}  p50 ${ms(s.p50).padStart(9)}  p95 ${ms(s.p95).padStart(9)}  p99 ${ms(s.p99).padStart(9)}`);
  console.log(`  seen by the others after the writer's answer: p50 ${ms(result.seenByOthers.p50)}, p95 ${ms(result.seenByOthers.p95)}, p99 ${ms(result.seenByOthers.p99)}`);
  console.log(`  intended refusals: ${JSON.stringify(result.intendedRefusals)}; other errors: ${result.errors}`);
  if (result.errorSamples.length) console.log(`  e.g. ${JSON.stringify(result.errorSamples)}`);
  console.log(`  "unavailable" answers: ${result.unavailableAnswers} to changes, ${result.unavailableReads} to reads; network failures: ${result.networkFailures}; writes of unknown outcome: ${result.unknownOutcomeWrites} (${result.uncertainCommits} answered "may have been saved"); event streams broken: ${result.streamBreaks}`);
  if (result.faults) console.log(`  faults: ${JSON.stringify(result.faults)}`);
  console.log(`  check: ${JSON.stringify(result.check)}`);
}

async function main() {
  ensureModernNode(import.meta.url);
  if (!fs.existsSync(CLI)) throw new Error('Build first: npm run build (npm run bench:server does).');
  const external = process.env.GROUNDWORK_BENCH_PG;
  const cluster = external ? null : startCluster();
  const serverUrl = external ?? cluster.url;
  const dbName = `groundwork_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  await admin.end();
  const url = external ? Object.assign(new URL(external), { pathname: `/${dbName}` }).toString() : cluster.database(dbName);
  let server = null;
  const results = { meta: { date: new Date().toISOString(), node: process.versions.node, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '?', load: os.loadavg(), coders: CODERS, thinkMs: THINK_MS } };
  try {
    log(`database ${dbName}; adding ${CODERS + 1} users…`);
    await cli(['user', 'add', 'bench-owner', '--admin', '--password-stdin', '--database', url], PASSWORD);
    for (let i = 0; i < CODERS; i += 4) {
      await Promise.all(
        Array.from({ length: Math.min(4, CODERS - i) }, (_, k) => cli(['user', 'add', `coder-${i + k + 1}`, '--password-stdin', '--database', url], PASSWORD)),
      );
    }
    server = await startServer(url, 0);
    const port = server.port;
    log(`server on port ${port}; setting up the project…`);
    const { admin: owner, project } = await setUp(port);

    log(`${CODERS} coders for ${SECONDS} s (think time ${THINK_MS} ms on average)…`);
    const steady = await runLoad({ port, project, seconds: SECONDS, run: 1 });
    const finalState = async () => ({
      counts: await value(owner, 'counts.paradigm'),
      codebook: await value(owner, 'codebook.get'),
      documents: await value(owner, 'document.list'),
    });
    results.steady = report('Steady load', steady, await checkRun({ url, projectId: project.id, stats: steady.stats, ...(await finalState()) }));
    print(results.steady);

    if (!FAULTS) return;
    log(`faults: ${CODERS} coders for ${FAULT_SECONDS} s; the server is killed at 10 s${cluster ? ', PostgreSQL restarted at 25 s' : ''}…`);
    const faults = async (clock, stats) => {
      const out = {};
      await new Promise((r) => setTimeout(r, 10_000));
      clock.since = performance.now();
      stats.firstOkAfter = null;
      server.child.removeAllListeners('exit');
      server.child.kill('SIGKILL');
      const killedAt = performance.now();
      await new Promise((r) => setTimeout(r, 1000));
      server = await startServer(url, port);
      out.serverDownMs = Math.round(performance.now() - killedAt);
      await new Promise((r) => setTimeout(r, 3000));
      out.firstWriteAfterKillMs = stats.firstOkAfter === null ? null : Math.round(stats.firstOkAfter);
      if (cluster) {
        await new Promise((r) => setTimeout(r, 11_000));
        const before = stats.unavailable;
        const beforeStreams = stats.reconnectingSeen;
        const restartStarted = performance.now();
        await cluster.restart();
        out.postgresRestartMs = Math.round(performance.now() - restartStarted);
        // Resuming is timed from the moment PostgreSQL accepts connections again.
        clock.since = performance.now();
        stats.firstOkAfter = null;
        for (let waited = 0; stats.firstOkAfter === null && waited < 15_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
        out.firstWriteAfterRestartMs = stats.firstOkAfter === null ? null : Math.round(stats.firstOkAfter);
        out.streamsBrokenByRestart = stats.reconnectingSeen - beforeStreams;
        out.unavailableDuringRestart = stats.unavailable - before;
      }
      return out;
    };
    const faulted = await runLoad({ port, project, seconds: FAULT_SECONDS, faults, run: 2 });
    results.faults = report('Faults', faulted, await checkRun({ url, projectId: project.id, stats: faulted.stats, ...(await finalState()) }));
    results.faults.faults = faulted.faults;
    print(results.faults);

    fs.mkdirSync(path.join(HERE, 'results'), { recursive: true });
    fs.writeFileSync(path.join(HERE, 'results', 'server-latest.json'), `${JSON.stringify(results, null, 2)}\n`);
    const failed = [...results.steady.check.problems, ...results.faults.check.problems];
    const p95 = results.steady.latency.writes.p95;
    console.log(`\nTarget p95 < 100 ms: ${p95 !== null && p95 < 100 ? 'PASS' : 'WARN'} (${ms(p95)}); lost writes: ${Object.values(results.steady.check.lost).reduce((a, b) => a + b, 0) + Object.values(results.faults.check.lost).reduce((a, b) => a + b, 0)}; other errors: ${results.steady.errors + results.faults.errors}`);
    if (failed.length) {
      console.error(`Checks failed:\n  ${failed.join('\n  ')}`);
      process.exitCode = 1;
    }
  } finally {
    if (server) {
      server.child.removeAllListeners('exit');
      const exited = new Promise((r) => server.child.once('exit', r));
      server.child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    }
    if (cluster) cluster.stop();
    else {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
      await c.end();
    }
  }
}

main().catch((error) => {
  console.error(`bench:server failed: ${error.stack ?? error}`);
  process.exit(1);
});
