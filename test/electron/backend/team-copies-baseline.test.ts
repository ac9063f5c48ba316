// Copies prepared "with a baseline", on real project files: the copy's codebook is the baseline's
// (labels, codes, places, filings), the original is untouched, and a copy coded and merged back
// brings its passages onto the right concepts without reverting what the original changed since
// the baseline (an edit in the copy of such an item is a conflict). The study's published figures
// give its codebook as published. Unknown baselines are refused.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../shared/api/client';
import type { Codebook } from '../../../shared/domain/model';
import type { DocumentId } from '../../../shared/domain/ids';
import { openProjectFile } from '../../../db/sqlite/open';
import { importTexts, readExample, startBackend, type TestBackend } from '../../helpers/backend';

const FA = 'Account-based marketing (fa).txt';

let t: TestBackend;
let api: ApiClient;
let original: string;
let source: { id: DocumentId; text: string };

const find = (text: string, phrase: string) => {
  const at = text.indexOf(phrase);
  if (at < 0) throw new Error(`"${phrase}" not in text`);
  return { start: at, end: at + phrase.length };
};

/** The codebook as a reader sees it: labels, codes, places and filings, by name. */
function shape(book: Codebook) {
  const catName = new Map(book.categories.map((c) => [c.id, c.name]));
  const conLabel = new Map(book.concepts.map((c) => [c.id, c.label]));
  return {
    concepts: book.concepts.map((c) => `${c.id} ${c.label} [${c.code ?? ''}]`).sort(),
    categories: book.categories.map((c) => `${c.id} ${c.name} under ${c.parentId === null ? '-' : catName.get(c.parentId)} in ${c.component ?? '-'}`).sort(),
    filings: book.filings.map((f) => `${conLabel.get(f.conceptId)} in ${catName.get(f.categoryId)}`).sort(),
  };
}

const codebook = async () => shape(await api.call('codebook.get', {}));
const open = (file: string) => api.call('project.open', { path: file });
const conceptId = async (label: string) => (await api.call('codebook.get', {})).concepts.find((c) => c.label === label)!.id;
const categoryId = async (name: string) => (await api.call('codebook.get', {})).categories.find((c) => c.name === name)!.id;
const code = async (phrase: string, label: string) =>
  api.call('segment.code', { documentId: source.id, ...find(source.text, phrase), conceptId: await conceptId(label) });
const passages = async () =>
  (await api.call('segment.list', { scope: { kind: 'all' } })).map((s) => `${s.coderName ?? '-'} ${s.conceptLabel} ${s.start}-${s.end}`).sort();

let frozen: ReturnType<typeof shape>;
let baselineId: number;

beforeEach(async () => {
  t = startBackend();
  api = t.api;
  original = (await api.call('project.create', { name: 'Review' })).path;
  const [imported] = await importTexts(api, { [FA]: readExample(FA) });
  const doc = await api.call('document.get', { id: imported!.document!.id });
  source = { id: doc.document.id, text: doc.text };
  const drivers = await api.call('category.create', { name: 'Drivers' });
  await api.call('component.assign', { categoryId: drivers.id, component: 'causal' });
  const inner = await api.call('category.create', { name: 'Inner', parentId: drivers.id });
  const trust = await api.call('concept.create', { label: 'Trust' });
  await api.call('concept.create', { label: 'Cost' });
  await api.call('category.fileConcepts', { categoryId: inner.id, conceptIds: [trust.id] });
  baselineId = (await api.call('baseline.freeze', { name: 'Before wave 2' })).id;
  frozen = await codebook();

  // The codebook changes after the baseline: a rename, a new concept in a new category, a move.
  await api.call('concept.update', { id: trust.id, label: 'Trust in vendor' });
  await api.call('category.update', { id: drivers.id, name: 'Key drivers' });
  const barriers = await api.call('category.create', { name: 'Barriers' });
  await api.call('component.assign', { categoryId: barriers.id, component: 'intervening' });
  const speed = await api.call('concept.create', { label: 'Speed' });
  await api.call('category.fileConcepts', { categoryId: barriers.id, conceptIds: [speed.id, await conceptId('Cost')] });
  await api.call('category.move', { id: inner.id, parentId: barriers.id });
  await code('B2B', 'Speed');
});
afterEach(() => t.cleanup());

describe('copies prepared with a baseline', () => {
  it('hold the baseline’s codebook; the original keeps its own; the coder’s passages merge back onto the right concepts without undoing the original’s changes', async () => {
    const now = await codebook();
    expect(now).not.toEqual(frozen);
    const made = await api.call('project.prepareCopies', { coders: ['Alice'], baselineId });
    expect(made).toMatchObject({ baseline: 'Before wave 2', leftOut: { concepts: [], categories: [] } });
    expect(await codebook()).toEqual(now);

    await open(made.files[0]!.path);
    expect(await codebook()).toEqual(frozen);
    expect(await api.call('segment.list', { scope: { kind: 'all' } })).toEqual([]);
    await api.call('coder.use', { name: 'Alice' });
    await code('بازاریابی مبتنی بر حساب', 'Trust');
    await code('B2B', 'Cost');

    await open(original);
    const before = await passages();
    const preview = await api.call('merge.preview', { path: made.files[0]!.path });
    expect(preview).toMatchObject({ sameOrigin: true, conflicts: [], added: { concepts: 0, categories: 0, passages: 2 }, updates: 0, deletions: 0 });
    await api.call('merge.apply', { path: made.files[0]!.path, resolutions: [] });
    const ab = find(source.text, 'بازاریابی مبتنی بر حساب');
    const b2b = find(source.text, 'B2B');
    expect(await passages()).toEqual([...before, `Alice Trust in vendor ${ab.start}-${ab.end}`, `Alice Cost ${b2b.start}-${b2b.end}`].sort());
    expect(await codebook()).toEqual(now);
    expect(await api.call('merge.preview', { path: made.files[0]!.path })).toMatchObject({ empty: true });
  });

  it('an item the coder changed in the copy that the original changed since the baseline is a conflict, not a silent choice', async () => {
    const made = await api.call('project.prepareCopies', { coders: ['Alice'], baselineId });
    await open(made.files[0]!.path);
    await api.call('coder.use', { name: 'Alice' });
    await api.call('concept.update', { id: await conceptId('Trust'), label: 'Confidence' });
    await open(original);
    const preview = await api.call('merge.preview', { path: made.files[0]!.path });
    expect(preview.conflicts.map((c) => [c.kind, c.ours, c.theirs])).toEqual([['renamed', 'Trust in vendor', 'Confidence']]);
  });

  it('reports the baseline’s items deleted since as left out of the copy', async () => {
    await api.call('concept.delete', { id: await conceptId('Trust in vendor') });
    await api.call('category.delete', { id: await categoryId('Key drivers') });
    const made = await api.call('project.prepareCopies', { coders: ['Alice'], baselineId });
    expect(made.leftOut).toEqual({ concepts: ['Trust'], categories: ['Drivers'] });
    await open(made.files[0]!.path);
    // Inner (under Drivers in the baseline) is a main category in Drivers' component; Cost is unfiled.
    expect(await codebook()).toEqual({
      concepts: [frozen.concepts.find((c) => c.includes('Cost'))!],
      categories: [`${await categoryId('Inner')} Inner under - in causal`],
      filings: [],
    });
    // Merged back untouched, the copy changes nothing in the original.
    await open(original);
    expect(await api.call('merge.preview', { path: made.files[0]!.path })).toMatchObject({ conflicts: [], deletions: 0, updates: 0, added: { concepts: 0, categories: 0 } });
  });

  it('the study’s published baseline gives the codebook as published, hidden reading options included', async () => {
    const study = (await api.call('project.openStudy', { fresh: true })).path;
    const published = (await api.call('baseline.list', {})).find((b) => b.kind === 'reported')!;
    const atStart = await codebook();
    const book = await api.call('codebook.get', {});
    const first = book.concepts[0]!;
    await api.call('concept.update', { id: first.id, label: 'Renamed since' });
    await api.call('concept.create', { label: 'New since' });
    const made = await api.call('project.prepareCopies', { coders: ['Alice'], baselineId: published.id });
    expect(made).toMatchObject({ baseline: published.name, leftOut: { concepts: [], categories: [] } });
    await open(made.files[0]!.path);
    expect(await codebook()).toEqual(atStart);
    // The categories of reading options not chosen are in no baseline; the copy keeps them all.
    const optionCategories = async (file: string) => {
      const store = openProjectFile(file, { readOnly: true });
      try {
        return await store.read((db) => db.all<{ id: number; name: string }>('SELECT id, name FROM category WHERE reading_option_id IS NOT NULL ORDER BY id'));
      } finally {
        await store.close();
      }
    };
    const kept = await optionCategories(made.files[0]!.path);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(await optionCategories(study));
  });

  it('refuses a baseline that does not exist and writes nothing', async () => {
    const coders = await api.call('coder.list', {});
    const steps = (await api.call('history.get', {})).entries.length;
    await expect(api.call('project.prepareCopies', { coders: ['Alice'], baselineId: 9999 })).rejects.toThrow('That baseline no longer exists; nothing was written.');
    expect(fs.readdirSync(path.dirname(original)).filter((f) => f.includes('Alice'))).toEqual([]);
    expect(await api.call('coder.list', {})).toEqual(coders);
    expect((await api.call('history.get', {})).entries.length).toBe(steps);
  });
});
