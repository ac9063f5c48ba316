// Runs parse jobs in a worker thread, one at a time, so no file, however hostile, runs on the
// thread that answers the app. Each job has a time limit and a memory ceiling (the worker's heap
// limit, and a watch on the process's resident memory, since unpacked buffers live outside the
// heap); past either, or on cancel, the worker is terminated at once and a fresh one serves the
// next job. An idle worker is ended after a while, so its libraries do not stay in memory.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { badFile, GroundworkError, type ErrorCode } from '../../../shared/api/errors';
import { IMPORT_MEMORY_LIMIT_BYTES, IMPORT_TIME_LIMIT_MS } from '../../../shared/domain/limits';
import { say, sayBytes } from '../../../shared/domain/message';
import type { ParseJob, ParseResult } from './parse-jobs';
import type { WorkerReply } from './parse-worker';

export interface ParseOptions {
  /** Aborting stops the job at once (its worker is terminated). */
  signal?: AbortSignal;
  /** Lower limits for tests; never higher than the named ones. */
  timeLimitMs?: number;
  memoryLimitBytes?: number;
}

/** The built worker, next to the bundle that runs this code (dist/node, dist/electron). */
const BUILT = 'import-worker.mjs';
const IDLE_MS = 15_000;
const WATCH_MS = 25;

let workerFile: Promise<URL> | undefined;

/**
 * Where the worker's code is: the built bundle beside this one, or, when this module runs from its
 * TypeScript source (vitest), the same bundle made once per process with esbuild (a devDependency)
 * into node_modules/.cache, where its imports of packages resolve.
 */
function locateWorker(): Promise<URL> {
  workerFile ??= (async () => {
    const built = new URL(`./${BUILT}`, import.meta.url);
    if (fs.existsSync(fileURLToPath(built))) return built;
    const entry = fileURLToPath(new URL('./parse-worker.ts', import.meta.url));
    if (!fs.existsSync(entry)) throw new Error(`The import worker (${BUILT}) is missing: run "npm run build".`);
    const root = path.resolve(path.dirname(entry), '../../..');
    const esbuild = await import('esbuild');
    const { createHash } = await import('node:crypto');
    const result = await esbuild.build({
      entryPoints: { 'import-worker': entry },
      bundle: true,
      splitting: true,
      platform: 'node',
      target: 'node22',
      format: 'esm',
      packages: 'external',
      outdir: 'out',
      outExtension: { '.js': '.mjs' },
      chunkNames: 'chunks/[name]-[hash]',
      write: false,
      logLevel: 'warning',
      absWorkingDir: root,
    });
    // One folder per build, named by its content: processes running the same code share it.
    const hash = createHash('sha256');
    for (const f of result.outputFiles) hash.update(f.path).update(f.contents);
    const dir = path.join(root, 'node_modules', '.cache', 'groundwork', `import-worker-${hash.digest('hex').slice(0, 16)}`);
    const file = path.join(dir, 'import-worker.mjs');
    if (!fs.existsSync(file)) {
      const temp = `${dir}.${process.pid}.tmp`;
      for (const f of result.outputFiles) {
        const target = path.join(temp, path.relative(path.join(root, 'out'), f.path));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, f.contents);
      }
      try {
        fs.renameSync(temp, dir);
      } catch {
        // Another process wrote the same folder first.
        fs.rmSync(temp, { recursive: true, force: true });
      }
    }
    return pathToFileURL(file);
  })();
  return workerFile;
}

interface Pending {
  job: ParseJob;
  options: ParseOptions;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

const queue: Pending[] = [];
let worker: Worker | undefined;
let busy = false;
let idleTimer: NodeJS.Timeout | undefined;
let nextId = 1;

const cancelled = (name: string) => badFile(name, say('not imported, the import was cancelled.'));

function stopWorker(): void {
  const w = worker;
  worker = undefined;
  if (w) void w.terminate();
}

let starting: Promise<Worker> | undefined;
/** Keep a fresh worker waiting (a host that imports often): the first import skips its start-up. */
let keepWarm = false;

function getWorker(): Promise<Worker> {
  if (worker) return Promise.resolve(worker);
  starting ??= startWorker().finally(() => {
    starting = undefined;
  });
  return starting;
}

async function startWorker(): Promise<Worker> {
  const file = await locateWorker();
  worker = new Worker(file, {
    resourceLimits: { maxOldGenerationSizeMb: Math.round(IMPORT_MEMORY_LIMIT_BYTES / 1024 / 1024), maxYoungGenerationSizeMb: 64 },
    stdout: false,
    stderr: false,
  });
  const w = worker;
  // Between jobs nobody listens: a worker that fails then is simply replaced by the next job.
  w.on('error', () => undefined);
  w.once('exit', () => {
    if (worker === w) worker = undefined;
  });
  return w;
}

function runNext(): void {
  if (busy) return;
  const pending = queue.shift();
  if (!pending) {
    clearTimeout(idleTimer);
    // A worker that has read files holds their libraries: after a while it is replaced.
    idleTimer = setTimeout(() => {
      stopWorker();
      if (keepWarm) warmImportWorker();
    }, IDLE_MS);
    idleTimer.unref();
    worker?.unref();
    return;
  }
  clearTimeout(idleTimer);
  busy = true;
  void runOne(pending).finally(() => {
    busy = false;
    runNext();
  });
}

async function runOne({ job, options, resolve, reject }: Pending): Promise<void> {
  const name = job.name;
  if (options.signal?.aborted) return reject(cancelled(name));
  let w: Worker;
  try {
    w = await getWorker();
  } catch (error) {
    return reject(error as Error);
  }
  w.ref();
  const id = nextId++;
  const timeLimit = Math.min(options.timeLimitMs ?? IMPORT_TIME_LIMIT_MS, IMPORT_TIME_LIMIT_MS);
  const memoryLimit = Math.min(options.memoryLimitBytes ?? IMPORT_MEMORY_LIMIT_BYTES, IMPORT_MEMORY_LIMIT_BYTES);
  const baseline = process.memoryUsage.rss();
  await new Promise<void>((done) => {
    let settled = false;
    const finish = (outcome: () => void, kill: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(watch);
      options.signal?.removeEventListener('abort', onAbort);
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
      if (kill && worker === w) stopWorker();
      outcome();
      done();
    };
    const onMessage = (reply: WorkerReply) => {
      if (reply.id !== id) return;
      finish(() => {
        if (reply.ok) resolve(reply.value);
        else reject(reply.error.code ? GroundworkError.received(reply.error.code as ErrorCode, reply.error.said ?? reply.error.message) : new Error(reply.error.message));
      }, false);
    };
    const tooMuchMemory = () =>
      badFile(name, say('reading the file needed more than {size} of memory (IMPORT_MEMORY_LIMIT): stopped, not imported.', { size: sayBytes(memoryLimit) }));
    const onError = (error: Error & { code?: string }) =>
      finish(
        () =>
          reject(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? tooMuchMemory()
              : error instanceof RangeError && /call stack/i.test(error.message)
                ? badFile(name, say('the file is nested too deeply to be read: not imported.'))
                : new Error(error.message),
          ),
        true,
      );
    const onExit = (code: number) => finish(() => reject(new Error(`the reader stopped unexpectedly (exit code ${code})`)), true);
    const onAbort = () => finish(() => reject(cancelled(name)), true);
    const timer = setTimeout(
      () =>
        finish(
          () => reject(badFile(name, say('reading the file took longer than {seconds} s (IMPORT_TIME_LIMIT): stopped, not imported.', { seconds: timeLimit / 1000 }))),
          true,
        ),
      timeLimit,
    );
    // Unpacked data (Buffers, typed arrays) lives outside the worker's heap limit: watch the process.
    const watch = setInterval(() => {
      if (process.memoryUsage.rss() - baseline > memoryLimit) finish(() => reject(tooMuchMemory()), true);
    }, WATCH_MS);
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    // Cancelled while the worker was starting: the listener above came too late to hear it.
    if (options.signal?.aborted) return onAbort();
    // A copy the worker owns: the caller's bytes stay usable, and nothing is shared with the worker.
    const bytes = new Uint8Array(job.bytes);
    try {
      w.postMessage({ id, job: { ...job, bytes } }, [bytes.buffer]);
    } catch (error) {
      finish(() => reject(error as Error), true);
    }
  });
}

/** Parses one file in the import worker; rejects with a GroundworkError naming the file and the limit it hit. */
export function parseInWorker<J extends ParseJob>(job: J, options: ParseOptions = {}): Promise<ParseResult<J>> {
  return new Promise((resolve, reject) => {
    const pending: Pending = { job, options, resolve: resolve as (value: unknown) => void, reject };
    queue.push(pending);
    options.signal?.addEventListener(
      'abort',
      () => {
        const at = queue.indexOf(pending);
        if (at >= 0) {
          queue.splice(at, 1);
          reject(cancelled(job.name));
        }
      },
      { once: true },
    );
    runNext();
  });
}

/**
 * Starts a worker now and keeps one waiting from then on, so an import never waits for a worker
 * to start (about 100 ms on a busy machine). A waiting worker has loaded no library.
 */
export function warmImportWorker(): void {
  keepWarm = true;
  if (worker || busy) return;
  getWorker().then(
    (w) => {
      if (!busy) w.unref();
    },
    () => undefined,
  );
}

/** Ends the worker now (a host shutting down; tests). */
export function stopImportWorker(): void {
  keepWarm = false;
  clearTimeout(idleTimer);
  stopWorker();
}
