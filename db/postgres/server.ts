// One PostgreSQL database holding many projects: each project is a schema (gw_project_N) listed in
// the registry groundwork.project with its schema version. Creating a project makes its schema at
// the latest version in one transaction; opening one migrates it (older) or refuses it (newer).
// The server object owns the connection pool and the one LISTEN connection its stores share.

import crypto from 'node:crypto';
import pg from 'pg';
import { fail, GroundworkError } from '../../shared/api/errors';
import { say } from '../../shared/domain/message';
import { now } from '../handles';
import type { SqlValue } from '../sql';
import { captureTriggerSql, quoteIdent } from './capture';
import { CHANGE_CHANNEL, LOCK_CLASS, type ChangeMessage } from './channel';
import { query, TYPES } from './executor';
import { PG_LATEST_SCHEMA_VERSION, PG_MIGRATIONS, type PgMigrationContext } from './migrations';
import { postgresError } from './errors';
import { CHANGE_MARK_SQL } from './marks';
import { postgresStore, type PostgresStoreOptions } from './store';
import type { Store } from '../store';

export interface ProjectEntry {
  id: number;
  schema: string;
  name: string;
  version: number;
  createdAt: string;
}

export interface PostgresServer {
  /** The database, as shown to people (no password). */
  readonly description: string;
  readonly pool: pg.Pool;
  /**
   * Runs the changes of one project from this process one at a time, before they take a
   * connection: writers queue here rather than each holding a pooled connection while they wait
   * for the project's lock (other processes are kept in order by the lock itself).
   */
  inTurn<T>(projectId: number, task: () => Promise<T>): Promise<T>;
  listProjects(): Promise<ProjectEntry[]>;
  project(id: number): Promise<ProjectEntry>;
  /**
   * A new project (its schema at the latest version, with its project row), not opened.
   * `atVersion` stops at an older version: for tests of a migration.
   */
  createProject(name: string, options?: { atVersion?: number }): Promise<ProjectEntry>;
  /** Opens a project as a Store, migrating it first when it is older than this Groundwork. */
  openProject(id: number, options?: PostgresStoreOptions): Promise<Store>;
  /** Renames a project (the registry and its own project row). Not a step in its history. */
  renameProject(id: number, name: string): Promise<void>;
  /** Drops a project and everything in it. */
  deleteProject(id: number): Promise<void>;
  /** Hears committed changes of every project (one LISTEN connection, opened on first use). */
  listen(schema: string, listener: (message: ChangeMessage) => void, onReconnect: () => void): Promise<() => void>;
  close(): Promise<void>;
}

export interface PostgresServerOptions {
  /** A postgres:// URL or libpq-style connection string. */
  connectionString: string;
  /** Connections in the pool (default 10). */
  max?: number;
  /** How the database is named to people (default: its URL without the password). */
  description?: string;
}

/** The database without its password, for messages and Store.location. */
export function describeDatabase(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    url.password = '';
    url.search = '';
    return url.toString();
  } catch {
    // A name, not a sentence: it sits inside messages in every language.
    return 'PostgreSQL';
  }
}

const schemaOf = (id: number) => `gw_project_${id}`;

interface RegistryRow {
  id: number;
  schema_name: string;
  name: string;
  version: number;
  created_at: string;
}

const toEntry = (r: RegistryRow): ProjectEntry => ({
  id: Number(r.id),
  schema: r.schema_name,
  name: r.name,
  version: Number(r.version),
  createdAt: r.created_at,
});

/** Runs fn in one transaction on a pooled client (the registry's own work). */
async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const value = await fn(client);
    await client.query('COMMIT');
    return value;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function migrationContext(client: pg.PoolClient, schema: string): PgMigrationContext {
  return {
    schema,
    exec: async (sql) => {
      await client.query(sql);
    },
    run: async (sql, ...params: SqlValue[]) => {
      await query(client, sql, params);
    },
    all: async <T>(sql: string, ...params: SqlValue[]) => (await query(client, sql, params)).rows as T[],
    capture: async (table) => {
      await client.query(captureTriggerSql(table));
    },
  };
}

/** Applies the migrations after `from`, each in the caller's transaction, and records the version. */
async function migrate(client: pg.PoolClient, entry: { id: number; schema: string }, from: number, to = PG_LATEST_SCHEMA_VERSION): Promise<void> {
  await client.query(`SET LOCAL search_path TO ${quoteIdent(entry.schema)}`);
  const context = migrationContext(client, entry.schema);
  for (const migration of PG_MIGRATIONS) {
    if (migration.version > to) continue;
    if (migration.version <= from && !(await migration.missing?.(context))) continue;
    await migration.up(context);
    // A migration applied late (one a later version lacked) leaves the version as it was.
    await client.query('UPDATE groundwork.project SET version = greatest(version, $1) WHERE id = $2', [migration.version, entry.id]);
  }
  await keepIdsAhead(client);
}

/** Whether a project at the latest version lacks a migration numbered before it (see PgMigration.missing). */
async function lacksLateMigration(pool: pg.Pool, entry: { id: number; schema: string; version: number }): Promise<boolean> {
  const late = PG_MIGRATIONS.filter((m) => m.version <= entry.version && m.missing);
  if (late.length === 0) return false;
  return inTransaction(pool, async (client) => {
    const context = migrationContext(client, entry.schema);
    for (const migration of late) if (await migration.missing!(context)) return true;
    return false;
  });
}

/** Attaches keep_ids_ahead (migration 008) to every identity column of the schema that lacks it. */
async function keepIdsAhead(client: pg.PoolClient): Promise<void> {
  const { rows } = await client.query<{ table: string; sequence: string }>(
    `SELECT c.table_name AS table, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) AS sequence
     FROM information_schema.columns c
     WHERE c.table_schema = current_schema() AND c.column_name = 'id' AND c.is_identity = 'YES'
       AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = to_regclass(quote_ident(c.table_name)) AND t.tgname = 'keep_ids_ahead')`,
  );
  for (const { table, sequence } of rows) {
    await client.query(
      `CREATE TRIGGER keep_ids_ahead AFTER INSERT ON ${quoteIdent(table)} REFERENCING NEW TABLE AS inserted
       FOR EACH STATEMENT EXECUTE FUNCTION keep_ids_ahead('${sequence.replace(/'/g, "''")}')`,
    );
  }
}

/** Refuses a database whose text would not compare and fold as SQLite's does. */
async function checkDatabase(pool: pg.Pool, description: string): Promise<void> {
  const { rows } = await pool.query<{ encoding: string; collate: string; ctype: string }>(
    `SELECT pg_encoding_to_char(encoding) AS encoding, datcollate AS collate, datctype AS ctype FROM pg_database WHERE datname = current_database()`,
  );
  const db = rows[0]!;
  const plain = (locale: string) => locale === 'C' || locale === 'POSIX';
  if (db.encoding !== 'UTF8' || !plain(db.collate) || !plain(db.ctype)) {
    fail(
      'io',
      '{where} uses encoding {encoding} and locale {collate}/{ctype}; Groundwork needs UTF8 and the C locale, so that text sorts and folds as in a project file (create it with: {command}).',
      { where: description, encoding: db.encoding, collate: db.collate, ctype: db.ctype, command: 'createdb --encoding=UTF8 --locale=C --template=template0 NAME' },
    );
  }
}

const REGISTRY_SQL = `
  CREATE SCHEMA IF NOT EXISTS groundwork;
  CREATE TABLE IF NOT EXISTS groundwork.project (
    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    schema_name text NOT NULL UNIQUE,
    name text NOT NULL CHECK (length(trim(name)) > 0),
    version integer NOT NULL,
    created_at text NOT NULL
  );`;

export async function connectPostgres(options: PostgresServerOptions): Promise<PostgresServer> {
  const description = options.description ?? describeDatabase(options.connectionString);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    types: TYPES,
    // A call waiting this long for a free connection is refused as busy rather than hanging.
    connectionTimeoutMillis: 30_000,
  });
  // An idle client losing its connection (the server restarted) must not bring the process down.
  pool.on('error', () => undefined);
  // Nor one losing it while a call holds it (the error also reaches the call's query, which then
  // fails, and the call gives the client back broken).
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    await checkDatabase(pool, description);
    await inTransaction(pool, async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock(${LOCK_CLASS}, 0)`);
      await client.query(REGISTRY_SQL + CHANGE_MARK_SQL);
    });
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw postgresError(error, description);
  }

  let listener: pg.Client | null = null;
  let listening: Promise<pg.Client> | null = null;
  const subscribers = new Map<string, Set<{ heard: (m: ChangeMessage) => void; reconnected: () => void }>>();
  let closed = false;

  const startListening = (): Promise<pg.Client> => {
    if (listening) return listening;
    listening = (async () => {
      const client = new pg.Client({ connectionString: options.connectionString, types: TYPES });
      client.on('notification', (n) => {
        if (n.channel !== CHANGE_CHANNEL || !n.payload) return;
        let message: ChangeMessage;
        try {
          message = JSON.parse(n.payload) as ChangeMessage;
        } catch {
          return;
        }
        for (const s of subscribers.get(message.p) ?? []) s.heard(message);
      });
      client.on('error', () => {
        // The connection is gone (server restart): listen again, and tell every store it may have missed changes.
        listener = null;
        listening = null;
        client.end().catch(() => undefined);
        if (closed || subscribers.size === 0) return;
        const retry = () => {
          if (closed) return;
          startListening().then(
            () => {
              for (const set of subscribers.values()) for (const s of set) s.reconnected();
            },
            () => setTimeout(retry, 1000).unref(),
          );
        };
        setTimeout(retry, 200).unref();
      });
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
      listener = client;
      return client;
    })();
    listening.catch(() => {
      listening = null;
    });
    return listening;
  };

  const turns = new Map<number, Promise<unknown>>();

  const server: PostgresServer = {
    description,
    pool,

    inTurn(projectId, task) {
      const result = (turns.get(projectId) ?? Promise.resolve()).then(task);
      const tail = result.catch(() => undefined);
      turns.set(projectId, tail);
      void tail.then(() => {
        if (turns.get(projectId) === tail) turns.delete(projectId);
      });
      return result;
    },

    async listProjects() {
      const { rows } = await pool.query<RegistryRow>('SELECT id, schema_name, name, version, created_at FROM groundwork.project ORDER BY id');
      return rows.map(toEntry);
    },

    async project(id) {
      const { rows } = await pool.query<RegistryRow>('SELECT id, schema_name, name, version, created_at FROM groundwork.project WHERE id = $1', [id]);
      if (!rows[0]) fail('not-found', 'There is no project {id} in {where}.', { id: String(id), where: description });
      return toEntry(rows[0]);
    },

    async createProject(name, createOptions = {}) {
      const trimmed = name.trim();
      if (!trimmed) fail('invalid-input', 'A project needs a name.');
      try {
        return await inTransaction(pool, async (client) => {
          const { rows } = await client.query<{ id: number }>(`SELECT nextval(pg_get_serial_sequence('groundwork.project', 'id')) AS id`);
          const id = Number(rows[0]!.id);
          const entry = { id, schema: schemaOf(id), name: trimmed, version: 0, createdAt: now() };
          await client.query('INSERT INTO groundwork.project (id, schema_name, name, version, created_at) VALUES ($1, $2, $3, 0, $4)', [
            id,
            entry.schema,
            trimmed,
            entry.createdAt,
          ]);
          await client.query(`CREATE SCHEMA ${quoteIdent(entry.schema)}`);
          const version = createOptions.atVersion ?? PG_LATEST_SCHEMA_VERSION;
          await migrate(client, entry, 0, version);
          // Its own GUID and replica GUID (a server project is one replica of its own).
          await client.query('INSERT INTO project (id, name, created_at, uid, replica) VALUES (1, $1, $2, $3, $4)', [
            trimmed,
            entry.createdAt,
            crypto.randomUUID(),
            crypto.randomUUID(),
          ]);
          return { ...entry, version };
        });
      } catch (error) {
        throw postgresError(error, description);
      }
    },

    async openProject(id, storeOptions = {}) {
      const entry = await server.project(id);
      if (entry.version > PG_LATEST_SCHEMA_VERSION) {
        fail(
          'newer-version',
          'Project “{name}” in {where} was saved by a newer version of Groundwork (project format {version}; this version reads up to {latestVersion}). Update Groundwork to open it; nothing was changed.',
          { name: entry.name, where: description, version: entry.version, latestVersion: PG_LATEST_SCHEMA_VERSION },
        );
      }
      if (entry.version < PG_LATEST_SCHEMA_VERSION || (await lacksLateMigration(pool, entry))) {
        try {
          await inTransaction(pool, async (client) => {
            await client.query(`SELECT pg_advisory_xact_lock(${LOCK_CLASS}, $1)`, [id]);
            // Another process may have migrated it while this one waited.
            const { rows } = await client.query<{ version: number }>('SELECT version FROM groundwork.project WHERE id = $1 FOR UPDATE', [id]);
            const version = Number(rows[0]!.version);
            // (migrate applies only what is still to do: nothing if that process did it all.)
            await migrate(client, entry, version);
          });
        } catch (error) {
          throw postgresError(error, description);
        }
        entry.version = PG_LATEST_SCHEMA_VERSION;
      }
      return postgresStore(server, entry, storeOptions);
    },

    async renameProject(id, name) {
      const entry = await server.project(id);
      const trimmed = name.trim();
      if (!trimmed) fail('invalid-input', 'A project needs a name.');
      try {
        await inTransaction(pool, async (client) => {
          await client.query(`SELECT pg_advisory_xact_lock(${LOCK_CLASS}, $1)`, [id]);
          await client.query('UPDATE groundwork.project SET name = $1 WHERE id = $2', [trimmed, id]);
          await client.query(`UPDATE ${quoteIdent(entry.schema)}.project SET name = $1 WHERE id = 1`, [trimmed]);
        });
      } catch (error) {
        throw postgresError(error, description);
      }
    },

    async deleteProject(id) {
      const entry = await server.project(id);
      try {
        await inTransaction(pool, async (client) => {
          await client.query(`SELECT pg_advisory_xact_lock(${LOCK_CLASS}, $1)`, [id]);
          await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(entry.schema)} CASCADE`);
          await client.query('DELETE FROM groundwork.project WHERE id = $1', [id]);
        });
      } catch (error) {
        throw postgresError(error, description);
      }
    },

    async listen(schema, heard, reconnected) {
      const subscriber = { heard, reconnected };
      let set = subscribers.get(schema);
      if (!set) subscribers.set(schema, (set = new Set()));
      set.add(subscriber);
      try {
        await startListening();
      } catch (error) {
        set.delete(subscriber);
        throw postgresError(error, description);
      }
      return () => {
        set.delete(subscriber);
        if (set.size === 0) subscribers.delete(schema);
      };
    },

    async close() {
      closed = true;
      subscribers.clear();
      const client = listener ?? (listening ? await listening.catch(() => null) : null);
      listener = null;
      listening = null;
      await client?.end().catch(() => undefined);
      await pool.end();
    },
  };
  return server;
}
