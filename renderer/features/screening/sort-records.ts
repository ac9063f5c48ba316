// The order of the Screening table: by a column, either way; ties keep the import order.

import type { RecordSummary, Stage } from '../../../shared/domain/records';

export type SortKey = 'imported' | 'title' | 'authors' | 'year' | 'type' | 'stage';

const STAGE_ORDER: Record<Stage, number> = { identified: 0, screened: 1, eligible: 2, included: 3, excluded: 4 };

const keyOf = (r: RecordSummary, key: SortKey): string | number => {
  switch (key) {
    case 'title':
      return r.title.toLocaleLowerCase();
    case 'authors':
      return (r.authors[0]?.family ?? '\uffff').toLocaleLowerCase();
    case 'year':
      return r.year ?? Number.MAX_SAFE_INTEGER;
    case 'type':
      return r.type;
    case 'stage':
      return STAGE_ORDER[r.stage];
    default:
      return r.id;
  }
};

export function sortRecords(records: RecordSummary[], key: SortKey, descending: boolean): RecordSummary[] {
  const direction = descending ? -1 : 1;
  return records
    .map((r) => ({ r, k: keyOf(r, key) }))
    .sort((a, b) => {
      const c = typeof a.k === 'number' && typeof b.k === 'number' ? a.k - b.k : String(a.k).localeCompare(String(b.k));
      return c !== 0 ? c * direction : a.r.id - b.r.id;
    })
    .map((x) => x.r);
}
