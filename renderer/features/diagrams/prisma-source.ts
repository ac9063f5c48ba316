// Where the Screening tab finds its PRISMA figures. Two sources are expected: the project's live
// screening counts (the corpus feature) and the figures a study reports (the study feature stores
// screening.identified / screened / included in the project). Until those land, this hook returns
// neither and the tab offers figures typed in by hand; wiring a source means filling this hook.

import type { PrismaFigures } from '../../../shared/domain/prisma';

export interface PrismaSources {
  /** From the project's records and their screening decisions. */
  live: PrismaFigures | null;
  /** As the study the project replicates reports them. */
  reported: PrismaFigures | null;
}

export function usePrismaSources(): PrismaSources {
  return { live: null, reported: null };
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
