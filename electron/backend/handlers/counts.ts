// Handlers for the Table 8 counts and the CSV exports.

import { paradigmCounts } from '../../../db/counts';
import { reportedFigures } from '../../../db/study';
import { requireStore } from '../backend';
import { compareCsvRows, segmentRows, table8Rows, toCsv } from '../export';
import { countsCompare } from './study';
import type { HandlerGroup } from './types';

const fileStem = (name: string) => name.replace(/[\\/:*?"<>|]/g, ' ').trim() || 'Groundwork';

export const countHandlers = {
  'counts.paradigm': (_input, backend) => requireStore(backend).read(paradigmCounts),
  'export.table8Csv': async (_input, backend) => {
    const store = requireStore(backend);
    const name = fileStem((await store.info()).name);
    // A project that reproduces a study exports its figures beside the reported ones.
    if (await store.read(async (db) => (await reportedFigures(db)).size > 0)) {
      return { filename: `${name} - Table 8 compared.csv`, csv: toCsv(compareCsvRows(await countsCompare(store))) };
    }
    return { filename: `${name} - Table 8.csv`, csv: toCsv(table8Rows(await store.read(paradigmCounts))) };
  },
  'export.segmentsCsv': async (_input, backend) => {
    const store = requireStore(backend);
    const name = fileStem((await store.info()).name);
    return { filename: `${name} - segments.csv`, csv: toCsv(await store.read(segmentRows)) };
  },
} satisfies HandlerGroup<'counts.paradigm' | 'export.table8Csv' | 'export.segmentsCsv'>;
