// Schema version 10 on PostgreSQL, the twin of db/migrations/010-scale.ts: the indexes the paged
// segment lists need (a source's segments in position order, the sources in list order), a
// concept's segments with their coders (the counts' count basis), and one index of the log by step
// and row key instead of two; the capture function written again, so an inserted row is logged by
// its key (its image is written when its step is undone). SQLite's full-text index has no twin:
// PostgreSQL keeps its own word index (search_folded, search_word).

import { captureFunctionSql } from '../capture';
import type { PgMigrationContext } from './index';

export const version = 10;

/** 011 (team coding) shipped before this migration: a project that build left at 11 lacks it. */
export async function missing(m: PgMigrationContext): Promise<boolean> {
  const found = await m.all(`SELECT 1 AS one FROM pg_indexes WHERE schemaname = ? AND indexname = 'segment_position'`, m.schema);
  return found.length === 0;
}

export async function up(m: PgMigrationContext): Promise<void> {
  await m.exec(`
    CREATE INDEX segment_position ON segment (document_id, start_offset, end_offset);
    DROP INDEX IF EXISTS segment_document;
    CREATE INDEX segment_concept_coder ON segment (concept_id, coder_id);
    DROP INDEX IF EXISTS segment_concept;
    CREATE INDEX document_list_order ON document (lower(name), id);
    CREATE INDEX command_change_step ON command_change (command_id, table_name, row_key);
    DROP INDEX IF EXISTS command_change_row;
    DROP INDEX IF EXISTS command_change_command;
  `);
  await m.exec(captureFunctionSql(m.schema));
}
