// An import batch sent file by file merges into one undo step (the command's coalesce key); its
// history label then says how many sources the step imported.

import type { ReadableDB } from './handles';
import { say, type Message } from '../shared/domain/message';

/** "Import N sources" for a step that imported several, else null (keep the label it has). */
export async function importBatchLabel(db: ReadableDB, commandId: number): Promise<Message | null> {
  const row = await db.get<{ n: number }>(
    `SELECT count(*) AS n FROM command_change WHERE command_id = ? AND table_name = 'document' AND old_row IS NULL`,
    commandId,
  );
  const n = Number(row?.n ?? 0);
  return n > 1 ? say('Import {n} sources', { n }) : null;
}
