// How much undo history a project keeps (a project setting, in project_setting): at least its last
// N steps, and every step of its last D days. Older steps are forgotten by compaction
// (db/command-log.ts discardOldSteps), which the store runs when idle and `groundwork compact` on demand.

import type { ReadableDB, WritableDB } from './handles';

export interface HistoryLimits {
  keepSteps: number;
  keepDays: number;
}

/** Generous: a year's daily work, or half a year of anything. */
export const DEFAULT_HISTORY_LIMITS: HistoryLimits = { keepSteps: 2000, keepDays: 180 };

const STEPS = 'history.keep_steps';
const DAYS = 'history.keep_days';

export async function getHistoryLimits(db: ReadableDB): Promise<HistoryLimits> {
  const rows = await db.all<{ key: string; value: string }>('SELECT key, value FROM project_setting WHERE key IN (?, ?)', STEPS, DAYS);
  const read = (key: string, fallback: number) => {
    const value = Number(rows.find((r) => r.key === key)?.value);
    return Number.isInteger(value) && value >= 0 ? value : fallback;
  };
  return { keepSteps: read(STEPS, DEFAULT_HISTORY_LIMITS.keepSteps), keepDays: read(DAYS, DEFAULT_HISTORY_LIMITS.keepDays) };
}

/** Keeps the limits; the number of settings changed. */
export async function setHistoryLimits(db: WritableDB, limits: HistoryLimits): Promise<number> {
  let changed = 0;
  for (const [key, value] of [
    [STEPS, limits.keepSteps],
    [DAYS, limits.keepDays],
  ] as const) {
    changed += (
      await db.run(
        `INSERT INTO project_setting (key, value) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE project_setting.value <> excluded.value`,
        key,
        String(value),
      )
    ).changes;
  }
  return changed;
}
