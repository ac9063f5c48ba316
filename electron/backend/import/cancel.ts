// Cancelling an import batch from another call: the app sends a batch file by file under one batch
// id; a call that cancels the batch aborts the file being read (its worker is terminated at once)
// and every later call of the batch is answered "cancelled" without being read.

/** Batches seen lately: a cancelled one stays known, so the calls still on their way are refused. */
const batches = new Map<string, AbortController>();
const REMEMBERED = 100;

/** The signal of a batch, for importSources(…, { signal }); made on its first call. */
export function batchSignal(batch: string): AbortSignal {
  let controller = batches.get(batch);
  if (!controller) {
    controller = new AbortController();
    batches.set(batch, controller);
    // The oldest batches are forgotten: a batch id is used for one import and never again.
    for (const key of batches.keys()) {
      if (batches.size <= REMEMBERED) break;
      batches.delete(key);
    }
  }
  return controller.signal;
}

/** Cancels a batch: the file being read stops at once, and the batch's later files are not read. */
export function cancelBatch(batch: string): void {
  (batches.get(batch) ?? (batchSignal(batch), batches.get(batch)!)).abort();
}
