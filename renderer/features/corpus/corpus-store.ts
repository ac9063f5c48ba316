// The corpus data the renderer shows beside the sources: records, exclusion reasons, duplicate
// flags, PRISMA figures and statistics, each a keyed answer fetched by the views that show it and
// again only after a change to the records or reasons (renderer/state/query-client.ts); and the
// Coding view's choice to list every source.

import '../../styles/corpus.css';
import { useCallback } from 'react';
import { create } from 'zustand';
import type { DocumentId } from '../../../shared/domain/ids';
import type { PrismaFigures } from '../../../shared/domain/prisma';
import type { CorpusStats, DuplicateFlag, ExclusionReason, RecordSummary } from '../../../shared/domain/records';
import { heldAnswer } from '../../state/query-client';
import { useProjectQuery } from '../../state/use-project-query';

interface CorpusState {
  /** Coding view: show every source, not only the included ones. */
  showAllSources: boolean;
  setShowAllSources(value: boolean): void;
}

export const useCorpus = create<CorpusState>()((set) => ({
  showAllSources: false,
  setShowAllSources: (showAllSources) => set({ showAllSources }),
}));

const NO_RECORDS: RecordSummary[] = [];
const NO_REASONS: ExclusionReason[] = [];
const NO_FLAGS: DuplicateFlag[] = [];

export const useRecords = (): RecordSummary[] => useProjectQuery('record.list', {}) ?? NO_RECORDS;
export const useReasons = (): ExclusionReason[] => useProjectQuery('reason.list', {}) ?? NO_REASONS;
export const useDuplicateFlags = (): DuplicateFlag[] => useProjectQuery('record.duplicates', {}) ?? NO_FLAGS;
export const usePrismaFigures = (): PrismaFigures | null => useProjectQuery('screening.prisma', {}) ?? null;
export const useCorpusStats = (): CorpusStats | null => useProjectQuery('corpus.stats', {}) ?? null;

/** The record of one source (a citation beside each of its segments re-renders only when that record changes). */
export function useRecordOfDocument(documentId: DocumentId): RecordSummary | undefined {
  const select = useCallback((records: RecordSummary[]) => records.find((r) => r.documentId === documentId), [documentId]);
  return useProjectQuery('record.list', {}, { select });
}

/** The records held now, for actions outside a view's render. */
export const recordsNow = (): RecordSummary[] => heldAnswer('record.list', {}) ?? NO_RECORDS;
