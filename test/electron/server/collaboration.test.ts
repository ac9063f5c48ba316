// Several users on one server project at once, over real HTTP: each hears the others' changes on
// the event stream within a second, with who made them; a write over a change the user's page has
// not seen is refused and changes nothing, the same write after a refresh wins and says whose
// change it replaced; undo is per user, and refuses (naming the other user) when their later
// change depends on it; passages and steps carry the user's coder.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Concept, HistoryState, ProjectInfo, Segment } from '../../../shared/domain/model';
import type { CallResponse } from '../../../shared/api/wire';
import { projectIdOf } from '../../../electron/backend/project-host';
import { startTestTeam, type Client, type TestTeam } from '../../helpers/team-server';

let team: TestTeam;
let sara: Client;
let reza: Client;
let project: ProjectInfo;
let documentId: number;

const failure = (answer: { body: CallResponse }) => (answer.body.ok ? null : answer.body.error);

beforeAll(async () => {
  team = await startTestTeam();
  const s = await team.user('sara', { admin: true, displayName: 'Sara' });
  const r = await team.user('reza', { displayName: 'رضا' });
  sara = await team.signIn(s.name);
  project = await sara.value<ProjectInfo>('project.create', { name: 'Live review' });
  await team.grant(r, projectIdOf(project.path), 'coder');
  reza = await team.signIn(r.name);
  await reza.value('project.open', { path: project.path });
  const imported = await sara.value<{ document: { id: number } }[]>('document.import', {
    files: [{ name: 'interviews.txt', dataBase64: Buffer.from('Trust between partners grows with time. Rivals watch each other closely. Prices follow.').toString('base64') }],
  });
  documentId = imported[0]!.document.id;
  reza.known = sara.known;
  reza.refreshed();
}, 120_000);

afterAll(async () => {
  await team?.close();
});

describe('live changes', () => {
  it('reach the other user within a second, naming who made them and what they did', async () => {
    const events = await reza.events();
    try {
      const started = Date.now();
      await sara.value('segment.code', { documentId, start: 0, end: 5, newConcept: { label: 'trust' } });
      const heard = await events.next((e) => e.type === 'project.changed' && e.method === 'external' && Boolean(e.label?.includes('“trust”')), 1000);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(heard).toMatchObject({ type: 'project.changed', by: 'Sara', kind: 'do', label: 'Code with new concept “trust” in “interviews”' });
      if (heard.type === 'project.changed') {
        expect(heard.touched.tables).toEqual(['concept', 'segment']);
        expect(heard.mark).toBeGreaterThan(0);
        expect(reza.known).toBe(heard.mark);
      }
    } finally {
      events.close();
    }
  });

  it('carry the user’s coder on their passages and their steps', async () => {
    const coded = await reza.value<Segment>('segment.code', { documentId, start: 40, end: 46, newConcept: { label: 'rivalry' } });
    const rows = await sara.value<{ id: number; coderName?: string | null }[]>('segment.list', { scope: { kind: 'all' } });
    expect(rows.find((r) => r.id === coded.id)).toBeTruthy();
    const coders = await team.pg.pool.query<{ name: string }>(
      `SELECT c.name FROM ${projectSchema()}.segment s JOIN ${projectSchema()}.coder c ON c.id = s.coder_id WHERE s.id = $1`,
      [coded.id],
    );
    expect(coders.rows[0]!.name).toBe('رضا');
    const history = await sara.value<HistoryState>('history.get');
    const rezaStep = history.entries.find((e) => e.label.includes('rivalry'))!;
    const mine = history.entries.find((e) => e.label.includes('“trust”'))!;
    expect(rezaStep.actor).not.toBe(mine.actor);
  });
});

const projectSchema = () => `gw_project_${projectIdOf(project.path)}`;

describe('two users changing the same item', () => {
  it('the write over a change the page has not seen is refused, naming who and what, and changes nothing', async () => {
    const trust = (await sara.value<{ concepts: Concept[] }>('codebook.get')).concepts.find((c) => c.label === 'trust')!;
    reza.refreshed();
    const rezaSaw = reza.seen;
    await sara.value('concept.update', { id: trust.id, label: 'trust in partners' });
    // Reza's page still shows "trust": his rename is made over Sara's, which he has not seen.
    const refused = await reza.call('concept.update', { id: trust.id, label: 'mutual trust' }, { seen: rezaSaw });
    expect(failure(refused)).toMatchObject({
      code: 'conflict',
      said: { params: { a: 'Sara' } },
      message:
        '“Sara” changed the same item a moment ago (“Rename concept “trust” to “trust in partners””), after what your screen shows; your change was not saved. Look at it again, then make your change anew.',
    });
    expect((await sara.value<{ concepts: Concept[] }>('codebook.get')).concepts.find((c) => c.id === trust.id)!.label).toBe('trust in partners');
    expect((await reza.value<HistoryState>('history.get')).undo?.label).not.toContain('mutual trust');
  });

  it('after a refresh the same write wins, with a notice that it replaced the other user’s change', async () => {
    const trust = (await reza.value<{ concepts: Concept[] }>('codebook.get')).concepts.find((c) => c.label === 'trust in partners')!;
    const answer = await reza.call('concept.update', { id: trust.id, label: 'mutual trust' });
    expect(answer.body.ok).toBe(true);
    // In English, and structured (the step's label inside it too) for the page to translate.
    expect(answer.body.notices?.map((n) => n.message)).toEqual(['Your change replaced one that “Sara” made a moment ago (“Rename concept “trust” to “trust in partners””).']);
    expect(answer.body.notices?.[0]?.said).toMatchObject({
      text: 'Your change replaced one that “{a}” made a moment ago (“{b}”).',
      params: { a: 'Sara', b: { text: 'Rename concept “{a}” to “{b}”', params: { a: 'trust', b: 'trust in partners' } } },
    });
    expect((await sara.value<{ concepts: Concept[] }>('codebook.get')).concepts.find((c) => c.id === trust.id)!.label).toBe('mutual trust');
  });

  it('changes to different items never conflict, whatever the page has seen', async () => {
    const stale = 0;
    const a = await sara.call('segment.code', { documentId, start: 6, end: 13, newConcept: { label: 'between' } }, { seen: stale });
    const b = await reza.call('segment.code', { documentId, start: 73, end: 79, newConcept: { label: 'prices' } }, { seen: stale });
    expect([a.body.ok, b.body.ok]).toEqual([true, true]);
  });

  it('deleting a concept another user has just coded with (unseen) is refused: their passage is not lost silently', async () => {
    const concept = await reza.value<Concept>('concept.create', { label: 'to be deleted' });
    const before = reza.seen;
    await sara.value('segment.code', { documentId, start: 47, end: 51, conceptId: concept.id });
    const refused = await reza.call('concept.delete', { id: concept.id }, { seen: before });
    expect(failure(refused)?.code).toBe('conflict');
    expect((await sara.value<unknown[]>('segment.list', { scope: { kind: 'concept', id: concept.id } })).length).toBe(1);
  });
});

describe('undo per user', () => {
  it('undoes the user’s own last step, leaving the other user’s later step alone', async () => {
    const mine = await sara.value<Segment>('segment.code', { documentId, start: 14, end: 22, newConcept: { label: 'partners' } });
    const theirs = await reza.value<Segment>('segment.code', { documentId, start: 23, end: 28, newConcept: { label: 'growth' } });
    const after = await sara.value<HistoryState>('history.undo');
    expect(after.redo?.label).toBe('Code with new concept “partners” in “interviews”');
    const ids = (await sara.value<{ id: number }[]>('segment.list', { scope: { kind: 'all' } })).map((s) => s.id);
    expect(ids).not.toContain(mine.id);
    expect(ids).toContain(theirs.id);
    await sara.value('history.redo');
  });

  it('is refused, naming the other user, when their later change depends on the step', async () => {
    const concept = await sara.value<Concept>('concept.create', { label: 'shared ground' });
    // Reza's page refreshes (it heard Sara's change), then he writes a memo on her new concept.
    await reza.value('codebook.get');
    await reza.value('memo.set', { target: { kind: 'concept', id: concept.id }, text: 'Reza’s note on it' });
    const refused = await sara.call('history.undo');
    expect(failure(refused)).toMatchObject({
      code: 'conflict',
      said: { params: { actor: 'رضا' } },
      message: '“Create concept “shared ground”” cannot be undone: a later change by “رضا” (“Edit memo of a concept”) changed the same items.',
    });
    expect((await sara.value<{ concepts: Concept[] }>('codebook.get')).concepts.some((c) => c.id === concept.id)).toBe(true);
  });
});
