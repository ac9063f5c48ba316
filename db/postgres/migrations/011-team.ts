// Schema version 11 on PostgreSQL, the twin of db/migrations/011-team.ts: the copy's change clock
// (never captured), version stamps, tombstones and aliases for merging copies, the consensus coder
// (coder.kind) and adjudication decisions; a project without a GUID or replica gets them.

import crypto from 'node:crypto';
import type { PgMigrationContext } from './index';

export const version = 11;

export async function up(m: PgMigrationContext): Promise<void> {
  await m.exec(`
    CREATE TABLE replica_clock (
      id bigint PRIMARY KEY CHECK (id = 1),
      clock bigint NOT NULL CHECK (clock >= 0)
    );
    INSERT INTO replica_clock (id, clock) VALUES (1, 0);

    CREATE TABLE merge_stamp (
      kind text NOT NULL CHECK (kind IN ('source', 'category', 'concept', 'passage', 'component')),
      uid text NOT NULL,
      field text NOT NULL CHECK (field IN ('label', 'placement', 'memo')),
      stamp text NOT NULL,
      PRIMARY KEY (kind, uid, field)
    );

    CREATE TABLE merge_tombstone (
      kind text NOT NULL CHECK (kind IN ('category', 'concept', 'passage')),
      uid text NOT NULL,
      stamp text NOT NULL,
      PRIMARY KEY (kind, uid)
    );

    CREATE TABLE merge_alias (
      kind text NOT NULL CHECK (kind IN ('category', 'concept', 'passage')),
      alias text NOT NULL,
      uid text NOT NULL,
      PRIMARY KEY (kind, alias)
    );
    CREATE INDEX merge_alias_uid ON merge_alias (kind, uid);

    ALTER TABLE coder ADD COLUMN kind text NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'consensus'));

    CREATE TABLE adjudication (
      passage_uid text PRIMARY KEY,
      verdict text NOT NULL CHECK (verdict IN ('accepted', 'rejected')),
      consensus_uid text,
      decided_at text NOT NULL
    );
    CREATE INDEX adjudication_consensus ON adjudication (consensus_uid);
  `);
  await m.run('UPDATE project SET uid = coalesce(uid, ?), replica = coalesce(replica, ?)', crypto.randomUUID(), crypto.randomUUID());
  for (const table of ['merge_stamp', 'merge_tombstone', 'merge_alias', 'adjudication']) await m.capture(table);
}
