// Moving projects in and out of the team server: a .groundwork file coded by two coders is
// published (in the app, and with the command line's --map); each coder becomes a user or is mapped
// to the user of that name, whose passages and steps stay theirs (their first undo on the server
// undoes their last step from the file); downloading it back, in the app or on the command line,
// gives a file with every row, id and step of the server project; a .qdpx download carries the
// passages and coders.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectTables, SESSION_TABLES } from '../../../db/schema-info';
import { openProjectFile } from '../../../db/sqlite/open';
import type { Store } from '../../../db/store';
import { projectIdOf } from '../../../electron/backend/project-host';
import type { HistoryState, ProjectInfo, SegmentRow } from '../../../shared/domain/model';
import type { Member, PublishedCoder } from '../../../shared/api/server-contract';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/files';
import { startTestTeam, type Client, type TestTeam } from '../../helpers/team-server';

let team: TestTeam;
let dir: string;
let file: string;
let admin: Client;

/** Every row of every project table, in key order (live sessions left out). */
const dump = (store: Store) =>
  store.read(async (db) => {
    const out: Record<string, unknown[]> = {};
    for (const table of await projectTables(db)) {
      if (SESSION_TABLES.includes(table.name)) continue;
      out[table.name] = await db.all(`SELECT * FROM "${table.name}" ORDER BY ${table.key.map((k) => `"${k}"`).join(', ')}`);
    }
    return out;
  });

async function dumpFile(target: string) {
  const store = openProjectFile(target, { readOnly: true });
  try {
    return await dump(store);
  } finally {
    await store.close();
  }
}

async function dumpServer(projectId: number) {
  const store = await team.pg.openProject(projectId, { readOnly: true });
  try {
    return await dump(store);
  } finally {
    await store.close();
  }
}

const ok = (result: { code: number; stderr: string }) => expect(result.code, result.stderr).toBe(0);

beforeAll(async () => {
  team = await startTestTeam();
  dir = tempDir();
  file = path.join(dir, 'coded.groundwork');
  const text = path.join(dir, 'interview.txt');
  fs.writeFileSync(text, 'Trust between partners grows with time. Rivals watch each other closely. Prices follow the leader.');
  ok(await runCli('init', file, '--name', 'Two coders'));
  ok(await runCli('import', file, text));
  ok(await runCli('code', file, '--source', 'interview', '--start', '0', '--end', '5', '--concept', 'trust', '--coder', 'Mina'));
  ok(await runCli('code', file, '--source', 'interview', '--start', '0', '--end', '5', '--concept', 'trust', '--coder', 'Kamran'));
  ok(await runCli('code', file, '--source', 'interview', '--start', '40', '--end', '46', '--concept', 'rivalry', '--coder', 'Kamran'));
  const owner = await team.user('publisher', { admin: true, displayName: 'Publisher' });
  admin = await team.signIn(owner.name);
}, 180_000);

afterAll(async () => {
  await team?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('publishing a project file in the app', () => {
  let project: ProjectInfo;
  let coders: PublishedCoder[];
  let kamranName: string;

  beforeAll(async () => {
    kamranName = (await team.user('kamran', { displayName: 'Kamran' })).name;
    const published = await admin.value<{ project: ProjectInfo; coders: PublishedCoder[] }>('project.publish', {
      name: 'coded.groundwork',
      dataBase64: fs.readFileSync(file).toString('base64'),
    });
    ({ project, coders } = published);
  }, 60_000);

  it('makes a server project with every row, id and step of the file', async () => {
    expect(project.name).toBe('Two coders');
    expect(await dumpServer(projectIdOf(project.path))).toEqual(await dumpFile(file));
  });

  it('maps a coder to the user of the same name and makes a user for the other, both coders of the project', async () => {
    expect(coders).toEqual([
      { coder: 'Mina', user: 'mina', created: true },
      { coder: 'Kamran', user: kamranName, created: false },
    ]);
    const members = await admin.value<Member[]>('access.members');
    expect(members.map((m) => [m.displayName, m.role]).sort()).toEqual([
      ['Kamran', 'coder'],
      ['Mina', 'coder'],
      ['Publisher', 'owner'],
    ]);
    // A user made for a coder signs in once an administrator gives them a password.
    expect((await team.request('/api/login', { body: JSON.stringify({ name: 'mina', password: '' }) })).status).toBe(400);
    const { rows } = await team.pg.pool.query('SELECT password_hash FROM groundwork.account WHERE name = $1', ['mina']);
    expect(rows[0].password_hash).toBeNull();
  });

  it('keeps the mapped user’s passages and steps theirs: their first undo undoes their last step from the file', async () => {
    const kamran = await team.signIn(kamranName);
    await kamran.value('project.open', { path: project.path });
    const history = await kamran.value<HistoryState>('history.get');
    expect(history.undo?.label).toBe('Code with new concept “rivalry” in “interview”');
    await kamran.value('history.undo');
    const left = await kamran.value<SegmentRow[]>('segment.list', { scope: { kind: 'all' } });
    expect(left.map((s) => s.text)).toEqual(['Trust', 'Trust']);
    await kamran.value('history.redo');
    const coded = await kamran.value<{ id: number }>('segment.code', { documentId: left[0]!.documentId, start: 73, end: 79, newConcept: { label: 'prices' } });
    const { rows } = await team.pg.pool.query<{ name: string }>(
      `SELECT c.name FROM gw_project_${projectIdOf(project.path)}.segment s JOIN gw_project_${projectIdOf(project.path)}.coder c ON c.id = s.coder_id WHERE s.id = $1`,
      [coded.id],
    );
    expect(rows[0]!.name).toBe('Kamran');
    await team.pg.pool.query('DELETE FROM groundwork.account WHERE name = $1', ['mina']);
  });

  it('downloads back (project.download) as a file with every row, id and step of the server project, work done there included', async () => {
    const download = await admin.value<{ filename: string; dataBase64: string }>('project.download');
    expect(download.filename).toBe('Two coders.groundwork');
    const back = path.join(dir, 'downloaded.groundwork');
    fs.writeFileSync(back, Buffer.from(download.dataBase64, 'base64'));
    const rows = await dumpFile(back);
    expect(rows).toEqual(await dumpServer(projectIdOf(project.path)));
    expect((rows.segment as unknown[]).length).toBe(4);
    // The file opens in the app as any project file, and the server's last step undoes there.
    const store = openProjectFile(back);
    try {
      expect((await store.undo({ actor: (await store.history()).entries[0]!.actor }))?.label).toBe('Code with new concept “prices” in “interview”');
    } finally {
      await store.close();
    }
  });
});

describe('publishing and downloading on the command line', () => {
  it('publish --map gives a coder to a named user; download writes .groundwork (all rows) and .qdpx (passages, coders)', async () => {
    const db = process.env.GROUNDWORK_TEST_PG_DATABASE!;
    const owner = await team.user('cli-owner', { admin: true });
    const mina = await team.user('mina-s', { displayName: 'Mina Sadeghi' });
    const published = await runCli('publish', file, '--database', db, '--owner', owner.name, '--name', 'From the command line', '--map', `Mina=${mina.name}`);
    ok(published);
    const id = Number(/as project (\d+)\./.exec(published.stdout)![1]);
    expect(published.out.slice(1)).toEqual([`coder “Mina” → user ${mina.name}`, expect.stringMatching(/^coder “Kamran” → user kamran(-\d+)?$|^coder “Kamran” → user kamran-\d+-\d+$/)]);

    const back = path.join(dir, 'from-server.groundwork');
    ok(await runCli('download', String(id), back, '--database', db));
    expect(await dumpFile(back)).toEqual(await dumpServer(id));
    // The same as the file published, but for the name given with --name.
    const { project: named, ...rows } = await dumpFile(back);
    const { project: original, ...originalRows } = await dumpFile(file);
    expect(rows).toEqual(originalRows);
    expect(named).toEqual([{ ...(original![0] as object), name: 'From the command line' }]);
    const again = await runCli('download', String(id), back, '--database', db);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('There is already a file at');

    const qdpx = path.join(dir, 'from-server.qdpx');
    ok(await runCli('download', 'From the command line', qdpx, '--database', db));
    const reimported = path.join(dir, 'reimported.groundwork');
    ok(await runCli('init', reimported));
    ok(await runCli('import', reimported, qdpx));
    const reread = await dumpFile(reimported);
    expect((reread.segment as { start_offset: number; end_offset: number }[]).map((s) => [s.start_offset, s.end_offset]).sort()).toEqual([
      [0, 5],
      [0, 5],
      [40, 46],
    ]);
    expect((reread.coder as { name: string }[]).map((c) => c.name).sort()).toEqual(['Kamran', 'Mina']);

    const refused = await runCli('publish', file, '--database', db, '--owner', owner.name, '--map', 'Nobody=x');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('The file has no coder “Nobody”; nothing was published.');
    expect((await team.pg.listProjects()).filter((p) => p.name === 'Two coders').length).toBe(1);
  }, 120_000);
});
