// Handlers for a project that reproduces a published study: the study project itself, its facts,
// its readings (one undoable command per choice), and reproduced-beside-reported counts.

import { fail } from '../../../shared/api/errors';
import { say } from '../../../shared/domain/message';
import { paradigmCounts } from '../../../db/counts';
import { activateOption, listReadings } from '../../../db/readings';
import { compareRows, getFact, studyInfo } from '../../../db/study';
import type { ReadableDB, WritableDB } from '../../../db/handles';
import type { Store } from '../../../db/store';
import type { CompareRow, CountsCompare, ReadingInfo } from '../../../shared/domain/study';
import { english } from '../../../shared/domain/message';
import { whyTheyDiffer, type DifferenceSpread } from '../../../shared/domain/study-notes';
import { STUDY_EXPLANATIONS, STUDY_TITLE } from '../study-notes';
import { requireStore } from '../backend';
import { buildStudyProject, STUDY_NAME } from '../study';
import { openBundled } from './project';
import type { HandlerGroup } from './types';
import { short } from './types';

/** Reading key → option key, resolved to ids; an unknown key is a clear error. */
async function resolveChoice(db: ReadableDB, choice: Record<string, string>) {
  const readings = await listReadings(db);
  return Object.entries(choice).map(([readingKey, optionKey]) => {
    const reading = readings.find((r) => r.key === readingKey);
    if (!reading && readings.length === 0) fail('not-found', 'This project has no reading “{reading}” (it has no readings).', { reading: short(readingKey) });
    if (!reading) fail('not-found', 'This project has no reading “{reading}” (its readings: {known}).', { reading: short(readingKey), known: readings.map((r) => r.key).join(', ') });
    const option = reading.options.find((o) => o.key === optionKey);
    if (!option) {
      fail('not-found', 'The reading “{reading}” has no option “{option}” (its options: {known}).', {
        reading: short(readingKey),
        option: short(optionKey),
        known: reading.options.map((o) => o.key).join(', '),
      });
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

/** Combinations of readings worth counting for a spread; a project with more gives none. */
const MAX_COMBINATIONS = 36;

/**
 * The lowest and highest difference of each row over every combination of the readings' options,
 * counted in a scratch transaction (always rolled back).
 */
async function spreadOf(db: WritableDB, readings: ReadingInfo[]): Promise<Map<CompareRow['component'], DifferenceSpread>> {
  const spread = new Map<CompareRow['component'], DifferenceSpread>();
  const combinations = readings.reduce<{ reading: ReadingInfo; option: ReadingInfo['options'][number] }[][]>(
    (all, reading) => all.flatMap((partial) => reading.options.map((option) => [...partial, { reading, option }])),
    [[]],
  );
  if (readings.length === 0 || combinations.length > MAX_COMBINATIONS) return spread;
  for (const combination of combinations) {
    for (const { reading, option } of combination) await activateOption(db, reading.id, option.id);
    for (const row of await compareRows(db, await paradigmCounts(db))) {
      if (!row.difference) continue;
      const mine = spread.get(row.component) ?? {};
      for (const key of ['mainCategories', 'concepts'] as const) {
        const d = row.difference[key];
        const range = mine[key];
        mine[key] = range ? { low: Math.min(range.low, d), high: Math.max(range.high, d) } : { low: d, high: d };
      }
      spread.set(row.component, mine);
    }
  }
  return spread;
}

/** Each row's "why they differ", from its own figures, the readings' spread and the study's notes. */
async function withReasons(store: Store, compare: CountsCompare): Promise<CountsCompare> {
  const { study, spread } = await store.scratch(async (db) => ({
    study: await getFact<{ title: string }>(db, 'study'),
    spread: await spreadOf(db, compare.readings),
  }));
  const explanations = study?.title === STUDY_TITLE ? STUDY_EXPLANATIONS : null;
  const rows = compare.rows.map((row) => {
    const said = whyTheyDiffer(row.reproduced, row.reported, spread.get(row.component) ?? null, explanations?.[row.component] ?? null);
    return { ...row, reason: said && english(said), reasonSaid: said };
  });
  return { ...compare, rows };
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
  if (asIs) return withReasons(store, asIs);
  const chosen = await store.scratch(async (db) => {
    for (const { reading, option } of await resolveChoice(db, choice)) await activateOption(db, reading.id, option.id);
    return compareNow(db);
  });
  return withReasons(store, chosen);
}

export const studyHandlers = {
  'project.openStudy': ({ fresh }, backend) => openBundled(backend, STUDY_NAME, fresh, (target) => buildStudyProject(backend.config, target)),
  'study.get': (_input, backend) => requireStore(backend).read(studyInfo),
  'reading.list': (_input, backend) => requireStore(backend).read(listReadings),
  'reading.choose': ({ reading, option }, backend) =>
    requireStore(backend).write({ kind: 'reading.choose', label: say('Count by another reading') }, async (db, command) => {
      const { reading: r, option: o } = (await resolveChoice(db, { [reading]: option }))[0]!;
      // Choosing the active option changes nothing and leaves no step.
      if (!o.active) {
        command.setLabel(say('Count by reading “{option}” ({reading})', { option: say(o.labelEn), reading: say(r.labelEn) }));
        await activateOption(db, r.id, o.id);
      }
      return listReadings(db);
    }),
  'counts.compare': ({ readings }, backend) => countsCompare(requireStore(backend), readings ?? {}),
} satisfies HandlerGroup<'project.openStudy' | 'study.get' | 'reading.list' | 'reading.choose' | 'counts.compare'>;
