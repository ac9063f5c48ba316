// Which sources and records the Sources panel lists, and in what order: by default only included
// sources (those offered for coding); the filter shows every record, records without full text
// included, narrowed by stage, type, year range, language and text in title or authors.

import type { DocumentSummary } from '../../../shared/domain/model';
import type { RecordSummary, RecordType, Stage } from '../../../shared/domain/records';
import { authorName, titleKey } from '../../../shared/domain/records';

export interface SourceFilter {
  showAll: boolean;
  stage: Stage | '';
  type: RecordType | '';
  language: string;
  yearFrom: number | null;
  yearTo: number | null;
  text: string;
  sort: 'name' | 'year' | 'author' | 'stage' | 'type';
  descending: boolean;
}

export const DEFAULT_FILTER: SourceFilter = {
  showAll: false,
  stage: '',
  type: '',
  language: '',
  yearFrom: null,
  yearTo: null,
  text: '',
  sort: 'name',
  descending: false,
};

export interface SourceRow {
  key: string;
  document: DocumentSummary | null;
  record: RecordSummary | null;
  name: string;
}

const STAGE_ORDER: Record<Stage, number> = { identified: 0, screened: 1, eligible: 2, included: 3, excluded: 4 };

export function sourceRows(documents: DocumentSummary[], records: RecordSummary[], filter: SourceFilter): SourceRow[] {
  const byDocument = new Map(records.filter((r) => r.documentId !== null).map((r) => [r.documentId as number, r]));
  let rows: SourceRow[] = documents.map((d) => ({ key: `d${d.id}`, document: d, record: byDocument.get(d.id) ?? null, name: d.name }));
  if (filter.showAll) {
    rows = rows.concat(records.filter((r) => r.documentId === null).map((r) => ({ key: `r${r.id}`, document: null, record: r, name: r.title })));
  } else {
    // A source whose record has not loaded yet stays visible rather than flickering away.
    rows = rows.filter((row) => !row.record || row.record.stage === 'included');
  }
  const text = titleKey(filter.text);
  rows = rows.filter(({ record, name }) => {
    if (filter.stage && record?.stage !== filter.stage) return false;
    if (filter.type && record?.type !== filter.type) return false;
    if (filter.language && (record?.language ?? '') !== filter.language) return false;
    if (filter.yearFrom !== null && (record?.year ?? -Infinity) < filter.yearFrom) return false;
    if (filter.yearTo !== null && (record?.year ?? Infinity) > filter.yearTo) return false;
    if (text) {
      const haystack = titleKey([name, record?.title ?? '', ...(record?.authors ?? []).map(authorName)].join(' '));
      if (!haystack.includes(text)) return false;
    }
    return true;
  });
  const key = (row: SourceRow): string | number => {
    switch (filter.sort) {
      case 'year':
        return row.record?.year ?? Number.MAX_SAFE_INTEGER;
      case 'author':
        return (row.record?.authors[0]?.family ?? '\uffff').toLocaleLowerCase();
      case 'stage':
        return row.record ? STAGE_ORDER[row.record.stage] : 9;
      case 'type':
        return row.record?.type ?? '\uffff';
      default:
        return row.name.toLocaleLowerCase();
    }
  };
  const direction = filter.descending ? -1 : 1;
  return rows
    .map((row) => ({ row, k: key(row) }))
    .sort((a, b) => {
      const c = typeof a.k === 'number' && typeof b.k === 'number' ? a.k - b.k : String(a.k).localeCompare(String(b.k));
      return c !== 0 ? c * direction : a.row.name.localeCompare(b.row.name);
    })
    .map((x) => x.row);
}

export const languagesOf = (records: RecordSummary[]) => [...new Set(records.map((r) => r.language).filter(Boolean))].sort();
