// Team coding as the contract speaks of it: coders, what the counts count (every coder's
// passages, the consensus, or one coder's), and the rules for a coder's name.

import type { CoderId } from './ids';
import { sameLabel } from './normalize';
import { say, type Message } from './message';

export interface Coder {
  id: CoderId;
  /** Stable across copies of the project. */
  uid: string;
  name: string;
  color: string;
  /** The consensus coding is the work of a coder of its own kind. */
  kind: 'person' | 'consensus';
  segmentCount: number;
}

/** Who is coding in this window, and whether to ask. */
export interface CoderSession {
  coder: Coder | null;
  /** A coder was chosen for this project on this machine (or "no coder"). */
  remembered: boolean;
  /** The app should ask who is coding: the project has coders and this machine has not chosen. */
  ask: boolean;
  /** The coder a prepared copy was made for, offered first. */
  preparedFor: Coder | null;
}

/** What Table 8 and the exports count: every passage, the consensus coding, or one coder's. */
export type CountBasis = { kind: 'all' } | { kind: 'consensus' } | { kind: 'coder'; coderId: CoderId };

/** Why a coder name cannot be used (blank, too long, or another coder's), or null. */
export function coderNameProblem(name: string, others: readonly { name: string }[]): Message | null {
  const trimmed = name.trim();
  if (!trimmed) return say('A coder needs a name.');
  if (trimmed.length > 100) return say('A coder’s name is at most {max} characters long.', { max: 100 });
  const twin = others.find((c) => sameLabel(c.name, trimmed));
  if (twin) return say('There is already a coder “{a}”.', { a: twin.name });
  return null;
}

/** Why a list of new coders' names cannot be used (a blank one, one named twice), or null. */
export function coderListProblem(names: readonly string[]): Message | null {
  const seen: { name: string }[] = [];
  for (const [i, name] of names.entries()) {
    if (!name.trim()) return say('A coder needs a name: name {n} of the list is blank.', { n: i + 1 });
    const twin = seen.find((c) => sameLabel(c.name, name));
    if (twin) return say('The list names the coder “{a}” twice.', { a: twin.name });
    const problem = coderNameProblem(name, []);
    if (problem) return problem;
    seen.push({ name: name.trim() });
  }
  return null;
}

/** The name the consensus coder gets when it is made (the interface shows it translated). */
export const CONSENSUS_NAME = 'Consensus';

export const CODER_COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'] as const;

/** A conflict of a merge as the user sees it: what each side has, in words. */
export interface MergeConflictView {
  /** Name it in a resolution. */
  id: string;
  kind: 'renamed' | 'moved' | 'memo' | 'deleted-there' | 'deleted-here' | 'cycle';
  /** What sort of item: a source, category, concept, passage or component. */
  itemKind: string;
  /** The item's name (label, or a passage's source and position). */
  name: string;
  /** A passage's source and position structured (its numbers take the interface's digits). */
  nameSaid?: Message;
  field: 'label' | 'placement' | 'memo' | 'existence';
  /** Each side in English: a name or memo as written, a place or state in words. */
  ours: string;
  theirs: string;
  /** A place or state (not a name or memo) structured, for the interface to translate. */
  oursSaid?: Message;
  theirsSaid?: Message;
  choices: ('ours' | 'theirs' | 'both')[];
}

export type MergeResolution = { conflict: string; choose: 'ours' | 'theirs' | 'both' } | { conflict: string; text: string };

export interface MergeCounts {
  coders: number;
  sources: number;
  categories: number;
  concepts: number;
  passages: number;
}

/** What merging another copy would do, before anything is written. */
export interface MergePreview {
  file: string;
  /** The other project's name. */
  name: string;
  /** Both are copies of one project (same project GUID). */
  sameOrigin: boolean;
  /** What comes in. */
  added: MergeCounts;
  /** Their passages we already have (by uid, or identical). */
  alreadyHere: number;
  /** Fields of our items that take their value. */
  updates: number;
  /** Our items they deleted (and we did not change since). */
  deletions: number;
  conflicts: MergeConflictView[];
  /** One line each (English). */
  warnings: string[];
  /** The same, structured. */
  warningsSaid: Message[];
  /** Nothing to bring in, change or decide: merging would change nothing. */
  empty: boolean;
}

export interface MergeReport {
  file: string;
  name: string;
  /** What was written (identical passages and matched items are not counted). */
  added: MergeCounts;
  changedFields: number;
  deleted: { categories: number; concepts: number; passages: number };
  conflictsResolved: number;
  alreadyHere: number;
  warnings: string[];
  warningsSaid: Message[];
  /** Nothing changed (the copy was merged before, or holds nothing new). */
  nothingChanged: boolean;
}

/** An agreement report with what the screen needs to name things and to adjudicate. */
export interface AgreementView {
  coderA: Coder;
  coderB: Coder;
  report: import('./agreement/levels').AgreementReport;
  sources: { id: number; name: string }[];
  concepts: { id: number; label: string; color: string }[];
  /** Every compared passage's text (cut short), by passage id. */
  passageText: Record<number, string>;
  /** Passages already adjudicated, by passage id. */
  verdicts: Record<number, 'accepted' | 'rejected'>;
  /** Sources either coder coded (the default choice is those both coded). */
  codedSources: { id: number; name: string; byA: boolean; byB: boolean }[];
}

/** One adjudication decision over the passages of a disagreement. */
export type Verdict = 'a' | 'b' | 'both' | 'neither';
