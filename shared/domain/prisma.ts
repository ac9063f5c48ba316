// The figures of a PRISMA 2020 flow diagram (Page et al., 2021, BMJ 372:n71), for a review's
// records. `null` means "not reported" (the study reports 593 → 141 → 68 and nothing between);
// a diagram draws such a box with "not reported" rather than inventing a number.

export interface PrismaReason {
  reason: string;
  count: number;
}

export interface PrismaFigures {
  /** Where the figures come from: the project's live records, or figures a study reports. */
  origin: 'live' | 'reported';
  /** Records identified from databases, registers and other sources. */
  identified: number | null;
  /** Duplicate records removed before screening. */
  duplicatesRemoved: number | null;
  /** Records screened (title/abstract). */
  screened: number | null;
  /** Records excluded at screening. */
  excludedAtScreening: number | null;
  /** Reports assessed for eligibility (full text). */
  assessedForEligibility: number | null;
  /** Reports excluded at eligibility, with reasons. */
  excludedAtEligibility: PrismaReason[] | null;
  /** Studies (sources) included in the review. */
  included: number | null;
  /** Records still waiting for a decision at some stage (live figures only). */
  awaiting?: number;
}
