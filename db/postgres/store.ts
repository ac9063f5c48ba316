// The server engine: one project schema of a PostgreSQL database behind the Store interface. Reads
// run in a READ ONLY, REPEATABLE READ snapshot; every change takes the project's advisory lock
// first, so the changes of all connections and processes to one project are serialised and the
// command log's order (and undo's "a later step changed the same rows" check) stays exact. A read
// nested in a change runs on the change's connection. Commits are announced with NOTIFY, naming
// what they touched, to every store watching the project in any process.

import { AsyncLocalStorage } from 'node:async_hooks';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { fail, GroundworkError } from '../../shared/api/errors';
import { say, type Message } from '../../shared/domain/message';
import type { ProjectInfo } from '../../shared/domain/model';
import type { ReadOnlyReason } from '../../shared/domain/project-file';
import { endSession, history, readLabel, runLogged, SESSION_LIVE_MS, step, storedLabel, touchSession } from '../command-log';
import type { ReadableDB, WritableDB } from '../handles';
import type { CompactOptions, CompactReport, Store, StoreChange, Touched, UndoScope } from '../store';
import { ALL_TOUCHED } from '../store';
import { createProjectFile } from '../sqlite/open';
import { copyProject } from '../transfer';
import { postgresCaptureHooks, quoteIdent } from './capture';
import { isConnectionLost, postgresError, uncertainCommit } from './errors';
import { postgresExecutor } from './executor';
import { CHANGE_CHANNEL, LOCK_CLASS, type ChangeMessage } from './channel';
import type { PostgresServer, ProjectEntry } from './server';
import { checkConflicts, latestMark, recordMark, type ConflictGuard } from './marks';

export interface PostgresStoreOptions {
  readOnly?: boolean;
  /** Hear changes other connections and processes commit to the project (LISTEN/NOTIFY). */
  watch?: boolean;
  /** The author of new steps (on a server: the user); undo without a live session falls back to it. */
  actor?: string | null;
  /** Why it is read-only, as info() tells the interface (a server's viewer); default 'chosen'. */
  readOnlyReason?: ReadOnlyReason;
  /** Checks each write against the changes its client has not seen (db/postgres/marks.ts). */
  conflicts?: ConflictGuard;
}

/** How long a change waits for another change of the same project before it is refused as busy. */
const LOCK_WAIT = '15s';
/** NOTIFY payloads are limited to 8000 bytes: a longer list of sources is sent as "any". */
const MAX_PAYLOAD = 7000;
/** A stored label longer than this is announced as its English, cut (a notification holds 8000 bytes). */
const MAX_LABEL = 1000;

/** A change's label as a StoreChange carries it: its English, and its structured form when it has one. */
const labelled = (stored: string | undefined): { label?: string; said?: Message } => {
  if (stored === undefined) return {};
  const { label, said } = readLabel(stored);
  return said ? { label, said } : { label };
};

export async function postgresStore(server: PostgresServer, entry: ProjectEntry, options: PostgresStoreOptions = {}): Promise<Store> {
  const { pool, description } = server;
  const schema = entry.schema;
  const location = `${description}#${schema}`;
  const inside = new AsyncLocalStorage<{ client: pg.PoolClient; writable: boolean }>();
  const executor = postgresExecutor(() => {
    const current = inside.getStore();
    if (!current) throw new Error('A query ran outside a transaction of the store.');
    return current.client;
  });
  const reader = executor as unknown as ReadableDB;
  const writer = executor as unknown as WritableDB;
  const hooks = postgresCaptureHooks();
  const listeners = new Set<(change: StoreChange) => void>();
  const readOnly = options.readOnly ?? false;
  const session = crypto.randomUUID();
  let closed = false;

  const notify = (change: StoreChange) => {
    for (const listener of listeners) listener(change);
  };

  const begin = (mode: 'read' | 'write') =>
    mode === 'read'
      ? `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL search_path TO ${quoteIdent(schema)}`
      : `BEGIN; SET LOCAL search_path TO ${quoteIdent(schema)}; SET LOCAL lock_timeout = '${LOCK_WAIT}'; ` +
        `SELECT pg_advisory_xact_lock(${LOCK_CLASS}, ${Number(entry.id)})`;

  /** Runs fn in a transaction (or inside the one already open for this call). */
  async function transact<T>(mode: 'read' | 'write' | 'session', fn: () => Promise<T>, rollback = false): Promise<T> {
    const current = inside.getStore();
    if (current) {
      if (mode === 'write') throw new Error('A change cannot start inside another read or change of the same project.');
      return fn();
    }
    if (closed) throw new GroundworkError('no-project', say('The project was closed.'));
    // A scratch transaction is always rolled back: "as if" answers work read-only too.
    if (mode === 'write' && readOnly && !rollback) {
      throw new GroundworkError('read-only', say('{file} is open read-only: changes cannot be saved.', { file: entry.name }));
    }
    const run = async () => {
      let client: pg.PoolClient | undefined;
      // A pooled connection the server has ended since it was last used fails its first statement:
      // nothing has run yet, so the call takes another (once).
      for (let attempt = 0; !client; attempt += 1) {
        let candidate: pg.PoolClient;
        try {
          candidate = await pool.connect();
        } catch (error) {
          throw postgresError(error, description);
        }
        try {
          // A session's heartbeat writes only its own row: it need not wait for the project's changes.
          await candidate.query(mode === 'session' ? `BEGIN; SET LOCAL search_path TO ${quoteIdent(schema)}` : begin(mode));
          client = candidate;
        } catch (error) {
          candidate.release(error as Error);
          if (attempt > 0 || !isConnectionLost(error)) throw postgresError(error, description);
        }
      }
      let broken: Error | undefined;
      let committing = false;
      try {
        const value = await inside.run({ client, writable: mode !== 'read' }, fn);
        committing = !rollback && mode === 'write';
        await client.query(rollback ? 'ROLLBACK' : 'COMMIT');
        return value;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          broken = rollbackError as Error;
        }
        // The connection broke after COMMIT was sent: the server may have committed or not, and
        // saying "nothing was changed" could be untrue.
        if (committing && isConnectionLost(error)) throw new GroundworkError('io', uncertainCommit(description));
        throw postgresError(error, description);
      } finally {
        client.release(broken);
      }
    };
    return mode === 'write' ? server.inTurn(Number(entry.id), run) : run();
  }

  /** Tells every other store watching this project what a committed change touched. */
  const announce = async (touched: Touched, step: Step | null) => {
    let message: ChangeMessage = { p: schema, s: session, a: store.actor, t: touched.tables, d: touched.documents };
    // The label as stored (structured, so every page translates it) when it fits; else its English, cut.
    if (step) message = { ...message, m: step.mark, k: step.kind, l: step.label.length <= MAX_LABEL ? step.label : readLabel(step.label).label.slice(0, 300) };
    const bytes = () => Buffer.byteLength(JSON.stringify(message));
    if (bytes() > MAX_PAYLOAD) message = { ...message, d: null };
    if (bytes() > MAX_PAYLOAD) message = { ...message, t: null };
    if (bytes() > MAX_PAYLOAD) message = { ...message, a: null };
    await writer.run(`SELECT pg_notify('${CHANGE_CHANNEL}', ?)`, JSON.stringify(message));
  };

  const actor = options.actor ?? null;
  let lastSeen = 0;
  /** Tells other sessions this one is open, so they leave its steps alone. */
  const heartbeat = async () => {
    if (readOnly || closed || Date.now() - lastSeen < SESSION_LIVE_MS / 4) return;
    lastSeen = Date.now();
    try {
      await transact('session', () => touchSession(writer, session, store.actor));
    } catch {
      // The server is out of reach: the next beat tries again.
    }
  };

  let unlisten: (() => void) | null = null;
  let beat: NodeJS.Timeout | null = null;
  if (options.watch) {
    unlisten = await server.listen(
      schema,
      (message) => {
        if (message.s === session) return;
        notify({ touched: { tables: message.t, documents: message.d }, external: true, actor: message.a, mark: message.m, kind: message.k, ...labelled(message.l) });
      },
      // Changes made while the connection was down were not heard: anything may have changed.
      () => notify({ touched: ALL_TOUCHED, external: true }),
    );
    beat = setInterval(() => void heartbeat(), SESSION_LIVE_MS / 8);
    beat.unref();
  }
  await heartbeat();

  /** A committed step's mark, kind and label as stored (told to every store with the change). */
  type Step = { mark: number; kind: 'do' | 'undo' | 'redo'; label: string };
  const marked = async (db: WritableDB, commandId: number, kind: Step['kind'], label: string): Promise<Step> => ({
    mark: await recordMark(db, Number(entry.id), { commandId, session, actor: store.actor, kind }),
    kind,
    label,
  });

  const logged = async <T>(fn: (db: WritableDB) => Promise<{ value: T; touched: Touched | null; step: Step | null }>) => {
    const result = await transact('write', async () => {
      const outcome = await fn(writer);
      if (outcome.touched) await announce(outcome.touched, outcome.step);
      return outcome;
    });
    if (result.touched) notify({ touched: result.touched, external: false, mark: result.step?.mark, kind: result.step?.kind, ...labelled(result.step?.label) });
    return result.value;
  };

  const stepOnce = (direction: 'undo' | 'redo', scope: UndoScope | undefined) =>
    logged(async (db) => {
      const stepped = await step(db, hooks, direction, scope ?? { session: store.session, actor: store.actor });
      if (!stepped) return { value: null, touched: null, step: null };
      return { value: stepped.entry, touched: stepped.touched, step: await marked(db, Number(stepped.entry.id), direction, storedLabel(stepped.entry.said ?? stepped.entry.label)) };
    });

  const store: Store = {
    engine: 'postgres',
    location,
    readOnly,
    session,
    actor,

    info: () =>
      transact('read', async (): Promise<ProjectInfo> => {
        const row = await reader.get<{ name: string; created_at: string }>('SELECT name, created_at FROM project WHERE id = 1');
        const version = await reader.get<{ version: number }>('SELECT version FROM groundwork.project WHERE id = ?', entry.id);
        return {
          path: location,
          name: row?.name ?? entry.name,
          createdAt: row?.created_at ?? entry.createdAt,
          schemaVersion: Number(version?.version ?? entry.version),
          ...(readOnly ? { readOnly: options.readOnlyReason ?? 'chosen' } : {}),
        };
      }),

    read: (fn) => transact('read', () => fn(reader)),

    write: (spec, fn) =>
      logged(async (db) => {
        const result = await runLogged(db, hooks, spec, { session: store.session, actor: store.actor }, fn);
        if (result.commandId === null) return { value: result.value, touched: null, step: null };
        if (options.conflicts) await checkConflicts(db, Number(entry.id), result.commandId, { session, actor: store.actor }, options.conflicts);
        return { value: result.value, touched: result.touched, step: await marked(db, result.commandId, 'do', result.label) };
      }),

    changeMark: () => transact('read', () => latestMark(reader, Number(entry.id))),

    writeUnlogged: (fn) => transact('write', () => fn(writer)),

    scratch: (fn) => transact('write', () => fn(writer), true),

    /** A copy as a project file (a researcher's own copy, a backup), read table by table through the repositories' tables. */
    async backup(target) {
      const resolved = path.resolve(target);
      if (fs.existsSync(resolved)) fail('conflict', 'There is already a file at {path}; nothing was written.', { path: resolved });
      const partial = `${resolved}.partial`;
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
      const copy = createProjectFile(partial, (await store.info()).name);
      try {
        await copyProject(store, copy);
      } finally {
        await copy.close();
      }
      fs.renameSync(partial, resolved);
    },

    undo: (scope) => stepOnce('undo', scope),
    redo: (scope) => stepOnce('redo', scope),

    history: (limit = 100, scope) => transact('read', () => history(reader, limit, scope ?? { session: store.session, actor: store.actor })),

    async compact(options: CompactOptions): Promise<CompactReport> {
      const size = async () => {
        try {
          const { rows } = await pool.query<{ bytes: number | null }>(
            `SELECT sum(pg_total_relation_size(c.oid)) AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = $1 AND c.relkind = 'r'`,
            [schema],
          );
          return rows[0]?.bytes === null || rows[0]?.bytes === undefined ? null : Number(rows[0].bytes);
        } catch {
          return null;
        }
      };
      const bytesBefore = await size();
      const removed = await transact('write', async () => {
        const keep = await writer.get<{ id: number | null }>(
          `SELECT min(id) AS id FROM (SELECT id FROM command WHERE state = 'done' ORDER BY id DESC LIMIT ?) kept`,
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
             AND sha256 NOT IN (SELECT CAST(old_row AS jsonb) ->> 'sha256' FROM command_change
                                WHERE table_name = 'document' AND CAST(old_row AS jsonb) ->> 'sha256' IS NOT NULL)
             AND sha256 NOT IN (SELECT CAST(new_row AS jsonb) ->> 'sha256' FROM command_change
                                WHERE table_name = 'document' AND CAST(new_row AS jsonb) ->> 'sha256' IS NOT NULL)`,
        );
        return { steps: Number(steps?.n ?? 0), texts: texts.changes };
      });
      if (options.vacuum) {
        // Outside a transaction: makes the space of deleted rows reusable (VACUUM FULL would lock every user out).
        const { rows } = await pool.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = $1`, [schema]);
        for (const { name } of rows) await pool.query(`VACUUM ${quoteIdent(schema)}.${quoteIdent(name)}`).catch(() => undefined);
      }
      return { removedSteps: removed.steps, removedTexts: removed.texts, bytesBefore, bytesAfter: await size() };
    },

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async close() {
      if (closed) return;
      if (beat) clearInterval(beat);
      beat = null;
      unlisten?.();
      unlisten = null;
      if (!readOnly) {
        try {
          await transact('session', () => endSession(writer, session));
        } catch {
          // The session's row goes stale by itself.
        }
      }
      closed = true;
      listeners.clear();
    },
  };
  return store;
}
