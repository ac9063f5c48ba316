// Intercoder agreement over the project: two coders' passages read from the store, compared by
// shared/domain/agreement at its three levels; the answer names sources, concepts and passages for
// the screen, with the adjudication verdicts given so far. Exports as CSV (figures) or XLSX
// (figures and disagreements; exceljs is loaded only when a spreadsheet is asked for).

import { fail } from '../../../shared/api/errors';
import type { Coefficient } from '../../../shared/domain/agreement/coefficients';
import type { AgreementFigures, AgreementLevel, CodedPassage, Disagreement, LevelReport } from '../../../shared/domain/agreement/levels';
import { DEFAULT_MIN_OVERLAP, intercoderAgreement } from '../../../shared/domain/agreement/levels';
import { matchPassages } from '../../../shared/domain/agreement/overlap';
import type { CoderId, ConceptId, DocumentId } from '../../../shared/domain/ids';
import type { AgreementView } from '../../../shared/domain/team';
import { requireFound } from '../../../db/command-log';
import { getCoder } from '../../../db/coders';
import { coderPassages, conceptLooks, passageTexts, sourceNames, verdictsOf } from '../../../db/agreement';
import type { ReadableDB } from '../../../db/handles';
import { toCsv } from '../export';

export interface AgreementRequest {
  coderA: CoderId;
  coderB: CoderId;
  documentIds?: DocumentId[];
  conceptIds?: ConceptId[];
  minOverlap?: number;
}

interface Compared {
  view: AgreementView;
  a: CodedPassage[];
  b: CodedPassage[];
  sources: DocumentId[];
  concepts: ConceptId[];
}

async function compare(db: ReadableDB, input: AgreementRequest): Promise<Compared> {
  const coderA = requireFound(await getCoder(db, input.coderA), 'The first coder');
  const coderB = requireFound(await getCoder(db, input.coderB), 'The second coder');
  const a = await coderPassages(db, coderA.id);
  const b = await coderPassages(db, coderB.id);
  const names = await sourceNames(db);
  const looks = await conceptLooks(db);
  const byA = new Set<number>(a.map((p) => p.documentId));
  const byB = new Set<number>(b.map((p) => p.documentId));
  const coded = [...new Set([...byA, ...byB])].sort((x, y) => (names.get(x) ?? '').localeCompare(names.get(y) ?? '') || x - y);
  for (const id of input.documentIds ?? []) if (!names.has(id)) fail('not-found', 'Source {id} does not exist (any more).', { id: String(id) });
  for (const id of input.conceptIds ?? []) if (!looks.has(id)) fail('not-found', 'Concept {id} does not exist (any more).', { id: String(id) });
  const sources = (input.documentIds ?? coded.filter((id) => byA.has(id) && byB.has(id))) as DocumentId[];
  const sourceSet = new Set<number>(sources);
  const concepts = (input.conceptIds ??
    [...new Set([...a, ...b].filter((p) => sourceSet.has(p.documentId)).map((p) => p.conceptId))].sort(
      (x, y) => (looks.get(x)?.label ?? '').localeCompare(looks.get(y)?.label ?? '') || x - y,
    )) as ConceptId[];
  const report = intercoderAgreement({ sources, concepts, a, b, minOverlap: input.minOverlap ?? DEFAULT_MIN_OVERLAP });
  const conceptSet = new Set<number>(concepts);
  const shown = [...a, ...b].filter((p) => sourceSet.has(p.documentId) && conceptSet.has(p.conceptId)).map((p) => p.id);
  return {
    a,
    b,
    sources,
    concepts,
    view: {
      coderA,
      coderB,
      report,
      sources: sources.map((id) => ({ id, name: names.get(id) ?? '?' })),
      concepts: concepts.map((id) => ({ id, label: looks.get(id)?.label ?? '?', color: looks.get(id)?.color ?? '#888888' })),
      passageText: await passageTexts(db, shown),
      verdicts: await verdictsOf(db, shown),
      codedSources: coded.map((id) => ({ id, name: names.get(id) ?? '?', byA: byA.has(id), byB: byB.has(id) })),
    },
  };
}

export async function computeAgreement(db: ReadableDB, input: AgreementRequest): Promise<AgreementView> {
  return (await compare(db, input)).view;
}

/** The pairs of passages the coders agree on at the passage level (same concept, enough overlap). */
export async function agreedPairs(db: ReadableDB, input: AgreementRequest): Promise<{ a: CodedPassage; b: CodedPassage }[]> {
  const { a, b, sources, concepts, view } = await compare(db, input);
  const sourceSet = new Set<number>(sources);
  const conceptSet = new Set<number>(concepts);
  const pairs: { a: CodedPassage; b: CodedPassage }[] = [];
  for (const s of sourceSet) {
    const as = a.filter((p) => p.documentId === s && conceptSet.has(p.conceptId));
    const bs = b.filter((p) => p.documentId === s && conceptSet.has(p.conceptId));
    for (const m of matchPassages(as, bs, view.report.minOverlap, (x, y) => x.conceptId === y.conceptId).pairs) pairs.push({ a: m.a, b: m.b });
  }
  return pairs;
}

const LEVELS: AgreementLevel[] = ['presence', 'frequency', 'overlap'];

export const FIGURES_HEADER = [
  'level', 'concept', 'units', 'agreements', 'percent', 'cohen_kappa', 'brennan_prediger_kappa', 'q', 'krippendorff_alpha', 'percent_where_used', 'note',
];

const coefficient = (c: Coefficient | undefined) => (c && c.value !== null ? round(c.value) : '');
const round = (n: number) => Math.round(n * 10_000) / 10_000;

function figureRow(level: AgreementLevel, concept: string, f: AgreementFigures): (string | number)[] {
  const note = [f.cohenKappa.reason, f.brennanPrediger.reason, f.krippendorffAlpha?.reason].filter((x): x is string => !!x);
  return [
    level,
    concept,
    f.units,
    f.agreements,
    f.percent === null ? '' : round(f.percent),
    coefficient(f.cohenKappa),
    coefficient(f.brennanPrediger),
    f.categories,
    coefficient(f.krippendorffAlpha),
    f.percentWhereUsed === undefined || f.percentWhereUsed === null ? '' : round(f.percentWhereUsed),
    [...new Set(note)].join(' '),
  ];
}

/** Every level's overall figures (concept "(all)") and per-concept figures. */
export function figureRows(view: AgreementView, levels: readonly AgreementLevel[] = LEVELS): (string | number)[][] {
  const label = new Map(view.concepts.map((c) => [c.id, c.label]));
  const rows: (string | number)[][] = [FIGURES_HEADER];
  for (const level of levels) {
    const report: LevelReport = view.report[level];
    rows.push(figureRow(level, '(all)', report.overall));
    for (const c of report.perConcept) rows.push(figureRow(level, label.get(c.conceptId) ?? String(c.conceptId), c));
  }
  return rows;
}

export const DISAGREEMENT_HEADER = ['level', 'source', 'concept_a', 'concept_b', 'count_a', 'count_b', 'start_a', 'end_a', 'start_b', 'end_b', 'share', 'text_a', 'text_b', 'verdict'];

export function disagreementRows(view: AgreementView, levels: readonly AgreementLevel[] = LEVELS): (string | number)[][] {
  const source = new Map(view.sources.map((s) => [s.id, s.name]));
  const label = new Map(view.concepts.map((c) => [c.id, c.label]));
  const verdict = (ids: number[]) => {
    const v = ids.map((id) => view.verdicts[id]);
    return v.length && v.every(Boolean) ? v.join(' / ') : '';
  };
  const rows: (string | number)[][] = [DISAGREEMENT_HEADER];
  for (const level of levels)
    for (const d of view.report[level].disagreements as Disagreement[]) {
      if (d.level === 'overlap') {
        const ids = [d.passageA?.id, d.passageB?.id].filter((x): x is NonNullable<typeof x> => x !== undefined);
        rows.push([
          level, source.get(d.documentId) ?? '', d.passageA ? (label.get(d.passageA.conceptId) ?? '') : '', d.passageB ? (label.get(d.passageB.conceptId) ?? '') : '',
          d.passageA ? 1 : 0, d.passageB ? 1 : 0, d.passageA?.start ?? '', d.passageA?.end ?? '', d.passageB?.start ?? '', d.passageB?.end ?? '',
          round(d.share), d.passageA ? (view.passageText[d.passageA.id] ?? '') : '', d.passageB ? (view.passageText[d.passageB.id] ?? '') : '', verdict(ids),
        ]);
      } else {
        rows.push([
          level, source.get(d.documentId) ?? '', label.get(d.conceptId) ?? '', label.get(d.conceptId) ?? '', d.countA, d.countB,
          d.passagesA.map((p) => p.start).join(' | '), d.passagesA.map((p) => p.end).join(' | '), d.passagesB.map((p) => p.start).join(' | '), d.passagesB.map((p) => p.end).join(' | '),
          '', d.passagesA.map((p) => view.passageText[p.id] ?? '').join(' | '), d.passagesB.map((p) => view.passageText[p.id] ?? '').join(' | '),
          verdict([...d.passagesA, ...d.passagesB].map((p) => p.id)),
        ]);
      }
    }
  return rows;
}

export const figuresCsv = (view: AgreementView, levels?: readonly AgreementLevel[]) => toCsv(figureRows(view, levels));

export async function agreementXlsx(view: AgreementView, projectName: string): Promise<Buffer> {
  // exceljs is large: loaded on the first spreadsheet export, not with the app.
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = 'Groundwork';
  book.title = `${projectName}: ${view.coderA.name} × ${view.coderB.name}`;
  const views = [{ state: 'frozen' as const, ySplit: 1 }];
  const sheet = (name: string, rows: (string | number)[][]) => {
    const s = book.addWorksheet(name, { views });
    for (const row of rows) s.addRow(row);
    s.getRow(1).font = { bold: true };
    s.columns.forEach((c) => (c.width = 16));
  };
  sheet('Agreement', figureRows(view));
  sheet('Disagreements', disagreementRows(view));
  sheet('About', [
    ['coder_a', view.coderA.name],
    ['coder_b', view.coderB.name],
    ['sources', view.sources.length],
    ['concepts', view.concepts.length],
    ['least_overlap', view.report.minOverlap],
    ...LEVELS.map((l) => [l, view.report[l].explanation]),
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
