// Every SQLite table has its PostgreSQL twin: after all migrations of both engines, a new project
// has the same tables with the same columns (kind of value, NOT NULL), primary keys, engine-given
// ids, unique rules and references on both, and the same tables are captured for undo. A SQLite
// migration without its PostgreSQL twin fails here, naming what is missing.

import { afterEach, expect, it } from 'vitest';
import { CAPTURED_TABLES } from '../../../db/capture-tables';
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations';
import { PG_LATEST_SCHEMA_VERSION } from '../../../db/postgres/migrations';
import { projectTables, type TableInfo } from '../../../db/schema-info';
import { testProjects } from '../../helpers/engine';

const sqlite = testProjects('sqlite');
const postgres = testProjects('postgres');
afterEach(async () => {
  await sqlite.cleanup();
  await postgres.cleanup();
});

const HOW = 'add its twin in db/postgres/migrations (README: "Adding a migration"), or list it in ENGINE_ONLY_TABLES (db/schema-info.ts) if it is derived data only one engine keeps';

const shape = (t: TableInfo) => ({
  columns: Object.fromEntries(t.columns.map((c) => [c.name, `${c.type}${c.notNull ? ' not null' : ''}`])),
  key: t.key,
  identity: t.identity,
  unique: t.unique.map((u) => u.join(', ')).sort(),
  references: t.references.map((r) => `${r.columns.join(', ')} → ${r.table} (${r.to.join(', ')}) on delete ${r.onDelete}`).sort(),
});

it('the PostgreSQL migrations reach the same version as the SQLite ones', () => {
  expect(PG_LATEST_SCHEMA_VERSION, `SQLite is at version ${LATEST_SCHEMA_VERSION}: ${HOW}`).toBe(LATEST_SCHEMA_VERSION);
});

it('every table has the same columns, keys, unique rules and references on both engines', async () => {
  const a = await (await sqlite.create()).store.read(projectTables);
  const b = await (await postgres.create()).store.read(projectTables);
  const names = (tables: TableInfo[]) => tables.map((t) => t.name);
  expect(names(a).filter((n) => !names(b).includes(n)), `SQLite tables without a PostgreSQL twin: ${HOW}`).toEqual([]);
  expect(names(b).filter((n) => !names(a).includes(n)), 'PostgreSQL tables SQLite does not have').toEqual([]);
  for (const table of a) {
    const twin = b.find((t) => t.name === table.name)!;
    expect(shape(twin), `the PostgreSQL twin of ${table.name}`).toEqual(shape(table));
  }
});

it('the captured tables are keyed as the command log says and carry capture triggers on PostgreSQL', async () => {
  const { store } = await postgres.create();
  const tables = await store.read(projectTables);
  const triggered = await store.read((db) =>
    db.all<{ table: string }>(
      `SELECT DISTINCT CAST(c.relname AS text) AS table FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND g.tgname IN ('capture', 'capture_update')`,
    ),
  );
  expect(triggered.map((r) => r.table).sort()).toEqual(Object.keys(CAPTURED_TABLES).sort());
  for (const [table, key] of Object.entries(CAPTURED_TABLES)) {
    expect(tables.find((t) => t.name === table)?.key, table).toEqual(key);
  }
});
