// What a wave of new literature changed in the model: the current codebook and counts against a
// frozen baseline (same project, so ids match: rowids are never reused), or one wave's passages
// against the other waves'. Pure: the caller passes both pictures; nothing here reads the store.

import type { CodebookTree } from './codebook-tree';
import { codebookTree } from './codebook-tree';
import type { CategoryId, ConceptId, DocumentId, SegmentId } from './ids';
import type { CountRow, Filing } from './model';
import type { ComponentKey } from './paradigm';
import { COMPONENT_KEYS } from './paradigm';

export interface SnapshotConcept {
  id: ConceptId;
  label: string;
  code?: string | null;
}

export interface SnapshotCategory {
  id: CategoryId;
  name: string;
  parentId: CategoryId | null;
  component: ComponentKey | null;
  code?: string | null;
}

export interface SnapshotDimension {
  id: number;
  labelEn: string;
  labelFa: string;
  /** The dimension's assessment items: concepts under its main categories. */
  items: readonly ConceptId[];
}

/** A picture of the model: a frozen baseline, or the project now. */
export interface ModelSnapshot {
  concepts: readonly SnapshotConcept[];
  categories: readonly SnapshotCategory[];
  filings: readonly Filing[];
  /** Passages per concept (concepts without passages may be left out). */
  passageCounts: readonly { conceptId: ConceptId; count: number }[];
  /** Table 8 as counts.paradigm gives it (or as a study reports it). */
  table8: { rows: readonly (CountRow & { component: ComponentKey })[]; totals: CountRow };
  maturity: readonly SnapshotDimension[];
}

/** A passage of the project now, with its wave when waves are defined. */
export interface EvolutionPassage {
  id: SegmentId;
  documentId: DocumentId;
  conceptId: ConceptId;
  wave?: string | null;
}

export interface Introduction {
  /** The sources and passages that brought the concept in, by wave when waves are given. */
  sources: DocumentId[];
  passages: SegmentId[];
  waves: string[];
}

export interface NewConcept extends Introduction {
  conceptId: ConceptId;
  label: string;
  categories: CategoryId[];
  components: ComponentKey[];
}

export interface GrownConcept {
  conceptId: ConceptId;
  label: string;
  before: number;
  now: number;
  change: number;
  /** The concept's passages now, per wave (only when passages with waves are given). */
  byWave: Record<string, number>;
}

export interface MovedConcept {
  conceptId: ConceptId;
  label: string;
  categoriesBefore: CategoryId[];
  categoriesNow: CategoryId[];
  componentsBefore: ComponentKey[];
  componentsNow: ComponentKey[];
  /** True when the components it reaches changed, not only its categories. */
  betweenComponents: boolean;
}

export interface NewCategory {
  categoryId: CategoryId;
  name: string;
  parentId: CategoryId | null;
  component: ComponentKey | null;
}

export interface NewMainCategory extends NewCategory {
  /** It existed in the baseline as a sub-category. */
  promoted: boolean;
}

export interface MovedCategory {
  categoryId: CategoryId;
  name: string;
  parentBefore: CategoryId | null;
  parentNow: CategoryId | null;
  componentBefore: ComponentKey | null;
  componentNow: ComponentKey | null;
}

export interface CountChange {
  before: CountRow;
  now: CountRow;
  change: CountRow;
}

export interface DimensionChange {
  dimensionId: number;
  labelEn: string;
  labelFa: string;
  /** Not in the baseline at all. */
  isNew: boolean;
  itemsBefore: number;
  itemsNow: number;
  newItems: ConceptId[];
  removedItems: ConceptId[];
}

export interface EvolutionReport {
  newConcepts: NewConcept[];
  removedConcepts: SnapshotConcept[];
  grownConcepts: GrownConcept[];
  /** Concepts with fewer passages than in the baseline (passages uncoded since). */
  shrunkConcepts: GrownConcept[];
  newCategories: NewCategory[];
  newMainCategories: NewMainCategory[];
  movedConcepts: MovedConcept[];
  movedCategories: MovedCategory[];
  table8: (CountChange & { component: ComponentKey })[];
  table8Totals: CountChange;
  maturity: DimensionChange[];
}

const difference = (now: CountRow, before: CountRow): CountRow => ({
  mainCategories: now.mainCategories - before.mainCategories,
  concepts: now.concepts - before.concepts,
  finalCodes: now.finalCodes - before.finalCodes,
});
const ZERO: CountRow = { mainCategories: 0, concepts: 0, finalCodes: 0 };
const sameSet = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x) => b.includes(x));
const sorted = <T extends number>(xs: readonly T[]) => [...xs].sort((a, b) => a - b);

function introduction(passages: readonly EvolutionPassage[]): Introduction {
  return {
    sources: [...new Set(passages.map((p) => p.documentId))],
    passages: passages.map((p) => p.id),
    waves: [...new Set(passages.map((p) => p.wave).filter((w): w is string => !!w))],
  };
}

function byConcept(passages: readonly EvolutionPassage[]) {
  const map = new Map<number, EvolutionPassage[]>();
  for (const p of [...passages].sort((x, y) => x.id - y.id)) {
    const list = map.get(p.conceptId);
    if (list) list.push(p);
    else map.set(p.conceptId, [p]);
  }
  return map;
}

function perWave(passages: readonly EvolutionPassage[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of passages) if (p.wave) out[p.wave] = (out[p.wave] ?? 0) + 1;
  return out;
}

/** The current model against a baseline. `passages` (the project's now) name who introduced what. */
export function evolution(baseline: ModelSnapshot, current: ModelSnapshot, passages: readonly EvolutionPassage[] = []): EvolutionReport {
  const treeBefore = codebookTree(baseline.categories, baseline.filings);
  const treeNow = codebookTree(current.categories, current.filings);
  const conceptsBefore = new Map<number, SnapshotConcept>(baseline.concepts.map((c) => [c.id, c]));
  const conceptsNow = new Map<number, SnapshotConcept>(current.concepts.map((c) => [c.id, c]));
  const countBefore = new Map<number, number>(baseline.passageCounts.map((r) => [r.conceptId, r.count]));
  const countNow = new Map<number, number>(current.passageCounts.map((r) => [r.conceptId, r.count]));
  const passagesOf = byConcept(passages);

  const newConcepts: NewConcept[] = current.concepts
    .filter((c) => !conceptsBefore.has(c.id))
    .map((c) => ({
      conceptId: c.id,
      label: c.label,
      ...introduction(passagesOf.get(c.id) ?? []),
      categories: treeNow.filedIn(c.id),
      components: treeNow.components(c.id),
    }));

  const grownConcepts: GrownConcept[] = [];
  const shrunkConcepts: GrownConcept[] = [];
  for (const c of current.concepts) {
    if (!conceptsBefore.has(c.id)) continue;
    const before = countBefore.get(c.id) ?? 0;
    const now = countNow.get(c.id) ?? 0;
    if (before === now) continue;
    const row = { conceptId: c.id, label: c.label, before, now, change: now - before, byWave: perWave(passagesOf.get(c.id) ?? []) };
    (now > before ? grownConcepts : shrunkConcepts).push(row);
  }
  grownConcepts.sort((a, b) => b.change - a.change || a.conceptId - b.conceptId);

  const movedConcepts: MovedConcept[] = [];
  for (const c of current.concepts) {
    if (!conceptsBefore.has(c.id)) continue;
    const categoriesBefore = sorted(treeBefore.filedIn(c.id));
    const categoriesNow = sorted(treeNow.filedIn(c.id));
    const componentsBefore = treeBefore.components(c.id);
    const componentsNow = treeNow.components(c.id);
    const betweenComponents = !(componentsBefore.length === componentsNow.length && componentsBefore.every((k) => componentsNow.includes(k)));
    if (sameSet(categoriesBefore, categoriesNow) && !betweenComponents) continue;
    movedConcepts.push({ conceptId: c.id, label: c.label, categoriesBefore, categoriesNow, componentsBefore, componentsNow, betweenComponents });
  }

  const categoriesBefore = new Map<number, SnapshotCategory>(baseline.categories.map((c) => [c.id, c]));
  const asNew = (c: SnapshotCategory): NewCategory => ({ categoryId: c.id, name: c.name, parentId: c.parentId, component: c.component });
  const newCategories = current.categories.filter((c) => !categoriesBefore.has(c.id)).map(asNew);
  const newMainCategories: NewMainCategory[] = current.categories
    .filter((c) => c.parentId === null && categoriesBefore.get(c.id)?.parentId !== null)
    .map((c) => ({ ...asNew(c), promoted: categoriesBefore.has(c.id) }));
  const movedCategories: MovedCategory[] = current.categories.flatMap((c) => {
    const b = categoriesBefore.get(c.id);
    if (!b || (b.parentId === c.parentId && b.component === c.component)) return [];
    return [{ categoryId: c.id, name: c.name, parentBefore: b.parentId, parentNow: c.parentId, componentBefore: b.component, componentNow: c.component }];
  });

  const rowOf = (rows: ModelSnapshot['table8']['rows'], k: ComponentKey) => {
    const r = rows.find((x) => x.component === k);
    return r ? { mainCategories: r.mainCategories, concepts: r.concepts, finalCodes: r.finalCodes } : ZERO;
  };
  const table8 = COMPONENT_KEYS.map((component) => {
    const before = rowOf(baseline.table8.rows, component);
    const now = rowOf(current.table8.rows, component);
    return { component, before, now, change: difference(now, before) };
  });
  const table8Totals = { before: baseline.table8.totals, now: current.table8.totals, change: difference(current.table8.totals, baseline.table8.totals) };

  const dimensionsBefore = new Map(baseline.maturity.map((d) => [d.id, d]));
  const maturity: DimensionChange[] = current.maturity.map((d) => {
    const b = dimensionsBefore.get(d.id);
    const before = new Set<number>(b?.items ?? []);
    const now = new Set<number>(d.items);
    return {
      dimensionId: d.id,
      labelEn: d.labelEn,
      labelFa: d.labelFa,
      isNew: !b,
      itemsBefore: before.size,
      itemsNow: now.size,
      newItems: [...new Set(d.items)].filter((i) => !before.has(i)),
      removedItems: [...new Set(b?.items ?? [])].filter((i) => !now.has(i)),
    };
  });

  return {
    newConcepts,
    removedConcepts: baseline.concepts.filter((c) => !conceptsNow.has(c.id)),
    grownConcepts,
    shrunkConcepts,
    newCategories,
    newMainCategories,
    movedConcepts,
    movedCategories,
    table8,
    table8Totals,
    maturity,
  };
}

export interface WaveConcept extends Introduction {
  conceptId: ConceptId;
  /** Passages in this wave and in the others. */
  inWave: number;
  elsewhere: number;
}

export interface WaveReport {
  wave: string;
  /** Concepts whose every passage is in this wave: the wave introduced them. */
  introduced: WaveConcept[];
  /** Concepts the other waves (or the codebook alone) already had, that this wave adds passages to. */
  reinforced: WaveConcept[];
  /** Per component: concepts and final codes without this wave | with it | change. Main categories as the codebook has them. */
  perComponent: { component: ComponentKey; before: CountRow; now: CountRow; change: CountRow }[];
}

/**
 * One wave against the others, from the project now. "Before" is the model without what this wave
 * alone brought: concepts whose passages all lie in the wave, and the wave's passages. Concepts
 * without any passage (a published codebook's) belong to "before". Counts follow Table 8's rules
 * without readings (each concept counts 1).
 */
export function waveContribution(
  wave: string,
  concepts: readonly ConceptId[],
  categories: readonly SnapshotCategory[],
  tree: CodebookTree,
  passages: readonly EvolutionPassage[],
): WaveReport {
  const passagesOf = byConcept(passages);
  const introduced: WaveConcept[] = [];
  const reinforced: WaveConcept[] = [];
  const introducedSet = new Set<number>();
  for (const c of concepts) {
    const ps = passagesOf.get(c) ?? [];
    const inWave = ps.filter((p) => p.wave === wave);
    if (inWave.length === 0) continue;
    const row = { conceptId: c, inWave: inWave.length, elsewhere: ps.length - inWave.length, ...introduction(inWave) };
    if (row.elsewhere === 0) {
      introduced.push(row);
      introducedSet.add(c);
    } else reinforced.push(row);
  }
  const mainByComponent = (k: ComponentKey) => categories.filter((c) => c.parentId === null && c.component === k).length;
  const perComponent = COMPONENT_KEYS.map((component) => {
    const reaching = concepts.filter((c) => tree.components(c).includes(component));
    const codes = (keep: (p: EvolutionPassage) => boolean) =>
      reaching.reduce((sum, c) => sum + (passagesOf.get(c) ?? []).filter(keep).length, 0);
    const now: CountRow = { mainCategories: mainByComponent(component), concepts: reaching.length, finalCodes: codes(() => true) };
    const before: CountRow = {
      mainCategories: now.mainCategories,
      concepts: reaching.filter((c) => !introducedSet.has(c)).length,
      finalCodes: codes((p) => p.wave !== wave),
    };
    return { component, before, now, change: difference(now, before) };
  });
  return { wave, introduced, reinforced, perComponent };
}
