// The saturation curve on a hand-worked example: new concepts per source in coding and in
// publication order, per component through the codebook tree, and where each stopping rule is met.

import { describe, expect, it } from 'vitest';
import { codebookTree } from '../../../shared/domain/codebook-tree';
import { categoryId, conceptId, documentId, segmentId } from '../../../shared/domain/ids';
import type { SaturationPassage, SaturationSource } from '../../../shared/domain/saturation';
import { firstMet, saturation } from '../../../shared/domain/saturation';

const src = (id: number, name: string, year: number | null): SaturationSource => ({ id: documentId(id), name, year });
const sources = [src(1, 'Alpha', 2015), src(2, 'Beta', 2013), src(3, 'Gamma', null), src(4, 'Delta', 2015), src(5, 'Epsilon', 2016)];
const pass = (id: number, source: number, concept: number, minute: number): SaturationPassage => ({
  id: segmentId(id),
  documentId: documentId(source),
  conceptId: conceptId(concept),
  createdAt: `2026-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`,
});
// coded in this order: Beta c1 c2, Alpha c1 c3, Gamma c2, Delta c4, then Alpha c5, Gamma c1
const passages = [pass(1, 2, 1, 1), pass(2, 2, 2, 2), pass(3, 1, 1, 3), pass(4, 1, 3, 4), pass(5, 3, 2, 5), pass(6, 4, 4, 6), pass(7, 1, 5, 7), pass(8, 3, 1, 8)];

// m1 (causal) ⊃ s11; m2 (context); m3 (no component) ⊃ s31; m4 (strategies)
const tree = codebookTree(
  [
    { id: categoryId(1), parentId: null, component: 'causal' },
    { id: categoryId(11), parentId: categoryId(1), component: null },
    { id: categoryId(2), parentId: null, component: 'context' },
    { id: categoryId(3), parentId: null, component: null },
    { id: categoryId(31), parentId: categoryId(3), component: null },
    { id: categoryId(4), parentId: null, component: 'strategies' },
  ],
  [
    { conceptId: conceptId(1), categoryId: categoryId(11) }, // causal, through its sub-category
    { conceptId: conceptId(2), categoryId: categoryId(1) }, // causal and context
    { conceptId: conceptId(2), categoryId: categoryId(2) },
    { conceptId: conceptId(3), categoryId: categoryId(31) }, // no component
    { conceptId: conceptId(4), categoryId: categoryId(4) },
    { conceptId: conceptId(5), categoryId: categoryId(1) },
  ],
);

describe('the saturation curve', () => {
  it('in coding order: sources by their first passage, new concepts each, cumulative', () => {
    const r = saturation({ sources, passages, order: 'coding' });
    expect(r.points.map((p) => [p.name, p.newConcepts, p.passages])).toEqual([
      ['Beta', [1, 2], 2],
      ['Alpha', [3, 5], 3],
      ['Gamma', [], 2],
      ['Delta', [4], 1],
    ]);
    expect(r.overall.added).toEqual([2, 2, 0, 1]);
    expect(r.overall.cumulative).toEqual([2, 4, 4, 5]);
    expect(r.notCoded).toEqual([5]); // Epsilon has no passage and is left out
    expect(r.overall.metAt).toBeNull(); // no rule
  });

  it('in publication order: year, then name, unknown years last', () => {
    const r = saturation({ sources, passages, order: 'year' });
    expect(r.points.map((p) => p.name)).toEqual(['Beta', 'Alpha', 'Delta', 'Gamma']);
    expect(r.overall.added).toEqual([2, 2, 1, 0]);
    expect(r.overall.cumulative).toEqual([2, 4, 5, 5]);
  });

  it('lists the source and the passage where each concept first appeared', () => {
    const r = saturation({ sources, passages, order: 'coding' });
    expect(r.firstAppearance.map((f) => [f.conceptId, f.documentId, f.position, f.passageId])).toEqual([
      [1, 2, 1, 1],
      [2, 2, 1, 2],
      [3, 1, 2, 4],
      [5, 1, 2, 7],
      [4, 4, 4, 6],
    ]);
  });

  it('per component, through sub-categories; a concept in two components counts in each', () => {
    const r = saturation({ sources, passages, order: 'coding', componentsOf: tree.components, rule: { kind: 'no-new', k: 2 } });
    expect(r.perComponent.causal?.added).toEqual([2, 1, 0, 0]); // c1, c2 | c5
    expect(r.perComponent.context?.added).toEqual([1, 0, 0, 0]); // c2
    expect(r.perComponent.strategies?.added).toEqual([0, 0, 0, 1]);
    expect(r.perComponent.none?.added).toEqual([0, 1, 0, 0]); // c3 sits under a main category without component
    expect(r.perComponent.phenomenon?.cumulative).toEqual([0, 0, 0, 0]);
    expect(r.perComponent.causal?.metAtSource).toBe(4); // Gamma and Delta add nothing causal
    expect(r.perComponent.context?.metAt).toBe(2);
    expect(r.perComponent.phenomenon?.metAt).toBe(1); // nothing at all is "no new" too
  });
});

describe('stopping rules', () => {
  it('no new concept in the last k sources', () => {
    expect(saturation({ sources, passages, order: 'coding', rule: { kind: 'no-new', k: 1 } }).overall.metAtSource).toBe(3);
    expect(saturation({ sources, passages, order: 'coding', rule: { kind: 'no-new', k: 2 } }).overall.metAt).toBeNull();
    expect(saturation({ sources, passages, order: 'year', rule: { kind: 'no-new', k: 1 } }).overall.metAt).toBe(3);
  });

  it('fewer than p % of the concepts so far added in the last k sources', () => {
    // coding order, k = 2: at Gamma (2 + 0) / 4 = 50 %; at Delta (0 + 1) / 5 = 20 %
    const at50 = saturation({ sources, passages, order: 'coding', rule: { kind: 'share-new', k: 2, percent: 50 } });
    expect(at50.overall.metAt).toBe(3); // 50 % is not fewer than 50 %
    const at60 = saturation({ sources, passages, order: 'coding', rule: { kind: 'share-new', k: 2, percent: 60 } });
    expect(at60.overall.metAtSource).toBe(3);
    expect(at60.explanation).toContain('fewer than 60 %');
  });

  it('needs a full window of k sources, and concepts to compare with', () => {
    expect(firstMet({ kind: 'no-new', k: 3 }, [0, 0], [0, 0])).toBeNull();
    expect(firstMet({ kind: 'no-new', k: 2 }, [0, 0], [0, 0])).toBe(1);
    expect(firstMet({ kind: 'share-new', k: 1, percent: 10 }, [0, 0], [0, 0])).toBeNull();
  });

  it('refuses a rule that cannot be applied', () => {
    expect(() => saturation({ sources, passages, order: 'coding', rule: { kind: 'no-new', k: 0 } })).toThrow(/at least 1/);
    expect(() => saturation({ sources, passages, order: 'coding', rule: { kind: 'share-new', k: 2, percent: 0 } })).toThrow(/more than 0 %/);
  });

  it('takes the passage ids for coding order when no times are given', () => {
    const untimed = passages.map(({ createdAt: _, ...p }) => p);
    const r = saturation({ sources, passages: untimed, order: 'coding' });
    expect(r.points.map((p) => p.name)).toEqual(['Beta', 'Alpha', 'Gamma', 'Delta']);
  });
});

describe('the codebook tree', () => {
  it('finds each concept’s categories, main categories and components as Table 8 does', () => {
    expect(tree.reaches(conceptId(1))).toEqual([11, 1]);
    expect(tree.mainCategories(conceptId(2))).toEqual([1, 2]);
    expect(tree.components(conceptId(2))).toEqual(['causal', 'context']);
    expect(tree.components(conceptId(3))).toEqual([]);
    expect(tree.components(conceptId(99))).toEqual([]);
    expect(tree.mainOf(categoryId(31))).toBe(3);
  });

  it('stops at a cycle in the parents instead of looping', () => {
    const broken = codebookTree(
      [
        { id: categoryId(1), parentId: categoryId(2), component: null },
        { id: categoryId(2), parentId: categoryId(1), component: null },
      ],
      [{ conceptId: conceptId(1), categoryId: categoryId(1) }],
    );
    expect(broken.reaches(conceptId(1))).toEqual([1, 2]);
    expect(broken.mainOf(categoryId(1))).toBeNull();
  });
});
