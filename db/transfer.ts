// Copying a whole project from one store to another, whatever their engines (a project file
// published to a server, a server project exported to a file): every row of every project table,
// with the same ids, the command log with it (so history and undo carry over), and the id counters,
// so an id once given is never given again. One snapshot of the source, one transaction on the
// target: the target ends up an exact copy, or as it was. Live sessions and each engine's own
// derived tables (search indexes) are not copied; the target rebuilds its index when searched.

import { fail, GroundworkError } from '../shared/api/errors';
import { english, say, type Message } from '../shared/domain/message';
import type { ReadableDB, WritableDB } from './handles';
import { postgresDeferReferences, postgresIdHighWater, postgresSetIdHighWater } from './postgres/schema-info';
import { projectTables, SESSION_TABLES, type TableInfo } from './schema-info';
import type { SqlValue } from './sql';
import { sqliteDeferReferences, sqliteIdHighWater, sqliteSetIdHighWater } from './sqlite/schema-info';
import type { Store } from './store';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Rows read per page; the rows of one INSERT stay under both engines' parameter limits. */
const PAGE = 2000;
const MAX_PARAMS = 30_000;

export interface CopyReport {
  tables: number;
  rows: number;
}

const idHighWater = (db: ReadableDB, tables: readonly TableInfo[]) =>
  db.dialect.name === 'sqlite' ? sqliteIdHighWater(db, tables) : postgresIdHighWater(db, tables);
const setIdHighWater = (db: WritableDB, highWater: ReadonlyMap<string, number>) =>
  db.dialect.name === 'sqlite' ? sqliteSetIdHighWater(db, highWater) : postgresSetIdHighWater(db, highWater);
const deferReferences = (db: WritableDB) => (db.dialect.name === 'sqlite' ? sqliteDeferReferences(db) : postgresDeferReferences(db));

/** The same tables with the same columns, or a clear refusal naming the first difference. */
function checkSameTables(source: TableInfo[], target: TableInfo[], where: Message): void {
  const names = (tables: TableInfo[]) => tables.map((t) => t.name).join(', ');
  if (names(source) !== names(target)) {
    fail('conflict', '{where}: the two projects hold different tables ({source} / {target}); nothing was copied.', { where, source: names(source), target: names(target) });
  }
  for (const table of source) {
    const twin = target.find((t) => t.name === table.name)!;
    const columns = (t: TableInfo) => t.columns.map((c) => c.name).sort().join(', ');
    if (columns(table) !== columns(twin)) {
      fail('conflict', '{where}: table {table} has other columns on each side ({source} / {target}); nothing was copied.', { where, table: table.name, source: columns(table), target: columns(twin) });
    }
  }
}

/** Reads a table in key order, a page at a time (keyset paging: each page starts after the last key). */
async function eachPage(db: ReadableDB, table: TableInfo, page: (rows: Record<string, unknown>[]) => Promise<void>): Promise<number> {
  const keys = table.key.map(quote).join(', ');
  const columns = table.columns.map((c) => quote(c.name)).join(', ');
  let after: SqlValue[] | null = null;
  let total = 0;
  for (;;) {
    const where: string = after ? `WHERE (${keys}) > (${table.key.map(() => '?').join(', ')})` : '';
    const rows: Record<string, unknown>[] = await db.all<Record<string, unknown>>(
      `SELECT ${columns} FROM ${quote(table.name)} ${where} ORDER BY ${keys} LIMIT ${PAGE}`,
      ...(after ?? []),
    );
    if (rows.length === 0) return total;
    total += rows.length;
    await page(rows);
    const last = rows[rows.length - 1]!;
    after = table.key.map((k) => last[k] as SqlValue);
    if (rows.length < PAGE) return total;
  }
}

async function insertRows(db: WritableDB, table: TableInfo, rows: Record<string, unknown>[]): Promise<void> {
  const names = table.columns.map((c) => c.name);
  const perStatement = Math.max(1, Math.min(500, Math.floor(MAX_PARAMS / names.length)));
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const tuple = `(${names.map(() => '?').join(', ')})`;
    const values = chunk.flatMap((row) => names.map((n) => (row[n] ?? null) as SqlValue));
    await db.run(`INSERT INTO ${quote(table.name)} (${names.map(quote).join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`, ...values);
  }
}

/**
 * Replaces everything in `target` with a copy of `source` (both at the same schema version).
 * Not a user action: the target's history becomes the source's, nothing is added to it.
 */
export async function copyProject(source: Store, target: Store): Promise<CopyReport> {
  const where = say('Copying {from} to {to}', { from: source.location, to: target.location });
  const [from, to] = [await source.info(), await target.info()];
  if (from.schemaVersion !== to.schemaVersion) {
    fail('conflict', '{where}: the projects are at formats {version} and {otherVersion}; open both with the same version of Groundwork first. Nothing was copied.', {
      where,
      version: from.schemaVersion,
      otherVersion: to.schemaVersion,
    });
  }
  const sourceTables = await source.read(projectTables);
  const targetTables = await target.read(projectTables);
  checkSameTables(sourceTables, targetTables, where);
  const copied = sourceTables.filter((t) => !SESSION_TABLES.includes(t.name));

  return target.writeUnlogged(async (w) => {
    await deferReferences(w);
    for (const table of copied) await w.run(`DELETE FROM ${quote(table.name)}`);
    let rows = 0;
    const counts = new Map<string, number>();
    const highWater = await source.read(async (r) => {
      for (const table of copied) {
        const n = await eachPage(r, table, (page) => insertRows(w, table, page));
        counts.set(table.name, n);
        rows += n;
      }
      return idHighWater(r, copied);
    });
    await setIdHighWater(w, highWater);
    for (const table of copied) {
      const n = Number((await w.get<{ n: number }>(`SELECT count(*) AS n FROM ${quote(table.name)}`))?.n ?? 0);
      if (n !== counts.get(table.name)) throw new Error(`${english(where)}: ${table.name} holds ${n} rows after copying ${counts.get(table.name)}.`);
    }
    return { tables: copied.length, rows };
  });
}
