// The analysis matrices: a hand-worked example (a concept filed twice under one main category counts
// once there), and generated projects whose every cell is counted again here by brute force.

import { describe, expect, it } from 'vitest';
import type { TreeCategory, TreeFiling } from '../../../shared/domain/codebook-tree';
import { codebookTree } from '../../../shared/domain/codebook-tree';
import { categoryId, conceptId, documentId, segmentId } from '../../../shared/domain/ids';
import type { AttributedSource, MatrixPassage } from '../../../shared/domain/matrices';
import { conceptAttributeCrosstab, cooccurrence, sourceConceptMatrix } from '../../../shared/domain/matrices';
import { COMPONENT_KEYS } from '../../../shared/domain/paradigm';

const mp = (id: number, source: number, concept: number, start: number, end: number, first = 0, last = first): MatrixPassage => ({
  id: segmentId(id),
  documentId: documentId(source),
  conceptId: conceptId(concept),
  start,
  end,
  paragraphs: { first, last },
});

// m1 (causal) ⊃ s11, s12; m2 (strategies). c1 is filed in s11 and s12 (both under m1), c2 in m1 and
// m2, c3 nowhere.
const categories: TreeCategory[] = [
  { id: categoryId(1), parentId: null, component: 'causal' },
  { id: categoryId(11), parentId: categoryId(1), component: null },
  { id: categoryId(12), parentId: categoryId(1), component: null },
  { id: categoryId(2), parentId: null, component: 'strategies' },
];
const filings: TreeFiling[] = [
  { conceptId: conceptId(1), categoryId: categoryId(11) },
  { conceptId: conceptId(1), categoryId: categoryId(12) },
  { conceptId: conceptId(2), categoryId: categoryId(1) },
  { conceptId: conceptId(2), categoryId: categoryId(2) },
];
const tree = codebookTree(categories, filings);
const passages = [
  mp(1, 1, 1, 0, 10, 0), // s1: c1 [0,10) ¶0
  mp(2, 1, 2, 5, 15, 0), // s1: c2 [5,15) ¶0, overlaps 1
  mp(3, 1, 3, 20, 30, 1), // s1: c3 ¶1
  mp(4, 1, 1, 25, 40, 1, 2), // s1: c1 ¶1–2, overlaps 3
  mp(5, 2, 2, 0, 10, 0), // s2: c2
  mp(6, 2, 3, 10, 20, 0), // s2: c3 touching 5, same paragraph
];

describe('source × concept matrix', () => {
  it('counts passages per source and concept', () => {
    const m = sourceConceptMatrix([documentId(1), documentId(2)], passages, { axis: 'concept' });
    expect(m.columns).toEqual([1, 2, 3]);
    expect(m.cells).toEqual([
      [2, 1, 1],
      [0, 1, 1],
    ]);
    expect(m.rowTotals).toEqual([4, 2]);
    expect(m.total).toBe(6);
  });

  it('collapsed to categories, counts a passage once per category however often its concept is filed there', () => {
    const m = sourceConceptMatrix([documentId(1), documentId(2)], passages, {
      axis: 'category',
      tree,
      categories: [categoryId(1), categoryId(11), categoryId(12), categoryId(2)],
    });
    expect(m.columns).toEqual([1, 11, 12, 2, 'none']);
    // s1: m1 gets c1 ×2 and c2 ×1 = 3 passages (not 5, though c1 sits in two of its sub-categories)
    expect(m.cells).toEqual([
      [3, 2, 2, 1, 1],
      [1, 0, 0, 1, 1],
    ]);
    expect(m.rowTotals).toEqual([4, 2]); // distinct passages, not the sum of the row
    expect(m.columnTotals).toEqual([4, 2, 2, 2, 2]);
  });

  it('collapsed to components, counts a concept under two components in each', () => {
    const m = sourceConceptMatrix([documentId(1), documentId(2)], passages, { axis: 'component', tree });
    expect(m.columns).toEqual([...COMPONENT_KEYS, 'none']);
    const col = (k: string) => m.columns.indexOf(k as never);
    expect(m.cells[0]![col('causal')]).toBe(3);
    expect(m.cells[0]![col('strategies')]).toBe(1);
    expect(m.cells[0]![col('none')]).toBe(1);
    expect(m.total).toBe(6);
    expect(m.columnTotals.reduce((a, b) => a + b, 0)).toBe(8); // passage 2 and 5 sit in two columns
  });

  it('keeps only the chosen concepts, and only the chosen sources', () => {
    const m = sourceConceptMatrix([documentId(2)], passages, { axis: 'concept', concepts: [conceptId(3), conceptId(1)] });
    expect(m.cells).toEqual([[1, 0]]);
    expect(m.total).toBe(1);
  });

  it('asks for the codebook tree where it needs one', () => {
    expect(() => sourceConceptMatrix([documentId(1)], passages, { axis: 'component' })).toThrow(/needs the codebook tree/);
  });
});

describe('concept co-occurrence', () => {
  it('on overlapping passages: pairs that share a character (touching is not enough)', () => {
    const co = cooccurrence(passages, 'overlap');
    expect(co.concepts).toEqual([1, 2, 3]);
    expect(co.counts).toEqual([
      [2, 1, 1],
      [1, 2, 0],
      [1, 0, 2],
    ]);
    expect(co.pairs).toEqual([
      { a: 1, b: 2, count: 1 },
      { a: 1, b: 3, count: 1 },
    ]);
  });

  it('in the same paragraph: paragraphs where both concepts have a passage', () => {
    const co = cooccurrence(passages, 'paragraph');
    // s1 ¶0: c1 c2; ¶1: c3 c1; ¶2: c1 · s2 ¶0: c2 c3
    expect(co.counts).toEqual([
      [3, 1, 1],
      [1, 2, 1],
      [1, 1, 2],
    ]);
  });

  it('needs paragraphs for the paragraph mode', () => {
    expect(() => cooccurrence([{ ...passages[0]!, paragraphs: undefined }], 'paragraph')).toThrow(/needs the paragraphs/);
  });
});

describe('concept × attribute crosstab', () => {
  const sources: AttributedSource[] = [
    { id: documentId(1), attributes: { year: 2019, wave: ['Published study', 'Pilot'] } },
    { id: documentId(2), attributes: { year: 2023, wave: 'New literature' } },
    { id: documentId(3), attributes: { year: null, wave: 'New literature' } },
  ];

  it('counts passages per concept and year, unknown years last', () => {
    const x = conceptAttributeCrosstab(sources, passages, 'year', { axis: 'concept' });
    expect(x.columns).toEqual([2019, 2023, null]);
    expect(x.rows).toEqual([1, 2, 3]);
    expect(x.cells).toEqual([
      [2, 0, 0],
      [1, 1, 0],
      [1, 1, 0],
    ]);
    expect(x.sourcesPerValue).toEqual([1, 1, 1]);
  });

  it('counts a source in two waves in both, and collapses to components', () => {
    const x = conceptAttributeCrosstab(sources, passages, 'wave', { axis: 'component', tree });
    expect(x.columns).toEqual(['New literature', 'Pilot', 'Published study']);
    const causal = x.rows.indexOf('causal');
    expect(x.cells[causal]).toEqual([1, 3, 3]);
    expect(x.sourcesPerValue).toEqual([2, 1, 1]);
  });
});

/** mulberry32 */
function random(seed: number) {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

describe('matrices on generated projects, against counts made here by brute force', () => {
  it('agrees cell by cell', () => {
    for (let seed = 1; seed <= 25; seed += 1) {
      const rnd = random(seed);
      const int = (n: number) => Math.floor(rnd() * n);
      const nCategories = 2 + int(8);
      const cats: TreeCategory[] = [];
      for (let i = 1; i <= nCategories; i += 1) {
        const parent = i > 1 && rnd() < 0.6 ? 1 + int(i - 1) : null; // parents come first: no cycles
        cats.push({ id: categoryId(i), parentId: parent === null ? null : categoryId(parent), component: parent === null && rnd() < 0.8 ? COMPONENT_KEYS[int(6)]! : null });
      }
      const nConcepts = 1 + int(10);
      const fils: TreeFiling[] = [];
      for (let c = 1; c <= nConcepts; c += 1) for (let k = int(3); k > 0; k -= 1) fils.push({ conceptId: conceptId(c), categoryId: categoryId(1 + int(nCategories)) });
      const nSources = 1 + int(4);
      const ps: MatrixPassage[] = [];
      for (let i = 1; i <= 10 + int(60); i += 1) {
        const start = int(500);
        const end = start + 1 + int(80);
        const first = int(10);
        ps.push(mp(i, 1 + int(nSources), 1 + int(nConcepts), start, end, first, first + int(3)));
      }
      const t = codebookTree(cats, fils);
      const srcs = Array.from({ length: nSources }, (_, i) => documentId(i + 1));
      const catIds = cats.map((c) => c.id);

      // brute force: a passage is in category k when its concept is filed in k or in a descendant of k
      const parent = new Map(cats.map((c) => [c.id as number, c.parentId as number | null]));
      const under = (cat: number, k: number) => {
        for (let x: number | null = cat, steps = 0; x !== null && steps < 100; x = parent.get(x) ?? null, steps += 1) if (x === k) return true;
        return false;
      };
      const inCategory = (p: MatrixPassage, k: number) => fils.some((f) => f.conceptId === p.conceptId && under(f.categoryId, k));
      const root = (cat: number) => {
        let x = cat;
        while (parent.get(x) !== null) x = parent.get(x)!;
        return x;
      };
      const inComponent = (p: MatrixPassage, key: string) =>
        fils.some((f) => f.conceptId === p.conceptId && cats.find((c) => c.id === root(f.categoryId))!.component === key);

      const byCategory = sourceConceptMatrix(srcs, ps, { axis: 'category', tree: t, categories: catIds });
      srcs.forEach((s, r) =>
        catIds.forEach((k, c) => expect(byCategory.cells[r]![c], `seed ${seed} s${s} k${k}`).toBe(ps.filter((p) => p.documentId === s && inCategory(p, k)).length)),
      );
      const byComponent = sourceConceptMatrix(srcs, ps, { axis: 'component', tree: t });
      srcs.forEach((s, r) =>
        COMPONENT_KEYS.forEach((key, c) => expect(byComponent.cells[r]![c], `seed ${seed} ${key}`).toBe(ps.filter((p) => p.documentId === s && inComponent(p, key)).length)),
      );
      const byConcept = sourceConceptMatrix(srcs, ps, { axis: 'concept' });
      expect(byConcept.total).toBe(ps.length);

      const co = cooccurrence(ps, 'overlap');
      const para = cooccurrence(ps, 'paragraph');
      co.concepts.forEach((a, i) =>
        co.concepts.forEach((b, j) => {
          if (a === b) return;
          let overlapping = 0;
          for (const p of ps) for (const q of ps) if (p.conceptId === a && q.conceptId === b && p.documentId === q.documentId && Math.max(p.start, q.start) < Math.min(p.end, q.end)) overlapping += 1;
          expect(co.counts[i]![j], `seed ${seed} overlap ${a}×${b}`).toBe(overlapping);
          let paragraphs = 0;
          for (const s of srcs)
            for (let k = 0; k < 20; k += 1) {
              const has = (c: number) => ps.some((p) => p.documentId === s && p.conceptId === c && p.paragraphs!.first <= k && k <= p.paragraphs!.last);
              if (has(a) && has(b)) paragraphs += 1;
            }
          expect(para.counts[i]![j], `seed ${seed} paragraph ${a}×${b}`).toBe(paragraphs);
        }),
      );
    }
  });
});
