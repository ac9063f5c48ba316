// CSV exports: the Table 8 counts and the full segment list. UTF-8 with a BOM so spreadsheet
// programs read Persian and Arabic; cells that a spreadsheet would run as a formula are escaped.

import Papa from 'papaparse';
import type { ParadigmCounts } from '../../shared/domain/model';
import { COMPONENT_LABELS, COMPONENT_LABELS_FA } from '../../shared/domain/paradigm';
import type { CountsCompare } from '../../shared/domain/study';
import type { ReadableDB } from '../../db/handles';
import { getCodebook } from '../../db/codebook';
import { getDocumentText } from '../../db/documents';
import { listSegments } from '../../db/segments';
import { countBasis } from '../../db/count-basis';
import { listCoders } from '../../db/coders';
import type { CategoryId, DocumentId } from '../../shared/domain/ids';

const BOM = '\uFEFF';

export const toCsv = (rows: (string | number)[][]) =>
  BOM + Papa.unparse(rows, { escapeFormulae: true, newline: '\r\n' }) + '\r\n';

export const TABLE8_HEADER = ['component', 'label', 'main_categories', 'concepts', 'final_codes'];

export function table8Rows(counts: ParadigmCounts): (string | number)[][] {
  const rows: (string | number)[][] = [TABLE8_HEADER];
  for (const r of counts.rows) rows.push([r.component, r.label, r.mainCategories, r.concepts, r.finalCodes]);
  rows.push(['total', 'Total (each counted once)', counts.totals.mainCategories, counts.totals.concepts, counts.totals.finalCodes]);
  const { sums, totals } = counts;
  if (sums.concepts !== totals.concepts || sums.finalCodes !== totals.finalCodes) {
    rows.push(['sum_of_rows', 'Sum of the component rows', sums.mainCategories, sums.concepts, sums.finalCodes]);
  }
  const u = counts.unassigned;
  rows.push([
    'unassigned',
    'Not in any component',
    u.mainCategories,
    u.conceptsUnfiled + u.conceptsOutsideComponents,
    u.finalCodes,
  ]);
  return rows;
}

export const SEGMENT_HEADER = [
  'segment_id', 'source', 'concept', 'category', 'main_category', 'component', 'text',
  'start_utf16', 'end_utf16', 'paragraph', 'context_before', 'context_after', 'memo', 'created_at',
  // Both label languages: the item code and glosses (empty for a concept without them).
  'concept_code', 'concept_fa', 'concept_en', 'category_en', 'component_fa',
  // Team coding: who coded the passage (empty: no coder).
  'coder',
];

/**
 * One row per segment the counts count (every coder's, the consensus or one coder's: the project's
 * count basis, as Table 8). A concept filed under several categories lists each filing in the
 * category, main-category and component cells, in the same order, separated by " | ".
 */
export async function segmentRows(db: ReadableDB): Promise<(string | number)[][]> {
  const basis = await countBasis(db);
  const consensus = new Set((await listCoders(db)).filter((c) => c.kind === 'consensus').map((c) => c.id as number));
  const counted = (coder: number | null | undefined) =>
    basis.kind === 'all' ? coder == null || !consensus.has(coder) : basis.kind === 'consensus' ? coder != null && consensus.has(coder) : coder === basis.coderId;
  const codebook = await getCodebook(db);
  const categories = new Map(codebook.categories.map((c) => [c.id, c]));
  const mainOf = (id: CategoryId) => {
    let category = categories.get(id)!;
    while (category.parentId !== null) category = categories.get(category.parentId)!;
    return category;
  };
  const filings = new Map<number, { category: string; main: string; component: string; categoryEn: string; componentFa: string }[]>();
  const concepts = new Map(codebook.concepts.map((c) => [c.id as number, c]));
  for (const f of codebook.filings) {
    const category = categories.get(f.categoryId)!;
    const main = mainOf(f.categoryId);
    const list = filings.get(f.conceptId) ?? [];
    list.push({
      category: category.name,
      main: main.name,
      component: main.component ? COMPONENT_LABELS[main.component] : '',
      categoryEn: category.labelEn ?? '',
      componentFa: main.component ? COMPONENT_LABELS_FA[main.component] : '',
    });
    filings.set(f.conceptId, list);
  }
  // A segment's paragraph is the number of line ends before its start (paragraphs are lines):
  // found in each source's list of line ends, made once.
  const lineEnds = new Map<DocumentId, Uint32Array>();
  const paragraphOf = async (id: DocumentId, offset: number) => {
    let ends = lineEnds.get(id);
    if (!ends) {
      const text = (await getDocumentText(db, id)) ?? '';
      const found: number[] = [];
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) found.push(at);
      lineEnds.set(id, (ends = Uint32Array.from(found)));
    }
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const rows: (string | number)[][] = [SEGMENT_HEADER];
  for (const s of await listSegments(db, { kind: 'all' })) {
    if (!counted(s.coderId)) continue;
    const f = filings.get(s.conceptId) ?? [];
    const paragraph = await paragraphOf(s.documentId, s.start);
    rows.push([
      s.id, s.documentName, s.conceptLabel,
      f.map((x) => x.category).join(' | '), f.map((x) => x.main).join(' | '), f.map((x) => x.component).join(' | '),
      s.text, s.start, s.end, paragraph + 1, s.contextBefore, s.contextAfter, s.memo, s.createdAt,
      concepts.get(s.conceptId)?.code ?? '', concepts.get(s.conceptId)?.labelFa ?? '', concepts.get(s.conceptId)?.labelEn ?? '',
      f.map((x) => x.categoryEn).join(' | '), f.map((x) => x.componentFa).join(' | '),
      s.coderName ?? '',
    ]);
  }
  return rows;
}

export const COMPARE_HEADER = [
  'component', 'label', 'label_fa',
  'main_categories_reproduced', 'main_categories_reported', 'main_categories_difference',
  'concepts_reproduced', 'concepts_reported', 'concepts_difference',
  'final_codes_reproduced', 'final_codes_reported', 'final_codes_difference',
  'reason',
];

/** Reproduced beside reported (a project that reproduces a study), with the readings applied. */
export function compareCsvRows(compare: CountsCompare): (string | number)[][] {
  const rows: (string | number)[][] = [COMPARE_HEADER];
  for (const r of compare.rows) {
    rows.push([
      r.component, r.label, r.labelFa ?? '',
      ...(['mainCategories', 'concepts', 'finalCodes'] as const).flatMap((k) => [r.reproduced[k], r.reported?.[k] ?? '', r.difference?.[k] ?? '']),
      r.reason ?? '',
    ]);
  }
  for (const reading of compare.readings) {
    const option = reading.options.find((o) => o.key === compare.applied[reading.key]);
    rows.push([`reading:${reading.key}`, `${reading.labelEn}: ${option?.labelEn ?? ''}`, `${reading.labelFa ?? ''}: ${option?.labelFa ?? ''}`]);
  }
  return rows;
}
