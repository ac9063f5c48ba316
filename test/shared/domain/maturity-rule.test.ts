// The assessment rule on hand-worked examples: means, rounding down, not applicable, missing
// ratings, the half-rated threshold, and the overall level as the lowest dimension level.

import { describe, expect, it } from 'vitest';
import { assessModel, dimensionResult, formatScore } from '../../../shared/domain/maturity';

describe('a dimension’s score and level', () => {
  it('is the mean of its rated items, rounded down to a level', () => {
    // 2 + 3 + 3 = 8, 8 / 3 = 2.67 → level 2
    const r = dimensionResult([2, 3, 3], 5);
    expect(r.score).toBeCloseTo(8 / 3, 10);
    expect(formatScore(r.score)).toBe('2.67');
    expect(r.level).toBe(2);
    expect(r.notDetermined).toBeNull();
  });

  it('reaches a level exactly when the mean equals it', () => {
    // 3 + 4 + 5 + 4 = 16, 16 / 4 = 4.00 → level 4
    expect(dimensionResult([3, 4, 5, 4], 5).level).toBe(4);
    // 0.1-style float sums must not fall below the level: 3 × (7/3) style means
    expect(dimensionResult([2, 3, 2], 5).level).toBe(2); // 7/3 = 2.33
    expect(dimensionResult([1, 1, 1, 1, 1, 1, 1, 1, 1, 1].map(() => 3), 5).level).toBe(3);
  });

  it('leaves out unrated and not-applicable items', () => {
    // rated: 4 and 2 → mean 3; 'na' and one unrated are left out; 2 rated of 3 applicable ≥ half
    const r = dimensionResult([4, 'na', undefined, 2], 5);
    expect(r).toMatchObject({ items: 4, applicable: 3, rated: 2, notApplicable: 1, score: 3, level: 3, notDetermined: null });
  });

  it('is not determined when fewer than half of its applicable items are rated', () => {
    // 1 rated of 3 applicable (1 × 2 < 3)
    const r = dimensionResult([5, undefined, undefined, 'na'], 5);
    expect(r.rated).toBe(1);
    expect(r.applicable).toBe(3);
    expect(r.score).toBe(5);
    expect(r.level).toBeNull();
    expect(r.notDetermined).toBe('too-few-rated');
    // exactly half rated (2 of 4) is enough
    expect(dimensionResult([2, 1, undefined, undefined], 5)).toMatchObject({ level: 1, notDetermined: null });
  });

  it('is not determined without applicable items: empty, or all not applicable', () => {
    expect(dimensionResult([], 5)).toMatchObject({ score: null, level: null, notDetermined: 'no-items' });
    expect(dimensionResult(['na', 'na'], 5)).toMatchObject({ score: null, level: null, notDetermined: 'no-items' });
  });

  it('ignores a rating outside the levels (a level that was removed)', () => {
    // 6 on a 5-level model counts as unrated: 4 alone, 1 of 2 rated = half → level 4
    expect(dimensionResult([4, 6], 5)).toMatchObject({ rated: 1, score: 4, level: 4 });
  });
});

describe('the overall level', () => {
  it('is the lowest dimension level, with the mean of the dimension scores', () => {
    // A: (3+4)/2 = 3.5 → 3; B: (5+5+4)/3 = 4.67 → 4; C: 2 → 2. Overall level 2; score (3.5 + 4.667 + 2)/3 = 3.39
    const r = assessModel({ levelCount: 5, dimensions: [[3, 4], [5, 5, 4], [2]] });
    expect(r.dimensions.map((d) => d.level)).toEqual([3, 4, 2]);
    expect(r.overall.level).toBe(2);
    expect(formatScore(r.overall.score)).toBe('3.39');
    expect(r.overall.notDetermined).toBe(0);
  });

  it('is not determined when any dimension is, though the score still shows what is known', () => {
    // A: 4 → 4; B: 1 rated of 3 → not determined (score 2 still counts in the mean): (4 + 2)/2 = 3
    const r = assessModel({ levelCount: 5, dimensions: [[4], [2, undefined, undefined]] });
    expect(r.dimensions[1]!.notDetermined).toBe('too-few-rated');
    expect(r.overall).toEqual({ level: null, score: 3, notDetermined: 1 });
  });

  it('is not determined for a model without dimensions or without any rating', () => {
    expect(assessModel({ levelCount: 5, dimensions: [] }).overall).toEqual({ level: null, score: null, notDetermined: 0 });
    expect(assessModel({ levelCount: 3, dimensions: [[undefined, undefined]] }).overall).toEqual({
      level: null,
      score: null,
      notDetermined: 1,
    });
  });

  it('works on three levels as on six', () => {
    expect(assessModel({ levelCount: 3, dimensions: [[3, 3], [2, 3]] }).overall.level).toBe(2);
    expect(assessModel({ levelCount: 6, dimensions: [[6, 6], [6, 'na']] }).overall.level).toBe(6);
  });
});
