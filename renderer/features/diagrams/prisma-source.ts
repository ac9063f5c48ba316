// Where the Screening tab finds its PRISMA figures: the project's live screening counts (the
// corpus feature) and the figures a study reports (the study feature stores them as study facts).
// Both are fetched again whenever the project changes.

import { useEffect, useState } from 'react';
import type { PrismaFigures } from '../../../shared/domain/prisma';
import { api } from '../../api/client';
import { useStore } from '../../state/store';

export interface PrismaSources {
  /** From the project's records and their screening decisions. */
  live: PrismaFigures | null;
  /** As the study the project replicates reports them. */
  reported: PrismaFigures | null;
}

export function usePrismaSources(): PrismaSources {
  const revision = useStore((s) => s.revision);
  const [sources, setSources] = useState<PrismaSources>({ live: null, reported: null });
  useEffect(() => {
    let live = true;
    void api.call('screening.prisma', {}).then(
      (figures) => live && setSources((old) => ({ ...old, live: figures })),
      () => live && setSources((old) => ({ ...old, live: null })),
    );
    void api.call('study.get', {}).then(
      (study) => {
        if (!live) return;
        const s = study.screening;
        const reported: PrismaFigures | null = s
          ? { ...EMPTY_PRISMA, origin: 'reported', identified: s.identified, screened: s.screened, included: s.included }
          : null;
        setSources((old) => ({ ...old, reported }));
      },
      () => live && setSources((old) => ({ ...old, reported: null })),
    );
    return () => {
      live = false;
    };
  }, [revision]);
  return sources;
}

export const EMPTY_PRISMA: PrismaFigures = {
  origin: 'reported',
  identified: null,
  duplicatesRemoved: null,
  screened: null,
  excludedAtScreening: null,
  assessedForEligibility: null,
  excludedAtEligibility: null,
  included: null,
};
