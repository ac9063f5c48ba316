// The Screening table's column sort.

import { expect, it } from 'vitest';
import type { RecordSummary } from '../../shared/domain/records';
import { sortRecords } from '../../renderer/features/screening/sort-records';

const rec = (id: number, patch: Partial<RecordSummary>) => ({ id, title: `T${id}`, authors: [], year: null, type: 'other', stage: 'identified', ...patch }) as unknown as RecordSummary;
const records = [
  rec(1, { title: 'beta', year: 2019, authors: [{ family: 'Colli' }], stage: 'included' }),
  rec(2, { title: 'Alpha', year: null, stage: 'excluded' }),
  rec(3, { title: 'مدل', year: 1388, authors: [{ family: 'سهرابی' }] }),
  rec(4, { title: 'gamma', year: 2019, authors: [{ family: 'Basl' }], stage: 'screened' }),
];
const ids = (key: Parameters<typeof sortRecords>[1], descending = false) => sortRecords(records, key, descending).map((r) => r.id);

it('sorts by a column either way, ties in import order, missing values last', () => {
  expect(ids('imported')).toEqual([1, 2, 3, 4]);
  expect(ids('title')).toEqual([2, 1, 4, 3]);
  expect(ids('year')).toEqual([3, 1, 4, 2]);
  expect(ids('year', true)).toEqual([2, 1, 4, 3]);
  expect(ids('authors')).toEqual([4, 1, 3, 2]);
  expect(ids('stage')).toEqual([3, 4, 1, 2]);
});
