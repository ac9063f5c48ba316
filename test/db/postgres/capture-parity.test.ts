// PostgreSQL's capture triggers write the command log as SQLite's do: for the same commands, the
// same command_change rows with the same meaning (the key of a row inserted, its whole image
// written when the step is undone; whole rows on delete; key and changed columns on update; row keys joined with U+001F in key order; the source each row belongs to),
// through multi-row statements, upserts, key changes, NULLs, awkward text, and rows deleted or
// nulled by ON DELETE CASCADE / SET NULL, in the same order, except that PostgreSQL logs what a
// cascade did after the row that caused it (SQLite: before; replays check references at commit, so
// both undo alike). And undoing the lot leaves both projects as they started.

import { afterEach, expect, it } from 'vitest';
import type { WritableDB } from '../../../db/handles';
import type { Store } from '../../../db/store';
import { keepText } from '../../../db/documents';
import { testProjects } from '../../helpers/engine';
import { sha256 } from '../../helpers/store';

const sqlite = testProjects('sqlite');
const postgres = testProjects('postgres');
afterEach(async () => {
  await sqlite.cleanup();
  await postgres.cleanup();
});

const AT = '2024-01-01T00:00:00.000Z';
const ODD = 'quote \' double " back\\slash\nnew line \u001f unit sep \u200c ZWNJ 🙂 کسب‌وکار';

/** The same commands, run on one store. */
const STEPS: [string, (db: WritableDB) => Promise<unknown>][] = [
  [
    'sources and concepts',
    async (db) => {
      for (const [name, text] of [['one', 'First source text.'], ['two', 'Second source text.']] as const) {
        await keepText(db, sha256(text), text);
        await db.run(
          `INSERT INTO document (name, format, original_name, sha256, length, dir, imported_at, uid) VALUES (?, 'txt', ?, ?, ?, 'ltr', ?, ?)`,
          name,
          `${name}.txt`,
          sha256(text),
          text.length,
          AT,
          `u-${name}`,
        );
      }
      await db.run(
        `INSERT INTO concept (label, color, created_at, uid) VALUES ('a', '#111111', ?, 'u-a'), ('b', '#222222', ?, 'u-b'), (?, '#333333', ?, 'u-c')`,
        AT,
        AT,
        ODD,
        AT,
      );
      await db.run(`INSERT INTO record (document_id, title, origin, stage, created_at) VALUES (1, 'Record one', 'file', 'included', ?)`, AT);
    },
  ],
  [
    'segments, filings, pages, synonyms, a rating',
    async (db) => {
      await db.run(
        `INSERT INTO segment (uid, document_id, concept_id, start_offset, end_offset, text, context_before, context_after, created_at)
         VALUES ('s1', 1, 1, 0, 5, 'First', '', ' source', ?), ('s2', 2, 2, 0, 6, 'Second', '', ' source', ?)`,
        AT,
        AT,
      );
      await db.run(`INSERT INTO category (name, color, created_at, uid) VALUES ('main', '#444444', ?, 'u-m')`, AT);
      await db.run('INSERT INTO category_concept (category_id, concept_id) VALUES (1, 1), (1, 2)');
      await db.run(`INSERT INTO document_page (document_id, page_index, label, start_offset) VALUES (1, 1, NULL, 0), (1, 2, 'ii', 6)`);
      await db.run(`INSERT INTO concept_synonym (concept_id, term, position) VALUES (3, 'alias', 0), (3, ?, 1)`, ODD);
      await db.run(`INSERT INTO maturity_dimension (position, label_fa, label_en) VALUES (0, 'بعد', 'dimension')`);
      await db.run(`INSERT INTO maturity_assessment (name, assessed_on, created_at) VALUES ('x', '2024-01-01', ?)`, AT);
      await db.run('INSERT INTO maturity_rating (assessment_id, dimension_id, concept_id, level_id, not_applicable) VALUES (1, 1, 3, 1, 0)');
    },
  ],
  [
    'updates: some columns, some rows unchanged, a key, NULLs, upserts',
    async (db) => {
      await db.run(`UPDATE concept SET color = '#999999' WHERE id IN (1, 2)`);
      await db.run(`UPDATE concept SET memo = ?, code = NULL WHERE id = 3`, ODD);
      await db.run(`UPDATE concept SET label = label WHERE id = 1`);
      await db.run(`UPDATE document_page SET page_index = 3, label = 'iii' WHERE document_id = 1 AND page_index = 2`);
      await db.run(`UPDATE segment SET memo = 'note' WHERE document_id = 2`);
      await db.run(`INSERT INTO project_setting (key, value) VALUES ('k', 'v1') ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
      await db.run(`INSERT INTO project_setting (key, value) VALUES ('k', 'v2') ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
      await db.run(`INSERT INTO category_concept (category_id, concept_id) VALUES (1, 1) ON CONFLICT DO NOTHING`);
      await db.run(`UPDATE category SET component = 'causal', parent_id = NULL WHERE id = 1`);
    },
  ],
  [
    'deletes, with what cascades and what is set to NULL',
    async (db) => {
      await db.run('DELETE FROM segment WHERE concept_id = 3 OR document_id = 1');
      await db.run('DELETE FROM category_concept WHERE concept_id = 1');
      await db.run('DELETE FROM concept WHERE id = 3');
      await db.run('DELETE FROM document_page WHERE document_id = 1');
      await db.run('DELETE FROM document WHERE id = 1');
    },
  ],
];

async function run(store: Store) {
  for (const [label, step] of STEPS) await store.write({ kind: 'test', label }, step);
  return store.read((db) =>
    db.all<{ command_id: number; table_name: string; row_key: string; document_id: number | null; old_row: string | null; new_row: string | null }>(
      'SELECT command_id, table_name, row_key, document_id, old_row, new_row FROM command_change ORDER BY id',
    ),
  );
}

/** A version stamp (migration 011) names its project's own replica GUID: the same change on each engine reads alike without it. */
const unstamped = (row: unknown): unknown => {
  if (!row || typeof row !== 'object' || typeof (row as { stamp?: unknown }).stamp !== 'string') return row;
  const stamp = JSON.parse((row as { stamp: string }).stamp) as Record<string, number>;
  return { ...row, stamp: Object.values(stamp) };
};

const meaning = (rows: Awaited<ReturnType<typeof run>>) =>
  rows.map((r) => ({
    ...r,
    document_id: r.document_id === null ? null : Number(r.document_id),
    command_id: Number(r.command_id),
    old_row: r.old_row === null ? null : unstamped(JSON.parse(r.old_row)),
    new_row: r.new_row === null ? null : unstamped(JSON.parse(r.new_row)),
  }));

it('the same commands leave the same change rows on both engines, and undo takes them all back', async () => {
  const a = (await sqlite.create()).store;
  const b = (await postgres.create()).store;
  const snapshot = (store: Store) =>
    store.read(async (db) => ({
      concepts: await db.all('SELECT * FROM concept ORDER BY id'),
      records: await db.all('SELECT id, document_id, title FROM record ORDER BY id'),
      settings: await db.all('SELECT * FROM project_setting ORDER BY key'),
      ratings: await db.all('SELECT * FROM maturity_rating'),
    }));
  const before = [await snapshot(a), await snapshot(b)];

  const changes = meaning(await run(a));
  const twin = meaning(await run(b));
  // The commands without cascades, row for row; the last (cascading deletes) as the same set of rows.
  const last = STEPS.length;
  expect(twin.filter((c) => c.command_id < last)).toEqual(changes.filter((c) => c.command_id < last));
  const canonical = (value: unknown): unknown =>
    value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : 1)).map(([k, v]) => [k, canonical(v)])) : value;
  const sorted = (rows: typeof changes) => rows.filter((c) => c.command_id === last).map((c) => JSON.stringify(canonical(c))).sort();
  expect(sorted(twin)).toEqual(sorted(changes));
  // Apart from what cascades did, in the same order.
  const caused = ['concept_synonym', 'maturity_rating', 'record'];
  const own = (rows: typeof changes) => rows.filter((c) => c.command_id === last && !caused.includes(c.table_name));
  expect(own(twin)).toEqual(own(changes));

  // The rows a reader would check by eye.
  const find = (table: string, key: string) => changes.filter((c) => c.table_name === table && c.row_key === key);
  expect(find('document_page', '1\u001f2').find((c) => c.command_id === 3)).toMatchObject({ old_row: { document_id: 1, page_index: 2, label: 'ii' }, new_row: { document_id: 1, page_index: 3, label: 'iii' } });
  expect(find('concept', '3')[0]!.new_row).toEqual({ id: 3 });
  expect(find('concept', '1').map((c) => c.new_row)).toContainEqual({ id: 1, color: '#999999' });
  expect(find('record', '1').at(-1)).toMatchObject({ document_id: 1, old_row: { id: 1, document_id: 1 }, new_row: { id: 1, document_id: null } });
  expect(find('maturity_rating', '1\u001f1\u001f3').at(-1)?.new_row).toBeNull();
  expect(find('concept_synonym', `3\u001f${ODD}`)).toHaveLength(2);
  expect(find('project_setting', 'k').map((c) => c.new_row)).toEqual([{ key: 'k' }, { key: 'k', value: 'v2' }]);

  for (const store of [a, b]) {
    for (let i = 0; i < STEPS.length; i += 1) await store.undo();
  }
  expect([await snapshot(a), await snapshot(b)]).toEqual(before);
  // Undone, an inserted row's change holds its whole image (for redo), alike on both engines.
  const images = async (store: Store) =>
    meaning(await store.read((db) => db.all(`SELECT command_id, table_name, row_key, document_id, old_row, new_row FROM command_change WHERE table_name = 'concept' AND row_key = '3' AND old_row IS NULL`)));
  const [sqliteImage] = await images(a);
  expect(sqliteImage!.new_row).toMatchObject({ id: 3, label: ODD, in_vivo: 0, code: null });
  expect(await images(b)).toEqual([sqliteImage]);
});
