// PostgreSQL only: the tables of a project schema (the current search_path) as db/schema-info.ts
// describes them, read from the catalogs.

import type { ReadableDB, WritableDB } from '../handles';
import type { ColumnInfo, TableInfo } from '../schema-info';

const kind = (dataType: string): ColumnInfo['type'] => {
  if (['bigint', 'integer', 'smallint'].includes(dataType)) return 'integer';
  if (dataType === 'text' || dataType.startsWith('character')) return 'text';
  if (dataType === 'bytea') return 'blob';
  if (dataType === 'double precision' || dataType === 'real') return 'real';
  return 'other';
};

/** An indexed expression as the twin test compares it: lower case, no spaces, no casts of constants. */
const normaliseExpression = (sql: string) => sql.toLowerCase().replace(/::[a-z ]+/g, '').replace(/\s+/g, '');

const ON_DELETE: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

export async function postgresTables(db: ReadableDB): Promise<TableInfo[]> {
  const tables = await db.all<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`);
  const out: TableInfo[] = [];
  for (const { name } of tables) {
    const columns = await db.all<{ name: string; data_type: string; is_nullable: string; is_identity: string }>(
      `SELECT column_name AS name, data_type, is_nullable, is_identity FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position`,
      name,
    );
    const indexes = await db.all<{ oid: number; primary: boolean; columns: number }>(
      `SELECT i.indexrelid AS oid, i.indisprimary AS primary, i.indnkeyatts AS columns FROM pg_index i
       WHERE i.indrelid = CAST(? AS regclass) AND i.indisunique ORDER BY i.indexrelid`,
      name,
    );
    const unique: string[][] = [];
    let key: string[] = [];
    for (const index of indexes) {
      const parts: string[] = [];
      for (let k = 1; k <= Number(index.columns); k += 1) {
        const part = await db.get<{ def: string }>('SELECT pg_get_indexdef(CAST(? AS oid), CAST(? AS int4), true) AS def', index.oid, k);
        const def = part!.def.replace(/^"([^"]+)"$/, '$1');
        parts.push(/^[a-z_][a-z0-9_]*$/.test(def) ? def : normaliseExpression(def));
      }
      unique.push(parts);
      if (index.primary) key = parts;
    }
    const references = await db.all<{ columns: string[]; table: string; to: string[]; action: string }>(
      `SELECT (SELECT array_agg(CAST(a.attname AS text) ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY k(num, n)
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num) AS columns,
              CAST(t.relname AS text) AS table,
              (SELECT array_agg(CAST(a.attname AS text) ORDER BY k.n) FROM unnest(c.confkey) WITH ORDINALITY k(num, n)
                JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num) AS to,
              c.confdeltype AS action
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.confrelid
       WHERE c.conrelid = CAST(? AS regclass) AND c.contype = 'f' ORDER BY c.conname`,
      name,
    );
    out.push({
      name,
      columns: columns.map((c) => ({ name: c.name, type: kind(c.data_type), notNull: c.is_nullable === 'NO' })),
      key,
      identity: columns.some((c) => c.name === 'id' && c.is_identity === 'YES'),
      unique,
      references: references.map((r) => ({ columns: r.columns, table: r.table, to: r.to, onDelete: ON_DELETE[r.action] ?? r.action })),
    });
  }
  return out;
}

/** PostgreSQL only: the highest id each identity column has given (its sequence, or its rows). */
export async function postgresIdHighWater(db: ReadableDB, tables: readonly TableInfo[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const t of tables.filter((t) => t.identity)) {
    const row = await db.get<{ seq: number | null; max: number | null }>(
      `SELECT pg_sequence_last_value(CAST(pg_get_serial_sequence(?, 'id') AS regclass)) AS seq, (SELECT max(id) FROM "${t.name}") AS max`,
      t.name,
    );
    out.set(t.name, Math.max(Number(row?.seq ?? 0), Number(row?.max ?? 0)));
  }
  return out;
}

/** PostgreSQL only: identity columns give ids after these from now on. */
export async function postgresSetIdHighWater(db: WritableDB, highWater: ReadonlyMap<string, number>): Promise<void> {
  for (const [table, n] of highWater) {
    if (n > 0) await db.run(`SELECT setval(pg_get_serial_sequence(?, 'id'), CAST(? AS bigint), true)`, table, n);
    else await db.run(`SELECT setval(pg_get_serial_sequence(?, 'id'), 1, false)`, table);
  }
}

/** PostgreSQL only: references are checked at commit, so rows may be copied in any order. */
export async function postgresDeferReferences(db: WritableDB): Promise<void> {
  await db.run('SET CONSTRAINTS ALL DEFERRED');
}
