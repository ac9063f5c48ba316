// The report an import shows: what came in (sources, categories, concepts, coded passages, memos,
// attributes, users), what did not with its reason, counted and listed by kind, and the warnings.
// Built from the reader's result and the plan alone, so the screen, the command line and the tests
// say the same thing.

import type { ExchangeIssueKind, ExchangeReadResult } from './exchange-model';
import { formatIssue, issueSaid } from './exchange-model';
import { english, type Message } from './message';
import type { ImportPlan } from './exchange-plan';
import type { MatchPlan } from './exchange-match';
import { describeProfile, sayProfile } from './exchange-positions';

export interface ExchangeImportReport {
  format: ExchangeReadResult['project']['format'];
  origin: string | null;
  positions: { unit: string; unitSaid?: Message; chosenBy: 'origin' | 'caller'; share: number | null };
  cameIn: {
    sources: number;
    categories: number;
    concepts: number;
    passages: number;
    memos: number;
    attributes: number;
    users: number;
  };
  /** Of what came in, how much was already in the project (when a match plan is given). */
  matched: { sources: number; categories: number; concepts: number } | null;
  /** Skipped parts grouped by kind, with a count and every place. */
  leftOut: { kind: ExchangeIssueKind; what: string; count: number; items: string[]; itemsSaid: Message[] }[];
  /** Warnings (imported anyway) and the plan's notes, one line each; `warningsSaid` the same, structured. */
  warnings: string[];
  warningsSaid: Message[];
}

/** What each kind of issue is about, as a report heading (the interface translates these). */
export const ISSUE_KIND_TEXT: Record<ExchangeIssueKind, string> = {
  schema: 'Not valid against the schema',
  positions: 'Position unit',
  'duplicate-guid': 'Elements with a repeated GUID',
  'missing-guid': 'Elements without a GUID',
  'unknown-reference': 'References to something not in the file',
  'bad-value': 'Values in a form the standard does not allow',
  'unknown-element': 'Elements the standard does not know',
  'missing-text': 'Sources whose text is missing, unreadable or too long',
  'media-source': 'Picture, audio and video sources',
  'pdf-without-text': 'PDF sources without a text representation',
  'pdf-region': 'PDF regions without a passage in the text',
  'bad-position': 'Selections outside their text or splitting a character',
  'note-text': 'Notes whose text could not be read',
  link: 'Links',
  graph: 'Graphs',
};

export function importReport(read: ExchangeReadResult, plan: ImportPlan, match?: MatchPlan<unknown, unknown, unknown>): ExchangeImportReport {
  const { project } = read;
  const groups = new Map<ExchangeIssueKind, typeof read.issues>();
  for (const issue of read.issues) {
    if (issue.severity !== 'skipped') continue;
    groups.set(issue.kind, [...(groups.get(issue.kind) ?? []), issue]);
  }
  const warnings = [...read.issues.filter((i) => i.severity === 'warning').map(issueSaid), ...plan.notes];
  const scores = project.positions.check?.scores;
  return {
    format: project.format,
    origin: project.origin,
    positions: {
      unit: describeProfile(project.positions.profile),
      unitSaid: sayProfile(project.positions.profile),
      chosenBy: project.positions.chosenBy,
      share: scores?.find((s) => s.profile === project.positions.profile)?.share ?? null,
    },
    cameIn: {
      sources: plan.sources.length,
      categories: plan.codebook.categories.length,
      concepts: plan.codebook.concepts.length,
      passages: plan.segments.length,
      memos: Object.keys(plan.memos).length + plan.segments.filter((s) => s.memo).length,
      attributes: plan.attributes.length,
      users: plan.coders.length,
    },
    matched: match
      ? {
          sources: match.sources.filter((m) => m.existing !== null).length,
          categories: match.categories.filter((m) => m.existing !== null).length,
          concepts: match.concepts.filter((m) => m.existing !== null).length,
        }
      : null,
    leftOut: [...groups].map(([kind, issues]) => ({ kind, what: ISSUE_KIND_TEXT[kind], count: issues.length, items: issues.map(formatIssue), itemsSaid: issues.map(issueSaid) })),
    warnings: warnings.map(english),
    warningsSaid: warnings,
  };
}
