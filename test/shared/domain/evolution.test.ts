// The change report on a hand-worked example: a new concept in a new main category under a component,
// a concept moved to another component, a concept that gained passages, Table 8 before | now |
// change, and the maturity dimensions with their new items; then one wave against the others.

import { describe, expect, it } from 'vitest';
import { codebookTree } from '../../../shared/domain/codebook-tree';
import type { EvolutionPassage, ModelSnapshot } from '../../../shared/domain/evolution';
import { evolution, waveContribution } from '../../../shared/domain/evolution';
import { categoryId, conceptId, documentId, segmentId } from '../../../shared/domain/ids';

const c = conceptId;
const k = categoryId;
const row = (component: 'causal' | 'context' | 'strategies', mainCategories: number, concepts: number, finalCodes: number) => ({ component, mainCategories, concepts, finalCodes });

// Baseline: Drivers (causal) ⊃ Economic; Actions (strategies).
// Trust → Drivers, Cost → Economic, Speed → Actions. Passages: Trust 3, Cost 2, Speed 1.
const baseline: ModelSnapshot = {
  concepts: [
    { id: c(1), label: 'Trust' },
    { id: c(2), label: 'Cost' },
    { id: c(3), label: 'Speed' },
  ],
  categories: [
    { id: k(1), name: 'Drivers', parentId: null, component: 'causal' },
    { id: k(11), name: 'Economic', parentId: k(1), component: null },
    { id: k(2), name: 'Actions', parentId: null, component: 'strategies' },
  ],
  filings: [
    { conceptId: c(1), categoryId: k(1) },
    { conceptId: c(2), categoryId: k(11) },
    { conceptId: c(3), categoryId: k(2) },
  ],
  passageCounts: [
    { conceptId: c(1), count: 3 },
    { conceptId: c(2), count: 2 },
    { conceptId: c(3), count: 1 },
  ],
  table8: { rows: [row('causal', 1, 2, 5), row('strategies', 1, 1, 1)], totals: { mainCategories: 2, concepts: 3, finalCodes: 6 } },
  maturity: [
    { id: 1, labelEn: 'Leadership', labelFa: 'رهبری', items: [c(1), c(2)] },
    { id: 2, labelEn: 'Process', labelFa: 'فرایند', items: [c(3)] },
  ],
};

// Now: Platform is new, coded twice in wave 2 and filed in the new main category Enablers (context);
// Speed moved from Actions (strategies) to Economic (causal); Trust gained two passages in wave 2.
const current: ModelSnapshot = {
  concepts: [...baseline.concepts, { id: c(4), label: 'Platform' }],
  categories: [...baseline.categories, { id: k(3), name: 'Enablers', parentId: null, component: 'context' }],
  filings: [
    { conceptId: c(1), categoryId: k(1) },
    { conceptId: c(2), categoryId: k(11) },
    { conceptId: c(3), categoryId: k(11) },
    { conceptId: c(4), categoryId: k(3) },
  ],
  passageCounts: [
    { conceptId: c(1), count: 5 },
    { conceptId: c(2), count: 2 },
    { conceptId: c(3), count: 1 },
    { conceptId: c(4), count: 2 },
  ],
  table8: {
    rows: [row('causal', 1, 3, 8), row('context', 1, 1, 2), row('strategies', 1, 0, 0)],
    totals: { mainCategories: 3, concepts: 4, finalCodes: 10 },
  },
  maturity: [
    { id: 1, labelEn: 'Leadership', labelFa: 'رهبری', items: [c(1), c(2), c(3)] },
    { id: 2, labelEn: 'Process', labelFa: 'فرایند', items: [] },
    { id: 3, labelEn: 'Technology', labelFa: 'فناوری', items: [c(4)] },
  ],
};

const ev = (id: number, source: number, concept: number, wave: string): EvolutionPassage => ({
  id: segmentId(id),
  documentId: documentId(source),
  conceptId: c(concept),
  wave,
});
const passages = [
  ev(1, 1, 1, 'Published'),
  ev(2, 1, 1, 'Published'),
  ev(3, 2, 1, 'Published'),
  ev(4, 2, 2, 'Published'),
  ev(5, 3, 2, 'Published'),
  ev(6, 3, 3, 'Published'),
  ev(10, 5, 1, 'New'),
  ev(11, 5, 1, 'New'),
  ev(12, 5, 4, 'New'),
  ev(13, 6, 4, 'New'),
];

describe('what changed since a baseline', () => {
  const r = evolution(baseline, current, passages);

  it('names the new concept with the sources, passages and wave that introduced it, and where it sits', () => {
    expect(r.newConcepts).toEqual([
      { conceptId: 4, label: 'Platform', sources: [5, 6], passages: [12, 13], waves: ['New'], categories: [3], components: ['context'] },
    ]);
    expect(r.removedConcepts).toEqual([]);
  });

  it('lists the concept that gained passages, by wave', () => {
    expect(r.grownConcepts).toEqual([{ conceptId: 1, label: 'Trust', before: 3, now: 5, change: 2, byWave: { Published: 3, New: 2 } }]);
    expect(r.shrunkConcepts).toEqual([]);
  });

  it('finds the new main category and the concept moved to another component', () => {
    expect(r.newCategories.map((x) => x.name)).toEqual(['Enablers']);
    expect(r.newMainCategories).toEqual([{ categoryId: 3, name: 'Enablers', parentId: null, component: 'context', promoted: false }]);
    expect(r.movedConcepts).toEqual([
      {
        conceptId: 3,
        label: 'Speed',
        categoriesBefore: [2],
        categoriesNow: [11],
        componentsBefore: ['strategies'],
        componentsNow: ['causal'],
        betweenComponents: true,
      },
    ]);
    expect(r.movedCategories).toEqual([]);
  });

  it('gives Table 8 per component as before | now | change', () => {
    const byKey = Object.fromEntries(r.table8.map((x) => [x.component, x]));
    expect(byKey.causal).toMatchObject({ before: { mainCategories: 1, concepts: 2, finalCodes: 5 }, now: { mainCategories: 1, concepts: 3, finalCodes: 8 }, change: { mainCategories: 0, concepts: 1, finalCodes: 3 } });
    expect(byKey.context!.change).toEqual({ mainCategories: 1, concepts: 1, finalCodes: 2 });
    expect(byKey.strategies!.change).toEqual({ mainCategories: 0, concepts: -1, finalCodes: -1 });
    expect(byKey.phenomenon!.change).toEqual({ mainCategories: 0, concepts: 0, finalCodes: 0 });
    expect(r.table8Totals.change).toEqual({ mainCategories: 1, concepts: 1, finalCodes: 4 });
  });

  it('gives the maturity dimensions with their new items', () => {
    expect(r.maturity.map((d) => [d.labelEn, d.isNew, d.itemsBefore, d.itemsNow, d.newItems, d.removedItems])).toEqual([
      ['Leadership', false, 2, 3, [3], []],
      ['Process', false, 1, 0, [], [3]],
      ['Technology', true, 0, 1, [4], []],
    ]);
  });

  it('reports a sub-category made main as a new main category, and the move', () => {
    const promoted: ModelSnapshot = {
      ...baseline,
      categories: baseline.categories.map((x) => (x.id === 11 ? { ...x, parentId: null, component: 'intervening' as const } : x)),
    };
    const p = evolution(baseline, promoted);
    expect(p.newCategories).toEqual([]);
    expect(p.newMainCategories).toEqual([{ categoryId: 11, name: 'Economic', parentId: null, component: 'intervening', promoted: true }]);
    expect(p.movedCategories).toEqual([{ categoryId: 11, name: 'Economic', parentBefore: 1, parentNow: null, componentBefore: null, componentNow: 'intervening' }]);
    // Cost stays filed in Economic, yet now reaches another component: a move between components
    expect(p.movedConcepts).toMatchObject([{ conceptId: 2, categoriesBefore: [11], categoriesNow: [11], componentsBefore: ['causal'], componentsNow: ['intervening'], betweenComponents: true }]);
  });

  it('reports nothing when nothing changed', () => {
    const same = evolution(baseline, baseline);
    expect([same.newConcepts, same.grownConcepts, same.movedConcepts, same.newCategories, same.newMainCategories]).toEqual([[], [], [], [], []]);
    expect(same.table8.every((x) => x.change.concepts === 0 && x.change.finalCodes === 0)).toBe(true);
  });
});

describe('one wave against the others', () => {
  const tree = codebookTree(current.categories, current.filings);
  const r = waveContribution('New', current.concepts.map((x) => x.id), current.categories, tree, passages);

  it('separates concepts the wave introduced from concepts it reinforced', () => {
    expect(r.introduced).toEqual([{ conceptId: 4, inWave: 2, elsewhere: 0, sources: [5, 6], passages: [12, 13], waves: ['New'] }]);
    expect(r.reinforced.map((x) => [x.conceptId, x.inWave, x.elsewhere])).toEqual([[1, 2, 3]]);
  });

  it('counts each component without the wave and with it', () => {
    const byKey = Object.fromEntries(r.perComponent.map((x) => [x.component, x]));
    // causal: Trust, Cost, Speed; codes 3 + 2 + 1 without the wave, 5 + 2 + 1 with it
    expect(byKey.causal).toMatchObject({ before: { concepts: 3, finalCodes: 6 }, now: { concepts: 3, finalCodes: 8 } });
    expect(byKey.context).toMatchObject({ before: { mainCategories: 1, concepts: 0, finalCodes: 0 }, now: { concepts: 1, finalCodes: 2 }, change: { concepts: 1, finalCodes: 2 } });
  });
});
