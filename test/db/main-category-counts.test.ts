// counts.mainCategories on small projects built through the API: sub-categories count in their
// main category, a concept in two main categories counts in each (once per component and in the
// total), main categories outside every component are listed apart.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client';
import type { ConceptId, DocumentId } from '../../shared/domain/ids';
import { importTexts, startBackend, type TestBackend } from '../helpers/backend';

let t: TestBackend;
let api: ApiClient;
let doc: DocumentId;
const TEXT = 'اعتماد مشتری و بودجه بازاریابی B2B و کانال‌های ارتباطی و سنجش عملکرد در بازار سازمانی.\n';

beforeEach(async () => {
  t = startBackend();
  api = t.api;
  await api.call('project.create', { name: 'Main category counts' });
  const [r] = await importTexts(api, { 'a.txt': TEXT });
  doc = r!.document!.id;
});
afterEach(() => t.cleanup());

let nextStart = 0;
/** Codes n distinct passages (one character each) with the concept. */
async function code(concept: ConceptId, n: number) {
  for (let i = 0; i < n; i += 1) {
    await api.call('segment.code', { documentId: doc, start: nextStart, end: nextStart + 1, conceptId: concept });
    nextStart += 1;
  }
}
const concept = async (label: string) => (await api.call('concept.create', { label })).id;
const category = async (name: string, parentId?: number) =>
  (await api.call('category.create', { name, parentId: parentId ?? null })).id;

describe('counts.mainCategories', () => {
  beforeEach(() => {
    nextStart = 0;
  });

  it('counts concepts of nested sub-categories in their main category, with their final codes', async () => {
    const [trust, budget, channel] = [await concept('اعتماد'), await concept('بودجه بازاریابی B2B'), await concept('channels')];
    await code(trust, 2);
    await code(budget, 3);
    await code(channel, 1);
    const main = await category('راهبرد');
    const sub = await category('sub', main);
    const subsub = await category('subsub', sub);
    await api.call('category.fileConcepts', { categoryId: main, conceptIds: [trust] });
    await api.call('category.fileConcepts', { categoryId: subsub, conceptIds: [budget, trust] });
    await api.call('category.fileConcepts', { categoryId: sub, conceptIds: [channel] });
    await api.call('component.assign', { categoryId: main, component: 'strategies' });

    const counts = await api.call('counts.mainCategories', {});
    const strategies = counts.components.find((c) => c.component === 'strategies')!;
    expect(strategies).toMatchObject({ label: 'Strategies', mainCategories: 1, concepts: 3, finalCodes: 6 });
    expect(strategies.categories).toEqual([
      { id: main, name: 'راهبرد', labelFa: null, labelEn: null, color: expect.stringMatching(/^#/), concepts: 3, finalCodes: 6 },
    ]);
    expect(counts.components.map((c) => c.component)).toEqual(['causal', 'context', 'intervening', 'phenomenon', 'strategies', 'consequences']);
    expect(counts.components.filter((c) => c.component !== 'strategies').every((c) => c.categories.length === 0 && c.finalCodes === 0)).toBe(true);
    expect(counts.totals).toEqual({ mainCategories: 1, concepts: 3, finalCodes: 6 });
    expect(counts.unassigned).toEqual([]);
  });

  it('counts a concept in two main categories in each, and once in the component and the total', async () => {
    const shared = await concept('shared');
    const own = await concept('own');
    await code(shared, 4);
    await code(own, 1);
    const a = await category('A');
    const b = await category('B');
    const c = await category('C');
    await api.call('category.fileConcepts', { categoryId: a, conceptIds: [shared, own] });
    await api.call('category.fileConcepts', { categoryId: b, conceptIds: [shared] });
    await api.call('category.fileConcepts', { categoryId: c, conceptIds: [shared] });
    await api.call('component.assign', { categoryId: a, component: 'causal' });
    await api.call('component.assign', { categoryId: b, component: 'causal' });
    await api.call('component.assign', { categoryId: c, component: 'consequences' });

    const counts = await api.call('counts.mainCategories', {});
    const causal = counts.components.find((x) => x.component === 'causal')!;
    expect(causal.categories.map((m) => [m.name, m.concepts, m.finalCodes])).toEqual([
      ['A', 2, 5],
      ['B', 1, 4],
    ]);
    // The component counts its distinct concepts: 2, not 3; its final codes 5, not 9.
    expect(causal).toMatchObject({ mainCategories: 2, concepts: 2, finalCodes: 5 });
    const consequences = counts.components.find((x) => x.component === 'consequences')!;
    expect(consequences).toMatchObject({ mainCategories: 1, concepts: 1, finalCodes: 4 });
    expect(counts.totals).toEqual({ mainCategories: 3, concepts: 2, finalCodes: 5 });
    // Same figures as Table 8 per component.
    const table8 = await api.call('counts.paradigm', {});
    for (const row of table8.rows) {
      const mine = counts.components.find((x) => x.component === row.component)!;
      expect([mine.mainCategories, mine.concepts, mine.finalCodes]).toEqual([row.mainCategories, row.concepts, row.finalCodes]);
    }
  });

  it('lists main categories in no component apart, and leaves unfiled concepts out', async () => {
    const filed = await concept('filed');
    const loose = await concept('loose');
    await code(filed, 2);
    await code(loose, 3);
    const placed = await category('Placed');
    const floating = await category('Floating');
    await api.call('category.fileConcepts', { categoryId: floating, conceptIds: [filed] });
    await api.call('component.assign', { categoryId: placed, component: 'phenomenon' });

    const counts = await api.call('counts.mainCategories', {});
    expect(counts.unassigned).toEqual([{ id: floating, name: 'Floating', labelFa: null, labelEn: null, color: expect.any(String), concepts: 1, finalCodes: 2 }]);
    const phenomenon = counts.components.find((x) => x.component === 'phenomenon')!;
    expect(phenomenon.categories).toMatchObject([{ name: 'Placed', concepts: 0, finalCodes: 0 }]);
    expect(counts.totals).toEqual({ mainCategories: 1, concepts: 0, finalCodes: 0 });
  });

  it('follows undo', async () => {
    const x = await concept('x');
    const main = await category('M');
    await api.call('category.fileConcepts', { categoryId: main, conceptIds: [x] });
    await api.call('component.assign', { categoryId: main, component: 'context' });
    await code(x, 1);
    const before = (await api.call('counts.mainCategories', {})).components.find((c) => c.component === 'context')!;
    expect(before.categories[0]!.finalCodes).toBe(1);
    await api.call('history.undo', {});
    const after = (await api.call('counts.mainCategories', {})).components.find((c) => c.component === 'context')!;
    expect(after.categories[0]!.finalCodes).toBe(0);
  });

  it('follows the readings of the study: the same figures as Table 8 under every reading', async () => {
    await api.call('project.openStudy', {});
    for (const [reading, option] of [['concepts', 'codebook'], ['concepts', 'strict'], ['consequences', 'C'], ['concepts', 'merged'], ['consequences', 'B']] as const) {
      await api.call('reading.choose', { reading, option });
      const [mine, table8] = [await api.call('counts.mainCategories', {}), await api.call('counts.paradigm', {})];
      expect(mine.totals, `${reading}=${option}`).toEqual(table8.totals);
      for (const row of table8.rows) {
        const c = mine.components.find((x) => x.component === row.component)!;
        expect([c.mainCategories, c.concepts, c.finalCodes], `${reading}=${option} ${row.component}`).toEqual([row.mainCategories, row.concepts, row.finalCodes]);
      }
    }
    const consequences = (await api.call('counts.mainCategories', {})).components.find((c) => c.component === 'consequences')!;
    expect(consequences.categories.map((c) => c.labelEn)).toHaveLength(3);
    expect(consequences.concepts).toBe(104);
  });
});
