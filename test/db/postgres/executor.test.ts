// The PostgreSQL executor reads the repositories' SQL as written for both engines: `?` becomes a
// numbered placeholder and INTEGER becomes BIGINT, but never inside a string, a quoted name, a
// dollar-quoted body or a comment; and values come back as SQLite gives them.

import { afterEach, expect, it } from 'vitest';
import { toPositional } from '../../../db/postgres/executor';
import { testProjects } from '../../helpers/engine';

const projects = testProjects('postgres');
afterEach(() => projects.cleanup());

it('numbers the placeholders and widens INTEGER, outside quotes and comments only', () => {
  expect(toPositional('SELECT a FROM t WHERE a = ? AND b IN (?, ?)')).toBe('SELECT a FROM t WHERE a = $1 AND b IN ($2, $3)');
  expect(toPositional(`SELECT '?', 'it''s ?', "odd?name", ? -- what? \n, CAST(? AS INTEGER) /* ? */`)).toBe(
    `SELECT '?', 'it''s ?', "odd?name", $1 -- what? \n, CAST($2 AS BIGINT) /* ? */`,
  );
  expect(toPositional(`SELECT $x$ ? INTEGER $x$, ?, integer_column, cast(? as integer)`)).toBe(`SELECT $x$ ? INTEGER $x$, $1, integer_column, cast($2 as BIGINT)`);
  expect(() => toPositional(`SELECT 'open`)).toThrow(/Unterminated string/);
});

it('gives counts, sums and 64-bit integers as numbers, and flags as 1/0', async () => {
  const { store } = await projects.create();
  const row = await store.read((db) =>
    db.get<Record<string, unknown>>(
      `SELECT count(*) AS n, sum(position) AS total, CAST(? AS INTEGER) AS big, CASE WHEN 1 = 1 THEN 1 ELSE 0 END AS yes, ${db.dialect.groupConcatDistinct('key')} AS keys
       FROM paradigm_component`,
      9_007_199_254_740_991,
    ),
  );
  expect(row).toMatchObject({ n: 6, total: 15, big: 9_007_199_254_740_991, yes: 1 });
  expect(String(row!.keys).split(',').sort()).toEqual(['causal', 'consequences', 'context', 'intervening', 'phenomenon', 'strategies']);
});
