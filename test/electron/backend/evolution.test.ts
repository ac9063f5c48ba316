// What changed, through the backend on a real project file: the hand-worked extension of
// test/helpers/evolution-project.ts against its baseline (a new concept with the sources and
// passages that brought it, a concept that gained passages, a new main category, a concept moved
// to another component, Table 8 before | now | change, the maturity dimensions' new items, the
// diagram's marks), then the second wave against the first.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeView } from '../../../shared/domain/change-view';
import { startBackend, type TestBackend } from '../../helpers/backend';
import { buildFirstWave, extend, type Built } from '../../helpers/evolution-project';

let t: TestBackend;
let built: Built;
let view: ChangeView;

beforeAll(async () => {
  t = startBackend();
  built = await extend(t.api, await buildFirstWave(t.api));
  view = await t.api.call('evolution.report', { against: { kind: 'baseline', id: built.baselineId } });
});
afterAll(() => t.cleanup());

const c = (name: string) => built.concepts[name]!;
const k = (name: string) => built.categories[name]!;
const s = (name: string) => built.sources[name]!;

describe('what changed since a baseline', () => {
  it('names the new concept with the sources, passages and wave that introduced it, and where it now sits', () => {
    expect(view.newConcepts).toEqual([
      {
        conceptId: c('platform'),
        label: 'Platform',
        sources: [s('S5'), s('S6')],
        passages: built.passages.slice(8, 10),
        waves: ['New'],
        categories: [k('enablers')],
        components: ['context'],
      },
    ]);
    expect(built.passages.slice(8, 10).map((id) => view.passages[id]!.text)).toEqual(['platform', 'platform']);
    expect(view.passages[built.passages[8]!]).toMatchObject({ documentId: s('S5'), start: 13, end: 21 });
  });

  it('lists the concept that gained passages, by wave', () => {
    expect(view.grownConcepts).toEqual([{ conceptId: c('trust'), label: 'Trust', before: 3, now: 5, change: 2, byWave: { Published: 3, New: 2 } }]);
    expect(view.shrunkConcepts).toEqual([]);
    expect(view.removedConcepts).toEqual([]);
  });

  it('finds the new main category and the concept moved from strategies to causal conditions', () => {
    expect(view.newCategories.map((x) => x.name)).toEqual(['Enablers']);
    expect(view.newMainCategories).toEqual([{ categoryId: k('enablers'), name: 'Enablers', parentId: null, component: 'context', promoted: false }]);
    expect(view.movedConcepts).toEqual([
      {
        conceptId: c('speed'),
        label: 'Speed',
        categoriesBefore: [k('actions')],
        categoriesNow: [k('economic')],
        componentsBefore: ['strategies'],
        componentsNow: ['causal'],
        betweenComponents: true,
      },
    ]);
  });

  it('gives Table 8 per component as before | now | change', () => {
    const row = Object.fromEntries(view.table8.map((r) => [r.component, r]));
    expect(row.causal).toMatchObject({ before: { mainCategories: 1, concepts: 2, finalCodes: 5 }, now: { mainCategories: 1, concepts: 3, finalCodes: 8 }, change: { mainCategories: 0, concepts: 1, finalCodes: 3 } });
    expect(row.context).toMatchObject({ before: { mainCategories: 0, concepts: 0, finalCodes: 0 }, change: { mainCategories: 1, concepts: 1, finalCodes: 2 } });
    expect(row.strategies!.change).toEqual({ mainCategories: 0, concepts: -1, finalCodes: -1 });
    expect(view.table8Totals).toEqual({
      before: { mainCategories: 2, concepts: 3, finalCodes: 6 },
      now: { mainCategories: 3, concepts: 4, finalCodes: 10 },
      change: { mainCategories: 1, concepts: 1, finalCodes: 4 },
    });
  });

  it('gives each maturity dimension with its new and removed items', () => {
    expect(view.maturity.map((d) => [d.labelEn, d.itemsBefore, d.itemsNow, d.newItems, d.removedItems])).toEqual([
      ['Leadership', 2, 3, [c('speed')], []],
      ['Process', 1, 0, [], [c('speed')]],
    ]);
  });

  it('marks the diagram: the new main category as new, the main category that grew as grown', () => {
    const main = Object.fromEntries(view.diagram.mainCategories.map((m) => [m.id, m]));
    expect(main[k('enablers')]).toMatchObject({ isNew: true, before: null, now: { concepts: 1, finalCodes: 2 } });
    expect(main[k('drivers')]).toMatchObject({ isNew: false, grown: true, before: { concepts: 2, finalCodes: 5 }, now: { concepts: 3, finalCodes: 8 } });
    expect(main[k('actions')]).toMatchObject({ isNew: false, grown: false, before: { concepts: 1, finalCodes: 1 }, now: { concepts: 0, finalCodes: 0 } });
  });

  it('names every concept and category it mentions, and the waves in order', () => {
    expect(view.concepts[c('platform')]!.label).toBe('Platform');
    expect(view.categories[k('economic')]!.name).toBe('Economic');
    expect(view.waves.map((w) => w.name)).toEqual(['Published', 'New']);
  });
});

describe('one wave against the others', () => {
  it('separates what the wave introduced from what it reinforced, per component', async () => {
    const w = await t.api.call('evolution.report', { against: { kind: 'wave', id: built.waves.new! } });
    expect(w.against).toEqual({ kind: 'wave', id: built.waves.new, name: 'New' });
    expect(w.newConcepts.map((x) => [x.label, x.sources, x.components])).toEqual([['Platform', [s('S5'), s('S6')], ['context']]]);
    expect(w.grownConcepts).toEqual([{ conceptId: c('trust'), label: 'Trust', before: 3, now: 5, change: 2, byWave: { New: 2 } }]);
    const row = Object.fromEntries(w.table8.map((r) => [r.component, r]));
    // causal: Trust, Cost, Speed (Speed moved there): codes 3 + 2 + 1 without the wave, 5 + 2 + 1 with it
    expect(row.causal).toMatchObject({ before: { concepts: 3, finalCodes: 6 }, now: { concepts: 3, finalCodes: 8 } });
    expect(row.context!.change).toEqual({ mainCategories: 0, concepts: 1, finalCodes: 2 });
    expect(w.table8Totals.change).toEqual({ mainCategories: 0, concepts: 1, finalCodes: 4 });
    const main = Object.fromEntries(w.diagram.mainCategories.map((m) => [m.id, m]));
    expect(main[k('enablers')]).toMatchObject({ isNew: true, before: { concepts: 0, finalCodes: 0 } });
    expect(main[k('drivers')]).toMatchObject({ grown: true, before: { concepts: 3, finalCodes: 6 }, now: { concepts: 3, finalCodes: 8 } });
  });

  it('the first wave introduced the concepts the second did not', async () => {
    const w = await t.api.call('evolution.report', { against: { kind: 'wave', id: built.waves.published! } });
    expect(w.newConcepts.map((x) => x.label).sort()).toEqual(['Cost', 'Speed']);
    expect(w.grownConcepts.map((x) => [x.label, x.change])).toEqual([['Trust', 3]]);
  });
});
