// The three agreement levels on a hand-worked example (every figure below is worked out in the
// comments from the passages), the overlap share, the one-to-one matching and the degenerate cases.

import { describe, expect, it } from 'vitest';
import type { CodedPassage, PassageDisagreement, SourceDisagreement } from '../../../../shared/domain/agreement/levels';
import { intercoderAgreement } from '../../../../shared/domain/agreement/levels';
import { overlapShare } from '../../../../shared/domain/agreement/overlap';
import { conceptId, documentId, segmentId } from '../../../../shared/domain/ids';

const p = (id: number, source: number, concept: number, start: number, end: number): CodedPassage => ({
  id: segmentId(id),
  documentId: documentId(source),
  conceptId: conceptId(concept),
  start,
  end,
});

const S = [1, 2, 3].map(documentId);
const C = [1, 2].map(conceptId);
// Coder A                              Coder B
// s1 c1 [0,100)    id 1                s1 c1 [5,100)   id 11  (95 of 100 in common: 0.95)
// s1 c1 [200,300)  id 2                s1 c2 [200,300) id 12  (same spot, other concept)
// s1 c2 [400,500)  id 3                s2 c1 [0,50)    id 13
// s2 c1 [0,50)     id 4                s2 c2 [100,120) id 14
//                                      s3 c2 [0,10)    id 15
const A = [p(1, 1, 1, 0, 100), p(2, 1, 1, 200, 300), p(3, 1, 2, 400, 500), p(4, 2, 1, 0, 50)];
const B = [p(11, 1, 1, 5, 100), p(12, 1, 2, 200, 300), p(13, 2, 1, 0, 50), p(14, 2, 2, 100, 120), p(15, 3, 2, 0, 10)];
const report = intercoderAgreement({ sources: S, concepts: C, a: A, b: B });

describe('concept presence per source', () => {
  // units (source × concept), A/B used: c1: s1 1/1, s2 1/1, s3 0/0; c2: s1 1/1, s2 0/1, s3 0/1
  const { overall, perConcept, disagreements } = report.presence;

  it('counts agreement over every source × concept, and “where used” without the pairs neither used', () => {
    expect(overall.units).toBe(6);
    expect(overall.agreements).toBe(4);
    expect(overall.percent).toBeCloseTo(400 / 6, 10);
    expect(overall.percentWhereUsed).toBeCloseTo(60, 10); // 3 of the 5 pairs someone used
  });

  it('gives Cohen’s κ, Brennan & Prediger’s κ and Krippendorff’s α worked out by hand', () => {
    // A: 1×3, 0×3; B: 1×5, 0×1; Σ nA·nB = 15 + 3 = 18; κ = (6·4 − 18) / (36 − 18) = 1/3
    expect(overall.cohenKappa.value).toBeCloseTo(1 / 3, 12);
    // q = 2: (2·4 − 6) / (6·1) = 1/3
    expect(overall.brennanPrediger.value).toBeCloseTo(1 / 3, 12);
    expect(overall.categories).toBe(2);
    // values: 1×8, 0×4 of n = 12; Σ_{c≠k} n_c n_k = 144 − 80 = 64; disagreeing o = 2 units × 2
    // α = 1 − 11·4/64 = 0.3125
    expect(overall.krippendorffAlpha?.value).toBeCloseTo(0.3125, 12);
  });

  it('reports each concept with its four cells', () => {
    const [c1, c2] = perConcept;
    expect(c1).toMatchObject({ units: 3, agreements: 3, percent: 100, presence: { both: 2, onlyA: 0, onlyB: 0, neither: 1 } });
    expect(c1!.cohenKappa.value).toBe(1);
    expect(c1!.krippendorffAlpha?.value).toBe(1);
    expect(c2).toMatchObject({ units: 3, agreements: 1, presence: { both: 1, onlyA: 0, onlyB: 2, neither: 0 } });
    // A: 1×1, 0×2; B: 1×3 → Σ = 3; κ = (3 − 3)/(9 − 3) = 0; BP = (2 − 3)/3; α = 1 − 5·4/16
    expect(c2!.cohenKappa.value).toBe(0);
    expect(c2!.brennanPrediger.value).toBeCloseTo(-1 / 3, 12);
    expect(c2!.krippendorffAlpha?.value).toBeCloseTo(-0.25, 12);
  });

  it('lists the pairs only one coder used, with both coders’ passages', () => {
    const rows = disagreements as SourceDisagreement[];
    expect(rows.map((d) => [d.documentId, d.conceptId, d.countA, d.countB])).toEqual([
      [2, 2, 0, 1],
      [3, 2, 0, 1],
    ]);
    expect(rows[0]!.passagesB.map((x) => x.id)).toEqual([14]);
  });
});

describe('concept frequency per source', () => {
  // counts A/B: c1: s1 2/1, s2 1/1, s3 0/0; c2: s1 1/1, s2 0/1, s3 0/1
  const { overall, perConcept, disagreements } = report.frequency;

  it('agrees only where both coded the concept equally often', () => {
    expect(overall).toMatchObject({ units: 6, agreements: 3, percent: 50, categories: 3 });
    expect(overall.percentWhereUsed).toBe(40); // 2 of 5
    // A: 2×1, 1×2, 0×3; B: 1×5, 0×1 → Σ = 0 + 10 + 3 = 13; κ = (18 − 13)/(36 − 13) = 5/23
    expect(overall.cohenKappa.value).toBeCloseTo(5 / 23, 12);
    // q = 3 numbers (0, 1, 2): (3·3 − 6)/(6·2) = 1/4
    expect(overall.brennanPrediger.value).toBeCloseTo(0.25, 12);
    expect(overall.krippendorffAlpha).toBeUndefined();
  });

  it('per concept, compares the numbers as categories', () => {
    // c1: (2,1) (1,1) (0,0): A 2,1,0 each once; B 1×2, 0×1 → Σ = 2 + 1 = 3; κ = (6 − 3)/(9 − 3)
    expect(perConcept[0]!.cohenKappa.value).toBeCloseTo(0.5, 12);
    expect(perConcept[0]!.brennanPrediger.value).toBeCloseTo(0.5, 12); // q = 3: (6 − 3)/6
    expect(perConcept[1]!.categories).toBe(2);
  });

  it('lists where the numbers differ', () => {
    const rows = disagreements as SourceDisagreement[];
    expect(rows.map((d) => [d.documentId, d.conceptId, d.countA, d.countB])).toEqual([
      [1, 1, 2, 1],
      [2, 2, 0, 1],
      [3, 2, 0, 1],
    ]);
    expect(rows[0]!.passagesA.map((x) => x.id)).toEqual([1, 2]);
    expect(rows[0]!.passagesB.map((x) => x.id)).toEqual([11]);
  });
});

describe('passage overlap', () => {
  // units: (1,11) c1=c1 · (2,12) c1≠c2 · (3,–) c2/nothing · (4,13) c1=c1 · (–,14) · (–,15)
  const { overall, perConcept, disagreements } = report.overlap;

  it('matches passages that overlap by at least 90 % and pairs the rest across concepts', () => {
    expect(overall).toMatchObject({ units: 6, agreements: 2, categories: 3 });
    expect(overall.percent).toBeCloseTo(100 / 3, 12);
    // A: c1×3, c2×1, nothing×2; B: c1×2, c2×3, nothing×1 → Σ = 6 + 3 + 2 = 11
    // κ = (6·2 − 11)/(36 − 11) = 1/25; BP with q = 3: (3·2 − 6)/(6·2) = 0
    expect(overall.cohenKappa.value).toBeCloseTo(0.04, 12);
    expect(overall.brennanPrediger.value).toBe(0);
  });

  it('per concept: matched pairs and passages left on each side, Brennan & Prediger with q = 2', () => {
    const [c1, c2] = perConcept;
    expect(c1!.overlap).toEqual({ matched: 2, onlyA: 1, onlyB: 0 });
    expect(c1!.percent).toBeCloseTo(200 / 3, 12);
    expect(c1!.brennanPrediger.value).toBeCloseTo(1 / 3, 12); // (2·2 − 3)/3
    expect(c1!.cohenKappa.value).toBeNull();
    expect(c1!.cohenKappa.reason).toMatch(/never exceed 0/);
    expect(c2!.overlap).toEqual({ matched: 0, onlyA: 1, onlyB: 3 });
    expect(c2!.brennanPrediger.value).toBe(-1);
  });

  it('lists every unit the coders did not label alike, with both passages', () => {
    const rows = disagreements as PassageDisagreement[];
    expect(rows.map((d) => [d.documentId, d.passageA?.id ?? null, d.passageB?.id ?? null, d.share])).toEqual([
      [1, 2, 12, 1],
      [1, 3, null, 0],
      [2, null, 14, 0],
      [3, null, 15, 0],
    ]);
    expect(rows.every((d) => d.nearest === null)).toBe(true);
  });

  it('agrees at exactly the threshold and not below it, and names the nearest passage', () => {
    const a = [p(1, 1, 1, 0, 100)];
    const exactly = intercoderAgreement({ sources: [documentId(1)], concepts: [conceptId(1)], a, b: [p(2, 1, 1, 10, 100)] });
    expect(exactly.overlap.overall.agreements).toBe(1); // 90 of 100: 0.9
    const below = intercoderAgreement({ sources: [documentId(1)], concepts: [conceptId(1)], a, b: [p(2, 1, 1, 15, 100)] });
    expect(below.overlap.overall).toMatchObject({ units: 2, agreements: 0 });
    const [first] = below.overlap.disagreements as PassageDisagreement[];
    expect(first!.nearest?.passage.id).toBe(2);
    expect(first!.nearest?.share).toBeCloseTo(0.85, 12);
    const lower = intercoderAgreement({ sources: [documentId(1)], concepts: [conceptId(1)], a, b: [p(2, 1, 1, 15, 100)], minOverlap: 0.8 });
    expect(lower.overlap.overall.agreements).toBe(1);
  });

  it('matches each passage at most once', () => {
    // A coded the same passage twice; B once: one pair, and one of A's left over
    const r = intercoderAgreement({
      sources: [documentId(1)],
      concepts: [conceptId(1)],
      a: [p(1, 1, 1, 0, 100), p(2, 1, 1, 0, 100)],
      b: [p(3, 1, 1, 0, 100)],
    });
    expect(r.overlap.perConcept[0]!.overlap).toEqual({ matched: 1, onlyA: 1, onlyB: 0 });
    // the same two coders agree on presence, not on frequency
    expect(r.presence.overall.agreements).toBe(1);
    expect(r.frequency.overall.agreements).toBe(0);
  });

  it('pairs the largest overlap first', () => {
    // B [0,100) overlaps A1 [0,100) fully and A2 [5,100) by 0.95: A1 gets it, A2 is left
    const r = intercoderAgreement({
      sources: [documentId(1)],
      concepts: [conceptId(1)],
      a: [p(2, 1, 1, 5, 100), p(1, 1, 1, 0, 100)],
      b: [p(3, 1, 1, 0, 100)],
      minOverlap: 0.5,
    });
    const left = r.overlap.disagreements as PassageDisagreement[];
    expect(left.map((d) => d.passageA?.id)).toEqual([2]);
  });
});

describe('the overlap share', () => {
  it('is the intersection divided by the union, in code units', () => {
    expect(overlapShare({ start: 0, end: 100 }, { start: 50, end: 150 })).toBeCloseTo(1 / 3, 12); // 50 / 150
    expect(overlapShare({ start: 0, end: 100 }, { start: 10, end: 100 })).toBe(0.9);
    expect(overlapShare({ start: 0, end: 10 }, { start: 0, end: 10 })).toBe(1);
    expect(overlapShare({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(0); // touching is not overlapping
    expect(overlapShare({ start: 0, end: 100 }, { start: 40, end: 60 })).toBe(0.2); // contained
  });
});

describe('degenerate cases', () => {
  it('with nothing to compare, every figure is null with a reason', () => {
    const r = intercoderAgreement({ sources: [], concepts: C, a: A, b: B });
    for (const level of [r.presence, r.frequency, r.overlap]) {
      expect(level.overall.units).toBe(0);
      expect(level.overall.percent).toBeNull();
      expect(level.overall.cohenKappa).toEqual({ value: null, reason: expect.stringMatching(/No units/) });
      expect(level.overall.brennanPrediger.value).toBeNull();
    }
    expect(r.presence.overall.krippendorffAlpha?.value).toBeNull();
  });

  it('when neither coder used any chosen concept, κ and α are undefined, and say why', () => {
    const r = intercoderAgreement({ sources: S, concepts: [conceptId(9)], a: A, b: B });
    const o = r.presence.overall;
    expect(o.percent).toBe(100);
    expect(o.percentWhereUsed).toBeNull();
    expect(o.cohenKappa.value).toBeNull();
    expect(o.cohenKappa.reason).toMatch(/same single category/);
    expect(o.krippendorffAlpha?.value).toBeNull();
    expect(o.krippendorffAlpha?.reason).toMatch(/Only one value/);
    expect(o.brennanPrediger.value).toBe(1); // q = 2 is fixed: all units agree
    // frequency: every unit is 0 against 0, so q = 1 and Brennan & Prediger is undefined too
    expect(r.frequency.overall.brennanPrediger.value).toBeNull();
    expect(r.frequency.overall.brennanPrediger.reason).toMatch(/fewer than two categories/);
    expect(r.overlap.overall.units).toBe(0);
  });

  it('leaves out passages of other sources and concepts', () => {
    const r = intercoderAgreement({ sources: [documentId(1)], concepts: [conceptId(1)], a: A, b: B });
    expect(r.overlap.overall.units).toBe(2); // (1,11) and A's 2 (B's 12 has concept 2, left out)
    expect(r.frequency.overall.units).toBe(1);
  });

  it('refuses a least overlap outside (0, 100 %]', () => {
    expect(() => intercoderAgreement({ sources: S, concepts: C, a: A, b: B, minOverlap: 0 })).toThrow(/more than 0 %/);
    expect(() => intercoderAgreement({ sources: S, concepts: C, a: A, b: B, minOverlap: 1.5 })).toThrow(/at most 100 %/);
  });

  it('states each level on screen, with the chosen threshold', () => {
    const r = intercoderAgreement({ sources: S, concepts: C, a: A, b: B, minOverlap: 0.75 });
    expect(r.overlap.explanation).toContain('at least 75 %');
    expect(r.overlap.explanation).toContain('intersection ÷ union');
    expect(r.frequency.explanation).toContain('equal');
    expect(r.presence.title).toBe('Concept presence per source');
  });
});
