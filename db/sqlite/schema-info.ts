// SQLite only: the tables of a project file as db/schema-info.ts describes them, read from its
// pragmas. Virtual tables (FTS5) and their shadow tables are left out: they are the engine's own.

import type { ReadableDB, WritableDB } from '../handles';
import type { ColumnInfo, TableInfo } from '../schema-info';

const kind = (declared: string): ColumnInfo['type'] => {
  const t = declared.toUpperCase();
  if (t.includes('INT')) return 'integer';
  if (t.includes('TEXT') || t.includes('CHAR')) return 'text';
  if (t.includes('BLOB')) return 'blob';
  if (t.includes('REAL') || t.includes('FLOA') || t.includes('DOUB')) return 'real';
  return 'other';
};

/** An indexed expression as the twin test compares it: lower case, no spaces. */
export const normaliseExpression = (sql: string) => sql.toLowerCase().replace(/\s+/g, '');

export async function sqliteTables(db: ReadableDB): Promise<TableInfo[]> {
  const tables = await db.all<{ name: string }>(
    `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
  );
  const out: TableInfo[] = [];
  for (const { name } of tables) {
    const columns = await db.all<{ name: string; type: string; notnull: number; pk: number }>(
      'SELECT name, type, "notnull", pk FROM pragma_table_info(?) ORDER BY cid',
      name,
    );
    const key = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    const autoincrement = await db.get<{ n: number }>(
      `SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name = ? AND sql LIKE '%AUTOINCREMENT%'`,
      name,
    );
    const unique: string[][] = [];
    const indexes = await db.all<{ name: string; unique: number; origin: string }>('SELECT name, "unique", origin FROM pragma_index_list(?)', name);
    for (const index of indexes.filter((i) => Number(i.unique) === 1)) {
      const parts = await db.all<{ cid: number; name: string | null }>('SELECT cid, name FROM pragma_index_info(?) ORDER BY seqno', index.name);
      if (parts.some((p) => p.name === null)) {
        // An expression index: its columns as written in its CREATE INDEX.
        const sql = (await db.get<{ sql: string }>(`SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?`, index.name))?.sql ?? '';
        const list = sql.slice(sql.indexOf('(', sql.indexOf(' ON ')) + 1, sql.lastIndexOf(')'));
        unique.push(splitTopLevel(list).map(normaliseExpression));
      } else unique.push(parts.map((p) => p.name!));
    }
    // A rowid table's INTEGER PRIMARY KEY has no index of its own.
    if (key.length > 0 && !unique.some((u) => u.join() === key.join())) unique.push(key);
    const references = await db.all<{ id: number; seq: number; table: string; from: string; to: string | null; on_delete: string }>(
      'SELECT id, seq, "table", "from", "to", on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq',
      name,
    );
    const byId = new Map<number, TableInfo['references'][number]>();
    for (const r of references) {
      let ref = byId.get(r.id);
      if (!ref) byId.set(r.id, (ref = { columns: [], table: r.table, to: [], onDelete: r.on_delete }));
      ref.columns.push(r.from);
      ref.to.push(r.to ?? 'id');
    }
    out.push({
      name,
      columns: columns.map((c) => ({ name: c.name, type: kind(c.type), notNull: Number(c.notnull) === 1 || c.pk > 0 })),
      key,
      identity: Number(autoincrement?.n ?? 0) > 0,
      unique,
      references: [...byId.values()],
    });
  }
  return out;
}

/** Splits "a, coalesce(b, 0)" at its top-level commas. */
export function splitTopLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of list) {
    if (c === '(') depth += 1;
    if (c === ')') depth -= 1;
    if (c === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += c;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/** SQLite only: the highest id each AUTOINCREMENT table has ever given (sqlite_sequence, or its rows). */
export async function sqliteIdHighWater(db: ReadableDB, tables: readonly TableInfo[]): Promise<Map<string, number>> {
  const seq = new Map((await db.all<{ name: string; seq: number }>('SELECT name, seq FROM sqlite_sequence')).map((r) => [r.name, Number(r.seq)]));
  const out = new Map<string, number>();
  for (const t of tables.filter((t) => t.identity)) {
    const max = await db.get<{ n: number | null }>(`SELECT max(id) AS n FROM "${t.name}"`);
    out.set(t.name, Math.max(seq.get(t.name) ?? 0, Number(max?.n ?? 0)));
  }
  return out;
}

/** SQLite only: ids given from now on start after these (an undone insert's id is never reused). */
export async function sqliteSetIdHighWater(db: WritableDB, highWater: ReadonlyMap<string, number>): Promise<void> {
  for (const [table, n] of highWater) {
    await db.run('DELETE FROM sqlite_sequence WHERE name = ?', table);
    if (n > 0) await db.run('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)', table, n);
  }
}

/** SQLite only: references are checked at commit, so rows may be copied in any order. */
export async function sqliteDeferReferences(db: WritableDB): Promise<void> {
  await db.run('PRAGMA defer_foreign_keys = ON');
}
