import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../shared/api/client';
import type { DocumentId } from '../../../shared/domain/ids';
import type { SegmentScope } from '../../../shared/domain/model';
import { importTexts, readExample, startBackend, type TestBackend } from '../../helpers/backend';

let t: TestBackend;
let api: ApiClient;
let fa: { id: DocumentId; text: string };
let ar: { id: DocumentId; text: string };

const FA = 'Account-based marketing (fa).txt';
/** Occurs many times in the Persian article ("account-based marketing"). */
const ABM = 'بازاریابی مبتنی بر حساب';
const AR = 'B2B marketing attribution (ar).txt';

beforeEach(async () => {
  t = startBackend();
  api = t.api;
  await api.call('project.create', { name: 'Coding test' });
  const results = await importTexts(api, { [FA]: readExample(FA), [AR]: readExample(AR) });
  const [a, b] = await Promise.all(results.map((r) => api.call('document.get', { id: r.document!.id })));
  fa = { id: a!.document.id, text: a!.text };
  ar = { id: b!.document.id, text: b!.text };
});
afterEach(() => t.cleanup());

/** The range of the n-th occurrence of a phrase in a text. */
const find = (text: string, phrase: string, nth = 0) => {
  let at = -1;
  for (let i = 0; i <= nth; i += 1) at = text.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`"${phrase}" not in text`);
  return { start: at, end: at + phrase.length };
};

const counts = () => api.call('counts.paradigm', {});
const row = async (key: string) => (await counts()).rows.find((r) => r.component === key)!;

describe('open coding', () => {
  it('codes a Persian passage with a new concept and keeps the exact text, offsets and context', async () => {
    const range = find(fa.text, 'بازاریابی مبتنی بر حساب');
    const segment = await api.call('segment.code', { documentId: fa.id, ...range, newConcept: { label: 'ABM' } });
    expect(segment).toMatchObject({ ...range, text: 'بازاریابی مبتنی بر حساب', documentId: fa.id });
    expect(fa.text.slice(segment.start - segment.contextBefore.length, segment.start)).toBe(segment.contextBefore);
    expect(fa.text.slice(segment.end, segment.end + segment.contextAfter.length)).toBe(segment.contextAfter);
    const codebook = await api.call('codebook.get', {});
    expect(codebook.concepts).toMatchObject([{ label: 'ABM', segmentCount: 1, inVivo: false }]);
  });

  it('trims spaces and line ends at the edges of a selection', async () => {
    const range = find(fa.text, 'B2B');
    const segment = await api.call('segment.code', {
      documentId: fa.id,
      start: range.start - 1,
      end: range.end + 1,
      newConcept: { label: 'abbreviation' },
    });
    expect(segment.text).toBe('B2B');
  });

  it('in-vivo coding makes the selected words the label, and reuses that concept the next time', async () => {
    const phrase = 'کمپین';
    const first = await api.call('segment.code', { documentId: fa.id, ...find(fa.text, phrase), newConcept: { inVivo: true } });
    const second = await api.call('segment.code', { documentId: fa.id, ...find(fa.text, phrase, 1), newConcept: { inVivo: true } });
    expect(second.conceptId).toBe(first.conceptId);
    const { concepts } = await api.call('codebook.get', {});
    expect(concepts).toMatchObject([{ label: phrase, inVivo: true, segmentCount: 2 }]);
  });

  it('lets segments overlap and a passage carry several concepts, but not the same concept twice', async () => {
    const outer = find(ar.text, 'إسناد تسويق B2B');
    const inner = find(ar.text, 'تسويق B2B');
    const a = await api.call('segment.code', { documentId: ar.id, ...outer, newConcept: { label: 'attribution' } });
    const b = await api.call('segment.code', { documentId: ar.id, ...inner, newConcept: { label: 'B2B marketing' } });
    await api.call('segment.code', { documentId: ar.id, ...outer, conceptId: b.conceptId });
    await expect(api.call('segment.code', { documentId: ar.id, ...outer, conceptId: a.conceptId })).rejects.toThrow(/already coded/);
    const segments = await api.call('segment.list', { scope: { kind: 'document', id: ar.id } });
    expect(segments.map((s) => s.text)).toEqual(['إسناد تسويق B2B', 'إسناد تسويق B2B', 'تسويق B2B']);
  });

  it('uncoding removes only that segment; the concept stays', async () => {
    const s = await api.call('segment.code', { documentId: fa.id, ...find(fa.text, ABM), newConcept: { label: 'ABM' } });
    await api.call('segment.uncode', { id: s.id });
    expect(await api.call('segment.forDocument', { documentId: fa.id })).toEqual([]);
    expect((await api.call('codebook.get', {})).concepts).toMatchObject([{ label: 'ABM', segmentCount: 0 }]);
  });

  it('refuses ranges outside the text, empty ranges, whitespace and half a character', async () => {
    const { id: concept } = await api.call('concept.create', { label: 'x' });
    const code = (start: number, end: number) => api.call('segment.code', { documentId: fa.id, start, end, conceptId: concept });
    await expect(code(0, fa.text.length + 5)).rejects.toThrow(/outside the source/);
    await expect(code(10, 10)).rejects.toThrow(/empty/);
    const space = fa.text.indexOf(' ');
    await expect(code(space, space + 1)).rejects.toThrow(/only spaces/);
    const { id } = (await importTexts(api, { 'emoji.txt': 'a 😀 b\n' }))[0]!.document!;
    await expect(api.call('segment.code', { documentId: id, start: 2, end: 3, conceptId: concept })).rejects.toThrow(/split a character/);
  });

  it('refuses a second concept whose label differs only by Arabic/Persian letter forms or ZWNJ', async () => {
    await api.call('concept.create', { label: 'مشتری' });
    await expect(api.call('concept.create', { label: 'مشتري' })).rejects.toThrow(/already a concept/);
    await api.call('concept.create', { label: 'کسب‌وکار' });
    await expect(api.call('concept.create', { label: 'کسبوکار' })).rejects.toThrow(/already a concept/);
  });
});

describe('axial and selective coding', () => {
  async function codebookWithSegments() {
    const trust = await api.call('segment.code', { documentId: fa.id, ...find(fa.text, ABM), newConcept: { label: 'ABM' } });
    await api.call('segment.code', { documentId: fa.id, ...find(fa.text, ABM, 1), conceptId: trust.conceptId });
    const budget = await api.call('segment.code', { documentId: ar.id, ...find(ar.text, 'B2B'), newConcept: { label: 'B2B' } });
    const main = await api.call('category.create', { name: 'Account focus' });
    const sub = await api.call('category.create', { name: 'Targeting', parentId: main.id });
    const other = await api.call('category.create', { name: 'Attribution' });
    return { abm: trust.conceptId, b2b: budget.conceptId, main, sub, other };
  }

  it('counts a component through nested sub-categories: main categories, concepts and final codes', async () => {
    const { abm, b2b, main, sub, other } = await codebookWithSegments();
    await api.call('category.fileConcepts', { categoryId: sub.id, conceptIds: [abm] });
    await api.call('category.fileConcepts', { categoryId: other.id, conceptIds: [b2b] });
    await api.call('component.assign', { categoryId: main.id, component: 'strategies' });
    expect(await row('strategies')).toMatchObject({ mainCategories: 1, concepts: 1, finalCodes: 2 });
    expect((await counts()).unassigned).toMatchObject({ mainCategories: 1, conceptsOutsideComponents: 1, finalCodes: 1 });
    await api.call('component.assign', { categoryId: other.id, component: 'consequences' });
    const c = await counts();
    expect(c.totals).toEqual({ mainCategories: 2, concepts: 2, finalCodes: 3 });
    expect(c.unassigned).toEqual({ mainCategories: 0, conceptsUnfiled: 0, conceptsOutsideComponents: 0, finalCodes: 0 });
  });

  it('counts a concept filed under two components in each row and once in the totals', async () => {
    const { abm, main, other } = await codebookWithSegments();
    await api.call('category.fileConcepts', { categoryId: main.id, conceptIds: [abm] });
    await api.call('category.fileConcepts', { categoryId: other.id, conceptIds: [abm] });
    await api.call('component.assign', { categoryId: main.id, component: 'causal' });
    await api.call('component.assign', { categoryId: other.id, component: 'context' });
    const c = await counts();
    expect(c.rows.filter((r) => r.concepts > 0).map((r) => [r.component, r.concepts, r.finalCodes])).toEqual([
      ['causal', 1, 2],
      ['context', 1, 2],
    ]);
    expect(c.sums).toMatchObject({ concepts: 2, finalCodes: 4 });
    expect(c.totals).toMatchObject({ concepts: 1, finalCodes: 2 });
    expect(c.sharedConcepts).toMatchObject([{ label: 'ABM', components: ['causal', 'context'] }]);
  });

  it('moving concepts between categories moves them, several at once; filing without a source adds', async () => {
    const { abm, b2b, main, other } = await codebookWithSegments();
    await api.call('category.fileConcepts', { categoryId: main.id, conceptIds: [abm, b2b] });
    await api.call('category.fileConcepts', { categoryId: other.id, conceptIds: [abm, b2b], fromCategoryId: main.id });
    const { filings } = await api.call('codebook.get', {});
    expect(filings).toEqual([
      { categoryId: other.id, conceptId: abm },
      { categoryId: other.id, conceptId: b2b },
    ]);
  });

  it('a main category moved under another leaves its component; a category cannot go inside itself', async () => {
    const { main, sub, other } = await codebookWithSegments();
    await api.call('component.assign', { categoryId: other.id, component: 'context' });
    const moved = await api.call('category.move', { id: other.id, parentId: main.id });
    expect(moved).toMatchObject({ parentId: main.id, component: null });
    await expect(api.call('category.move', { id: main.id, parentId: sub.id })).rejects.toThrow(/inside itself/);
    await expect(api.call('component.assign', { categoryId: sub.id, component: 'causal' })).rejects.toThrow(/Only main categories/);
  });

  it('deleting a category removes its sub-categories, keeps concepts and segments, and says how many are left unfiled', async () => {
    const { abm, b2b, main, sub, other } = await codebookWithSegments();
    await api.call('category.fileConcepts', { categoryId: sub.id, conceptIds: [abm] });
    await api.call('category.fileConcepts', { categoryId: main.id, conceptIds: [b2b] });
    await api.call('category.fileConcepts', { categoryId: other.id, conceptIds: [b2b] });
    const result = await api.call('category.delete', { id: main.id });
    expect(result).toEqual({ deletedCategories: 2, unfiledConcepts: 1 });
    const codebook = await api.call('codebook.get', {});
    expect(codebook.categories.map((c) => c.name)).toEqual(['Attribution']);
    expect(codebook.concepts.map((c) => c.segmentCount)).toEqual([2, 1]);
  });

  it('deleting a concept deletes its segments and says how many', async () => {
    const { abm } = await codebookWithSegments();
    expect(await api.call('concept.delete', { id: abm })).toEqual({ deletedSegments: 2 });
    expect(await api.call('segment.forDocument', { documentId: fa.id })).toEqual([]);
  });

  it('retrieves segments by concept, category (with sub-categories), component and source', async () => {
    const { abm, b2b, main, sub } = await codebookWithSegments();
    await api.call('category.fileConcepts', { categoryId: sub.id, conceptIds: [abm] });
    await api.call('component.assign', { categoryId: main.id, component: 'phenomenon' });
    const texts = async (scope: SegmentScope) => (await api.call('segment.list', { scope })).map((s) => `${s.documentName}:${s.text}`);
    expect(await texts({ kind: 'concept', id: b2b })).toEqual(['B2B marketing attribution (ar):B2B']);
    expect(await texts({ kind: 'category', id: main.id })).toEqual([`Account-based marketing (fa):${ABM}`, `Account-based marketing (fa):${ABM}`]);
    expect(await texts({ kind: 'component', key: 'phenomenon' })).toHaveLength(2);
    expect(await texts({ kind: 'unassigned' })).toEqual(['B2B marketing attribution (ar):B2B']);
    expect(await texts({ kind: 'document', id: ar.id })).toHaveLength(1);
  });
});

describe('memos, undo and redo', () => {
  it('keeps a memo on every kind of item', async () => {
    const s = await api.call('segment.code', { documentId: fa.id, ...find(fa.text, ABM), newConcept: { label: 'ABM' } });
    const cat = await api.call('category.create', { name: 'C' });
    await api.call('memo.set', { target: { kind: 'segment', id: s.id }, text: 'segment memo' });
    await api.call('memo.set', { target: { kind: 'concept', id: s.conceptId }, text: 'concept memo' });
    await api.call('memo.set', { target: { kind: 'category', id: cat.id }, text: 'category memo' });
    await api.call('memo.set', { target: { kind: 'component', key: 'context' }, text: 'یادداشت زمینه' });
    await api.call('memo.set', { target: { kind: 'document', id: fa.id }, text: 'source memo' });
    const codebook = await api.call('codebook.get', {});
    expect(codebook.concepts[0]!.memo).toBe('concept memo');
    expect(codebook.categories[0]!.memo).toBe('category memo');
    expect(codebook.components.find((c) => c.key === 'context')!.memo).toBe('یادداشت زمینه');
    expect((await api.call('segment.get', { id: s.id })).memo).toBe('segment memo');
    expect((await api.call('segment.forDocument', { documentId: fa.id }))[0]!.hasMemo).toBe(true);
    expect((await api.call('document.get', { id: fa.id })).document.memo).toBe('source memo');
    await expect(api.call('memo.set', { target: { kind: 'segment', id: 999 as never }, text: 'x' })).rejects.toThrow(/does not exist/);
  });

  it('undoes and redoes several steps, and the history survives closing and reopening the project', async () => {
    const s = await api.call('segment.code', { documentId: fa.id, ...find(fa.text, ABM), newConcept: { label: 'ABM' } });
    const cat = await api.call('category.create', { name: 'Focus' });
    await api.call('category.fileConcepts', { categoryId: cat.id, conceptIds: [s.conceptId] });
    await api.call('component.assign', { categoryId: cat.id, component: 'causal' });
    expect(await row('causal')).toMatchObject({ mainCategories: 1, concepts: 1, finalCodes: 1 });

    await api.call('history.undo', {});
    await api.call('history.undo', {});
    expect(await row('causal')).toMatchObject({ mainCategories: 0, concepts: 0 });

    const file = t.backend.store!.location;
    await api.call('project.close', {});
    await api.call('project.open', { path: file });
    const h = await api.call('history.get', {});
    expect(h.undo!.label).toBe('Create main category “Focus”');
    expect(h.redo!.label).toBe('File concept “ABM” under “Focus”');

    await api.call('history.redo', {});
    await api.call('history.redo', {});
    expect(await row('causal')).toMatchObject({ mainCategories: 1, concepts: 1, finalCodes: 1 });
    for (let i = 0; i < 4; i += 1) await api.call('history.undo', {});
    expect(await api.call('codebook.get', {})).toMatchObject({ concepts: [], categories: [] });
    expect(await api.call('segment.forDocument', { documentId: fa.id })).toEqual([]);
    for (let i = 0; i < 4; i += 1) await api.call('history.redo', {});
    const codebook = await api.call('codebook.get', {});
    expect(codebook.concepts).toMatchObject([{ id: s.conceptId, label: 'ABM', segmentCount: 1 }]);
    expect(codebook.categories).toMatchObject([{ id: cat.id, component: 'causal' }]);
  });

  it('undoing a deleted concept brings back its segments and filings', async () => {
    const s = await api.call('segment.code', { documentId: fa.id, ...find(fa.text, ABM), newConcept: { label: 'ABM' } });
    const cat = await api.call('category.create', { name: 'Focus' });
    await api.call('category.fileConcepts', { categoryId: cat.id, conceptIds: [s.conceptId] });
    await api.call('concept.delete', { id: s.conceptId });
    await api.call('history.undo', {});
    const codebook = await api.call('codebook.get', {});
    expect(codebook.filings).toEqual([{ categoryId: cat.id, conceptId: s.conceptId }]);
    expect(await api.call('segment.list', { scope: { kind: 'document', id: fa.id } })).toMatchObject([{ id: s.id, text: ABM }]);
  });

  it('a new action after undo drops the redo step', async () => {
    await api.call('concept.create', { label: 'one' });
    await api.call('history.undo', {});
    await api.call('concept.create', { label: 'two' });
    const h = await api.call('history.get', {});
    expect(h.redo).toBeNull();
    expect(h.entries.map((e) => e.label)).toEqual(['Create concept “two”', 'Import 2 sources']);
  });

  it('memo edits in quick succession are one undo step', async () => {
    await api.call('memo.set', { target: { kind: 'document', id: fa.id }, text: 'a' });
    await api.call('memo.set', { target: { kind: 'document', id: fa.id }, text: 'ab' });
    await api.call('memo.set', { target: { kind: 'document', id: fa.id }, text: 'abc' });
    await api.call('history.undo', {});
    expect((await api.call('document.get', { id: fa.id })).document.memo).toBe('');
  });

  it('a failing action writes nothing and leaves no history entry', async () => {
    const before = await api.call('history.get', {});
    await expect(api.call('category.fileConcepts', { categoryId: 42 as never, conceptIds: [1 as never] })).rejects.toThrow(/does not exist/);
    await expect(api.call('segment.code', { documentId: fa.id, start: 0, end: 3, newConcept: { label: '   ' } })).rejects.toThrow(/empty/);
    expect(await api.call('history.get', {})).toEqual(before);
    expect((await api.call('codebook.get', {})).concepts).toEqual([]);
  });
});
