// An import batch sent file by file merges into one undo step (runCommand's coalesce key); its
// history label then says how many sources the step imported.

import type { ProjectDb } from './connection';
import { sql } from './handles';

export function labelImportBatch(project: ProjectDb, coalesceKey: string): void {
  const db = project.raw;
  const row = sql(db, `SELECT id FROM command WHERE state = 'done' AND coalesce_key = ? ORDER BY id DESC LIMIT 1`).get(coalesceKey) as
    | { id: number }
    | undefined;
  if (!row) return;
  const { n } = sql(
    db,
    `SELECT count(*) AS n FROM command_change WHERE command_id = ? AND table_name = 'document' AND old_row IS NULL`,
  ).get(row.id) as { n: number };
  if (n > 1) sql(db, 'UPDATE command SET label = ? WHERE id = ?').run(`Import ${n} sources`, row.id);
}
