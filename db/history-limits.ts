// How much undo history a project keeps (a project setting, migration 010): at least its last N
// steps, and every step of its last D days. Older steps are forgotten by compaction
// (db/command-log.ts forgetOldSteps), which the store runs when idle and `groundwork compact` on demand.

import type { ReadableDB, WritableDB } from './handles';

export interface HistoryLimits {
  keepSteps: number;
  keepDays: number;
}

/** Generous: a year's daily work, or half a year of anything. */
export const DEFAULT_HISTORY_LIMITS: HistoryLimits = { keepSteps: 2000, keepDays: 180 };

export async function getHistoryLimits(db: ReadableDB): Promise<HistoryLimits> {
  const row = await db.get<{ keep_steps: number; keep_days: number }>(
    'SELECT history_keep_steps AS keep_steps, history_keep_days AS keep_days FROM project WHERE id = 1',
  );
  return row ? { keepSteps: Number(row.keep_steps), keepDays: Number(row.keep_days) } : DEFAULT_HISTORY_LIMITS;
}

export async function setHistoryLimits(db: WritableDB, limits: HistoryLimits): Promise<number> {
  return (
    await db.run('UPDATE project SET history_keep_steps = ?, history_keep_days = ? WHERE id = 1', limits.keepSteps, limits.keepDays)
  ).changes;
}
