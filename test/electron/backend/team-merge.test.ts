// Team coding through the backend, on real project files: copies prepared for two coders, coded
// apart, merged back (passages come in with their coders, identical ones are not doubled, a second
// merge changes nothing and leaves no step, one undo takes a merge back exactly); conflicts listed
// and resolved; an undo in a copy travels as a change of its own; bad files refused with a message.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../shared/api/client';
import type { DocumentId } from '../../../shared/domain/ids';
import { english } from '../../../shared/domain/message';
import { translate } from '../../../shared/i18n/translate';
import { importTexts, readExample, startBackend, type TestBackend } from '../../helpers/backend';

const FA = 'Account-based marketing (fa).txt';

let t: TestBackend;
let api: ApiClient;
let original: string;
let source: { id: DocumentId; text: string };

const find = (text: string, phrase: string, nth = 0) => {
  let at = -1;
  for (let i = 0; i <= nth; i += 1) at = text.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`"${phrase}" not in text`);
  return { start: at, end: at + phrase.length };
};

beforeEach(async () => {
  t = startBackend();
  api = t.api;
  original = (await api.call('project.create', { name: 'Review' })).path;
  const [imported] = await importTexts(api, { [FA]: readExample(FA) });
  const doc = await api.call('document.get', { id: imported!.document!.id });
  source = { id: doc.document.id, text: doc.text };
  const main = await api.call('category.create', { name: 'Drivers' });
  await api.call('component.assign', { categoryId: main.id, component: 'causal' });
  const trust = await api.call('concept.create', { label: 'Trust' });
  await api.call('concept.create', { label: 'Cost' });
  await api.call('category.fileConcepts', { categoryId: main.id, conceptIds: [trust.id] });
});
afterEach(() => t.cleanup());

const open = (file: string) => api.call('project.open', { path: file });
const conceptId = async (label: string) => (await api.call('codebook.get', {})).concepts.find((c) => c.label === label)!.id;
const code = async (phrase: string, label: string, nth = 0) =>
  api.call('segment.code', { documentId: source.id, ...find(source.text, phrase, nth), conceptId: await conceptId(label) });
const passages = async () =>
  (await api.call('segment.list', { scope: { kind: 'all' } })).map((s) => `${s.coderName ?? '-'} ${s.conceptLabel} ${s.start}-${s.end}`).sort();

/** Copies for Alice and Bita, each coded apart; returns their paths. */
async function codeApart() {
  const copies = await api.call('project.prepareCopies', { coders: ['Alice', 'Bita'] });
  const [alice, bita] = copies.files.map((f) => f.path) as [string, string];
  await open(alice);
  expect(await api.call('segment.list', { scope: { kind: 'all' } })).toEqual([]);
  expect((await api.call('coder.session', {})).preparedFor?.name).toBe('Alice');
  await api.call('coder.use', { name: 'Alice' });
  await code('بازاریابی مبتنی بر حساب', 'Trust');
  await code('B2B', 'Cost');
  await open(bita);
  await api.call('coder.use', { name: 'Bita' });
  await code('بازاریابی مبتنی بر حساب', 'Trust');
  await code('B2B', 'Trust');
  return { alice, bita };
}

describe('preparing copies and merging them back', () => {
  it('brings each coder’s passages in with the coder, once, as one undo step; a second merge changes nothing', async () => {
    await code('بازاریابی مبتنی بر حساب', 'Cost'); // the original's own passage, no coder: not in the copies
    const { alice, bita } = await codeApart();
    await open(original);
    const before = await passages();
    const steps = (await api.call('history.get', {})).entries.length;

    const preview = await api.call('merge.preview', { path: alice });
    expect(preview).toMatchObject({ sameOrigin: true, added: { passages: 2, sources: 0, concepts: 0, coders: 0 }, conflicts: [], empty: false });
    const report = await api.call('merge.apply', { path: alice, resolutions: [] });
    expect(report).toMatchObject({ added: { passages: 2 }, nothingChanged: false });
    await api.call('merge.apply', { path: bita, resolutions: [] });
    const ab = find(source.text, 'بازاریابی مبتنی بر حساب');
    const b2b = find(source.text, 'B2B');
    expect(await passages()).toEqual(
      [
        ...before,
        `Alice Trust ${ab.start}-${ab.end}`,
        `Alice Cost ${b2b.start}-${b2b.end}`,
        `Bita Trust ${ab.start}-${ab.end}`,
        `Bita Trust ${b2b.start}-${b2b.end}`,
      ].sort(),
    );
    const history = await api.call('history.get', {});
    expect(history.entries.length).toBe(steps + 2);
    expect(history.entries[0]!.label).toMatch(/^Merge “Review – Bita”/);

    // The same copies again: nothing to do, no step.
    expect(await api.call('merge.preview', { path: alice })).toMatchObject({ empty: true, conflicts: [] });
    expect(await api.call('merge.apply', { path: bita, resolutions: [] })).toMatchObject({ nothingChanged: true, added: { passages: 0 } });
    expect((await api.call('history.get', {})).entries.length).toBe(steps + 2);
    expect((await passages()).length).toBe(before.length + 4);

    // One undo takes Bita's merge back exactly; merging again brings it in again.
    await api.call('history.undo', {});
    expect((await passages()).length).toBe(before.length + 2);
    expect((await api.call('merge.preview', { path: bita })).added.passages).toBe(2);
    await api.call('history.redo', {});
    expect((await passages()).length).toBe(before.length + 4);
    expect(await api.call('merge.preview', { path: bita })).toMatchObject({ empty: true });
  });

  it('does not double a passage the project already has: same source, offsets, concept and coder', async () => {
    const { alice } = await codeApart();
    await open(original);
    await api.call('coder.use', { name: 'Alice' });
    await code('بازاریابی مبتنی بر حساب', 'Trust'); // as Alice coded it in her copy
    const preview = await api.call('merge.preview', { path: alice });
    expect(preview).toMatchObject({ alreadyHere: 1, added: { passages: 1 } });
    await api.call('merge.apply', { path: alice, resolutions: [] });
    expect((await passages()).filter((p) => p.startsWith('Alice'))).toHaveLength(2);
    expect(await api.call('merge.preview', { path: alice })).toMatchObject({ empty: true });
  });

  it('records the coder on every passage and shows who made each step', async () => {
    const { alice } = await codeApart();
    await open(alice);
    const history = await api.call('history.get', {});
    expect(history.entries.filter((e) => e.kind === 'segment.code').map((e) => e.actorName)).toEqual(['Alice', 'Alice']);
    const coders = await api.call('coder.list', {});
    expect(coders.map((c) => `${c.name} ${c.segmentCount}`)).toEqual(['Alice 2', 'Bita 0']);
  });

  it('brings new sources, concepts and categories from a copy, filed as they were there', async () => {
    const { alice } = await codeApart();
    await open(alice);
    const [doc] = await importTexts(api, { 'Another.txt': 'A second source about trust and brand.' });
    const social = await api.call('category.create', { name: 'Social', parentId: (await api.call('codebook.get', {})).categories[0]!.id });
    const peers = await api.call('concept.create', { label: 'Peers' });
    await api.call('category.fileConcepts', { categoryId: social.id, conceptIds: [peers.id] });
    await api.call('segment.code', { documentId: doc!.document!.id, start: 2, end: 8, conceptId: peers.id });
    await open(original);
    const report = await api.call('merge.apply', { path: alice, resolutions: [] });
    expect(report.added).toMatchObject({ sources: 1, categories: 1, concepts: 1, passages: 3 });
    const codebook = await api.call('codebook.get', {});
    const socialHere = codebook.categories.find((c) => c.name === 'Social')!;
    expect(codebook.categories.find((c) => c.id === socialHere.parentId)?.name).toBe('Drivers');
    expect(codebook.filings).toContainEqual({ categoryId: socialHere.id, conceptId: codebook.concepts.find((c) => c.label === 'Peers')!.id });
    const another = (await api.call('document.list', {})).find((d) => d.name.startsWith('Another'))!;
    expect((await api.call('document.get', { id: another.id })).text).toBe('A second source about trust and brand.');
    expect(await api.call('merge.preview', { path: alice })).toMatchObject({ empty: true });
  });
});

describe('merging a REFI-QDA project', () => {
  it('brings in a coder’s passages from a .qdpx exported from her copy, with her as their coder; the same file again changes nothing', async () => {
    const { bita } = await codeApart();
    await open(bita);
    const exported = await api.call('exchange.export', { format: 'qdpx' });
    const qdpx = path.join(t.home, 'bita.qdpx');
    fs.writeFileSync(qdpx, Buffer.from(exported.dataBase64, 'base64'));
    await open(original);
    const before = await passages();
    const preview = await api.call('merge.preview', { path: qdpx });
    expect(preview).toMatchObject({ sameOrigin: true, added: { passages: 2, sources: 0, concepts: 0, categories: 0 }, conflicts: [] });
    const report = await api.call('merge.apply', { path: qdpx, resolutions: [] });
    expect(report).toMatchObject({ name: 'bita.qdpx', added: { passages: 2 }, nothingChanged: false });
    expect((await passages()).filter((p) => !before.includes(p)).every((p) => p.startsWith('Bita '))).toBe(true);
    expect(await passages()).toHaveLength(before.length + 2);
    const steps = (await api.call('history.get', {})).entries.length;
    expect(await api.call('merge.apply', { path: qdpx, resolutions: [] })).toMatchObject({ nothingChanged: true });
    expect((await api.call('history.get', {})).entries.length).toBe(steps);
  });
});

describe('conflicts', () => {
  it('lists a concept renamed differently in each copy, refuses to merge until it is resolved, then takes the choice', async () => {
    const { alice, bita } = await codeApart();
    await open(alice);
    await api.call('concept.update', { id: await conceptId('Trust'), label: 'Trust in vendors' });
    await open(bita);
    await api.call('concept.update', { id: await conceptId('Trust'), label: 'Confidence' });
    await open(original);
    await api.call('merge.apply', { path: alice, resolutions: [] });
    expect((await api.call('codebook.get', {})).concepts.map((c) => c.label)).toContain('Trust in vendors');
    const preview = await api.call('merge.preview', { path: bita });
    expect(preview.conflicts).toEqual([
      expect.objectContaining({ kind: 'renamed', itemKind: 'concept', ours: 'Trust in vendors', theirs: 'Confidence', choices: ['ours', 'theirs'] }),
    ]);
    await expect(api.call('merge.apply', { path: bita, resolutions: [] })).rejects.toThrow(/1 conflict is not resolved yet \(first: “Trust in vendors”\)/);
    expect((await api.call('codebook.get', {})).concepts.map((c) => c.label)).toContain('Trust in vendors');
    await api.call('merge.apply', { path: bita, resolutions: [{ conflict: preview.conflicts[0]!.id, choose: 'theirs' }] });
    expect((await api.call('codebook.get', {})).concepts.map((c) => c.label)).toContain('Confidence');
    // the choice is stamped after both sides: neither copy brings its own name back
    expect(await api.call('merge.preview', { path: bita })).toMatchObject({ empty: true });
    expect((await api.call('merge.preview', { path: alice })).conflicts).toEqual([]);
  });

  it('resolves every conflict one way with keep, and a typed name', async () => {
    const { alice, bita } = await codeApart();
    await open(alice);
    await api.call('memo.set', { target: { kind: 'concept', id: await conceptId('Cost') }, text: 'Alice: price' });
    await open(bita);
    await api.call('memo.set', { target: { kind: 'concept', id: await conceptId('Cost') }, text: 'Bita: budget' });
    await open(original);
    await api.call('merge.apply', { path: alice, resolutions: [] });
    const preview = await api.call('merge.preview', { path: bita });
    expect(preview.conflicts.map((c) => [c.kind, c.ours, c.theirs])).toEqual([['memo', 'Alice: price', 'Bita: budget']]);
    await api.call('merge.apply', { path: bita, resolutions: [{ conflict: preview.conflicts[0]!.id, text: 'price and budget' }] });
    expect((await api.call('codebook.get', {})).concepts.find((c) => c.label === 'Cost')!.memo).toBe('price and budget');
  });
});

describe('undo in a copy travels as a change of its own', () => {
  it('a rename undone in a copy after it was merged comes back undone, not renamed again', async () => {
    const { alice } = await codeApart();
    await open(alice);
    await api.call('concept.update', { id: await conceptId('Trust'), label: 'Trust in vendors' });
    await open(original);
    await api.call('merge.apply', { path: alice, resolutions: [] });
    expect((await api.call('codebook.get', {})).concepts.map((c) => c.label)).toContain('Trust in vendors');
    await open(alice);
    await api.call('history.undo', {});
    expect((await api.call('codebook.get', {})).concepts.map((c) => c.label)).toContain('Trust');
    await open(original);
    const preview = await api.call('merge.preview', { path: alice });
    expect(preview).toMatchObject({ conflicts: [], updates: 1 });
    await api.call('merge.apply', { path: alice, resolutions: [] });
    expect((await api.call('codebook.get', {})).concepts.map((c) => c.label).sort()).toEqual(['Cost', 'Trust']);
  });

  it('a concept deleted in a copy goes when merged; undoing the deletion there brings it back on the next merge', async () => {
    const { alice } = await codeApart();
    await open(alice);
    const cost = await conceptId('Cost');
    await api.call('concept.delete', { id: cost });
    await open(original);
    await api.call('merge.apply', { path: alice, resolutions: [] });
    expect((await api.call('codebook.get', {})).concepts.map((c) => c.label)).toEqual(['Trust']);
    await open(alice);
    await api.call('history.undo', {});
    expect((await api.call('codebook.get', {})).concepts.map((c) => c.label).sort()).toEqual(['Cost', 'Trust']);
    await open(original);
    await api.call('merge.apply', { path: alice, resolutions: [] });
    expect((await api.call('codebook.get', {})).concepts.map((c) => c.label).sort()).toEqual(['Cost', 'Trust']);
    expect((await passages()).filter((p) => p.includes('Cost'))).toHaveLength(1);
    // redo in the copy deletes it again, and that travels too
    await open(alice);
    await api.call('history.redo', {});
    await open(original);
    await api.call('merge.apply', { path: alice, resolutions: [] });
    expect((await api.call('codebook.get', {})).concepts.map((c) => c.label)).toEqual(['Trust']);
  });

  it('an undone passage is not brought back by a copy that had it', async () => {
    const { alice } = await codeApart();
    await open(original);
    await api.call('merge.apply', { path: alice, resolutions: [] });
    await open(alice);
    await api.call('history.undo', {}); // Alice's last passage (B2B as Cost) is taken back
    await open(original);
    await api.call('merge.apply', { path: alice, resolutions: [] });
    expect((await passages()).filter((p) => p.startsWith('Alice'))).toHaveLength(1);
  });
});

describe('bad input', () => {
  it('refuses a file that is not a project, and one from a newer Groundwork, changing nothing', async () => {
    const text = path.join(t.home, 'notes.groundwork');
    fs.writeFileSync(text, 'just some text, not a database at all, long enough to have a header of one hundred bytes or so....');
    await expect(api.call('merge.preview', { path: text })).rejects.toThrow(/notes\.groundwork is not a Groundwork project file/);
    const { alice } = await codeApart();
    const newer = path.join(t.home, 'newer.groundwork');
    fs.copyFileSync(alice, newer);
    const db = new Database(newer);
    db.pragma('user_version = 999');
    db.close();
    await open(original);
    const steps = (await api.call('history.get', {})).entries.length;
    await expect(api.call('merge.apply', { path: newer, resolutions: [] })).rejects.toThrow(/newer\.groundwork was saved by a newer version of Groundwork/);
    await expect(api.call('merge.preview', { path: path.join(t.home, 'missing.groundwork') })).rejects.toThrow(/There is no project file/);
    expect((await api.call('history.get', {})).entries.length).toBe(steps);
  });

  it('warns when the other project has another origin, and merges it by label', async () => {
    const other = (await api.call('project.create', { name: 'Stranger' })).path;
    await importTexts(api, { [FA]: readExample(FA) });
    const main = await api.call('category.create', { name: 'Drivers' });
    const trust = await api.call('concept.create', { label: 'Trust' });
    await api.call('category.fileConcepts', { categoryId: main.id, conceptIds: [trust.id] });
    await api.call('coder.use', { name: 'Sara' });
    await code('B2B', 'Trust');
    await open(original);
    const preview = await api.call('merge.preview', { path: other });
    expect(preview.sameOrigin).toBe(false);
    expect(preview.warnings[0]).toMatch(/Stranger\.groundwork is not a copy of this project/);
    // The same warning structured: the Persian interface and `--lang fa` word it from its template.
    expect(english(preview.warningsSaid[0]!)).toBe(preview.warnings[0]);
    expect(translate(preview.warningsSaid[0]!, 'fa')).toMatch(/^Stranger\.groundwork نسخه‌ای از این پروژه نیست/);
    const report = await api.call('merge.apply', { path: other, resolutions: [], keep: 'ours' });
    expect(report.added).toMatchObject({ coders: 1, passages: 1, concepts: 0, sources: 0 });
  });

  it('refuses a blank or duplicate coder name', async () => {
    await expect(api.call('coder.create', { name: '  ' })).rejects.toThrow('A coder needs a name.');
    await api.call('coder.create', { name: 'Alice' });
    await expect(api.call('coder.create', { name: ' alice ' })).rejects.toThrow('There is already a coder “Alice”.');
    await expect(api.call('project.prepareCopies', { coders: ['Bita', 'bita'] })).rejects.toThrow('The list names the coder “Bita” twice.');
    await expect(api.call('project.prepareCopies', { coders: ['Bita', ''] })).rejects.toThrow(/name 2 of the list is blank/);
    expect((await api.call('coder.list', {})).map((c) => c.name)).toEqual(['Alice']);
  });

  it('refuses to write copies over existing files', async () => {
    await api.call('project.prepareCopies', { coders: ['Alice'] });
    await expect(api.call('project.prepareCopies', { coders: ['Bita', 'Alice'] })).rejects.toThrow(/There is already a file at .*Review – Alice\.groundwork; nothing was written/);
    expect(fs.existsSync(path.join(path.dirname(original), 'Review – Bita.groundwork'))).toBe(false);
  });
});
