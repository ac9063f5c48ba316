// The Sources panel's filter: only included sources by default (those offered for coding), every
// record with "show all", and narrowing and sorting by the record's attributes.

import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../shared/domain/model';
import type { RecordSummary } from '../../shared/domain/records';
import { documentId } from '../../shared/domain/ids';
import { recordId } from '../../shared/domain/records';
import { DEFAULT_FILTER, sourceRows } from '../../renderer/features/corpus/source-filter';

const doc = (id: number, name: string) => ({ id: documentId(id), name }) as DocumentSummary;
const rec = (id: number, doc: number | null, patch: Partial<RecordSummary>): RecordSummary => ({
  id: recordId(id),
  documentId: doc === null ? null : documentId(doc),
  title: `Record ${id}`,
  authors: [],
  year: null,
  venue: '',
  doi: '',
  url: '',
  type: 'other',
  language: '',
  abstract: '',
  keywords: [],
  origin: 'file',
  attachments: [],
  stage: 'included',
  excludedAt: null,
  reasonId: null,
  reasonName: null,
  createdAt: '',
  ...patch,
});

const documents = [doc(1, 'Interview A'), doc(2, 'Colli 2018'), doc(3, 'مقاله فارسی')];
const records = [
  rec(1, 1, { title: 'Interview A' }),
  rec(2, 2, { title: 'A maturity assessment approach', stage: 'excluded', excludedAt: 'eligibility', year: 2018, type: 'article', authors: [{ family: 'Colli' }], language: 'en' }),
  rec(3, 3, { title: 'مدل سنجش بلوغ', stage: 'identified', year: 1388, type: 'article', authors: [{ family: 'سهرابی' }], language: 'fa' }),
  rec(4, null, { title: 'A metamodel for evaluating enterprise readiness', stage: 'identified', year: 2019, type: 'article', authors: [{ family: 'Basl' }] }),
];
const names = (filter = {}) => sourceRows(documents, records, { ...DEFAULT_FILTER, ...filter }).map((r) => r.name);

describe('the default coding filter', () => {
  it('offers only included sources for coding by default', () => {
    expect(names()).toEqual(['Interview A']);
  });
  it('shows every source and the records without full text when asked', () => {
    expect(names({ showAll: true })).toEqual(['A metamodel for evaluating enterprise readiness', 'Colli 2018', 'Interview A', 'مقاله فارسی']);
    expect(sourceRows(documents, records, { ...DEFAULT_FILTER, showAll: true }).filter((r) => r.document === null).map((r) => r.record!.id)).toEqual([4]);
  });
  it('keeps a source visible while its record has not loaded', () => {
    expect(sourceRows(documents, [], DEFAULT_FILTER)).toHaveLength(3);
  });
});

describe('filtering and sorting', () => {
  it('narrows by stage, type, language, year range and text in title or author (Persian letter forms alike)', () => {
    expect(names({ showAll: true, stage: 'identified' })).toEqual(['A metamodel for evaluating enterprise readiness', 'مقاله فارسی']);
    expect(names({ showAll: true, language: 'fa' })).toEqual(['مقاله فارسی']);
    expect(names({ showAll: true, yearFrom: 2000, yearTo: 2018 })).toEqual(['Colli 2018']);
    expect(names({ showAll: true, text: 'colli' })).toEqual(['Colli 2018']);
    expect(names({ showAll: true, text: 'سهرابي' })).toEqual(['مقاله فارسی']); // Arabic yeh typed
    expect(names({ showAll: true, type: 'other' })).toEqual(['Interview A']);
  });
  it('sorts by year, first author and stage, either way', () => {
    expect(names({ showAll: true, sort: 'year' })).toEqual(['مقاله فارسی', 'Colli 2018', 'A metamodel for evaluating enterprise readiness', 'Interview A']);
    expect(names({ showAll: true, sort: 'author', descending: true })[0]).toBe('Interview A');
    expect(names({ showAll: true, sort: 'stage' })).toEqual(['A metamodel for evaluating enterprise readiness', 'مقاله فارسی', 'Interview A', 'Colli 2018']);
  });
});
