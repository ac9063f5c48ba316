// A coded passage is drawn from the answer of segment.code before the source's marks are fetched
// again: the list drawn must equal the one the backend then answers, in its order, or the reader
// would draw the source a second time (or differently).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SegmentMark } from '../../../shared/domain/model';
import { insertMark } from '../../../renderer/state/mark-order';
import { importTexts, startBackend, type TestBackend } from '../../helpers/backend';

let t: TestBackend;

beforeAll(async () => {
  t = startBackend();
  await t.api.call('project.create', { name: 'Mark order' });
});
afterAll(async () => {
  await t?.cleanup();
});

describe('inserting a new mark into the held marks', () => {
  it('gives the list the backend answers after each coding, overlaps and equal starts included', async () => {
    const text = 'اعتماد مشتری در بازارهای سازمانی مهم است. Trust matters in B2B markets, and trust grows slowly over many years.\n'.repeat(4);
    const [imported] = await importTexts(t.api, { 'long.txt': text });
    const documentId = imported!.document!.id;
    const concept = await t.api.call('concept.create', { label: 'a' });
    const other = await t.api.call('concept.create', { label: 'b' });
    // A fixed run of ranges: later ones start before earlier ones, share starts, nest and overlap.
    const ranges = [
      [60, 80], [10, 30], [10, 25], [40, 90], [10, 30], [0, 5], [60, 70], [100, 140], [41, 50], [200, 260], [12, 30], [60, 80],
    ] as const;
    let held: SegmentMark[] = await t.api.call('segment.forDocument', { documentId });
    for (const [i, [start, end]] of ranges.entries()) {
      const conceptId = i % 2 === 0 ? concept.id : other.id;
      const segment = await t.api.call('segment.code', { documentId, start, end, conceptId });
      held = insertMark(held, { id: segment.id, conceptId: segment.conceptId, coderId: segment.coderId ?? null, start: segment.start, end: segment.end, hasMemo: false });
      expect(held).toEqual(await t.api.call('segment.forDocument', { documentId }));
    }
    expect(held).toHaveLength(ranges.length);
  });

  it('leaves the list as it is when the mark is already in it', () => {
    const marks = [{ id: 1, conceptId: 1, start: 0, end: 4, hasMemo: false }] as unknown as SegmentMark[];
    expect(insertMark(marks, marks[0]!)).toBe(marks);
  });
});
