// Where the Screening tab finds its PRISMA figures: the project's live screening counts (the
// corpus feature) and the figures a study reports (the study feature stores them as study facts).
// Both are fetched again whenever the project changes.

import { useMemo } from 'react';
import type { PrismaFigures } from '../../../shared/domain/prisma';
import { usePrismaFigures } from '../corpus/corpus-store';
import { useStudy } from '../study/useStudy';

export interface PrismaSources {
  /** From the project's records and their screening decisions. */
  live: PrismaFigures | null;
  /** As the study the project replicates reports them. */
  reported: PrismaFigures | null;
}

export function usePrismaSources(): PrismaSources {
  // The live figures are the corpus store's, fetched once per change for the Screening view too.
  const live = usePrismaFigures();
  const screening = useStudy()?.screening;
  const reported = useMemo<PrismaFigures | null>(
    () => (screening ? { ...EMPTY_PRISMA, origin: 'reported', identified: screening.identified, screened: screening.screened, included: screening.included } : null),
    [screening],
  );
  return { live, reported };
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
