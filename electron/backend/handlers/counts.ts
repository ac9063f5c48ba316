// Handlers for the Table 8 counts and the CSV exports.

import { paradigmCounts } from '../../../db/counts';
import { projectInfo } from '../../../db/connection';
import { requireProject } from '../backend';
import { compareCsvRows, segmentRows, table8Rows, toCsv } from '../export';
import { reportedFigures } from '../../../db/study';
import { countsCompare } from './study';
import type { HandlerGroup } from './types';

const fileStem = (name: string) => name.replace(/[\\/:*?"<>|]/g, ' ').trim() || 'Groundwork';

export const countHandlers = {
  'counts.paradigm': (_input, backend) => paradigmCounts(requireProject(backend).read),
  'export.table8Csv': (_input, backend) => {
    const project = requireProject(backend);
    const name = fileStem(projectInfo(project).name);
    // A project that reproduces a study exports its figures beside the reported ones.
    if (reportedFigures(project.read).size > 0) {
      return { filename: `${name} - Table 8 compared.csv`, csv: toCsv(compareCsvRows(countsCompare(project.read))) };
    }
    return { filename: `${name} - Table 8.csv`, csv: toCsv(table8Rows(paradigmCounts(project.read))) };
  },
  'export.segmentsCsv': (_input, backend) => {
    const project = requireProject(backend);
    const name = fileStem(projectInfo(project).name);
    return { filename: `${name} - segments.csv`, csv: toCsv(segmentRows(project.read)) };
  },
} satisfies HandlerGroup<'counts.paradigm' | 'export.table8Csv' | 'export.segmentsCsv'>;
