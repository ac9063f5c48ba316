// The analysis matrices researchers know from MAXQDA and ATLAS.ti, as pure counts: source × concept
// (collapsible to categories and components), concept co-occurrence, and concept × source attribute.
// A cell counts distinct passages: a passage whose concept is filed twice under one category, or
// under two sub-categories of it, is one passage in that category's cell, never two.

import type { CodebookTree } from './codebook-tree';
import type { CategoryId, ConceptId, DocumentId, SegmentId } from './ids';
import type { ComponentKey } from './paradigm';
import { COMPONENT_KEYS } from './paradigm';

export interface MatrixPassage {
  id: SegmentId;
  documentId: DocumentId;
  conceptId: ConceptId;
  start: number;
  end: number;
  /** The paragraphs (0-based lines of the canonical text) the passage touches, first and last. */
  paragraphs?: { first: number; last: number };
}

/** The concept axis: each concept, each category (its sub-categories included), or each component. */
export type ConceptAxis = 'concept' | 'category' | 'component';

/** 'none': passages whose concept reaches no category (or no component) at that level. */
export type AxisKey = ConceptId | CategoryId | ComponentKey | 'none';

export interface CountMatrix<R, C> {
  rows: R[];
  columns: C[];
  /** cells[row][column]: distinct passages. */
  cells: number[][];
  /** Distinct passages per row and per column (not sums of cells: a passage may sit in several cells). */
  rowTotals: number[];
  columnTotals: number[];
  /** Distinct passages in the matrix. */
  total: number;
}

/** Counts distinct passages per (row, column) where each passage may fall in several rows and columns. */
export function countMatrix<R, C>(
  passages: readonly MatrixPassage[],
  rows: readonly R[],
  columns: readonly C[],
  rowsOf: (p: MatrixPassage) => readonly R[],
  columnsOf: (p: MatrixPassage) => readonly C[],
): CountMatrix<R, C> {
  const rowIndex = new Map<R, number>(rows.map((r, i) => [r, i]));
  const columnIndex = new Map<C, number>(columns.map((c, i) => [c, i]));
  const cells = rows.map(() => columns.map(() => 0));
  const rowTotals = rows.map(() => 0);
  const columnTotals = columns.map(() => 0);
  let total = 0;
  for (const p of passages) {
    // Sets, so a passage reaching one cell twice still counts once.
    const rs = [...new Set(rowsOf(p).map((r) => rowIndex.get(r)).filter((i): i is number => i !== undefined))];
    const cs = [...new Set(columnsOf(p).map((c) => columnIndex.get(c)).filter((i): i is number => i !== undefined))];
    if (rs.length === 0 || cs.length === 0) continue;
    total += 1;
    for (const r of rs) rowTotals[r]! += 1;
    for (const c of cs) columnTotals[c]! += 1;
    for (const r of rs) for (const c of cs) cells[r]![c]! += 1;
  }
  return { rows: [...rows], columns: [...columns], cells, rowTotals, columnTotals, total };
}

export interface AxisOptions {
  axis: ConceptAxis;
  /** Needed for the category and component axes. */
  tree?: CodebookTree;
  /** Concept axis: the concepts to show, in order (default: those with passages, by id). Other passages are left out. */
  concepts?: readonly ConceptId[];
  /** Category axis: the categories to show, in order (each counts its sub-categories' concepts too). */
  categories?: readonly CategoryId[];
}

function conceptAxis(passages: readonly MatrixPassage[], options: AxisOptions) {
  const chosen = options.concepts ? new Set<number>(options.concepts) : null;
  const kept = chosen ? passages.filter((p) => chosen.has(p.conceptId)) : passages;
  if (options.axis === 'concept') {
    const columns: AxisKey[] = options.concepts ? [...options.concepts] : [...new Set(kept.map((p) => p.conceptId))].sort((a, b) => a - b);
    return { kept, columns, keysOf: (p: MatrixPassage): AxisKey[] => [p.conceptId] };
  }
  const tree = options.tree;
  if (!tree) throw new Error(`The ${options.axis} axis needs the codebook tree.`);
  if (options.axis === 'category') {
    const columns: AxisKey[] = [...(options.categories ?? []), 'none'];
    return {
      kept,
      columns,
      keysOf: (p: MatrixPassage): AxisKey[] => {
        const reached = tree.reaches(p.conceptId);
        return reached.length ? reached : ['none'];
      },
    };
  }
  const columns: AxisKey[] = [...COMPONENT_KEYS, 'none'];
  return {
    kept,
    columns,
    keysOf: (p: MatrixPassage): AxisKey[] => {
      const reached = tree.components(p.conceptId);
      return reached.length ? reached : ['none'];
    },
  };
}

/** Source × concept (or category, or component): passages per cell. */
export function sourceConceptMatrix(
  sources: readonly DocumentId[],
  passages: readonly MatrixPassage[],
  options: AxisOptions,
): CountMatrix<DocumentId, AxisKey> {
  const { kept, columns, keysOf } = conceptAxis(passages, options);
  return countMatrix(kept, sources, columns, (p) => [p.documentId], keysOf);
}

/** A source's attribute value: a year, a type, a language, a wave name; null when it has none. */
export type AttributeValue = string | number | null;

export interface AttributedSource {
  id: DocumentId;
  /** Attribute name → value(s); a source in several waves lists them all. */
  attributes: Record<string, AttributeValue | readonly AttributeValue[]>;
}

export interface Crosstab extends CountMatrix<AxisKey, AttributeValue> {
  attribute: string;
  /** Per attribute value (column), how many of the given sources have it, coded or not. */
  sourcesPerValue: number[];
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const valueOrder = (a: AttributeValue, b: AttributeValue) =>
  a === null ? (b === null ? 0 : 1) : b === null ? -1 : typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));

/** Concept (or category, or component) × attribute: rows the concept axis, columns the attribute's values. */
export function conceptAttributeCrosstab(
  sources: readonly AttributedSource[],
  passages: readonly MatrixPassage[],
  attribute: string,
  options: AxisOptions,
): Crosstab {
  const valuesOf = new Map<number, AttributeValue[]>();
  for (const s of sources) {
    const raw = s.attributes[attribute];
    const list = raw === undefined ? [null] : Array.isArray(raw) ? (raw.length ? [...raw] : [null]) : [raw as AttributeValue];
    valuesOf.set(s.id, [...new Set(list)]);
  }
  const values = [...new Set([...valuesOf.values()].flat())].sort(valueOrder);
  const inSources = passages.filter((p) => valuesOf.has(p.documentId));
  const { kept, columns: axis, keysOf } = conceptAxis(inSources, options);
  const m = countMatrix(kept, axis, values, keysOf, (p) => valuesOf.get(p.documentId)!);
  return {
    ...m,
    attribute,
    sourcesPerValue: values.map((v) => [...valuesOf.values()].filter((vs) => vs.includes(v)).length),
  };
}

export type CooccurrenceMode = 'overlap' | 'paragraph';

export interface Cooccurrence {
  mode: CooccurrenceMode;
  concepts: ConceptId[];
  /**
   * counts[i][j], i ≠ j: overlap mode, pairs of passages (one per concept) in the same source that
   * share at least one character; paragraph mode, paragraphs where both concepts have a passage.
   * The diagonal holds the concept's own passages (overlap) or paragraphs (paragraph mode).
   */
  counts: number[][];
  /** The pairs with a count above 0, largest first: what a chord or network diagram draws. */
  pairs: { a: ConceptId; b: ConceptId; count: number }[];
}

export function cooccurrence(
  passages: readonly MatrixPassage[],
  mode: CooccurrenceMode,
  concepts?: readonly ConceptId[],
): Cooccurrence {
  const list: ConceptId[] = concepts ? [...new Set(concepts)] : [...new Set(passages.map((p) => p.conceptId))].sort((a, b) => a - b);
  const index = new Map<number, number>(list.map((c, i) => [c, i]));
  const counts = list.map(() => list.map(() => 0));
  const kept = passages.filter((p) => index.has(p.conceptId));
  const bySource = new Map<number, MatrixPassage[]>();
  for (const p of kept) {
    const l = bySource.get(p.documentId);
    if (l) l.push(p);
    else bySource.set(p.documentId, [p]);
  }
  if (mode === 'overlap') {
    for (const ps of bySource.values()) {
      ps.sort((x, y) => x.start - y.start || x.end - y.end || x.id - y.id);
      for (let i = 0; i < ps.length; i += 1) {
        const p = ps[i]!;
        const pi = index.get(p.conceptId)!;
        counts[pi]![pi]! += 1;
        for (let j = i + 1; j < ps.length && ps[j]!.start < p.end; j += 1) {
          const q = ps[j]!;
          if (q.conceptId === p.conceptId) continue;
          const qi = index.get(q.conceptId)!;
          counts[pi]![qi]! += 1;
          counts[qi]![pi]! += 1;
        }
      }
    }
  } else {
    for (const [source, ps] of bySource) {
      const inParagraph = new Map<number, Set<number>>();
      for (const p of ps) {
        if (!p.paragraphs) throw new Error(`Paragraph co-occurrence needs the paragraphs of every passage (passage ${p.id} in source ${source} has none).`);
        for (let k = p.paragraphs.first; k <= p.paragraphs.last; k += 1) {
          const set = inParagraph.get(k);
          if (set) set.add(index.get(p.conceptId)!);
          else inParagraph.set(k, new Set([index.get(p.conceptId)!]));
        }
      }
      for (const set of inParagraph.values()) {
        const ids = [...set];
        for (const a of ids) for (const b of ids) counts[a]![b]! += 1;
      }
    }
  }
  const pairs: Cooccurrence['pairs'] = [];
  for (let i = 0; i < list.length; i += 1)
    for (let j = i + 1; j < list.length; j += 1)
      if (counts[i]![j]! > 0) pairs.push({ a: list[i]!, b: list[j]!, count: counts[i]![j]! });
  pairs.sort((x, y) => y.count - x.count || x.a - y.a || x.b - y.b);
  return { mode, concepts: list, counts, pairs };
}
