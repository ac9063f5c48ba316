// Schema version 11: team coding. What a merge of two copies needs to tell who changed what
// (shared/domain/merge): a change counter per copy (replica_clock, outside the undo log, so it only
// ever grows), a version stamp per mergeable field (merge_stamp), what is left of deleted items
// (merge_tombstone) and the other uids an item is known by (merge_alias); the consensus coder
// (coder.kind) and the adjudication of disagreements (adjudication). Stamps, tombstones and
// aliases are captured like any row, so undoing a merge puts them back exactly as they were.

import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { createCaptureTriggers } from '../sqlite/capture';

export const version = 11;

export function up(db: Database.Database): void {
  db.exec(`
    -- This copy's change counter: +1 for every change (db/merge-stamps.ts). Never captured: undo
    -- must not hand out a number twice.
    CREATE TABLE replica_clock (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      clock INTEGER NOT NULL CHECK (clock >= 0)
    ) STRICT;
    INSERT INTO replica_clock (id, clock) VALUES (1, 0);

    -- One version stamp ({replica: counter}, JSON) per mergeable field of an item, by the item's
    -- uid (a component by its key). A field without a row has the empty stamp.
    CREATE TABLE merge_stamp (
      kind TEXT NOT NULL CHECK (kind IN ('source', 'category', 'concept', 'passage', 'component')),
      uid TEXT NOT NULL,
      field TEXT NOT NULL CHECK (field IN ('label', 'placement', 'memo')),
      stamp TEXT NOT NULL,
      PRIMARY KEY (kind, uid, field)
    ) STRICT, WITHOUT ROWID;

    -- A deleted category, concept or passage, under its uid and each alias, with everything the
    -- deletion knew: a merge neither brings it back nor deletes it twice.
    CREATE TABLE merge_tombstone (
      kind TEXT NOT NULL CHECK (kind IN ('category', 'concept', 'passage')),
      uid TEXT NOT NULL,
      stamp TEXT NOT NULL,
      PRIMARY KEY (kind, uid)
    ) STRICT, WITHOUT ROWID;

    -- Uids an item is also known by: learnt when a merge matched it by label or as identical.
    CREATE TABLE merge_alias (
      kind TEXT NOT NULL CHECK (kind IN ('category', 'concept', 'passage')),
      alias TEXT NOT NULL,
      uid TEXT NOT NULL,
      PRIMARY KEY (kind, alias)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX merge_alias_uid ON merge_alias (kind, uid);

    -- The consensus coding is the work of one coder of its own kind.
    ALTER TABLE coder ADD COLUMN kind TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'consensus'));

    -- A coder's passage as the adjudication decided it: accepted into the consensus (as the
    -- consensus coder's passage consensus_uid) or rejected.
    CREATE TABLE adjudication (
      passage_uid TEXT PRIMARY KEY,
      verdict TEXT NOT NULL CHECK (verdict IN ('accepted', 'rejected')),
      consensus_uid TEXT,
      decided_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX adjudication_consensus ON adjudication (consensus_uid);
  `);
  // Projects created since version 8 were given no uid or replica: they get theirs now.
  db.prepare('UPDATE project SET uid = coalesce(uid, ?), replica = coalesce(replica, ?)').run(crypto.randomUUID(), crypto.randomUUID());
  for (const table of ['coder', 'merge_stamp', 'merge_tombstone', 'merge_alias', 'adjudication']) createCaptureTriggers(db, table);
}
