// The plain data a merge works on: a project snapshot as the store exports it (its own ids, plus
// the uids, aliases, stamps and tombstones that survive copying), and the plan a merge produces.
// Ids are local to each snapshot; only uids, SHA-256 and labels are compared across snapshots.

import type { ComponentKey } from '../paradigm';
import type { Stamp } from './stamps';

/** A mergeable field: its value and the stamp of its last change. */
export interface Stamped<T> {
  value: T;
  stamp: Stamp;
}

export interface MergeCoder {
  /** Stable across copies. */
  uid: string;
  name: string;
  color: string;
}

export interface MergeSource {
  id: number;
  /** SHA-256 of the canonical text: how sources are matched. */
  sha256: string;
  name: string;
  memo: Stamped<string>;
}

export interface CategoryPlace {
  parentId: number | null;
  /** Only main categories carry a component. */
  component: ComponentKey | null;
}

export interface MergeCategory {
  id: number;
  uid: string;
  /** Uids the same category has in other copies (learnt when a merge matched it by label). */
  aliases?: readonly string[];
  label: Stamped<string>;
  placement: Stamped<CategoryPlace>;
  memo: Stamped<string>;
}

export interface MergeConcept {
  id: number;
  uid: string;
  aliases?: readonly string[];
  label: Stamped<string>;
  /** The categories it is filed in (ids of this snapshot). */
  placement: Stamped<readonly number[]>;
  memo: Stamped<string>;
}

export interface MergePassage {
  id: number;
  uid: string;
  aliases?: readonly string[];
  sourceId: number;
  start: number;
  end: number;
  conceptId: number;
  /** The coder's uid. */
  coder: string;
  memo: Stamped<string>;
}

export type ItemKind = 'category' | 'concept' | 'passage';

/** What is left of a deleted item: so a merge does not bring it back, nor delete it twice. */
export interface Tombstone {
  kind: ItemKind;
  uid: string;
  /** The item's stamps joined, and the deleting change: everything the deletion knew. */
  stamp: Stamp;
}

export interface ProjectSnapshot {
  /** This copy's id (a new one per prepared copy), and its change counter. */
  replica: string;
  clock: number;
  coders: readonly MergeCoder[];
  sources: readonly MergeSource[];
  categories: readonly MergeCategory[];
  concepts: readonly MergeConcept[];
  passages: readonly MergePassage[];
  components: readonly { key: ComponentKey; memo: Stamped<string> }[];
  tombstones: readonly Tombstone[];
}

/** An item of ours, or one the merge brings in (named by its uid in the other snapshot). */
export type Ref = { kind: 'ours'; id: number } | { kind: 'new'; uid: string };

export type Target =
  | { kind: 'category' | 'concept' | 'passage' | 'source'; id: number }
  | { kind: 'component'; key: ComponentKey };

export type PlannedPlace = { parent: Ref | null; component: ComponentKey | null };

export interface PlannedCategory {
  uid: string;
  aliases: string[];
  label: Stamped<string>;
  placement: Stamped<PlannedPlace>;
  memo: Stamped<string>;
}

export interface PlannedConcept {
  uid: string;
  aliases: string[];
  label: Stamped<string>;
  placement: Stamped<Ref[]>;
  memo: Stamped<string>;
}

export interface PlannedPassage {
  uid: string;
  aliases: string[];
  /** Sources are named by SHA-256, ours or new. */
  sourceSha256: string;
  start: number;
  end: number;
  concept: Ref;
  coder: string;
  memo: Stamped<string>;
}

export type FieldUpdate =
  | { target: Target; field: 'label' | 'memo'; value: string; stamp: Stamp }
  | { target: Target & { kind: 'category' }; field: 'placement'; value: PlannedPlace; stamp: Stamp }
  | { target: Target & { kind: 'concept' }; field: 'placement'; value: Ref[]; stamp: Stamp };

export type ConflictKind =
  /** Both sides renamed the item differently. */
  | 'renamed'
  /** Both sides moved or refiled it differently. */
  | 'moved'
  /** Both sides edited the memo differently. */
  | 'memo'
  /** They deleted it; we changed it since (or still use it). */
  | 'deleted-there'
  /** We deleted it; they changed it since. */
  | 'deleted-here'
  /** Taking both sides' moves would put a category inside itself. */
  | 'cycle';

export interface Conflict {
  /** Stable for the same two snapshots: resolutions name conflicts by it. */
  id: string;
  kind: ConflictKind;
  target: Target | { kind: ItemKind; uid: string };
  /** A readable name of the item (label, or a passage's source and position). */
  name: string;
  field: 'label' | 'placement' | 'memo' | 'existence';
  ours: unknown;
  theirs: unknown;
  oursStamp: Stamp;
  theirsStamp: Stamp;
  /** The choices offered: 'both' only for a concept's filings. */
  choices: ('ours' | 'theirs' | 'both')[];
}

export type Resolution = { conflict: string; choose: 'ours' | 'theirs' | 'both' } | { conflict: string; text: string };
