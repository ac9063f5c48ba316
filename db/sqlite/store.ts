// The embedded engine: one project file, one better-sqlite3 connection, behind the Store
// interface. Calls are serialised through a gate (one transaction at a time on the connection;
// a read nested in a write runs inside it); writes start as IMMEDIATE transactions, so a second
// process waits for the lock (busy timeout) rather than failing. Commits by other processes are
// noticed through PRAGMA data_version and heard as external changes.

import { AsyncLocalStorage } from 'node:async_hooks';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { fail, GroundworkError } from '../../shared/api/errors';
import { say } from '../../shared/domain/message';
import type { ProjectInfo } from '../../shared/domain/model';
import { readOnlyMessage, type ReadOnlyReason } from '../../shared/domain/project-file';
import {
  type CaptureHooks,
  compactionDue,
  discardOldSteps,
  endSession,
  history,
  purgeDiscarded,
  runLogged,
  SESSION_LIVE_MS,
  step,
  touchSession,
} from '../command-log';
import { getHistoryLimits } from '../history-limits';
import type { ReadableDB, WritableDB } from '../handles';
import type { CompactOptions, CompactReport, Store, StoreChange } from '../store';
import { ALL_TOUCHED } from '../store';
import { sqliteCaptureHooks } from './capture';
import { sqliteExecutor } from './executor';
import {
  sqliteIndexQueued,
  sqliteReconcileSearchIndex,
  sqliteRestartStaleSearchIndex,
  sqliteSearchIndexState,
  sqliteSearchSourcesChanged,
} from './search-index';

export const PROJECT_EXTENSION = '.groundwork';

/** A promise chain that runs one task at a time. */
function createGate() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const result = tail.then(task);
    tail = result.catch(() => undefined);
    return result;
  };
}

/** SQLite's own errors as messages a researcher can act on. */
export function storeError(error: unknown, file: string, readOnlyReason: ReadOnlyReason = 'not-writable'): unknown {
  if (error instanceof GroundworkError) return error;
  const code = (error as { code?: string }).code ?? '';
  const name = path.basename(file);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new GroundworkError('busy', say('{file} is busy in another window or program; try again in a moment.', { file: name }));
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new GroundworkError('read-only', readOnlyMessage(name, readOnlyReason));
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return new GroundworkError('damaged', say('{a} is damaged (its pages do not read as a sound database); restore one of its backups from the start screen.', { a: name }));
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new GroundworkError('conflict', say("The change was refused because it would break the project's rules ({reason}); nothing was changed.", { reason: (error as Error).message }));
  }
  if (code === 'SQLITE_FULL') return new GroundworkError('io', say('The disk holding {file} is full; nothing was changed.', { file: name }));
  if (code.startsWith('SQLITE_IOERR')) return new GroundworkError('io', say('{file} could not be read or written ({code}); nothing was changed.', { file: name, code }));
  return error;
}

export interface SqliteStoreOptions {
  /** Every change is refused (store.scratch still answers "as if": it always rolls back). */
  readOnly?: boolean;
  readOnlyReason?: ReadOnlyReason;
  /** Notice commits by other processes (the app does; a one-shot command line does not need to). */
  watch?: boolean;
  actor?: string | null;
  /**
   * Upkeep while the project is idle: queued sources indexed for search, and history beyond the
   * project's limits compacted, a small transaction at a time (default: as `watch`, so the app
   * does it and a one-shot command does not).
   */
  maintain?: boolean;
}

const WATCH_MS = 300;
/** How long a change waits for another process's change to finish before giving up. */
const LOCK_WAIT_MS = 15_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Upkeep waits until no call has come for this long, and then does one small transaction at a time. */
const IDLE_MS = 1000;
/** Text indexed per upkeep transaction (a few tens of milliseconds of work). */
const INDEX_BATCH_CHARS = 250_000;
/** Undo-log rows deleted per compaction transaction. */
const PURGE_BATCH = 5_000;
/** Compaction is looked at after opening and again after this many changes. */
const COMPACT_EVERY = 200;

/**
 * SQLite only: deletes kept texts that no source and no step that could bring a source back
 * still names (the undo images hold a document's sha256; json_extract reads it).
 */
async function sqliteForgetUnusedTexts(db: WritableDB): Promise<number> {
  // Texts of deleted sources are few; the log is read only when there are some.
  if (!(await db.get('SELECT 1 AS one FROM source_text WHERE sha256 NOT IN (SELECT sha256 FROM document) LIMIT 1'))) return 0;
  return (
    await db.run(
      // (An inserted row's image holds its key alone until undone: no sha256, so NULL, left out.)
      `DELETE FROM source_text WHERE sha256 NOT IN (SELECT sha256 FROM document)
         AND sha256 NOT IN (SELECT json_extract(old_row, '$.sha256') FROM command_change
                            WHERE table_name = 'document' AND json_extract(old_row, '$.sha256') IS NOT NULL)
         AND sha256 NOT IN (SELECT json_extract(new_row, '$.sha256') FROM command_change
                            WHERE table_name = 'document' AND json_extract(new_row, '$.sha256') IS NOT NULL)`,
    )
  ).changes;
}

/**
 * BEGIN IMMEDIATE, waiting for another process's write lock without blocking this thread: each
 * try waits at most the connection's short busy timeout, then the event loop runs before the next.
 */
async function beginImmediate(raw: Database.Database, file: string): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let attempt = 0; ; attempt += 1) {
    try {
      raw.exec('BEGIN IMMEDIATE');
      return;
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (!code.startsWith('SQLITE_BUSY') || Date.now() > deadline) throw storeError(error, file);
      await pause(Math.min(5 * 2 ** attempt, 100));
    }
  }
}

export function sqliteStore(raw: Database.Database, file: string, options: SqliteStoreOptions = {}): Store {
  const executor = sqliteExecutor(raw);
  const reader = executor as unknown as ReadableDB;
  const writer = executor as unknown as WritableDB;
  // The search index is kept in step inside every change: a source it inserts is queued for
  // indexing right after, a source it deletes leaves the index at once.
  let indexWaiting = false;
  const hooks: CaptureHooks = {
    ...sqliteCaptureHooks(raw),
    sourceRowsChanged: async (db, ids) => {
      if (await sqliteSearchSourcesChanged(db, ids)) indexWaiting = true;
    },
  };
  const gate = createGate();
  const inside = new AsyncLocalStorage<{ writable: boolean }>();
  const listeners = new Set<(change: StoreChange) => void>();
  const readOnly = options.readOnly ?? false;
  const readOnlyReason = options.readOnlyReason ?? 'chosen';
  let dataVersion = raw.pragma('data_version', { simple: true }) as number;

  const notify = (change: StoreChange) => {
    for (const listener of listeners) listener(change);
  };

  let lastCall = Date.now();

  /** Runs fn in a transaction (or inside the one already open for this call). Upkeep passes `upkeep`: it is not a call. */
  async function transact<T>(mode: 'read' | 'write', fn: () => Promise<T>, rollback = false, upkeep = false): Promise<T> {
    if (!upkeep) lastCall = Date.now();
    const current = inside.getStore();
    if (current) {
      if (mode === 'write') throw new Error('A change cannot start inside another read or change of the same project.');
      return fn();
    }
    if (mode === 'write' && readOnly && !rollback) {
      throw new GroundworkError('read-only', readOnlyMessage(path.basename(file), readOnlyReason));
    }
    return gate(async () => {
      if (!raw.open) throw new GroundworkError('no-project', say('The project was closed.'));
      if (mode === 'write') await beginImmediate(raw, file);
      else {
        try {
          raw.exec('BEGIN');
        } catch (error) {
          throw storeError(error, file);
        }
      }
      try {
        const value = await inside.run({ writable: mode === 'write' }, fn);
        raw.exec(rollback ? 'ROLLBACK' : 'COMMIT');
        // Our own commit moves data_version for other connections, not for this one.
        return value;
      } catch (error) {
        if (raw.inTransaction) raw.exec('ROLLBACK');
        throw storeError(error, file);
      }
    });
  }

  const session = crypto.randomUUID();
  const actor = options.actor ?? null;
  let lastSeen = 0;
  /** Tells other windows this session is open, so they leave its steps alone. */
  const heartbeat = async () => {
    if (readOnly || Date.now() - lastSeen < SESSION_LIVE_MS / 4) return;
    lastSeen = Date.now();
    try {
      await transact('write', () => touchSession(writer, session, actor));
    } catch {
      // Busy in another process: the next beat tries again.
    }
  };

  // Upkeep when idle: index queued sources, then compact history beyond the project's limits.
  const maintain = !readOnly && (options.maintain ?? options.watch ?? false);
  let upkeepTimer: NodeJS.Timeout | null = null;
  let compactionWanted = true;
  let changesSinceCompaction = 0;
  let closing = false;
  const scheduleUpkeep = (delay = IDLE_MS) => {
    if (!maintain || closing || upkeepTimer) return;
    upkeepTimer = setTimeout(() => {
      upkeepTimer = null;
      void upkeep();
    }, delay);
    upkeepTimer.unref();
  };
  const afterChange = () => {
    changesSinceCompaction += 1;
    if (changesSinceCompaction >= COMPACT_EVERY) compactionWanted = true;
    if (indexWaiting || compactionWanted) scheduleUpkeep();
    indexWaiting = false;
  };
  /** One small transaction of upkeep; true if more remains. */
  async function upkeepStep(): Promise<boolean> {
    const index = await transact('read', () => sqliteSearchIndexState(reader), false, true);
    if (!index.current) {
      await transact('write', () => sqliteRestartStaleSearchIndex(writer), false, true);
      return true;
    }
    if (index.queued > 0) {
      await transact('write', () => sqliteIndexQueued(writer, INDEX_BATCH_CHARS), false, true);
      return true;
    }
    if (!compactionWanted) return false;
    const limits = await transact('read', () => getHistoryLimits(reader), false, true);
    if (!(await transact('read', () => compactionDue(reader, limits), false, true))) {
      compactionWanted = false;
      changesSinceCompaction = 0;
      return false;
    }
    await transact('write', () => discardOldSteps(writer, limits), false, true);
    if (await transact('write', () => purgeDiscarded(writer, PURGE_BATCH), false, true)) return true;
    await transact('write', () => sqliteForgetUnusedTexts(writer), false, true);
    compactionWanted = false;
    changesSinceCompaction = 0;
    return false;
  }
  async function upkeep(): Promise<void> {
    if (!raw.open || closing) return;
    const quiet = Date.now() - lastCall;
    if (quiet < IDLE_MS) return scheduleUpkeep(IDLE_MS - quiet + 5);
    try {
      if (await upkeepStep()) scheduleUpkeep(5);
    } catch {
      // Busy in another process, or closed meanwhile: try again later.
      scheduleUpkeep(IDLE_MS * 8);
    }
  }
  scheduleUpkeep(IDLE_MS * 2);

  let watcher: NodeJS.Timeout | null = null;
  if (options.watch) {
    watcher = setInterval(() => {
      if (!raw.open || inside.getStore()) return;
      void heartbeat();
      void gate(async () => {
        if (!raw.open) return;
        const version = raw.pragma('data_version', { simple: true }) as number;
        if (version !== dataVersion) {
          dataVersion = version;
          notify({ touched: ALL_TOUCHED, external: true });
        }
      }).catch(() => undefined);
    }, WATCH_MS);
    watcher.unref();
  }
  void heartbeat();

  const store: Store = {
    engine: 'sqlite',
    location: file,
    readOnly,
    session,
    actor,

    info: () =>
      transact('read', async (): Promise<ProjectInfo> => {
        const row = await reader.get<{ name: string; created_at: string }>('SELECT name, created_at FROM project WHERE id = 1');
        return {
          path: file,
          name: row?.name ?? path.basename(file, PROJECT_EXTENSION),
          createdAt: row?.created_at ?? '',
          schemaVersion: raw.pragma('user_version', { simple: true }) as number,
          ...(readOnly ? { readOnly: readOnlyReason } : {}),
        };
      }),

    read: (fn) => transact('read', () => fn(reader)),

    async write(spec, fn) {
      const logged = await transact('write', () =>
        runLogged(writer, hooks, spec, { session: store.session, actor: store.actor }, fn),
      );
      if (logged.commandId !== null) notify({ touched: logged.touched, external: false });
      afterChange();
      return logged.value;
    },

    async writeUnlogged(fn) {
      const value = await transact('write', async () => {
        const result = await fn(writer);
        // Not captured, so the hook did not run: the index is brought in step by id.
        if (await sqliteReconcileSearchIndex(writer)) indexWaiting = true;
        return result;
      });
      afterChange();
      return value;
    },

    scratch: (fn) => transact('write', () => fn(writer), true),

    async undo(scope) {
      const stepped = await transact('write', () => step(writer, hooks, 'undo', scope ?? { session: store.session, actor: store.actor }));
      if (stepped) notify({ touched: stepped.touched, external: false });
      afterChange();
      return stepped?.entry ?? null;
    },

    async redo(scope) {
      const stepped = await transact('write', () => step(writer, hooks, 'redo', scope ?? { session: store.session, actor: store.actor }));
      if (stepped) notify({ touched: stepped.touched, external: false });
      afterChange();
      return stepped?.entry ?? null;
    },

    history: (limit = 100, scope) => transact('read', () => history(reader, limit, scope ?? { session: store.session, actor: store.actor })),

    async compact(options: CompactOptions): Promise<CompactReport> {
      const size = () => {
        try {
          return fs.statSync(file).size + (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
        } catch {
          return null;
        }
      };
      const bytesBefore = size();
      const removedSteps = await transact('write', () => discardOldSteps(writer, options));
      // The log rows go a batch at a time, so other calls are answered in between.
      while (await transact('write', () => purgeDiscarded(writer, PURGE_BATCH))) await pause(0);
      const removedTexts = await transact('write', () => sqliteForgetUnusedTexts(writer));
      await gate(async () => {
        if (options.vacuum) raw.exec('VACUUM');
        raw.pragma('wal_checkpoint(TRUNCATE)');
      });
      return { removedSteps, removedTexts, bytesBefore, bytesAfter: size() };
    },

    async backup(target) {
      const destination = path.resolve(target);
      if (destination === path.resolve(file)) fail('conflict', 'A copy cannot be saved over the project itself ({a}).', { a: destination });
      if (fs.existsSync(destination)) fail('conflict', 'There is already a file at {path}; nothing was written.', { path: destination });
      // SQLite's online backup: a consistent copy of the committed project (its log included),
      // made between calls, written beside the target and moved into place whole.
      const partial = `${destination}.partial-${process.pid}`;
      try {
        await gate(async () => {
          if (!raw.open) throw new GroundworkError('no-project', say('The project was closed.'));
          await raw.backup(partial);
        });
        fs.renameSync(partial, destination);
      } catch (error) {
        for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
        if (error instanceof GroundworkError) throw error;
        fail('io', 'Could not write a copy to {path}: {reason}', { path: destination, reason: (error as Error).message });
      }
    },

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async close() {
      closing = true;
      if (upkeepTimer) clearTimeout(upkeepTimer);
      upkeepTimer = null;
      if (watcher) clearInterval(watcher);
      watcher = null;
      if (!readOnly && raw.open) {
        try {
          await transact('write', () => endSession(writer, session));
        } catch {
          // The session's row goes stale by itself.
        }
      }
      await gate(async () => {
        if (!raw.open) return;
        if (!readOnly) {
          try {
            raw.pragma('wal_checkpoint(TRUNCATE)');
          } catch {
            // Another process holds the file: its own close checkpoints it.
          }
        }
        raw.close();
      });
    },
  };
  return store;
}
