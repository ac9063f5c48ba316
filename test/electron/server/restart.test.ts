// A team server started again (after a crash or an upgrade) keeps every sign-in and the project
// each had open: a page's first calls after the restart, sent together as a page sends them, all
// answer from that project (none finds "no project open" while it reopens).

import http from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ProjectInfo } from '../../../shared/domain/model';
import type { CallResponse } from '../../../shared/api/wire';
import { startTeamServer, type TeamServer } from '../../../electron/server/team-server';
import { projectIdOf } from '../../../electron/backend/project-host';
import { EXAMPLES, REPO } from '../../helpers/files';
import { startTestTeam, type Client, type TestTeam } from '../../helpers/team-server';

let team: TestTeam;
let again: TeamServer | null = null;
let coder: Client;
let project: ProjectInfo;

beforeAll(async () => {
  team = await startTestTeam();
  const admin = await team.user('owner', { admin: true });
  const c = await team.user('coder');
  const owner = await team.signIn(admin.name);
  project = await owner.value<ProjectInfo>('project.create', { name: 'Restarted review' });
  await owner.value('document.import', { files: [{ name: 'notes.txt', dataBase64: Buffer.from('Trust grows with time.').toString('base64') }] });
  await team.grant(c, projectIdOf(project.path), 'coder');
  coder = await team.signIn(c.name);
  await coder.value('project.open', { path: project.path });
}, 120_000);

afterAll(async () => {
  await again?.close();
  await team?.close();
});

function call(port: number, cookie: string, method: string): Promise<CallResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/call',
        method: 'POST',
        headers: { Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:${port}`, Cookie: cookie, 'Content-Type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as CallResponse));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ method, input: {} }));
  });
}

it("a restarted server answers a page's first calls, sent together, from the project its sign-in had open", async () => {
  await team.team.close();
  again = await startTeamServer({ server: team.pg, rendererDir: `${REPO}/dist/renderer`, examplesDir: EXAMPLES, version: '0.0.0-test' });
  const answers = await Promise.all(['document.list', 'codebook.get', 'counts.paradigm', 'history.get', 'project.current'].map((m) => call(again!.port, coder.cookie, m)));
  for (const answer of answers) expect(answer).toMatchObject({ ok: true });
  const current = answers[4] as { ok: true; value: ProjectInfo | null };
  expect(current.value?.path).toBe(project.path);
  const documents = answers[0] as { ok: true; value: { name: string }[] };
  expect(documents.value.map((d) => d.name)).toEqual(['notes']);
});
