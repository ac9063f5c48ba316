// A server project made by an older Groundwork is migrated when opened, as a project file is:
// migration 009 gives each existing source the import batch of the step that imported it (else the
// day it came in) and writes it into the log's images, so the old import and an old deletion still
// undo and redo with it, exactly as on SQLite (test/db/migration-009.test.ts).

import { afterEach, expect, it } from 'vitest';
import { quoteIdent } from '../../../db/postgres/capture';
import { PG_LATEST_SCHEMA_VERSION } from '../../../db/postgres/migrations';
import { insertWave, listWaves } from '../../../db/waves';
import { testServer } from '../../helpers/engine';
import { count, sha256 } from '../../helpers/store';

const AT = '2025-03-04T10:00:00.000Z';
const made: number[] = [];
afterEach(async () => {
  const server = await testServer();
  for (const id of made.splice(0)) await server.deleteProject(id);
});

it('migrates a version-8 project on opening: import batches, images, undo and redo as on SQLite', async () => {
  const server = await testServer();
  const entry = await server.createProject('Version eight', { atVersion: 8 });
  made.push(entry.id);
  // Work done by the older version, written as it would have (its capture running under a command).
  const client = await server.pool.connect();
  let importStep = 0;
  let deleteStep = 0;
  try {
    await client.query(`BEGIN; SET LOCAL search_path TO ${quoteIdent(entry.schema)}`);
    const add = async (name: string) => {
      const text = `The text of ${name}.`;
      await client.query('INSERT INTO source_text (sha256, text) VALUES ($1, $2)', [sha256(text), text]);
      await client.query(`INSERT INTO document (name, format, original_name, sha256, length, dir, imported_at) VALUES ($1, 'txt', $2, $3, $4, 'ltr', $5)`, [
        name,
        `${name}.txt`,
        sha256(text),
        text.length,
        AT,
      ]);
    };
    const step = async (label: string) => {
      const { rows } = await client.query<{ id: number }>(`INSERT INTO command (kind, label, state, created_at) VALUES ('x', $1, 'done', $2) RETURNING id`, [label, AT]);
      await client.query(`SELECT set_config('groundwork.command', $1, true)`, [String(rows[0]!.id)]);
      return Number(rows[0]!.id);
    };
    await add('old');
    importStep = await step('Import 3 sources');
    await add('first');
    await add('second');
    await add('third');
    deleteStep = await step('Delete “third”');
    await client.query(`DELETE FROM document WHERE name = 'third'`);
    await client.query('COMMIT');
  } finally {
    client.release();
  }

  const store = await server.openProject(entry.id);
  try {
    expect((await store.info()).schemaVersion).toBe(PG_LATEST_SCHEMA_VERSION);
    const batches = () => store.read((db) => db.all('SELECT name, import_batch FROM document ORDER BY id'));
    expect(await batches()).toEqual([
      { name: 'old', import_batch: 'day-2025-03-04' },
      { name: 'first', import_batch: `step-${importStep}` },
      { name: 'second', import_batch: `step-${importStep}` },
    ]);
    // The deletion's image names the batch the source came in with: undone, it comes back in it.
    expect((await store.undo({ actor: null }))?.id).toBe(deleteStep);
    expect(await batches()).toContainEqual({ name: 'third', import_batch: `step-${importStep}` });
    expect((await store.undo({ actor: null }))?.id).toBe(importStep);
    expect(await store.read((db) => count(db, 'document'))).toBe(1);
    await store.redo({ actor: null });
    expect((await batches()).filter((r) => (r as { import_batch: string }).import_batch === `step-${importStep}`)).toHaveLength(3);
    // The new tables are captured.
    await store.write({ kind: 'wave.create', label: 'Create wave “W”' }, (db) => insertWave(db, 'W', { kind: 'years', from: 2000, to: null }));
    expect((await store.read(listWaves)).map((w) => w.name)).toEqual(['W']);
    await store.undo();
    expect(await store.read(listWaves)).toEqual([]);
    // A frozen baseline refuses an update as a broken rule.
    await store.writeUnlogged((db) => db.run(`INSERT INTO baseline (name, kind, created_at, snapshot) VALUES ('B', 'frozen', ?, '{}')`, AT));
    await expect(store.writeUnlogged((db) => db.run(`UPDATE baseline SET snapshot = '{"x":1}'`))).rejects.toMatchObject({ code: 'conflict' });
  } finally {
    await store.close();
  }
});

it('gives 010 to a project that a build without it left at version 11, which stays at 11', async () => {
  const server = await testServer();
  const entry = await server.createProject('Eleven without ten', { atVersion: 11 });
  made.push(entry.id);
  // The indexes as that build left them: 008's, without 010's.
  const client = await server.pool.connect();
  try {
    await client.query(`SET search_path TO ${quoteIdent(entry.schema)}`);
    await client.query(`
      DROP INDEX segment_position; DROP INDEX segment_concept_coder; DROP INDEX document_list_order; DROP INDEX command_change_step;
      CREATE INDEX segment_document ON segment (document_id, start_offset);
      CREATE INDEX segment_concept ON segment (concept_id);
      CREATE INDEX command_change_command ON command_change (command_id);
      CREATE INDEX command_change_row ON command_change (table_name, row_key);
      RESET search_path`);
  } finally {
    client.release();
  }
  const indexes = async () =>
    (await server.pool.query<{ name: string }>('SELECT indexname AS name FROM pg_indexes WHERE schemaname = $1', [entry.schema])).rows.map((r) => r.name);
  const store = await server.openProject(entry.id);
  try {
    expect((await store.info()).schemaVersion).toBe(11);
    const names = await indexes();
    expect(names).toEqual(expect.arrayContaining(['segment_position', 'segment_concept_coder', 'document_list_order', 'command_change_step']));
    expect(names).not.toContain('segment_concept');
    expect(names).not.toContain('command_change_row');
  } finally {
    await store.close();
  }
  expect((await server.project(entry.id)).version).toBe(11);
});
