// The team server's defences, over real HTTP against the run's PostgreSQL database: a request
// without a valid sign-in, beyond its role, naming another project, from another site (Origin) or
// for another host, an oversized body, and SQL in every text field are each refused (or stored as
// plain text) with a clear answer, and change nothing; sign-in attempts are limited; the cookie
// is HttpOnly, SameSite=Strict and Secure; the database keeps a password's scrypt hash only.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../db/postgres/accounts';
import type { ProjectInfo } from '../../../shared/domain/model';
import { PASSWORD, startTestTeam, type Client, type TestTeam } from '../../helpers/team-server';
import { projectIdOf } from '../../../electron/backend/project-host';
import { translate } from '../../../shared/i18n/translate';

let team: TestTeam;
let owner: Client;
let ownerAccount: Account;
let project: ProjectInfo;
let projectId: number;
let documentId: number;

/** Every row of the open project that a user's work lives in, to show a refused call changed nothing. */
const snapshot = async (client: Client) =>
  JSON.stringify(
    await Promise.all([
      client.value('document.list'),
      client.value('codebook.get'),
      client.value('segment.list', { scope: { kind: 'all' } }),
      client.value('history.get'),
      client.value('access.members'),
    ]),
  );

beforeAll(async () => {
  team = await startTestTeam();
  ownerAccount = await team.user('owner', { admin: true, displayName: 'Olivia Owner' });
  owner = await team.signIn(ownerAccount.name);
  project = await owner.value<ProjectInfo>('project.create', { name: 'Security review' });
  projectId = projectIdOf(project.path);
  const imported = await owner.value<{ document: { id: number } }[]>('document.import', {
    files: [{ name: 'notes.txt', dataBase64: Buffer.from('Trust between partners grows with time. Rivals watch each other closely.').toString('base64') }],
  });
  documentId = imported[0]!.document.id;
  await owner.value('segment.code', { documentId, start: 0, end: 5, newConcept: { label: 'trust' } });
}, 120_000);

afterAll(async () => {
  await team?.close();
});

describe('a request without a valid sign-in', () => {
  it('is refused with 401 and a clear line, for every kind of request, and changes nothing', async () => {
    const before = await snapshot(owner);
    const body = JSON.stringify({ method: 'segment.code', input: { documentId, start: 6, end: 13, newConcept: { label: 'between' } } });
    for (const cookie of [null, '__Host-groundwork=made-up-token', `${owner.cookie}x`]) {
      const call = await team.request<{ ok: boolean; error: { code: string; message: string } }>('/api/call', { body, cookie });
      expect(call.status).toBe(401);
      // In English, and structured for the page to translate.
      expect(call.body.error).toEqual({
        code: 'signed-out',
        message: 'You are not signed in (or your sign-in has ended): sign in again.',
        said: { text: 'You are not signed in (or your sign-in has ended): sign in again.' },
      });
      expect((await team.request('/api/events', { cookie })).status).toBe(401);
      expect((await team.request('/api/session', { cookie })).status).toBe(401);
    }
    expect(await snapshot(owner)).toBe(before);
  });

  it('ends with signing out: the old cookie is refused afterwards', async () => {
    const account = await team.user('leaver');
    const client = await team.signIn(account.name);
    expect((await client.call('app.info')).status).toBe(200);
    expect((await team.request('/api/logout', { body: '{}', cookie: client.cookie })).status).toBe(200);
    expect((await client.call('app.info')).status).toBe(401);
  });

  it('is refused after the administrator sets a new password (signed out everywhere)', async () => {
    const account = await team.user('reset');
    const client = await team.signIn(account.name);
    const { setPasswordHash } = await import('../../../db/postgres/accounts');
    await setPasswordHash(team.pg, account.name, null);
    expect((await client.call('app.info')).status).toBe(401);
    expect((await team.request('/api/login', { body: JSON.stringify({ name: account.name, password: PASSWORD }) })).status).toBe(401);
  });
});

describe('the session cookie and the password', () => {
  it('is HttpOnly, SameSite=Strict, Secure and host-only, and the database holds only a scrypt hash', async () => {
    const account = await team.user('cookie');
    const answer = await team.request('/api/login', { body: JSON.stringify({ name: account.name, password: PASSWORD }) });
    const cookie = String(answer.headers['set-cookie']?.[0]);
    expect(cookie).toMatch(/^__Host-groundwork=[\w-]{43}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Secure');
    expect(cookie).not.toMatch(/Domain=/i);
    const { rows } = await team.pg.pool.query<{ password_hash: string }>('SELECT password_hash FROM groundwork.account WHERE id = $1', [account.id]);
    expect(rows[0]!.password_hash).toMatch(/^scrypt\$\d+\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(rows[0]!.password_hash).not.toContain(PASSWORD);
    const token = cookie.split(';')[0]!.split('=')[1]!;
    const { rows: signIns } = await team.pg.pool.query('SELECT 1 FROM groundwork.sign_in WHERE token_hash = $1', [token]);
    expect(signIns).toHaveLength(0);
  });
});

describe('sign-in attempts', () => {
  it('are limited: after 5 wrong passwords for a name even the right one is refused (429) for a while', async () => {
    const account = await team.user('guessed');
    for (let i = 0; i < 5; i += 1) {
      const wrong = await team.request<{ error: { message: string } }>('/api/login', { body: JSON.stringify({ name: account.name, password: `guess ${i}` }) });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.message).toBe('The name or the password is wrong.');
    }
    const limited = await team.request<{ error: { message: string } }>('/api/login', { body: JSON.stringify({ name: account.name, password: PASSWORD }) });
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toMatch(/^Too many failed sign-ins: try again in 1[45] minutes\.$/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(800);
    expect(limited.headers['set-cookie']).toBeUndefined();
  });

  it('say the same for an unknown name as for a wrong password', async () => {
    const answer = await team.request<{ error: { message: string } }>('/api/login', { body: JSON.stringify({ name: 'nobody-at-all', password: 'whatever it is' }) });
    expect(answer.status).toBe(401);
    expect(answer.body.error.message).toBe('The name or the password is wrong.');
  });
});

describe('a signed-in user beyond their role', () => {
  let viewer: Client;
  let coder: Client;

  beforeAll(async () => {
    const v = await team.user('viewer', { displayName: 'Vera Viewer' });
    const c = await team.user('coder', { displayName: 'Cyrus Coder' });
    await team.grant(v, projectId, 'viewer');
    await team.grant(c, projectId, 'coder');
    viewer = await team.signIn(v.name);
    coder = await team.signIn(c.name);
    await viewer.value('project.open', { path: project.path });
    await coder.value('project.open', { path: project.path });
  });

  it('a viewer reads, searches and exports, and every change is refused (403) naming the role; nothing changes', async () => {
    expect((await viewer.value<unknown[]>('segment.list', { scope: { kind: 'all' } })).length).toBe(1);
    expect((await viewer.value<{ total: number }>('search.query', { query: 'rivals' })).total).toBe(1);
    expect((await viewer.value<{ filename: string }>('exchange.export', { format: 'qdpx' })).filename).toMatch(/\.qdpx$/);
    expect((await viewer.value<{ filename: string }>('project.download')).filename).toBe('Security review.groundwork');
    const before = await snapshot(owner);
    const changes: [string, unknown][] = [
      ['segment.code', { documentId, start: 6, end: 13, conceptId: 1 }],
      ['memo.set', { target: { kind: 'document', id: documentId }, text: 'a viewer’s memo' }],
      ['concept.create', { label: 'by a viewer' }],
      ['history.undo', {}],
      ['document.delete', { id: documentId }],
      ['access.setRole', { user: 'x', role: 'owner' }],
    ];
    for (const [method, input] of changes) {
      const answer = await viewer.call<unknown>(method, input);
      expect(answer.status, method).toBe(403);
      expect(answer.body.ok).toBe(false);
      if (!answer.body.ok) expect(answer.body.error.code, method).toBe('forbidden');
    }
    const refused = await viewer.call('segment.code', { documentId, start: 6, end: 13, conceptId: 1 });
    expect(refused.body.ok || refused.body.error.message).toBe(
      'You are a viewer of “Security review”: you can read, search and export it; ask its owner for the coder role to change it.',
    );
    expect(await snapshot(owner)).toBe(before);
  });

  it('a coder codes and writes memos, but owner-only changes are refused naming the role', async () => {
    const coded = await coder.call('segment.code', { documentId, start: 6, end: 13, conceptId: 1 });
    expect(coded.body.ok).toBe(true);
    expect((await coder.call('memo.set', { target: { kind: 'concept', id: 1 }, text: 'grows slowly' })).body.ok).toBe(true);
    const before = await snapshot(owner);
    for (const [method, input] of [
      ['document.import', { files: [{ name: 'x.txt', dataBase64: Buffer.from('x').toString('base64') }] }],
      ['document.rename', { id: documentId, name: 'renamed' }],
      ['screening.decide', { ids: [1], decision: 'exclude', reasonId: 1 }],
      ['access.setRole', { user: ownerAccount.name, role: 'viewer' }],
      ['access.setCodebookRule', { codersEditCodebook: false }],
      ['project.create', { name: 'mine' }],
    ] as const) {
      const answer = await coder.call(method, input);
      expect(answer.status, method).toBe(403);
      if (!answer.body.ok) expect(answer.body.error.code).toBe('forbidden');
    }
    const refused = await coder.call('document.rename', { id: documentId, name: 'renamed' });
    expect(refused.body.ok || refused.body.error.message).toBe('Only an owner of “Security review” may do this (document.rename); you are one of its coders.');
    // Structured, so the Persian interface (and --lang fa) reads it in Persian, the role included.
    const said = refused.body.ok ? null : refused.body.error.said;
    expect(said && translate(said, 'fa')).toBe('فقط مالکِ «Security review» می‌تواند این کار را بکند (document.rename)؛ شما یکی از کدگذاران آن هستید.');
    expect(await snapshot(owner)).toBe(before);
  });

  it('a coder changes the codebook only while the owners allow it, and a new concept while coding counts as a change to it', async () => {
    expect((await coder.call('concept.create', { label: 'allowed' })).body.ok).toBe(true);
    await owner.value('access.setCodebookRule', { codersEditCodebook: false });
    const before = await snapshot(owner);
    for (const [method, input] of [
      ['concept.create', { label: 'not allowed' }],
      ['category.create', { name: 'not allowed' }],
      ['segment.code', { documentId, start: 14, end: 22, newConcept: { label: 'partners' } }],
    ] as const) {
      const answer = await coder.call(method, input);
      expect(answer.status, method).toBe(403);
      if (!answer.body.ok) expect(answer.body.error.message).toBe('The owners of “Security review” have not let coders change its codebook; code with the concepts it has, or ask an owner.');
    }
    expect(await snapshot(owner)).toBe(before);
    expect((await coder.call('segment.code', { documentId, start: 14, end: 22, conceptId: 1 })).body.ok).toBe(true);
    await owner.value('access.setCodebookRule', { codersEditCodebook: true });
  });

  it('a role taken away closes the project for that user at their next call', async () => {
    const gone = await team.user('gone');
    await team.grant(gone, projectId, 'coder');
    const client = await team.signIn(gone.name);
    await client.value('project.open', { path: project.path });
    await owner.value('access.setRole', { user: gone.name, role: null });
    const answer = await client.call('codebook.get');
    expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(403);
    expect((await client.value('project.current')) as unknown).toBeNull();
  });

  it('files on the server machine are out of reach: copies, backups and restores are refused', async () => {
    for (const [method, input] of [
      ['project.saveCopy', { path: '/tmp/stolen.groundwork' }],
      ['backup.list', {}],
      ['backup.restore', { id: '../../etc/passwd' }],
      ['project.openExample', { fresh: true }],
    ] as const) {
      const answer = await owner.call(method, input);
      expect(answer.status, method).toBe(403);
    }
  });

  it("files for an import (sent as bytes) are taken from an owner only; a coder's, a viewer's or no sign-in's are refused and nothing is held", async () => {
    const bytes = Buffer.from('Uploaded notes: trust is earned slowly.');
    const send = (cookie: string | null, type = 'application/octet-stream') =>
      team.request<{ ok: boolean; value?: { uploads: string[] }; error?: { code: string; message: string } }>('/api/upload', {
        body: bytes,
        cookie,
        headers: { 'Content-Type': type },
      });
    for (const client of [coder, viewer]) {
      const refused = await send(client.cookie);
      expect(refused.status).toBe(403);
      expect(refused.body.error?.code).toBe('forbidden');
    }
    expect((await send(null)).status).toBe(401);
    expect((await send(owner.cookie, 'text/plain')).status).toBe(415);
    const sent = await send(owner.cookie);
    expect(sent.status).toBe(200);
    const token = sent.body.value!.uploads[0]!;
    const [imported] = await owner.value<{ document: { id: number; name: string } }[]>('document.import', { files: [{ name: 'uploaded.txt', upload: token }] });
    expect(imported!.document.name).toBe('uploaded');
    expect((await owner.value<{ text: string }>('document.get', { id: imported!.document.id })).text).toBe('Uploaded notes: trust is earned slowly.');
    // A token is spent once.
    await owner.call('document.import', { files: [{ name: 'again.txt', upload: token }] });
    expect((await owner.value<{ name: string }[]>('document.list')).map((d) => d.name)).not.toContain('again');
    await owner.value('document.delete', { id: imported!.document.id });
  });
});

describe('another project', () => {
  it('cannot be opened, listed or reached by its ids without a role in it', async () => {
    const other = await owner.value<ProjectInfo>('project.create', { name: 'Someone else’s project' });
    await owner.value('document.import', { files: [{ name: 'secret.txt', dataBase64: Buffer.from('A secret text about pricing.').toString('base64') }] });
    const outsiderAccount = await team.user('outsider');
    await team.grant(outsiderAccount, projectId, 'coder');
    const outsider = await team.signIn(outsiderAccount.name);
    const listed = await outsider.value<{ inHome: { name: string }[] }>('project.list');
    expect(listed.inHome.map((p) => p.name)).toEqual(['Security review']);
    for (const location of [other.path, String(projectIdOf(other.path)), `gw_project_${projectIdOf(other.path)}`, '999999']) {
      const answer = await outsider.call('project.open', { path: location });
      expect(answer.status, location).toBe(403);
      expect(answer.body.ok || answer.body.error.message).toBe('You have no role in that project (or it does not exist); ask one of its owners to add you.');
    }
    // With their own project open, ids are read in it: the other project's source is not there.
    await outsider.value('project.open', { path: project.path });
    const secretId = (await owner.value<{ id: number; name: string }[]>('document.list')).find((d) => d.name === 'secret')!.id;
    const read = await outsider.call<{ text: string }>('document.get', { id: secretId });
    expect(read.body.ok ? read.body.value.text : '').not.toContain('pricing');
    await owner.value('project.open', { path: project.path });
  });
});

describe('requests from elsewhere', () => {
  it('a change without an Origin, or from another site, is refused (403) before anything runs; so is a sign-in', async () => {
    const before = await snapshot(owner);
    const body = JSON.stringify({ method: 'concept.create', input: { label: 'cross-site' } });
    for (const origin of [null, 'https://evil.example', 'http://127.0.0.1:1', 'null']) {
      const answer = await team.request('/api/call', { body, cookie: owner.cookie, origin });
      expect(answer.status, String(origin)).toBe(403);
      expect(answer.text).toBe('Cross-origin requests are refused.');
      const login = await team.request('/api/login', { body: JSON.stringify({ name: ownerAccount.name, password: PASSWORD }), origin });
      expect(login.status).toBe(403);
      expect(login.headers['set-cookie']).toBeUndefined();
    }
    // A form post (no JSON) cannot carry a call either.
    const form = await team.request('/api/call', { body: 'method=concept.create', cookie: owner.cookie, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(form.status).toBe(415);
    expect(await snapshot(owner)).toBe(before);
  });

  it('a request for another host name (DNS rebinding) is refused with 421', async () => {
    const answer = await team.request('/api/call', { body: '{"method":"app.info","input":{}}', cookie: owner.cookie, host: 'evil.example' });
    expect(answer.status).toBe(421);
    expect((await team.request('/', { host: 'evil.example:80' })).status).toBe(421);
  });
});

describe('malformed and oversized requests', () => {
  it('a body over 64 MiB is answered 413, a sign-in over 8 KiB too, and nothing changes', async () => {
    const before = await snapshot(owner);
    const huge = Buffer.alloc(65 * 1024 * 1024, 'a');
    const answer = await team.request('/api/call', { body: huge, cookie: owner.cookie });
    expect(answer.status).toBe(413);
    const login = await team.request('/api/login', { body: JSON.stringify({ name: 'x', password: 'y'.repeat(10_000) }) });
    expect(login.status).toBe(413);
    expect((await team.request('/api/call', { body: 'not json', cookie: owner.cookie })).status).toBe(400);
    expect((await team.request('/api/call', { body: '[1,2]', cookie: owner.cookie })).status).toBe(400);
    expect(await snapshot(owner)).toBe(before);
  });
});

describe('SQL in every text field', () => {
  const ATTACKS = [
    "'; DROP TABLE segment; --",
    "x' OR '1'='1",
    '"); DELETE FROM groundwork.account; --',
    "Robert'); DROP SCHEMA groundwork CASCADE;--",
    '$$; DROP TABLE concept; $$',
    "\\'; SELECT pg_sleep(5); --",
  ];

  it('is stored and searched as plain text: every table and every user is still there', async () => {
    const accounts = Number((await team.pg.pool.query('SELECT count(*) AS n FROM groundwork.account')).rows[0].n);
    for (const [i, attack] of ATTACKS.entries()) {
      const concept = await owner.value<{ id: number; label: string }>('concept.create', { label: `${attack} ${i}` });
      expect(concept.label).toBe(`${attack} ${i}`);
      const category = await owner.value<{ id: number; name: string }>('category.create', { name: `${attack} c${i}` });
      expect(category.name).toBe(`${attack} c${i}`);
      await owner.value('memo.set', { target: { kind: 'concept', id: concept.id }, text: attack });
      await owner.value('document.rename', { id: documentId, name: `${attack} d${i}` });
      await owner.value('search.query', { query: attack });
      await owner.value('synonym.set', { conceptId: concept.id, terms: [attack] });
      await owner.value('reason.create', { name: `${attack} r${i}` });
      await owner.value('record.update', { id: 1, changes: { venue: attack, abstract: attack } });
      await owner.value('wave.create', { name: `${attack} w${i}`, rule: { kind: 'years', from: 2000, to: null } });
      const refusedRole = await owner.call('access.setRole', { user: attack, role: 'owner' });
      expect(refusedRole.body.ok).toBe(false);
      const login = await team.request('/api/login', { body: JSON.stringify({ name: attack, password: attack }) });
      expect(login.status).toBe(401);
      const opened = await owner.call('project.open', { path: attack });
      expect(opened.status).toBe(403);
    }
    const codebook = await owner.value<{ concepts: { label: string }[] }>('codebook.get');
    for (const [i, attack] of ATTACKS.entries()) expect(codebook.concepts.map((c) => c.label)).toContain(`${attack} ${i}`);
    expect((await owner.value<unknown[]>('segment.list', { scope: { kind: 'all' } })).length).toBeGreaterThan(0);
    expect(Number((await team.pg.pool.query('SELECT count(*) AS n FROM groundwork.account')).rows[0].n)).toBe(accounts);
    const published = await owner.call('project.publish', { name: "x'; DROP TABLE segment;--.groundwork", dataBase64: Buffer.from('not a project').toString('base64') });
    expect(published.body.ok).toBe(false);
  }, 120_000);
});
