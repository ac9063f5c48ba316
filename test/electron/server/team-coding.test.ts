// Team coding on the server: each user codes as themselves (their coder is the user, never asked
// for and never switched), so the coders of a server project are its users, and the agreement of
// two of them is computed from what each coded, as on project files; choosing what the counts
// count is an owner's.

import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ProjectInfo } from '../../../shared/domain/model';
import type { AgreementView, Coder, CoderSession } from '../../../shared/domain/team';
import { projectIdOf } from '../../../electron/backend/project-host';
import { startTestTeam, type Client, type TestTeam } from '../../helpers/team-server';

let team: TestTeam;
let owner: Client;
let ali: Client;
let bita: Client;

const TEXT = 'Trust between partners grows with time. Rivals watch each other closely.';

beforeAll(async () => {
  team = await startTestTeam();
  const s = await team.user('sara', { admin: true, displayName: 'Sara' });
  const a = await team.user('ali', { displayName: 'Ali' });
  const b = await team.user('bita', { displayName: 'Bita' });
  owner = await team.signIn(s.name);
  const project = await owner.value<ProjectInfo>('project.create', { name: 'Agreement review' });
  const [imported] = await owner.value<{ document: { id: number } }[]>('document.import', {
    files: [{ name: 'interviews.txt', dataBase64: Buffer.from(TEXT).toString('base64') }],
  });
  const trust = await owner.value<{ id: number }>('concept.create', { label: 'trust' });
  const rivalry = await owner.value<{ id: number }>('concept.create', { label: 'rivalry' });
  for (const account of [a, b]) await team.grant(account, projectIdOf(project.path), 'coder');
  ali = await team.signIn(a.name);
  bita = await team.signIn(b.name);
  const documentId = imported!.document.id;
  const rivals = TEXT.indexOf('Rivals');
  for (const client of [ali, bita]) {
    await client.value('project.open', { path: project.path });
    await client.value('segment.code', { documentId, start: 0, end: 5, conceptId: trust.id });
  }
  await bita.value('segment.code', { documentId, start: rivals, end: rivals + 6, conceptId: rivalry.id });
}, 120_000);

afterAll(async () => {
  await team?.close();
});

it('codes each user as themselves: never asked who is coding, and unable to code as someone else', async () => {
  const session = await ali.value<CoderSession>('coder.session');
  expect(session.coder?.name).toBe('Ali');
  expect(session.ask).toBe(false);
  const refused = await ali.call('coder.use', { name: 'Bita' });
  expect(refused.status).toBe(403);
  expect(refused.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(refused.text).toContain('on a team server everyone codes as themselves');
  expect((await ali.value<CoderSession>('coder.session')).coder?.name).toBe('Ali');
  // A user who has not changed anything yet (their coder is made with their first change) is not
  // asked either, though the project has coders.
  const c = await team.user('chen', { displayName: 'Chen' });
  const path = (await ali.value<ProjectInfo>('project.current')).path;
  await team.grant(c, projectIdOf(path), 'coder');
  const chen = await team.signIn(c.name);
  await chen.value('project.open', { path });
  expect(await chen.value<CoderSession>('coder.session')).toMatchObject({ coder: null, ask: false });
});

it("computes two users' agreement from what each of them coded", async () => {
  const coders = await owner.value<Coder[]>('coder.list');
  const byName = new Map(coders.map((c) => [c.name, c]));
  expect(byName.get('Ali')?.segmentCount).toBe(1);
  expect(byName.get('Bita')?.segmentCount).toBe(2);
  const view = await ali.value<AgreementView>('agreement.compute', { coderA: byName.get('Ali')!.id, coderB: byName.get('Bita')!.id });
  // One source, two concepts: both used "trust" there, only Bita used "rivalry".
  expect(view.report.presence.overall).toMatchObject({ units: 2, agreements: 1, percent: 50 });
  // Passages: Ali's "Trust" matches Bita's; Bita's "Rivals" has no counterpart.
  expect(view.report.overlap.overall).toMatchObject({ units: 2, agreements: 1, percent: 50 });
});

it('lets only an owner choose what the counts count', async () => {
  const ali_ = (await owner.value<Coder[]>('coder.list')).find((c) => c.name === 'Ali')!;
  expect((await bita.call('counts.setBasis', { basis: { kind: 'coder', coderId: ali_.id } })).status).toBe(403);
  const chosen = await owner.value<{ basis: { kind: string } }>('counts.setBasis', { basis: { kind: 'coder', coderId: ali_.id } });
  expect(chosen.basis).toEqual({ kind: 'coder', coderId: ali_.id });
});
