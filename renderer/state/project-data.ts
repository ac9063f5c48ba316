// The answers most views share, by name: the sources, the codebook, Table 8's counts, the history
// and the segments of one source. Each is one keyed answer of the window's copy (query-client.ts);
// a view that needs only part of one selects that part, so it re-renders only when that changes.

import { useCallback } from 'react';
import type { DocumentId } from '../../shared/domain/ids';
import type { Codebook, Concept, DocumentSummary, HistoryState, ParadigmCounts, SegmentMark } from '../../shared/domain/model';
import { useProjectQuery } from './use-project-query';

const EMPTY_CODEBOOK: Codebook = { components: [], categories: [], concepts: [], filings: [] };
const NO_DOCUMENTS: DocumentSummary[] = [];
const NO_MARKS: SegmentMark[] = [];

export const useDocuments = (): DocumentSummary[] => useProjectQuery('document.list', {}) ?? NO_DOCUMENTS;

export function useCodebook(): Codebook;
export function useCodebook<S>(select: (codebook: Codebook) => S): S | undefined;
export function useCodebook<S>(select?: (codebook: Codebook) => S): Codebook | S | undefined {
  const answer = useProjectQuery('codebook.get', {}, select ? { select } : {});
  return select ? answer : (answer ?? EMPTY_CODEBOOK);
}

const NO_CONCEPTS: Concept[] = [];
const conceptsOf = (codebook: Codebook) => codebook.concepts;
/** The concepts alone (the reader's colours, the coding bar's type-ahead). */
export const useConcepts = (): Concept[] => useCodebook(conceptsOf) ?? NO_CONCEPTS;

const colorsOf = (codebook: Codebook): Record<number, string> => Object.fromEntries(codebook.concepts.map((c) => [c.id, c.color]));
const NO_COLORS: Record<number, string> = {};
/** Each concept's colour by id: the same object until a colour changes or a concept comes or goes (not when counts move). */
export const useConceptColors = (): Readonly<Record<number, string>> => useCodebook(colorsOf) ?? NO_COLORS;

/**
 * A source's summary as it is now (renamed, its memo, its count of segments): undefined until the
 * list answers, null once it answers without it (the source was deleted).
 */
export function useDocumentSummary(id: DocumentId | undefined): DocumentSummary | null | undefined {
  const select = useCallback((list: DocumentSummary[]) => list.find((d) => d.id === id) ?? null, [id]);
  return useProjectQuery('document.list', {}, { select, enabled: id !== undefined });
}

export const useParadigmCounts = (): ParadigmCounts | null => useProjectQuery('counts.paradigm', {}) ?? null;

export const useHistoryState = (): HistoryState | null => useProjectQuery('history.get', {}) ?? null;

/** The segments of a source as the reader marks them. */
export const useDocumentMarks = (id: DocumentId | undefined): SegmentMark[] =>
  useProjectQuery('segment.forDocument', { documentId: id ?? 0 }, { enabled: id !== undefined }) ?? NO_MARKS;

