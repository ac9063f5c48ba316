// Possible duplicate records: the same DOI, or near-same titles (normalised, at most one edit in
// ten characters) in the same year. Records with identical keys form groups that are counted, not
// paired one by one, and near-same titles are compared once per distinct title, so 10,000
// identical records cost one group, not 50 million comparisons. At most `limit` pairs are listed
// (MAX_DUPLICATE_PAIRS); `total` counts them all, so a list can say how many more there are.

import type { RecordId } from './records';
import { MAX_DUPLICATE_PAIRS } from './limits';
import type { DuplicateFlag } from './records';
import { nearSameTitle, normalizeDoi, titleKey } from './records';

export interface DuplicateCandidate {
  id: RecordId;
  doi: string;
  title: string;
  year: number | null;
}

export interface DuplicatePairs {
  /** At most `limit` pairs, the older record first, in order. */
  pairs: DuplicateFlag[];
  /** Every flagged pair, listed or not. */
  total: number;
}

export interface DuplicateOptions {
  /** Pairs the user said are not duplicates, as "a:b" with a < b. */
  dismissed?: ReadonlySet<string>;
  limit?: number;
  /** Only pairs with at least one of these records (the records an import just added). */
  involving?: ReadonlySet<RecordId>;
}

const pairKey = (a: RecordId, b: RecordId) => (a < b ? `${a}:${b}` : `${b}:${a}`);
const choose2 = (n: number) => (n * (n - 1)) / 2;

interface Group {
  ids: RecordId[];
  /** Records of the group in `involving` (all of them when it is not given). */
  fresh: number;
  /** DOI of each member, for the pairs flagged by both DOI and title. */
  dois: Map<string, { all: number; fresh: number }>;
}

function groupBy(records: DuplicateCandidate[], keyOf: (r: DuplicateCandidate) => string, isFresh: (id: RecordId) => boolean) {
  const groups = new Map<string, Group>();
  for (const r of records) {
    const key = keyOf(r);
    if (!key) continue;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ids: [], fresh: 0, dois: new Map() }));
    group.ids.push(r.id);
    const fresh = isFresh(r.id);
    if (fresh) group.fresh += 1;
    const doi = normalizeDoi(r.doi);
    if (doi) {
      const d = group.dois.get(doi) ?? { all: 0, fresh: 0 };
      d.all += 1;
      if (fresh) d.fresh += 1;
      group.dois.set(doi, d);
    }
  }
  return groups;
}

/** Pairs within a group (or across two), counting only those with a fresh member. */
const within = (all: number, fresh: number) => choose2(all) - choose2(all - fresh);
const across = (a: { all: number; fresh: number }, b: { all: number; fresh: number }) => a.all * b.all - (a.all - a.fresh) * (b.all - b.fresh);

export function duplicatePairs(records: DuplicateCandidate[], options: DuplicateOptions = {}): DuplicatePairs {
  const limit = options.limit ?? MAX_DUPLICATE_PAIRS;
  const dismissed = options.dismissed ?? new Set<string>();
  const involving = options.involving;
  const isFresh = (id: RecordId) => !involving || involving.has(id);
  const listed = new Map<string, DuplicateFlag>();
  let total = 0;
  const offer = (a: RecordId, b: RecordId, why: DuplicateFlag['why']) => {
    if (listed.size >= limit) return false;
    if (!isFresh(a) && !isFresh(b)) return true;
    const key = pairKey(a, b);
    if (dismissed.has(key) || listed.has(key)) return true;
    listed.set(key, a < b ? { a, b, why } : { a: b, b: a, why });
    return true;
  };
  const sorted = [...records].sort((p, q) => p.id - q.id);

  // Same DOI.
  const byDoi = groupBy(sorted, (r) => normalizeDoi(r.doi), isFresh);
  for (const group of byDoi.values()) {
    total += within(group.ids.length, group.fresh);
    for (let i = 0; i < group.ids.length && listed.size < limit; i += 1) {
      for (let j = i + 1; j < group.ids.length; j += 1) if (!offer(group.ids[i]!, group.ids[j]!, 'doi')) break;
    }
  }

  // Near-same titles in the same year: identical keys are one group; distinct keys are compared.
  const byTitle = groupBy(sorted, (r) => {
    const key = titleKey(r.title);
    return key.length >= 8 ? `${r.year}\u0000${key}` : '';
  }, isFresh);
  /** Title pairs that also share a DOI were counted above. */
  const sharedDoi = (a: Group, b?: Group) => {
    let n = 0;
    for (const [doi, x] of a.dois) {
      if (!b) n += within(x.all, x.fresh);
      else {
        const y = b.dois.get(doi);
        if (y) n += across(x, y);
      }
    }
    return n;
  };
  const years = new Map<string, { key: string; group: Group; letters: Map<string, number> }[]>();
  for (const [yearAndKey, group] of byTitle) {
    total += within(group.ids.length, group.fresh) - sharedDoi(group);
    for (let i = 0; i < group.ids.length && listed.size < limit; i += 1) {
      for (let j = i + 1; j < group.ids.length; j += 1) if (!offer(group.ids[i]!, group.ids[j]!, 'title')) break;
    }
    const [year, key] = yearAndKey.split('\u0000') as [string, string];
    const letters = new Map<string, number>();
    for (const ch of key) letters.set(ch, (letters.get(ch) ?? 0) + 1);
    const bucket = years.get(year) ?? [];
    const allowed = Math.floor(key.length / 10) + 1;
    for (const other of bucket) {
      // Letter counts give a cheap lower bound of the edit distance: most pairs stop here.
      let difference = 0;
      for (const [ch, n] of letters) difference += Math.abs(n - (other.letters.get(ch) ?? 0));
      for (const [ch, n] of other.letters) if (!letters.has(ch)) difference += n;
      if (difference / 2 > allowed + 1 || !nearSameTitle(other.key, key)) continue;
      const a = { all: other.group.ids.length, fresh: other.group.fresh };
      const b = { all: group.ids.length, fresh: group.fresh };
      total += across(a, b) - sharedDoi(other.group, group);
      for (const x of other.group.ids) {
        if (listed.size >= limit) break;
        for (const y of group.ids) if (!offer(x, y, 'title')) break;
      }
    }
    bucket.push({ key, group, letters });
    years.set(year, bucket);
  }

  // Dismissed pairs are not flagged: take those that were counted back out.
  if (dismissed.size > 0) {
    const byId = new Map(records.map((r) => [r.id, r]));
    for (const key of dismissed) {
      const [a, b] = key.split(':').map(Number) as [RecordId, RecordId];
      const x = byId.get(a);
      const y = byId.get(b);
      if (!x || !y || (!isFresh(a) && !isFresh(b))) continue;
      const doi = normalizeDoi(x.doi);
      const sameDoi = !!doi && doi === normalizeDoi(y.doi);
      const kx = titleKey(x.title);
      const ky = titleKey(y.title);
      const sameTitle = x.year === y.year && kx.length >= 8 && ky.length >= 8 && nearSameTitle(kx, ky);
      if (sameDoi || sameTitle) total -= 1;
    }
  }
  const pairs = [...listed.values()].sort((p, q) => p.a - q.a || p.b - q.b);
  return { pairs, total: Math.max(total, pairs.length) };
}
