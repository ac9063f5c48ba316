// Intercoder agreement of two coders over chosen sources and concepts, at the three levels MAXQDA
// offers: concept presence per source, concept frequency per source, and passage overlap. Each level
// turns the passages into units labelled by both coders; every coefficient is computed from those
// units, so the figures, the disagreements and the explanation on screen always describe the same data.

import type { ConceptId, DocumentId, SegmentId } from '../ids';
import type { Coefficient, LabelPair } from './coefficients';
import { brennanPredigerKappa, cohenKappa, krippendorffAlphaNominal, percentAgreement } from './coefficients';
import { matchPassages, overlapShare } from './overlap';

/** A coded passage as agreement needs it; which coder made it is said by the list it is in. */
export interface CodedPassage {
  id: SegmentId;
  documentId: DocumentId;
  conceptId: ConceptId;
  start: number;
  end: number;
}

export interface AgreementInput {
  /** The sources compared (units are built for each of them, coded or not). */
  sources: readonly DocumentId[];
  /** The concepts compared; passages with other concepts are left out. */
  concepts: readonly ConceptId[];
  /** Coder A's and coder B's passages. */
  a: readonly CodedPassage[];
  b: readonly CodedPassage[];
  /** Passage level: the least overlap share (intersection ÷ union) that counts as agreement; 0 < x ≤ 1. */
  minOverlap?: number;
}

export const DEFAULT_MIN_OVERLAP = 0.9;

export type AgreementLevel = 'presence' | 'frequency' | 'overlap';

export interface AgreementFigures {
  /** Units compared. */
  units: number;
  /** Units both coders labelled alike. */
  agreements: number;
  /** agreements ÷ units × 100 (null without units). */
  percent: number | null;
  cohenKappa: Coefficient;
  brennanPrediger: Coefficient;
  /** q, the number of categories Brennan & Prediger's chance agreement 1/q is taken over. */
  categories: number;
  /** Presence level only. */
  krippendorffAlpha?: Coefficient;
  /**
   * Presence and frequency levels: percent agreement over the units at least one coder used the
   * concept in (the figure MAXQDA's table shows, which leaves out units neither coder used).
   */
  percentWhereUsed?: number | null;
}

/** The presence level's four cells for one concept (or pooled): units = sources. */
export interface PresenceTable {
  both: number;
  onlyA: number;
  onlyB: number;
  neither: number;
}

/** The passage level's cells for one concept: matched pairs and passages left on each side. */
export interface OverlapTable {
  matched: number;
  onlyA: number;
  onlyB: number;
}

export interface ConceptAgreement extends AgreementFigures {
  conceptId: ConceptId;
  presence?: PresenceTable;
  overlap?: OverlapTable;
}

/** Presence or frequency: the concept in the source, as each coder used it, with both coders' passages. */
export interface SourceDisagreement {
  level: 'presence' | 'frequency';
  documentId: DocumentId;
  conceptId: ConceptId;
  countA: number;
  countB: number;
  passagesA: CodedPassage[];
  passagesB: CodedPassage[];
}

/**
 * Passage level: a unit the coders did not label alike. One side may be missing (that coder coded
 * nothing there with an overlap share of at least the threshold); when both are present they coded
 * the same spot with different concepts.
 */
export interface PassageDisagreement {
  level: 'overlap';
  documentId: DocumentId;
  passageA: CodedPassage | null;
  passageB: CodedPassage | null;
  /** Share of the two passages (0 when one is missing). */
  share: number;
  /**
   * For a one-sided unit: the other coder's passage with the same concept that overlaps it most
   * (below the threshold), with its share, or null when none overlaps at all.
   */
  nearest: { passage: CodedPassage; share: number } | null;
}

export type Disagreement = SourceDisagreement | PassageDisagreement;

export interface LevelReport {
  level: AgreementLevel;
  /** English; the renderer translates. */
  title: string;
  explanation: string;
  overall: AgreementFigures;
  perConcept: ConceptAgreement[];
  disagreements: Disagreement[];
}

export interface AgreementReport {
  minOverlap: number;
  sources: number;
  concepts: number;
  presence: LevelReport;
  frequency: LevelReport;
  overlap: LevelReport;
}

export const LEVEL_TITLES: Record<AgreementLevel, string> = {
  presence: 'Concept presence per source',
  frequency: 'Concept frequency per source',
  overlap: 'Passage overlap',
};

const KAPPA_NOTE =
  'Cohen’s κ takes chance agreement from each coder’s own category shares; Brennan & Prediger’s κ takes it as 1/q, q being the number of categories.';

export function levelExplanation(level: AgreementLevel, minOverlap: number): string {
  const pct = Math.round(minOverlap * 1000) / 10;
  switch (level) {
    case 'presence':
      return `Each pair of a chosen source and a chosen concept is one unit: the coders agree when both used the concept in the source or neither did. Percent agreement counts both kinds; “where used” leaves out the pairs neither coder used, as MAXQDA’s table does. Brennan & Prediger’s κ uses q = 2 (used, not used); Krippendorff’s α is nominal. ${KAPPA_NOTE}`;
    case 'frequency':
      return `Each pair of a chosen source and a chosen concept is one unit, labelled by how many passages each coder coded with the concept in the source: the coders agree when the numbers are equal (MAXQDA’s “code frequency” criterion). The numbers are compared as categories, not as quantities, so 3 against 4 is as much a disagreement as 0 against 4; q is the number of different numbers that occur. ${KAPPA_NOTE}`;
    case 'overlap':
      return `A passage of one coder agrees when the other coder coded the same concept on a passage of the same source that overlaps it by at least ${pct} %: the characters both passages cover divided by the characters either covers (intersection ÷ union). Each passage is matched at most once, the largest overlaps first. A unit is a matched pair, or a passage left unmatched (the other coder coded nothing there, or a different concept on a passage overlapping it by at least ${pct} %, which is paired with it). Percent agreement is matched pairs ÷ units. Overall, κ compares the concepts (plus “nothing”) the coders gave each unit, and Brennan & Prediger’s q is the number of chosen concepts plus one for “nothing”. Per concept, q = 2; Cohen’s κ is not reported per concept, since no unit is left uncoded by both coders and it could never exceed 0. ${KAPPA_NOTE}`;
  }
}

/** A label for "this coder coded nothing here" that no concept id can equal. */
const NOTHING = 'nothing';

const key = (documentId: number, conceptId: number) => `${documentId}:${conceptId}`;

function group(passages: readonly CodedPassage[], sources: Set<number>, concepts: Set<number>) {
  const bySourceConcept = new Map<string, CodedPassage[]>();
  const bySource = new Map<number, CodedPassage[]>();
  for (const p of passages) {
    if (!sources.has(p.documentId) || !concepts.has(p.conceptId)) continue;
    const k = key(p.documentId, p.conceptId);
    const inCell = bySourceConcept.get(k);
    if (inCell) inCell.push(p);
    else bySourceConcept.set(k, [p]);
    const inSource = bySource.get(p.documentId);
    if (inSource) inSource.push(p);
    else bySource.set(p.documentId, [p]);
  }
  return { bySourceConcept, bySource };
}

function figures(pairs: LabelPair[], categories: number, extra: Partial<AgreementFigures> = {}): AgreementFigures {
  return {
    units: pairs.length,
    agreements: pairs.filter((p) => p.a === p.b).length,
    percent: percentAgreement(pairs),
    cohenKappa: cohenKappa(pairs),
    brennanPrediger: brennanPredigerKappa(pairs, categories),
    categories,
    ...extra,
  };
}

const distinctLabels = (pairs: readonly LabelPair[]) => new Set(pairs.flatMap((p) => [p.a, p.b])).size;

const whereUsed = (pairs: readonly LabelPair[], unused: string | number) =>
  percentAgreement(pairs.filter((p) => p.a !== unused || p.b !== unused));

const byPosition = (x: CodedPassage, y: CodedPassage) => x.start - y.start || x.end - y.end || x.id - y.id;

/** The intercoder agreement of coders A and B at all three levels. */
export function intercoderAgreement(input: AgreementInput): AgreementReport {
  const minOverlap = input.minOverlap ?? DEFAULT_MIN_OVERLAP;
  if (!(minOverlap > 0 && minOverlap <= 1))
    throw new Error(`The least overlap must be more than 0 % and at most 100 % (it is ${minOverlap * 100} %).`);
  const sources = [...new Set(input.sources)];
  const concepts = [...new Set(input.concepts)];
  const sourceSet = new Set<number>(sources);
  const conceptSet = new Set<number>(concepts);
  const A = group(input.a, sourceSet, conceptSet);
  const B = group(input.b, sourceSet, conceptSet);

  // Presence and frequency: one unit per (source, concept).
  const presencePairs = new Map<ConceptId, LabelPair[]>();
  const frequencyPairs = new Map<ConceptId, LabelPair[]>();
  const presenceTables = new Map<ConceptId, PresenceTable>();
  const presenceDisagreements: SourceDisagreement[] = [];
  const frequencyDisagreements: SourceDisagreement[] = [];
  for (const c of concepts) {
    const pp: LabelPair[] = [];
    const fp: LabelPair[] = [];
    const table: PresenceTable = { both: 0, onlyA: 0, onlyB: 0, neither: 0 };
    for (const s of sources) {
      const pa = [...(A.bySourceConcept.get(key(s, c)) ?? [])].sort(byPosition);
      const pb = [...(B.bySourceConcept.get(key(s, c)) ?? [])].sort(byPosition);
      const usedA = pa.length > 0 ? 1 : 0;
      const usedB = pb.length > 0 ? 1 : 0;
      pp.push({ a: usedA, b: usedB });
      fp.push({ a: pa.length, b: pb.length });
      if (usedA && usedB) table.both += 1;
      else if (usedA) table.onlyA += 1;
      else if (usedB) table.onlyB += 1;
      else table.neither += 1;
      const row = { documentId: s, conceptId: c, countA: pa.length, countB: pb.length, passagesA: pa, passagesB: pb };
      if (usedA !== usedB) presenceDisagreements.push({ level: 'presence', ...row });
      if (pa.length !== pb.length) frequencyDisagreements.push({ level: 'frequency', ...row });
    }
    presencePairs.set(c, pp);
    frequencyPairs.set(c, fp);
    presenceTables.set(c, table);
  }
  const allPresence = concepts.flatMap((c) => presencePairs.get(c)!);
  const allFrequency = concepts.flatMap((c) => frequencyPairs.get(c)!);

  const presence: LevelReport = {
    level: 'presence',
    title: LEVEL_TITLES.presence,
    explanation: levelExplanation('presence', minOverlap),
    overall: figures(allPresence, 2, {
      krippendorffAlpha: krippendorffAlphaNominal(allPresence),
      percentWhereUsed: whereUsed(allPresence, 0),
    }),
    perConcept: concepts.map((c) => {
      const pairs = presencePairs.get(c)!;
      return {
        conceptId: c,
        ...figures(pairs, 2, { krippendorffAlpha: krippendorffAlphaNominal(pairs), percentWhereUsed: whereUsed(pairs, 0) }),
        presence: presenceTables.get(c)!,
      };
    }),
    disagreements: presenceDisagreements,
  };

  const frequency: LevelReport = {
    level: 'frequency',
    title: LEVEL_TITLES.frequency,
    explanation: levelExplanation('frequency', minOverlap),
    overall: figures(allFrequency, distinctLabels(allFrequency), { percentWhereUsed: whereUsed(allFrequency, 0) }),
    perConcept: concepts.map((c) => {
      const pairs = frequencyPairs.get(c)!;
      return { conceptId: c, ...figures(pairs, distinctLabels(pairs), { percentWhereUsed: whereUsed(pairs, 0) }) };
    }),
    disagreements: frequencyDisagreements,
  };

  return {
    minOverlap,
    sources: sources.length,
    concepts: concepts.length,
    presence,
    frequency,
    overlap: overlapLevel(sources, concepts, A.bySource, B.bySource, minOverlap),
  };
}

const NOT_PER_CONCEPT =
  'Not reported per concept at the passage level: every unit was coded by at least one coder, so the table has no “neither” cell and Cohen’s κ could never exceed 0. See Brennan & Prediger’s κ.';

function overlapLevel(
  sources: readonly DocumentId[],
  concepts: readonly ConceptId[],
  bySourceA: Map<number, CodedPassage[]>,
  bySourceB: Map<number, CodedPassage[]>,
  minOverlap: number,
): LevelReport {
  const units: { documentId: DocumentId; a: CodedPassage | null; b: CodedPassage | null; share: number }[] = [];
  for (const s of sources) {
    const as = bySourceA.get(s) ?? [];
    const bs = bySourceB.get(s) ?? [];
    // First the same concept; then what is left is paired across concepts (one spot, two concepts).
    const same = matchPassages(as, bs, minOverlap, (x, y) => x.conceptId === y.conceptId);
    const cross = matchPassages(same.restA, same.restB, minOverlap, (x, y) => x.conceptId !== y.conceptId);
    for (const m of [...same.pairs, ...cross.pairs]) units.push({ documentId: s, a: m.a, b: m.b, share: m.share });
    for (const a of cross.restA) units.push({ documentId: s, a, b: null, share: 0 });
    for (const b of cross.restB) units.push({ documentId: s, a: null, b, share: 0 });
  }
  const sourceOrder = new Map<number, number>(sources.map((s, i) => [s, i]));
  const first = (u: (typeof units)[number]) => (u.a && u.b ? (byPosition(u.a, u.b) <= 0 ? u.a : u.b) : (u.a ?? u.b)!);
  units.sort((x, y) => sourceOrder.get(x.documentId)! - sourceOrder.get(y.documentId)! || byPosition(first(x), first(y)));

  const label = (p: CodedPassage | null) => (p ? p.conceptId : NOTHING);
  const pairs: LabelPair[] = units.map((u) => ({ a: label(u.a), b: label(u.b) }));

  const perConcept: ConceptAgreement[] = concepts.map((c) => {
    const table: OverlapTable = { matched: 0, onlyA: 0, onlyB: 0 };
    const binary: LabelPair[] = [];
    for (const u of units) {
      const a = u.a?.conceptId === c;
      const b = u.b?.conceptId === c;
      if (!a && !b) continue;
      if (a && b) table.matched += 1;
      else if (a) table.onlyA += 1;
      else table.onlyB += 1;
      binary.push({ a: a ? 1 : 0, b: b ? 1 : 0 });
    }
    const f = figures(binary, 2);
    return { conceptId: c, ...f, cohenKappa: binary.length ? { value: null, reason: NOT_PER_CONCEPT } : f.cohenKappa, overlap: table };
  });

  const nearest = (p: CodedPassage, others: CodedPassage[]) => {
    let best: { passage: CodedPassage; share: number } | null = null;
    for (const o of others) {
      if (o.conceptId !== p.conceptId) continue;
      const share = overlapShare(p, o);
      if (share > 0 && (!best || share > best.share)) best = { passage: o, share };
    }
    return best;
  };
  const disagreements: PassageDisagreement[] = units
    .filter((u) => !(u.a && u.b && u.a.conceptId === u.b.conceptId))
    .map((u) => ({
      level: 'overlap',
      documentId: u.documentId,
      passageA: u.a,
      passageB: u.b,
      share: u.share,
      nearest: u.a && !u.b ? nearest(u.a, bySourceB.get(u.documentId) ?? []) : u.b && !u.a ? nearest(u.b, bySourceA.get(u.documentId) ?? []) : null,
    }));

  return {
    level: 'overlap',
    title: LEVEL_TITLES.overlap,
    explanation: levelExplanation('overlap', minOverlap),
    overall: figures(pairs, concepts.length + 1),
    perConcept,
    disagreements,
  };
}
