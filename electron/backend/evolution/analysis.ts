// The saturation curve and the analysis matrices (source × concept, co-occurrence, concept ×
// attribute) over the sources a filter keeps, counted by the pure saturation.ts and matrices.ts
// and named for the screen, the exports and the command line.

import type { AxisItem, CooccurrenceView, CrosstabView, MatrixView, NamedConcept, SaturationView } from '../../../shared/domain/change-view';
import type { AxisKey, AttributedSource, MatrixPassage } from '../../../shared/domain/matrices';
import { conceptAttributeCrosstab, cooccurrence, countMatrix } from '../../../shared/domain/matrices';
import { COMPONENT_KEYS, type ComponentKey } from '../../../shared/domain/paradigm';
import type { SaturationOrder, StoppingRule } from '../../../shared/domain/saturation';
import { saturation } from '../../../shared/domain/saturation';
import type { SourceAttribute, SourceFilter } from '../../../shared/domain/waves';
import { attributeValues } from '../../../shared/domain/waves';
import { getDocumentText } from '../../../db/documents';
import type { ReadableDB } from '../../../db/handles';
import type { CodedPassage } from '../../../db/waves';
import { categoryItem, componentItem, conceptItem, filtered, NONE_ITEM, orderedConcepts, orderedMainCategories, type AnalysisData } from './data';

export function saturationView(data: AnalysisData, input: { order: SaturationOrder; rule?: StoppingRule | null; filter?: SourceFilter }): SaturationView {
  const { sources, passages } = filtered(data, input.filter);
  const report = saturation({
    sources: sources.map((s) => ({ id: s.id, name: s.name, year: s.year })),
    passages: passages.map((p) => ({ id: p.id, documentId: p.documentId, conceptId: p.conceptId, createdAt: p.createdAt })),
    order: input.order,
    componentsOf: (c) => data.tree.components(c),
    rule: input.rule ?? null,
  });
  const concepts: Record<number, NamedConcept> = {};
  for (const f of report.firstAppearance) {
    const c = data.concepts.get(f.conceptId);
    if (c) concepts[f.conceptId] = c;
  }
  const names: Record<number, string> = {};
  for (const s of data.sources) names[s.id] = s.name;
  return { ...report, concepts, sources: names };
}

export type ConceptAxisKind = 'concept' | 'category' | 'component';

/** The columns of a concept axis and the keys each passage reaches on it. */
function conceptAxis(data: AnalysisData, passages: readonly CodedPassage[], axis: ConceptAxisKind) {
  if (axis === 'concept') {
    const ids = orderedConcepts(data, passages.map((p) => p.conceptId));
    return { items: ids.map((id) => conceptItem(data, id)), keys: ids.map((id) => `concept:${id}`), keysOf: (p: MatrixPassage) => [`concept:${p.conceptId}`] };
  }
  if (axis === 'category') {
    const mains = orderedMainCategories(data);
    return {
      items: [...mains.map((id) => categoryItem(data, id)), NONE_ITEM],
      keys: [...mains.map((id) => `category:${id}`), 'none'],
      keysOf: (p: MatrixPassage) => {
        const reached = data.tree.mainCategories(p.conceptId);
        return reached.length ? reached.map((id) => `category:${id}`) : ['none'];
      },
    };
  }
  return {
    items: [...COMPONENT_KEYS.map(componentItem), NONE_ITEM],
    keys: [...COMPONENT_KEYS.map((k) => `component:${k}`), 'none'],
    keysOf: (p: MatrixPassage) => {
      const reached = data.tree.components(p.conceptId);
      return reached.length ? reached.map((k) => `component:${k}`) : ['none'];
    },
  };
}

const sourceItem = (id: number, name: string): AxisItem => ({ key: `source:${id}`, kind: 'source', label: name, labelFa: null, labelEn: null });

/** Source (or wave) × concept (or main category, or component): distinct passages per cell. */
export function matrixView(data: AnalysisData, input: { rows: 'source' | 'wave'; columns: ConceptAxisKind; filter?: SourceFilter }): MatrixView {
  const { sources, passages } = filtered(data, input.filter);
  const axis = conceptAxis(data, passages, input.columns);
  let rows: AxisItem[];
  let rowKeys: string[];
  let rowsOf: (p: MatrixPassage) => string[];
  if (input.rows === 'source') {
    rows = sources.map((s) => sourceItem(s.id, s.name));
    rowKeys = sources.map((s) => `source:${s.id}`);
    rowsOf = (p) => [`source:${p.documentId}`];
  } else {
    rows = [...data.waves.map((w): AxisItem => ({ key: `wave:${w.id}`, kind: 'wave', label: w.name, labelFa: null, labelEn: null })), NONE_ITEM];
    rowKeys = rows.map((r) => r.key);
    rowsOf = (p) => {
      const waves = data.membership.get(p.documentId) ?? [];
      return waves.length ? waves.map((w) => `wave:${w}`) : ['none'];
    };
  }
  const m = countMatrix(passages, rowKeys, axis.keys, rowsOf, axis.keysOf);
  return { rows, columns: axis.items, cells: m.cells, rowTotals: m.rowTotals, columnTotals: m.columnTotals, total: m.total };
}

/** Start offsets of each line (paragraph) of a text. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The passages with the paragraphs (lines of the canonical text) each touches. */
async function withParagraphs(db: ReadableDB, passages: readonly CodedPassage[]): Promise<MatrixPassage[]> {
  const starts = new Map<number, number[]>();
  for (const id of new Set(passages.map((p) => p.documentId))) starts.set(id, lineStarts((await getDocumentText(db, id)) ?? ''));
  return passages.map((p) => {
    const s = starts.get(p.documentId)!;
    return { ...p, paragraphs: { first: lineOf(s, p.start), last: lineOf(s, Math.max(p.start, p.end - 1)) } };
  });
}

/** Concept co-occurrence among the concepts with most passages (at most `limit`). */
export async function cooccurrenceView(
  db: ReadableDB,
  data: AnalysisData,
  input: { mode: 'overlap' | 'paragraph'; limit?: number; filter?: SourceFilter },
): Promise<CooccurrenceView> {
  const { passages } = filtered(data, input.filter);
  const perConcept = new Map<number, number>();
  for (const p of passages) perConcept.set(p.conceptId, (perConcept.get(p.conceptId) ?? 0) + 1);
  const limit = input.limit ?? 30;
  const chosen = [...perConcept].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, limit).map(([id]) => id);
  const concepts = orderedConcepts(data, chosen);
  const counted = input.mode === 'paragraph' ? await withParagraphs(db, passages) : passages;
  const c = cooccurrence(counted, input.mode, concepts as never);
  return { mode: input.mode, concepts: concepts.map((id) => conceptItem(data, id)), counts: c.counts, pairs: c.pairs, omitted: perConcept.size - concepts.length };
}

/** A source's attributes for the crosstab: the record's, and the names of its waves. */
function attributed(data: AnalysisData, source: AnalysisData['sources'][number]): AttributedSource {
  const waves = (data.membership.get(source.id) ?? []).map((id) => data.waves.find((w) => w.id === id)!.name);
  return {
    id: source.id,
    attributes: {
      // Record fields and the wave win over a free-form attribute of the same name.
      ...source.attributes,
      year: source.year,
      type: source.type,
      language: source.language || null,
      venue: source.venue || null,
      stage: source.stage,
      keyword: attributeValues(source, 'keyword'),
      wave: waves,
    },
  };
}

/** Concept (or main category, or component) × a source attribute: passages per value. */
export function crosstabView(data: AnalysisData, input: { attribute: SourceAttribute; axis: ConceptAxisKind; filter?: SourceFilter }): CrosstabView {
  const { sources, passages } = filtered(data, input.filter);
  const axis = conceptAxis(data, passages, input.axis);
  const tree = data.tree;
  const x = conceptAttributeCrosstab(
    sources.map((s) => attributed(data, s)),
    passages,
    input.attribute,
    input.axis === 'concept'
      ? { axis: 'concept', concepts: axis.keys.map((k) => Number(k.slice('concept:'.length))) as never }
      : input.axis === 'category'
        ? { axis: 'category', tree, categories: orderedMainCategories(data) as never }
        : { axis: 'component', tree },
  );
  // matrices.ts counts a category's sub-categories' concepts in it; the rows here are main categories.
  const keyOf = (k: AxisKey): string => (k === 'none' ? 'none' : input.axis === 'component' ? `component:${k as ComponentKey}` : `${input.axis}:${k}`);
  const byKey = new Map(axis.items.map((item) => [item.key, item]));
  const rows = x.rows.map((k) => byKey.get(keyOf(k)) ?? NONE_ITEM);
  const columns = x.columns.map(
    (v): AxisItem => (v === null ? NONE_ITEM : { key: `value:${v}`, kind: 'value', label: String(v), labelFa: null, labelEn: null }),
  );
  return {
    rows,
    columns,
    cells: x.cells,
    rowTotals: x.rowTotals,
    columnTotals: x.columnTotals,
    total: x.total,
    attribute: input.attribute,
    sourcesPerValue: x.sourcesPerValue,
  };
}
