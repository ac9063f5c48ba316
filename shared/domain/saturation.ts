// Theoretical saturation from the data: sources in an order (coding order or publication order),
// how many concepts each source adds that no earlier source had, the cumulative curve overall and
// per paradigm component, and where a stopping rule the researcher sets is first met. A concept's
// components are its current placement (codebook-tree.ts), not where it sat when it was coded.

import type { ConceptId, DocumentId, SegmentId } from './ids';
import type { ComponentKey } from './paradigm';
import { COMPONENT_KEYS } from './paradigm';

export interface SaturationSource {
  id: DocumentId;
  name: string;
  /** Publication year, or null when unknown (such sources come last in publication order). */
  year: number | null;
}

export interface SaturationPassage {
  id: SegmentId;
  documentId: DocumentId;
  conceptId: ConceptId;
  /** When the passage was coded (ISO 8601); without it, the id's order stands for coding order. */
  createdAt?: string;
}

/** coding: each source where its first passage was coded; year: publication year, then name. */
export type SaturationOrder = 'coding' | 'year';

export type StoppingRule =
  /** No new concept in the last k sources. */
  | { kind: 'no-new'; k: number }
  /** The last k sources together added fewer than `percent` % of the concepts found so far. */
  | { kind: 'share-new'; k: number; percent: number };

export interface SaturationInput {
  sources: readonly SaturationSource[];
  passages: readonly SaturationPassage[];
  order: SaturationOrder;
  /** The components a concept reaches (codebookTree(...).components); none given: overall only. */
  componentsOf?: (concept: ConceptId) => readonly ComponentKey[];
  rule?: StoppingRule | null;
}

export interface SaturationPoint {
  /** 1-based place in the order. */
  position: number;
  documentId: DocumentId;
  name: string;
  year: number | null;
  passages: number;
  /** Concepts no earlier source had, by id. */
  newConcepts: ConceptId[];
}

export interface SaturationCurve {
  /** Per source in the order: how many concepts it added, and the running total. */
  added: number[];
  cumulative: number[];
  /** Where the stopping rule is first met (0-based index into `points`), or null (not met, or no rule). */
  metAt: number | null;
  metAtSource: DocumentId | null;
}

export interface FirstAppearance {
  conceptId: ConceptId;
  documentId: DocumentId;
  position: number;
  /** The concept's first passage in that source. */
  passageId: SegmentId;
}

export interface SaturationReport {
  order: SaturationOrder;
  rule: StoppingRule | null;
  /** The rule and the order in words (English; the renderer translates). */
  explanation: string;
  points: SaturationPoint[];
  /** Sources with no passage: left out of the curve, since an uncoded source would look saturated. */
  notCoded: DocumentId[];
  overall: SaturationCurve;
  /** Per component, and 'none' for concepts that reach no component; only with componentsOf. */
  perComponent: Partial<Record<ComponentKey | 'none', SaturationCurve>>;
  firstAppearance: FirstAppearance[];
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Refuses a rule that cannot be applied, with the reason. */
export function stoppingRuleProblem(rule: StoppingRule): string | null {
  if (!Number.isInteger(rule.k) || rule.k < 1) return `The number of sources k must be a whole number of at least 1 (it is ${rule.k}).`;
  if (rule.kind === 'share-new' && !(rule.percent > 0 && rule.percent <= 100))
    return `The share p must be more than 0 % and at most 100 % (it is ${rule.percent} %).`;
  return null;
}

export function describeRule(rule: StoppingRule | null, order: SaturationOrder): string {
  const inOrder =
    order === 'coding'
      ? 'Sources in coding order (when each source’s first passage was coded).'
      : 'Sources in publication order (year, then name; sources without a year last).';
  const base = `${inOrder} A concept is new in the first source where it is coded. Sources without passages are left out.`;
  if (!rule) return base;
  if (rule.kind === 'no-new') return `${base} Stopping rule: no new concept in the last ${rule.k} sources.`;
  return `${base} Stopping rule: the last ${rule.k} sources together added fewer than ${rule.percent} % of the concepts found up to the last of them.`;
}

/** The 0-based index where the rule is first met on a curve, or null. */
export function firstMet(rule: StoppingRule, added: readonly number[], cumulative: readonly number[]): number | null {
  let window = 0;
  for (let i = 0; i < added.length; i += 1) {
    window += added[i]!;
    if (i >= rule.k) window -= added[i - rule.k]!;
    if (i < rule.k - 1) continue;
    if (rule.kind === 'no-new' ? window === 0 : cumulative[i]! > 0 && (100 * window) / cumulative[i]! < rule.percent) return i;
  }
  return null;
}

const earlier = (x: SaturationPassage, y: SaturationPassage) =>
  (x.createdAt ?? '') < (y.createdAt ?? '') ? -1 : (x.createdAt ?? '') > (y.createdAt ?? '') ? 1 : x.id - y.id;

export function saturation(input: SaturationInput): SaturationReport {
  const rule = input.rule ?? null;
  if (rule) {
    const problem = stoppingRuleProblem(rule);
    if (problem) throw new Error(problem);
  }
  const bySource = new Map<number, SaturationPassage[]>();
  for (const p of input.passages) {
    const list = bySource.get(p.documentId);
    if (list) list.push(p);
    else bySource.set(p.documentId, [p]);
  }
  for (const list of bySource.values()) list.sort(earlier);

  const coded = input.sources.filter((s) => bySource.has(s.id));
  const notCoded = input.sources.filter((s) => !bySource.has(s.id)).map((s) => s.id);
  const ordered =
    input.order === 'coding'
      ? [...coded].sort((x, y) => earlier(bySource.get(x.id)![0]!, bySource.get(y.id)![0]!))
      : [...coded].sort(
          (x, y) =>
            (x.year ?? Infinity) - (y.year ?? Infinity) || collator.compare(x.name, y.name) || x.id - y.id,
        );

  const seen = new Set<number>();
  const firstAppearance: FirstAppearance[] = [];
  const points: SaturationPoint[] = ordered.map((s, i) => {
    const newConcepts: ConceptId[] = [];
    for (const p of bySource.get(s.id)!) {
      if (seen.has(p.conceptId)) continue;
      seen.add(p.conceptId);
      newConcepts.push(p.conceptId);
      firstAppearance.push({ conceptId: p.conceptId, documentId: s.id, position: i + 1, passageId: p.id });
    }
    return { position: i + 1, documentId: s.id, name: s.name, year: s.year, passages: bySource.get(s.id)!.length, newConcepts };
  });

  const curve = (counts: number[]): SaturationCurve => {
    const cumulative: number[] = [];
    counts.reduce((sum, n) => (cumulative.push(sum + n), sum + n), 0);
    const metAt = rule ? firstMet(rule, counts, cumulative) : null;
    return { added: counts, cumulative, metAt, metAtSource: metAt === null ? null : points[metAt]!.documentId };
  };

  const perComponent: SaturationReport['perComponent'] = {};
  if (input.componentsOf) {
    const componentsOf = input.componentsOf;
    for (const key of [...COMPONENT_KEYS, 'none' as const]) {
      const reaches = (c: ConceptId) => {
        const components = componentsOf(c);
        return key === 'none' ? components.length === 0 : components.includes(key);
      };
      perComponent[key] = curve(points.map((pt) => pt.newConcepts.filter(reaches).length));
    }
  }

  return {
    order: input.order,
    rule,
    explanation: describeRule(rule, input.order),
    points,
    notCoded,
    overall: curve(points.map((pt) => pt.newConcepts.length)),
    perComponent,
    firstAppearance,
  };
}
