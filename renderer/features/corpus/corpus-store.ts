// The corpus data the renderer shows beside the sources: records, exclusion reasons, duplicate
// flags, PRISMA figures and statistics. Fetched again whenever the main store's revision moves
// (after every change), once per revision however many components ask.

import '../../styles/corpus.css';
import { useEffect } from 'react';
import { create } from 'zustand';
import type { PrismaFigures } from '../../../shared/domain/prisma';
import type { CorpusStats, DuplicateFlag, ExclusionReason, RecordSummary } from '../../../shared/domain/records';
import { api } from '../../api/client';
import { useStore } from '../../state/store';

interface CorpusState {
  loadedRevision: number;
  records: RecordSummary[];
  reasons: ExclusionReason[];
  duplicates: DuplicateFlag[];
  prisma: PrismaFigures | null;
  stats: CorpusStats | null;
  /** Coding view: show every source, not only the included ones. */
  showAllSources: boolean;
  setShowAllSources(value: boolean): void;
}

export const useCorpus = create<CorpusState>()((set) => ({
  loadedRevision: -1,
  records: [],
  reasons: [],
  duplicates: [],
  prisma: null,
  stats: null,
  showAllSources: false,
  setShowAllSources: (showAllSources) => set({ showAllSources }),
}));

let loading = -1;

async function load(revision: number): Promise<void> {
  if (loading === revision || useCorpus.getState().loadedRevision === revision) return;
  loading = revision;
  try {
    const [records, reasons, duplicates, prisma, stats] = await Promise.all([
      api.call('record.list', {}),
      api.call('reason.list', {}),
      api.call('record.duplicates', {}),
      api.call('screening.prisma', {}),
      api.call('corpus.stats', {}),
    ]);
    if (useStore.getState().revision === revision) useCorpus.setState({ records, reasons, duplicates, prisma, stats, loadedRevision: revision });
  } catch {
    // No project open (any more): nothing to show.
  } finally {
    if (loading === revision) loading = -1;
  }
}

/** The corpus data, kept in step with the project. */
export function useCorpusData() {
  const revision = useStore((s) => s.revision);
  const project = useStore((s) => s.project);
  useEffect(() => {
    if (project) void load(revision);
  }, [revision, project]);
  return useCorpus();
}
