// Readings: alternative ways of counting a project admits. Choosing an option records it and
// applies its placements (where its categories go); the counting queries read the active options
// (weights, reading-only categories: db/filing-tree.ts). Changed only inside runCommand.

import type { ReadingInfo } from '../shared/domain/study';
import type { ComponentKey } from '../shared/domain/paradigm';
import type { ReadableDB, WritableDB } from './handles';
import { sql } from './handles';

interface ReadingRow {
  id: number;
  key: string;
  label_fa: string | null;
  label_en: string;
  explanation: string;
  active_option_id: number | null;
}

interface OptionRow {
  id: number;
  reading_id: number;
  key: string;
  label_fa: string | null;
  label_en: string;
  explanation: string;
  interpretation: number;
}

export function listReadings(db: ReadableDB): ReadingInfo[] {
  const readings = sql(db, 'SELECT id, key, label_fa, label_en, explanation, active_option_id FROM reading ORDER BY position, id').all() as ReadingRow[];
  const options = sql(
    db,
    'SELECT id, reading_id, key, label_fa, label_en, explanation, interpretation FROM reading_option ORDER BY reading_id, position, id',
  ).all() as OptionRow[];
  return readings.map((r) => {
    const own = options.filter((o) => o.reading_id === r.id);
    return {
      id: r.id,
      key: r.key,
      labelFa: r.label_fa,
      labelEn: r.label_en,
      explanation: r.explanation,
      activeKey: own.find((o) => o.id === r.active_option_id)?.key ?? null,
      options: own.map((o) => ({
        id: o.id,
        key: o.key,
        labelFa: o.label_fa,
        labelEn: o.label_en,
        explanation: o.explanation,
        interpretation: o.interpretation === 1,
        active: o.id === r.active_option_id,
      })),
    };
  });
}

/** Makes an option active and moves its categories to where the option places them. */
export function activateOption(db: WritableDB, readingId: number, optionId: number): void {
  sql(db, 'UPDATE reading SET active_option_id = ? WHERE id = ?').run(optionId, readingId);
  const placements = sql(db, 'SELECT category_id, parent_id, component FROM reading_placement WHERE option_id = ?').all(optionId) as {
    category_id: number;
    parent_id: number | null;
    component: ComponentKey | null;
  }[];
  for (const p of placements) {
    sql(db, 'UPDATE category SET parent_id = ?, component = ? WHERE id = ?').run(p.parent_id, p.component, p.category_id);
  }
}

/**
 * Runs `read` as if the given options were active, then puts everything back (a savepoint rolled
 * back): for answers under other readings (the command line's --concepts, --consequences).
 */
export function withReadings<T>(raw: ReadableDB, choice: { readingId: number; optionId: number }[], read: () => T): T {
  if (choice.length === 0) return read();
  raw.exec('SAVEPOINT gw_readings');
  try {
    for (const c of choice) activateOption(raw as WritableDB, c.readingId, c.optionId);
    return read();
  } finally {
    raw.exec('ROLLBACK TO gw_readings');
    raw.exec('RELEASE gw_readings');
  }
}
