// Duplicate pairs counted by group must equal the pairs a plain comparison of every two records
// finds; the list stops at its limit while the count goes on.

import { describe, expect, it } from 'vitest';
import { duplicatePairs, type DuplicateCandidate } from '../../../shared/domain/duplicates';
import { nearSameTitle, normalizeDoi, recordId, titleKey, type DuplicateFlag, type RecordId } from '../../../shared/domain/records';

/** Every pair compared with every other: the definition, quadratic, for small sets. */
function everyPair(records: DuplicateCandidate[], dismissed: Set<string>, involving?: Set<RecordId>): DuplicateFlag[] {
  const out: DuplicateFlag[] = [];
  for (let i = 0; i < records.length; i += 1) {
    for (let j = i + 1; j < records.length; j += 1) {
      const [x, y] = records[i]!.id < records[j]!.id ? [records[i]!, records[j]!] : [records[j]!, records[i]!];
      if (dismissed.has(`${x.id}:${y.id}`)) continue;
      if (involving && !involving.has(x.id) && !involving.has(y.id)) continue;
      const doi = normalizeDoi(x.doi);
      const [kx, ky] = [titleKey(x.title), titleKey(y.title)];
      if (doi && doi === normalizeDoi(y.doi)) out.push({ a: x.id, b: y.id, why: 'doi' });
      else if (x.year === y.year && kx.length >= 8 && ky.length >= 8 && nearSameTitle(kx, ky)) out.push({ a: x.id, b: y.id, why: 'title' });
    }
  }
  return out.sort((p, q) => p.a - q.a || p.b - q.b);
}

/** A seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const TITLES = ['Trust in industrial marketing', 'Trust in industrial marketting', 'A maturity model for B2B marketing', 'A maturity model for B2B marketing.', 'مدل بلوغ بازاریابی صنعتی', 'مدل بلوغ بازاریابی صنعتي', 'Short'];
const DOIS = ['', '', '10.1000/a', '10.1000/b', 'https://doi.org/10.1000/A'];

describe('duplicate pairs', () => {
  it('finds the pairs a comparison of every two records finds, on random sets with dismissals', () => {
    for (let seed = 1; seed <= 40; seed += 1) {
      const rnd = random(seed);
      const pick = <T,>(list: T[]) => list[Math.floor(rnd() * list.length)]!;
      const records: DuplicateCandidate[] = Array.from({ length: 30 }, (_, i) => ({
        id: recordId(i + 1),
        title: pick(TITLES),
        doi: pick(DOIS),
        year: pick([2019, 2020, null]),
      }));
      const dismissed = new Set(everyPair(records, new Set()).filter(() => rnd() < 0.2).map((f) => `${f.a}:${f.b}`));
      const involving = rnd() < 0.5 ? new Set(records.filter(() => rnd() < 0.3).map((r) => r.id)) : undefined;
      const expected = everyPair(records, dismissed, involving);
      const found = duplicatePairs(records, { dismissed, involving, limit: 10_000 });
      expect(found.total, `seed ${seed}`).toBe(expected.length);
      expect(found.pairs.map((p) => `${p.a}:${p.b}`), `seed ${seed}`).toEqual(expected.map((p) => `${p.a}:${p.b}`));
    }
  });

  it('counts the pairs of 9,999 identical records and lists only the first ones', () => {
    const records = Array.from({ length: 9_999 }, (_, i) => ({ id: recordId(i + 1), title: 'The same record', doi: '', year: 2020 }));
    const found = duplicatePairs(records, { limit: 1_000 });
    expect(found.total).toBe((9_999 * 9_998) / 2);
    expect(found.pairs).toHaveLength(1_000);
    expect(found.pairs[0]).toEqual({ a: 1, b: 2, why: 'title' });
  });
});
