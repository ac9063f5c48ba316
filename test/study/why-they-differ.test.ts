// Table 8's "why they differ" notes follow the readings chosen: under every combination of the
// concept and consequence readings, each row's note states the differences the row shows (never a
// figure of another reading, as "Causal is +2" beside +1 did), and the spread it gives across the
// readings holds the difference shown.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompareRow } from '../../shared/domain/study';
import { english, type Message } from '../../shared/domain/message';
import { translate } from '../../shared/i18n/translate';
import { startBackend, type TestBackend } from '../helpers/backend';

let t: TestBackend;
beforeAll(async () => {
  t = startBackend();
  await t.api.call('project.openStudy', {});
});
afterAll(() => t.cleanup());

const CONCEPTS = ['codebook', 'strict', 'merged'] as const;
const CONSEQUENCES = ['A', 'B', 'C'] as const;
const COMBINATIONS = CONCEPTS.flatMap((concepts) => CONSEQUENCES.map((consequences) => ({ concepts, consequences })));

/** Every message inside a note, depth first (the note joins its sentences as params). */
const parts = (m: Message): Message[] => [m, ...Object.values(m.params ?? {}).flatMap((p) => (typeof p === 'object' ? parts(p) : []))];

/** The signed figures written in an English note ("+2", "−13"). */
const signedFigures = (text: string) => [...text.matchAll(/(?<![\w.])([+\u2212])(\d+)/g)].map((m) => (m[1] === '+' ? 1 : -1) * Number(m[2]));

const MEASURE_TEXT = { mainCategories: 'Main categories', concepts: 'Concepts' } as const;

describe.each(COMBINATIONS)('under concepts $concepts and consequences $consequences', (readings) => {
  let rows: CompareRow[];
  beforeAll(async () => {
    rows = (await t.api.call('counts.compare', { readings })).rows;
  });

  it('each row’s note states the differences its figures show, and no other reading’s', () => {
    expect(rows).toHaveLength(7);
    for (const row of rows) {
      const note = row.reasonSaid!;
      expect(note, row.component).toBeTruthy();
      expect(english(note)).toBe(row.reason);
      const stated = parts(note).filter((m) => m.params && 'difference' in m.params);
      for (const key of ['mainCategories', 'concepts'] as const) {
        const difference = row.difference![key];
        const sentence = stated.find((m) => m.text.startsWith(MEASURE_TEXT[key]));
        if (difference === 0) {
          expect(sentence, `${row.component} ${key}`).toBeUndefined();
          continue;
        }
        expect(sentence?.params, `${row.component} ${key}`).toEqual({ difference, reproduced: row.reproduced[key], reported: row.reported![key] });
        const sign = difference > 0 ? '+' : '\u2212';
        expect(row.reason, row.component).toContain(`${MEASURE_TEXT[key]} ${sign}${Math.abs(difference)}: ${row.reproduced[key]} here, ${row.reported![key]} reported.`);
      }
      if (row.difference!.mainCategories === 0 && row.difference!.concepts === 0) expect(row.reason).toContain('Main categories and concepts as reported.');
    }
  });

  it('every signed figure in a note is a difference shown or an end of the spread that holds it', () => {
    for (const row of rows) {
      const spreads = parts(row.reasonSaid!).filter((m) => m.params && 'lowDifference' in m.params);
      const ends = spreads.flatMap((m) => [m.params!.lowDifference as number, m.params!.highDifference as number]);
      for (const m of spreads) {
        const key = m.text.includes('main categories') ? 'mainCategories' : 'concepts';
        expect(m.params!.lowDifference as number, row.component).toBeLessThanOrEqual(row.difference![key]);
        expect(m.params!.highDifference as number, row.component).toBeGreaterThanOrEqual(row.difference![key]);
      }
      const allowed = new Set([row.difference!.mainCategories, row.difference!.concepts, ...ends]);
      for (const figure of signedFigures(row.reason!)) expect(allowed, `${row.component}: ${row.reason}`).toContain(figure);
    }
  });
});

describe('the notes in the example of the issue', () => {
  it('under phrase-merged and C, causal is +1 in concepts, as its figures show, in English and in Persian', async () => {
    const { rows } = await t.api.call('counts.compare', { readings: { concepts: 'merged', consequences: 'C' } });
    const causal = rows.find((r) => r.component === 'causal')!;
    expect(causal.difference!.concepts).toBe(1);
    expect(causal.reason).toMatch(/^Concepts \+1: 33 here, 32 reported\. Across the readings, concepts run from \+1 to \+2\. /);
    expect(causal.reason).not.toContain('Causal is +2');
    expect(translate(causal.reasonSaid!, 'fa')).toMatch(/^مفاهیم \+۱: ۳۳ در اینجا، ۳۲ در گزارش مقاله\. /);
    const consequences = rows.find((r) => r.component === 'consequences')!;
    expect(consequences.reason).toMatch(/^Main categories \+1: 4 here, 3 reported\. Concepts \u221213: 104 here, 117 reported\./);
  });

  it('a plain project with no reported figures has no notes', async () => {
    const plain = startBackend();
    try {
      await plain.api.call('project.create', { name: 'Plain' });
      const { rows } = await plain.api.call('counts.compare', {});
      expect(rows.every((r) => r.reason === null && r.reasonSaid === null)).toBe(true);
    } finally {
      await plain.cleanup();
    }
  });
});
