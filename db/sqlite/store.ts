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
import { endSession, history, runLogged, SESSION_LIVE_MS, step, touchSession } from '../command-log';
import type { ReadableDB, WritableDB } from '../handles';
import type { CompactOptions, CompactReport, Store, StoreChange } from '../store';
import { ALL_TOUCHED } from '../store';
import { sqliteCaptureHooks } from './capture';
import { sqliteExecutor } from './executor';

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
}

const WATCH_MS = 300;
/** How long a change waits for another process's change to finish before giving up. */
const LOCK_WAIT_MS = 15_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
  const hooks = sqliteCaptureHooks(raw);
  const gate = createGate();
  const inside = new AsyncLocalStorage<{ writable: boolean }>();
  const listeners = new Set<(change: StoreChange) => void>();
  const readOnly = options.readOnly ?? false;
  const readOnlyReason = options.readOnlyReason ?? 'chosen';
  let dataVersion = raw.pragma('data_version', { simple: true }) as number;

  const notify = (change: StoreChange) => {
    for (const listener of listeners) listener(change);
  };

  /** Runs fn in a transaction (or inside the one already open for this call). */
  async function transact<T>(mode: 'read' | 'write', fn: () => Promise<T>, rollback = false): Promise<T> {
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
      return logged.value;
    },

    async writeUnlogged(fn) {
      return transact('write', () => fn(writer));
    },

    scratch: (fn) => transact('write', () => fn(writer), true),

    async undo(scope) {
      const stepped = await transact('write', () => step(writer, hooks, 'undo', scope ?? { session: store.session, actor: store.actor }));
      if (stepped) notify({ touched: stepped.touched, external: false });
      return stepped?.entry ?? null;
    },

    async redo(scope) {
      const stepped = await transact('write', () => step(writer, hooks, 'redo', scope ?? { session: store.session, actor: store.actor }));
      if (stepped) notify({ touched: stepped.touched, external: false });
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
      const removed = await transact('write', async () => {
        const keep = await writer.get<{ id: number | null }>(
          `SELECT min(id) AS id FROM (SELECT id FROM command WHERE state = 'done' ORDER BY id DESC LIMIT ?)`,
          options.keepSteps,
        );
        const keepFrom = keep?.id ?? Number.MAX_SAFE_INTEGER;
        const cutoff = new Date(Date.now() - options.keepDays * 86_400_000).toISOString();
        const old = `SELECT id FROM command WHERE state = 'discarded' OR (state = 'done' AND id < ? AND created_at < ?)`;
        const steps = await writer.get<{ n: number }>(`SELECT count(*) AS n FROM command WHERE state = 'done' AND id < ? AND created_at < ?`, keepFrom, cutoff);
        await writer.run(`DELETE FROM command_change WHERE command_id IN (${old})`, keepFrom, cutoff);
        await writer.run(`DELETE FROM command WHERE id IN (${old})`, keepFrom, cutoff);
        // A text stays while a source or a step that can still bring a source back names it.
        const texts = await writer.run(
          `DELETE FROM source_text WHERE sha256 NOT IN (SELECT sha256 FROM document)
             AND sha256 NOT IN (SELECT json_extract(old_row, '$.sha256') FROM command_change WHERE table_name = 'document' AND old_row IS NOT NULL)
             AND sha256 NOT IN (SELECT json_extract(new_row, '$.sha256') FROM command_change WHERE table_name = 'document' AND new_row IS NOT NULL)`,
        );
        return { steps: Number(steps?.n ?? 0), texts: texts.changes };
      });
      await gate(async () => {
        if (options.vacuum) raw.exec('VACUUM');
        raw.pragma('wal_checkpoint(TRUNCATE)');
      });
      return { removedSteps: removed.steps, removedTexts: removed.texts, bytesBefore, bytesAfter: size() };
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
