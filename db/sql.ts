// The one way repositories talk to a database engine: plain SQL with `?` placeholders, run
// through an executor that each engine implements (SQLite here, PostgreSQL for the team server).
// Repositories write SQL both engines read alike; what differs lives in the Dialect.

export type SqlValue = string | number | bigint | null | Uint8Array;
export type SqlRow = Record<string, unknown>;

/** What differs between engines inside otherwise shared SQL. */
export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** Joins the distinct values of a text expression with commas (an aggregate). */
  groupConcatDistinct(expression: string): string;
}

export interface SqlReader {
  readonly dialect: Dialect;
  all<T = SqlRow>(text: string, ...params: SqlValue[]): Promise<T[]>;
  get<T = SqlRow>(text: string, ...params: SqlValue[]): Promise<T | undefined>;
  /** Calls `each` for every row without holding them all (a large scan). */
  each<T = SqlRow>(text: string, params: readonly SqlValue[], each: (row: T) => void): Promise<void>;
}

export interface SqlWriter extends SqlReader {
  run(text: string, ...params: SqlValue[]): Promise<{ changes: number }>;
}

/** `?, ?, ?` for a list of n values (an IN list). */
export const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** A boolean an engine returns as 0/1 (SQLite) or true/false (PostgreSQL). */
export const flag = (value: unknown) => value === 1 || value === true || value === '1';
