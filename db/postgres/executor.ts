// The PostgreSQL executor: node-postgres behind the engine-neutral interface of db/sql.ts. The
// repositories' `?` placeholders become `$1, $2, …` and the type INTEGER becomes BIGINT (SQLite's
// integers are 64-bit: `CAST(? AS INTEGER)` must meet bigint columns), outside quotes and comments
// only; so `?` is always a placeholder (jsonb's `?` operators: use jsonb_exists()). 64-bit integers
// and numerics come back as numbers, as SQLite gives them; booleans bind as 1/0, since flags are
// INTEGER columns on both engines.

import type { PoolClient, QueryResultRow } from 'pg';
import pg from 'pg';
import type { Dialect, SqlValue, SqlWriter } from '../sql';

export const POSTGRES_DIALECT: Dialect = {
  name: 'postgres',
  groupConcatDistinct: (expression) => `string_agg(DISTINCT CAST(${expression} AS TEXT), ',')`,
};

const INT8 = 20;
const NUMERIC = 1700;

/** Type parsers for the pool: int8 (count(*), bigint ids) and numeric (sum) as JavaScript numbers. */
export const TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

const converted = new Map<string, string>();

/**
 * `?` → `$n`, skipping string literals ('…'), quoted identifiers ("…"), dollar-quoted bodies and
 * comments, so a `?` inside them stays as written.
 */
export function toPositional(text: string): string {
  const cached = converted.get(text);
  if (cached !== undefined) return cached;
  let out = '';
  let n = 0;
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === "'" || c === '"') {
      let j = i + 1;
      for (;;) {
        const k = text.indexOf(c, j);
        if (k === -1) throw new Error(`Unterminated ${c === "'" ? 'string' : 'identifier'} in SQL: ${text.slice(i, i + 40)}`);
        if (text[k + 1] === c) j = k + 2;
        else {
          j = k + 1;
          break;
        }
      }
      out += text.slice(i, j);
      i = j;
    } else if (c === '-' && text[i + 1] === '-') {
      const k = text.indexOf('\n', i);
      const j = k === -1 ? text.length : k;
      out += text.slice(i, j);
      i = j;
    } else if (c === '/' && text[i + 1] === '*') {
      const k = text.indexOf('*/', i + 2);
      const j = k === -1 ? text.length : k + 2;
      out += text.slice(i, j);
      i = j;
    } else if (c === '$' && /^\$[A-Za-z_]*\$/.test(text.slice(i))) {
      const tag = /^\$[A-Za-z_]*\$/.exec(text.slice(i))![0];
      const k = text.indexOf(tag, i + tag.length);
      const j = k === -1 ? text.length : k + tag.length;
      out += text.slice(i, j);
      i = j;
    } else if (c === '?') {
      n += 1;
      out += `$${n}`;
      i += 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i))![0];
      out += word.toUpperCase() === 'INTEGER' ? 'BIGINT' : word;
      i += word.length;
    } else {
      out += c;
      i += 1;
    }
  }
  if (converted.size > 5000) converted.clear();
  converted.set(text, out);
  return out;
}

const bind = (params: readonly SqlValue[]) =>
  params.map((p) => {
    if (typeof p === 'boolean') return p ? 1 : 0;
    if (typeof p === 'bigint') return p.toString();
    if (p instanceof Uint8Array && !Buffer.isBuffer(p)) return Buffer.from(p);
    return p;
  });

/** Each distinct statement text gets a name once, so every connection parses and plans it once. */
const names = new Map<string, string>();
const MAX_NAMED = 5000;

/**
 * The name to prepare a statement under, or undefined to send it unnamed: long texts (bulk
 * inserts of many rows, which vary) and `*` lists (a pooled connection serves projects at
 * different schema versions, where a cached plan of `SELECT t.*` would change its result type).
 */
function statementName(sql: string): string | undefined {
  let name = names.get(sql);
  if (name) return name;
  if (sql.length > 4000 || /\.\*|\bSELECT\s+\*|\bRETURNING\s+\*/i.test(sql) || names.size >= MAX_NAMED) return undefined;
  name = `gw${names.size + 1}`;
  names.set(sql, name);
  return name;
}

/** Runs one statement on a client; shared by the executor and the store's own bookkeeping. */
export async function query<T extends QueryResultRow>(client: PoolClient, text: string, params: readonly SqlValue[]) {
  const sql = toPositional(text);
  return client.query<T>({ name: statementName(sql), text: sql, values: bind(params) });
}

/**
 * An executor over whichever client the current transaction holds (`current()`), so one executor
 * object serves every transaction of a store.
 */
export function postgresExecutor(current: () => PoolClient): SqlWriter {
  return {
    dialect: POSTGRES_DIALECT,
    all: async <T>(text: string, ...params: SqlValue[]) => (await query(current(), text, params)).rows as T[],
    get: async <T>(text: string, ...params: SqlValue[]) => (await query(current(), text, params)).rows[0] as T | undefined,
    each: async <T>(text: string, params: readonly SqlValue[], each: (row: T) => void) => {
      for (const row of (await query(current(), text, params)).rows) each(row as T);
    },
    run: async (text: string, ...params: SqlValue[]) => ({ changes: (await query(current(), text, params)).rowCount ?? 0 }),
  };
}
