// Readings: alternative ways of counting a project admits. Choosing an option records it and
// applies its placements (where its categories go); the counting queries read the active options
// (weights, reading-only categories: db/filing-tree.ts). Changed only inside a command, or inside
// a scratch transaction that is always rolled back (answers under other readings).

import type { ReadingInfo } from '../shared/domain/study';
import type { ComponentKey } from '../shared/domain/paradigm';
import type { ReadableDB, WritableDB } from './handles';
import { flag } from './sql';

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
  interpretation: unknown;
}

export async function listReadings(db: ReadableDB): Promise<ReadingInfo[]> {
  const readings = await db.all<ReadingRow>('SELECT id, key, label_fa, label_en, explanation, active_option_id FROM reading ORDER BY position, id');
  const options = await db.all<OptionRow>(
    'SELECT id, reading_id, key, label_fa, label_en, explanation, interpretation FROM reading_option ORDER BY reading_id, position, id',
  );
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
        interpretation: flag(o.interpretation),
        active: o.id === r.active_option_id,
      })),
    };
  });
}

/** Makes an option active and moves its categories to where the option places them. */
export async function activateOption(db: WritableDB, readingId: number, optionId: number): Promise<void> {
  await db.run('UPDATE reading SET active_option_id = ? WHERE id = ?', optionId, readingId);
  const placements = await db.all<{ category_id: number; parent_id: number | null; component: ComponentKey | null }>(
    'SELECT category_id, parent_id, component FROM reading_placement WHERE option_id = ?',
    optionId,
  );
  for (const p of placements) {
    await db.run('UPDATE category SET parent_id = ?, component = ? WHERE id = ?', p.parent_id, p.component, p.category_id);
  }
}
