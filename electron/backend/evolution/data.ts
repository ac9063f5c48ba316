// Everything the evolution, saturation and analysis views count, read in one snapshot: sources
// with their records, waves and who is in them, coded passages, the codebook and its tree (the
// placements Table 8 counts with), and the names of every concept, category and component.

import type { AxisItem, NamedCategory, NamedConcept } from '../../../shared/domain/change-view';
import type { CodebookTree } from '../../../shared/domain/codebook-tree';
import { codebookTree } from '../../../shared/domain/codebook-tree';
import type { Codebook } from '../../../shared/domain/model';
import { COMPONENT_KEYS, COMPONENT_LABELS, COMPONENT_LABELS_FA, type ComponentKey } from '../../../shared/domain/paradigm';
import type { AnalysisSource, SourceFilter, Wave } from '../../../shared/domain/waves';
import { filterSources, waveMembership } from '../../../shared/domain/waves';
import { getCodebook } from '../../../db/codebook';
import type { ReadableDB } from '../../../db/handles';
import { analysisSources, codedPassages, listWaves, type CodedPassage } from '../../../db/waves';

export interface AnalysisData {
  sources: AnalysisSource[];
  passages: CodedPassage[];
  waves: Wave[];
  /** Per source, its waves' ids in wave order. */
  membership: Map<number, number[]>;
  codebook: Codebook;
  tree: CodebookTree;
  concepts: Map<number, NamedConcept>;
  categories: Map<number, NamedCategory>;
}

export async function loadAnalysis(db: ReadableDB): Promise<AnalysisData> {
  const [sources, passages, waves, codebook] = [await analysisSources(db), await codedPassages(db), await listWaves(db), await getCodebook(db)];
  return {
    sources,
    passages,
    waves,
    membership: waveMembership(waves, sources),
    codebook,
    tree: codebookTree(codebook.categories, codebook.filings),
    concepts: new Map(codebook.concepts.map((c) => [c.id, { id: c.id, label: c.label, code: c.code, labelFa: c.labelFa, labelEn: c.labelEn }])),
    categories: new Map(
      codebook.categories.map((c) => [
        c.id,
        { id: c.id, name: c.name, code: c.code, labelFa: c.labelFa, labelEn: c.labelEn, color: c.color, parentId: c.parentId, component: c.component },
      ]),
    ),
  };
}

/** The sources a filter keeps and their passages. */
export function filtered(data: AnalysisData, filter: SourceFilter | undefined): { sources: AnalysisSource[]; passages: CodedPassage[] } {
  const sources = filterSources(data.sources, filter, data.membership);
  const kept = new Set<number>(sources.map((s) => s.id));
  return { sources, passages: data.passages.filter((p) => kept.has(p.documentId)) };
}

/** The name of the first wave a source is in, or null. */
export function firstWaveName(data: AnalysisData, source: number): string | null {
  const id = data.membership.get(source)?.[0];
  return id === undefined ? null : (data.waves.find((w) => w.id === id)?.name ?? null);
}

export const conceptItem = (data: AnalysisData, id: number): AxisItem => {
  const c = data.concepts.get(id);
  return {
    key: `concept:${id}`,
    kind: 'concept',
    label: c?.label ?? `#${id}`,
    labelFa: c?.labelFa ?? null,
    labelEn: c?.labelEn ?? null,
    components: data.tree.components(id as never),
  };
};

export const categoryItem = (data: AnalysisData, id: number): AxisItem => {
  const c = data.categories.get(id);
  return {
    key: `category:${id}`,
    kind: 'category',
    label: c?.name ?? `#${id}`,
    labelFa: c?.labelFa ?? null,
    labelEn: c?.labelEn ?? null,
    components: c?.component ? [c.component] : [],
    color: c?.color,
  };
};

export const componentItem = (key: ComponentKey): AxisItem => ({
  key: `component:${key}`,
  kind: 'component',
  label: COMPONENT_LABELS[key],
  labelFa: COMPONENT_LABELS_FA[key],
  labelEn: COMPONENT_LABELS[key],
  components: [key],
});

export const NONE_ITEM: AxisItem = { key: 'none', kind: 'none', label: 'None', labelFa: 'هیچ', labelEn: 'None' };

/** Main categories in Table 8 order (component, then code or name); those in no component last. */
export function orderedMainCategories(data: AnalysisData): number[] {
  const rank = (k: ComponentKey | null) => (k === null ? COMPONENT_KEYS.length : COMPONENT_KEYS.indexOf(k));
  return data.codebook.categories
    .filter((c) => c.parentId === null)
    .sort((a, b) => rank(a.component) - rank(b.component) || (a.code ?? a.name).localeCompare(b.code ?? b.name, 'en', { numeric: true }) || a.id - b.id)
    .map((c) => c.id);
}

/** Concepts in the order a codebook prints them: by code, then label. */
export function orderedConcepts(data: AnalysisData, ids: Iterable<number>): number[] {
  return [...new Set(ids)].sort((a, b) => {
    const x = data.concepts.get(a);
    const y = data.concepts.get(b);
    return (x?.code ?? '\uffff').localeCompare(y?.code ?? '\uffff', 'en', { numeric: true }) || (x?.label ?? '').localeCompare(y?.label ?? '') || a - b;
  });
}
