// The import worker's entry point (built as import-worker.mjs): it answers each parse job with
// the result or the error, as plain data. Nothing here touches a project; the thread that owns the
// project stays free while a file is read, and can stop this one at any time.

import { parentPort } from 'node:worker_threads';
import { isGroundworkError } from '../../../shared/api/errors';
import type { Message } from '../../../shared/domain/message';
import { runParseJob, type ParseJob } from './parse-jobs';

export type WorkerReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { code: string | null; message: string; said?: Message } };

if (!parentPort) throw new Error('parse-worker.ts runs only as a worker thread.');
const port = parentPort;

// The plain-text reader is small and the most used: loaded at once, so a waiting worker has it ready.
void import('./source-parse');

port.on('message', async ({ id, job }: { id: number; job: ParseJob }) => {
  let reply: WorkerReply;
  try {
    reply = { id, ok: true, value: await runParseJob(job) };
  } catch (error) {
    reply = {
      id,
      ok: false,
      error: isGroundworkError(error)
        ? { code: error.code, message: error.message, ...(error.said ? { said: error.said } : {}) }
        : { code: null, message: (error as Error)?.message ?? String(error) },
    };
  }
  port.postMessage(reply);
});
