// Handlers for a project that reproduces a published study: the study project itself, its facts,
// its readings (one undoable command per choice), and reproduced-beside-reported counts.

import { GroundworkError } from '../../../shared/api/errors';
import { paradigmCounts } from '../../../db/counts';
import { activateOption, listReadings } from '../../../db/readings';
import { compareRows, getFact, studyInfo } from '../../../db/study';
import type { ReadableDB } from '../../../db/handles';
import type { Store } from '../../../db/store';
import type { CountsCompare } from '../../../shared/domain/study';
import { requireStore } from '../backend';
import { buildStudyProject, STUDY_NAME } from '../study';
import { openBundled } from './project';
import type { HandlerGroup } from './types';
import { quoted } from './types';

/** Reading key → option key, resolved to ids; an unknown key is a clear error. */
async function resolveChoice(db: ReadableDB, choice: Record<string, string>) {
  const readings = await listReadings(db);
  return Object.entries(choice).map(([readingKey, optionKey]) => {
    const reading = readings.find((r) => r.key === readingKey);
    if (!reading) {
      const known = readings.map((r) => r.key).join(', ') || 'none';
      throw new GroundworkError('not-found', `This project has no reading ${quoted(readingKey)} (its readings: ${known}).`);
    }
    const option = reading.options.find((o) => o.key === optionKey);
    if (!option) {
      throw new GroundworkError('not-found', `The reading ${quoted(readingKey)} has no option ${quoted(optionKey)} (its options: ${reading.options.map((o) => o.key).join(', ')}).`);
    }
    return { reading, option };
  });
}

async function compareNow(db: ReadableDB): Promise<CountsCompare> {
  const readings = await listReadings(db);
  const applied = Object.fromEntries(readings.map((r) => [r.key, r.activeKey ?? '']));
  const reasons = await getFact<Record<string, string>>(db, 'reasons');
  return { rows: await compareRows(db, await paradigmCounts(db)), readings, applied, finalCodesNote: reasons?.finalCodes ?? null };
}

/**
 * Reproduced beside reported, as if the chosen reading options were active. Options other than the
 * active ones are applied in a scratch transaction that is always rolled back: the project keeps
 * counting by its own readings.
 */
export async function countsCompare(store: Store, choice: Record<string, string> = {}): Promise<CountsCompare> {
  const asIs = await store.read(async (db) => {
    const resolved = await resolveChoice(db, choice);
    return resolved.every((c) => c.option.active) ? compareNow(db) : null;
  });
  if (asIs) return asIs;
  return store.scratch(async (db) => {
    for (const { reading, option } of await resolveChoice(db, choice)) await activateOption(db, reading.id, option.id);
    return compareNow(db);
  });
}

export const studyHandlers = {
  'project.openStudy': ({ fresh }, backend) => openBundled(backend, STUDY_NAME, fresh, (target) => buildStudyProject(backend.config, target)),
  'study.get': (_input, backend) => requireStore(backend).read(studyInfo),
  'reading.list': (_input, backend) => requireStore(backend).read(listReadings),
  'reading.choose': ({ reading, option }, backend) =>
    requireStore(backend).write({ kind: 'reading.choose', label: 'Count by another reading' }, async (db, command) => {
      const { reading: r, option: o } = (await resolveChoice(db, { [reading]: option }))[0]!;
      // Choosing the active option changes nothing and leaves no step.
      if (!o.active) {
        command.setLabel(`Count by reading ${quoted(o.labelEn)} (${r.labelEn})`);
        await activateOption(db, r.id, o.id);
      }
      return listReadings(db);
    }),
  'counts.compare': ({ readings }, backend) => countsCompare(requireStore(backend), readings ?? {}),
} satisfies HandlerGroup<'project.openStudy' | 'study.get' | 'reading.list' | 'reading.choose' | 'counts.compare'>;
