// Handlers for a project that reproduces a published study: the study project itself, its facts,
// its readings (one undoable command per choice), and reproduced-beside-reported counts.

import { GroundworkError } from '../../../shared/api/errors';
import { runCommand } from '../../../db/commands';
import { paradigmCounts } from '../../../db/counts';
import { activateOption, listReadings, withReadings } from '../../../db/readings';
import { compareRows, getFact, studyInfo } from '../../../db/study';
import type { ReadableDB } from '../../../db/handles';
import type { CountsCompare } from '../../../shared/domain/study';
import { requireProject } from '../backend';
import { buildStudyProject, STUDY_NAME } from '../study';
import { openBundled } from './project';
import type { HandlerGroup } from './types';
import { quoted } from './types';

/** Reading key → option key, resolved to ids; an unknown key is a clear error. */
function resolveChoice(db: ReadableDB, choice: Record<string, string>) {
  const readings = listReadings(db);
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
    return { reading, option, readingId: reading.id, optionId: option.id };
  });
}

export function countsCompare(db: ReadableDB, choice: Record<string, string> = {}): CountsCompare {
  const resolved = resolveChoice(db, choice);
  return withReadings(db, resolved, () => {
    const readings = listReadings(db);
    const applied = Object.fromEntries(readings.map((r) => [r.key, r.activeKey ?? '']));
    const reasons = getFact<Record<string, string>>(db, 'reasons');
    return { rows: compareRows(db, paradigmCounts(db)), readings, applied, finalCodesNote: reasons?.finalCodes ?? null };
  });
}

export const studyHandlers = {
  'project.openStudy': ({ fresh }, backend) => openBundled(backend, STUDY_NAME, fresh, (target) => buildStudyProject(backend.config, target)),
  'study.get': (_input, backend) => studyInfo(requireProject(backend).read),
  'reading.list': (_input, backend) => listReadings(requireProject(backend).read),
  'reading.choose': ({ reading, option }, backend) => {
    const project = requireProject(backend);
    const [{ reading: r, option: o }] = resolveChoice(project.read, { [reading]: option }) as [ReturnType<typeof resolveChoice>[number]];
    if (r.activeKey === o.key) return listReadings(project.read);
    runCommand(project, { kind: 'reading.choose', label: `Count by reading ${quoted(o.labelEn)} (${r.labelEn})` }, (db) => activateOption(db, r.id, o.id));
    return listReadings(project.read);
  },
  'counts.compare': ({ readings }, backend) => countsCompare(requireProject(backend).read, readings ?? {}),
} satisfies HandlerGroup<'project.openStudy' | 'study.get' | 'reading.list' | 'reading.choose' | 'counts.compare'>;
