// The server engine as a team uses it: many projects in one database, each on its own; a project
// from a newer Groundwork refused without being touched; a database that would sort or fold text
// differently from a project file refused; several users writing to one project at once, every
// step kept in commit order; undo per user (by author, as a server scopes it), refused when
// another user's later change depends on it; every user's store hearing what the others changed.

import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { getConcept, insertConcept, updateConcept } from '../../../db/codebook';
import { PG_LATEST_SCHEMA_VERSION } from '../../../db/postgres/migrations';
import { connectPostgres } from '../../../db/postgres/server';
import type { StoreChange } from '../../../db/store';
import { testProjects, testServer } from '../../helpers/engine';
import { labels } from '../../helpers/store';

const projects = testProjects('postgres');
afterEach(() => projects.cleanup());

const concept = (label: string) => ({ label, color: '#336699', inVivo: false });

/** A change without its mark, kind and label. */
const core = ({ mark: _mark, kind: _kind, label: _label, ...change }: StoreChange) => change;

describe('projects in one database', () => {
  it('are separate: each has its own rows, ids and history', async () => {
    const a = await projects.create('Alpha');
    const b = await projects.create('Beta');
    await a.store.write({ kind: 'concept.create', label: 'Create “only in alpha”' }, (db) => insertConcept(db, concept('only in alpha')));
    const id = await b.store.write({ kind: 'concept.create', label: 'Create “only in beta”' }, (db) => insertConcept(db, concept('only in beta')));
    expect(Number(id)).toBe(1);
    expect(await a.store.read(labels)).toEqual(['only in alpha']);
    expect(await b.store.read(labels)).toEqual(['only in beta']);
    expect((await a.store.info()).name).toBe('Alpha');
    const listed = (await (await testServer()).listProjects()).map((p) => p.name);
    expect(listed).toEqual(expect.arrayContaining(['Alpha', 'Beta']));
  });

  it('refuses a project saved by a newer Groundwork, and changes nothing', async () => {
    const server = await testServer();
    const entry = await server.createProject('From the future');
    await server.pool.query('UPDATE groundwork.project SET version = $1 WHERE id = $2', [PG_LATEST_SCHEMA_VERSION + 1, entry.id]);
    try {
      await expect(server.openProject(entry.id)).rejects.toMatchObject({ code: 'newer-version' });
      await expect(server.openProject(entry.id)).rejects.toThrow(`project format ${PG_LATEST_SCHEMA_VERSION + 1}; this version reads up to ${PG_LATEST_SCHEMA_VERSION}`);
      expect((await server.project(entry.id)).version).toBe(PG_LATEST_SCHEMA_VERSION + 1);
    } finally {
      await server.deleteProject(entry.id);
    }
  });

  it('refuses a database whose locale would sort and fold text unlike a project file', async () => {
    const url = new URL(process.env.GROUNDWORK_TEST_PG_DATABASE!);
    const name = `groundwork_utf8_${process.pid}`;
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
      url.pathname = `/${name}`;
      await expect(connectPostgres({ connectionString: url.toString() })).rejects.toThrow(/needs UTF8 and the C locale/);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    }
  });
});

describe('several users on one project', () => {
  it('write at once: every step is kept, in the order the changes were committed', async () => {
    const { open } = await projects.create();
    const users = await Promise.all(['ana', 'ben', 'cyrus', 'dara'].map((actor) => open({ actor })));
    const STEPS = 25;
    await Promise.all(
      users.map(async (store) => {
        for (let i = 0; i < STEPS; i += 1) {
          await store.write({ kind: 'concept.create', label: `Create ${store.actor} ${i}` }, (db) => insertConcept(db, concept(`${store.actor} ${i}`)));
        }
      }),
    );
    const log = await users[0]!.read((db) =>
      db.all<{ id: number; actor: string; label: string; changes: number; concept: number }>(
        // the concept's row (its version stamps, migration 011, are rows of their own)
        `SELECT c.id, c.actor, c.label, (SELECT count(*) FROM command_change x WHERE x.command_id = c.id AND x.table_name = 'concept') AS changes,
                (SELECT min(CAST(x.row_key AS INTEGER)) FROM command_change x WHERE x.command_id = c.id AND x.table_name = 'concept') AS concept
         FROM command c ORDER BY c.id`,
      ),
    );
    expect(log).toHaveLength(4 * STEPS);
    expect(log.every((row) => Number(row.changes) === 1)).toBe(true);
    // Ids and steps follow one order: commit order.
    expect(log.map((row) => Number(row.concept))).toEqual(log.map((_, i) => i + 1));
    for (const store of users) {
      const mine = log.filter((row) => row.actor === store.actor).map((row) => row.label);
      expect(mine).toEqual(Array.from({ length: STEPS }, (_, i) => `Create ${store.actor} ${i}`));
    }
  });

  it('undo their own steps only, by author as well as by session', async () => {
    const { open } = await projects.create();
    const ana = await open({ actor: 'ana' });
    const ben = await open({ actor: 'ben' });
    await ana.write({ kind: 'concept.create', label: 'Create “ana’s”' }, (db) => insertConcept(db, concept('ana’s')));
    await ben.write({ kind: 'concept.create', label: 'Create “ben’s”' }, (db) => insertConcept(db, concept('ben’s')));
    expect((await ana.undo())?.label).toBe('Create “ana’s”');
    expect(await ana.undo()).toBeNull();
    expect(await ben.read(labels)).toEqual(['ben’s']);
    // A server may scope by author alone: ben's step, undone from any of his sessions.
    const benElsewhere = await open({ actor: 'ben' });
    expect((await benElsewhere.undo({ actor: 'ben' }))?.label).toBe('Create “ben’s”');
    expect(await ana.read(labels)).toEqual([]);
    expect((await benElsewhere.redo({ actor: 'ben' }))?.label).toBe('Create “ben’s”');
    expect(await ana.read(labels)).toEqual(['ben’s']);
  });

  it('refuse to undo a step another user has changed since, naming who', async () => {
    const { open } = await projects.create();
    const ana = await open({ actor: 'ana' });
    const ben = await open({ actor: 'ben' });
    const id = await ana.write({ kind: 'concept.create', label: 'Create “trust”' }, (db) => insertConcept(db, concept('trust')));
    await ben.write({ kind: 'concept.update', label: 'Rename “trust” to “confidence”' }, (db) => updateConcept(db, id, { label: 'confidence' }));
    const refusal = ana.undo();
    await expect(refusal).rejects.toMatchObject({ code: 'conflict' });
    await expect(refusal).rejects.toThrow('“Create “trust”” cannot be undone: a later change by “ben” (“Rename “trust” to “confidence””) changed the same items.');
    expect(await ana.read(async (db) => (await getConcept(db, id))?.label)).toBe('confidence');
    await expect(ana.undo({ actor: 'ana' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('hear each other’s changes, with what they touched and who made them', async () => {
    const { open } = await projects.create();
    const ana = await open({ actor: 'ana', watch: true });
    const ben = await open({ actor: 'ben', watch: true });
    const heardByAna: StoreChange[] = [];
    const heardByBen: StoreChange[] = [];
    ana.onChange((c) => heardByAna.push(c));
    ben.onChange((c) => heardByBen.push(c));
    await ben.write({ kind: 'concept.create', label: 'Create' }, (db) => insertConcept(db, concept('from ben')));
    await expect.poll(() => heardByAna.map(core)).toEqual([{ external: true, actor: 'ben', touched: { tables: ['concept'], documents: [] } }]);
    // Ben hears his own change once, as his; both hear its mark and label.
    expect(heardByBen.map(core)).toEqual([{ external: false, touched: { tables: ['concept'], documents: [] } }]);
    expect(heardByAna[0]).toMatchObject({ kind: 'do', label: 'Create', mark: heardByBen[0]!.mark });
    await ben.undo();
    await expect.poll(() => heardByAna.length).toBe(2);
    expect(heardByBen).toHaveLength(2);
  });
});

describe('a lost connection', () => {
  it('is listened on again: the store hears that anything may have changed, then hears changes as before', async () => {
    const { open } = await projects.create();
    const watcher = await open({ watch: true });
    const writer = await open();
    const heard: StoreChange[] = [];
    watcher.onChange((c) => heard.push(c));
    const server = await testServer();
    // The server ends every connection listening for changes (as a restart would).
    await server.pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`);
    await expect.poll(() => heard, { timeout: 10_000 }).toContainEqual({ external: true, touched: { tables: null, documents: null } });
    await writer.write({ kind: 'concept.create', label: 'Create' }, (db) => insertConcept(db, concept('after the restart')));
    await expect.poll(() => heard.at(-1) && core(heard.at(-1)!), { timeout: 10_000 }).toEqual({ external: true, actor: null, touched: { tables: ['concept'], documents: [] } });
    // Pooled connections the server ended are replaced: reads and writes go on.
    await server.pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query NOT LIKE 'LISTEN%'`);
    expect(await watcher.read(labels)).toEqual(['after the restart']);
  });

  it('during a commit is reported as "may have been saved", never as "nothing was changed"', async () => {
    const { store } = await projects.create('Slow commit');
    const server = await testServer();
    const schema = (await server.listProjects()).find((p) => p.name === 'Slow commit')!.schema;
    // A trigger deferred to the commit that takes its time, so the connection can be ended then.
    await server.pool.query(`
      CREATE FUNCTION ${schema}.slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(3); RETURN NULL; END $$;
      CREATE CONSTRAINT TRIGGER slow_commit AFTER INSERT ON ${schema}.concept DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION ${schema}.slow_commit();`);
    const writing = store.write({ kind: 'concept.create', label: 'Create' }, (db) => insertConcept(db, concept('in doubt')));
    const outcome = writing.then(
      () => 'saved',
      (error: Error) => error.message,
    );
    await expect
      .poll(async () => (await server.pool.query(`SELECT pid FROM pg_stat_activity WHERE query = 'COMMIT' AND state = 'active'`)).rowCount, { timeout: 10_000 })
      .toBe(1);
    await server.pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'COMMIT' AND state = 'active'`);
    expect(await outcome).toMatch(/broke while this change was being saved: it may have been saved or not/);
  });
});

describe('ids', () => {
  it('given explicitly move the table’s counter past them, as AUTOINCREMENT does', async () => {
    const { store } = await projects.create();
    await store.writeUnlogged((db) => db.run(`INSERT INTO concept (id, label, color, created_at) VALUES (41, 'from elsewhere', '#111111', 'now')`));
    const next = await store.write({ kind: 'concept.create', label: 'Create' }, (db) => insertConcept(db, concept('made here')));
    expect(Number(next)).toBe(42);
    // Undo and redo put a row back under its own id, which the counter has already passed.
    await store.undo();
    await store.redo();
    const after = await store.write({ kind: 'concept.create', label: 'Create' }, (db) => insertConcept(db, concept('made after')));
    expect(Number(after)).toBe(43);
  });
});
