// The picture of the model a baseline keeps: the codebook (concepts, visible categories, filings),
// passages per concept, Table 8, each main category's figures and the maturity dimensions' items,
// read in one snapshot of the project. A study's published baseline is the codebook as published
// with its reported Table 8 (no passages: the study publishes none).

import { fail } from '../../../shared/api/errors';
import type { BaselineSnapshot, BaselineSummary } from '../../../shared/domain/change-view';
import { COMPONENT_KEYS } from '../../../shared/domain/paradigm';
import type { BaselineRow } from '../../../db/baselines';
import { getCodebook } from '../../../db/codebook';
import { paradigmCounts } from '../../../db/counts';
import { listDocuments } from '../../../db/documents';
import type { ReadableDB } from '../../../db/handles';
import { mainCategoryCounts } from '../../../db/main-category-counts';
import { getModel } from '../../../db/maturity';
import { reportedFigures } from '../../../db/study';

/** The project's model now. */
export async function currentSnapshot(db: ReadableDB): Promise<BaselineSnapshot> {
  const codebook = await getCodebook(db);
  const counts = await paradigmCounts(db);
  const mains = await mainCategoryCounts(db);
  const model = await getModel(db);
  const documents = await listDocuments(db);
  return {
    version: 1,
    concepts: codebook.concepts.map((c) => ({ id: c.id, label: c.label, code: c.code, labelFa: c.labelFa, labelEn: c.labelEn })),
    categories: codebook.categories.map((c) => ({
      id: c.id,
      name: c.name,
      parentId: c.parentId,
      component: c.component,
      code: c.code,
      labelFa: c.labelFa,
      labelEn: c.labelEn,
      color: c.color,
    })),
    filings: codebook.filings,
    passageCounts: codebook.concepts.filter((c) => c.segmentCount > 0).map((c) => ({ conceptId: c.id, count: c.segmentCount })),
    table8: {
      rows: counts.rows.map((r) => ({ component: r.component, mainCategories: r.mainCategories, concepts: r.concepts, finalCodes: r.finalCodes })),
      totals: counts.totals,
    },
    maturity: model.dimensions.map((d) => ({ id: d.id, labelEn: d.labelEn, labelFa: d.labelFa, items: d.items.map((i) => i.conceptId) })),
    mainCategories: [
      ...mains.components.flatMap((c) => c.categories.map((m) => ({ id: m.id, component: c.component, concepts: m.concepts, finalCodes: m.finalCodes }))),
      ...mains.unassigned.map((m) => ({ id: m.id, component: null, concepts: m.concepts, finalCodes: m.finalCodes })),
    ],
    sources: documents.map((d) => ({ id: d.id, name: d.name })),
  };
}

/** The codebook now with the figures a study reports for its Table 8 (null: the project reports none). */
export async function reportedSnapshot(db: ReadableDB, citation: string): Promise<BaselineSnapshot | null> {
  const reported = await reportedFigures(db);
  const total = reported.get('total');
  if (!total) return null;
  const now = await currentSnapshot(db);
  return {
    ...now,
    passageCounts: [],
    table8: {
      rows: COMPONENT_KEYS.map((component) => ({ component, ...(reported.get(component) ?? { mainCategories: 0, concepts: 0, finalCodes: 0 }) })),
      totals: total,
    },
    mainCategories: now.mainCategories.map((m) => ({ ...m, finalCodes: 0 })),
    sources: [],
    reportedBy: citation,
  };
}

export function parseSnapshot(row: BaselineRow): BaselineSnapshot {
  try {
    const snapshot = JSON.parse(row.snapshot) as BaselineSnapshot;
    if (snapshot.version !== 1) throw new Error(`picture version ${String(snapshot.version)}`);
    return snapshot;
  } catch (error) {
    fail('bad-file', 'The baseline “{a}” cannot be read ({reason}).', { a: row.name, reason: (error as Error).message });
  }
}

export function baselineSummary(row: BaselineRow): BaselineSummary {
  const s = parseSnapshot(row);
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    createdAt: row.createdAt,
    concepts: s.concepts.length,
    mainCategories: s.categories.filter((c) => c.parentId === null).length,
    sources: s.sources.length,
    totals: s.table8.totals,
    reportedBy: s.reportedBy ?? null,
  };
}
