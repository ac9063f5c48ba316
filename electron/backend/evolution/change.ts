// "What changed": the project now against a baseline, or one wave against the others, as one view
// (shared/domain/change-view.ts) for the screen, the command line and the exports. The counting is
// the pure evolution.ts; this module reads what it needs and names what it reports.

import type { ChangeView, DiagramChange, NamedCategory, NamedConcept } from '../../../shared/domain/change-view';
import type { EvolutionPassage } from '../../../shared/domain/evolution';
import { evolution, waveContribution } from '../../../shared/domain/evolution';
import type { CategoryId, ConceptId } from '../../../shared/domain/ids';
import type { CountRow } from '../../../shared/domain/model';
import { fail } from '../../../shared/api/errors';
import type { BaselineRow } from '../../../db/baselines';
import type { ReadableDB } from '../../../db/handles';
import { mainCategoryCounts } from '../../../db/main-category-counts';
import { getModel } from '../../../db/maturity';
import { passageTexts } from '../../../db/waves';
import { firstWaveName, loadAnalysis, type AnalysisData } from './data';
import { currentSnapshot, parseSnapshot } from './snapshot';

const minus = (a: CountRow, b: CountRow): CountRow => ({
  mainCategories: a.mainCategories - b.mainCategories,
  concepts: a.concepts - b.concepts,
  finalCodes: a.finalCodes - b.finalCodes,
});

/** Every passage now, reported under the first wave its source is in. */
const passagesWithWaves = (data: AnalysisData): EvolutionPassage[] =>
  data.passages.map((p) => ({ id: p.id, documentId: p.documentId, conceptId: p.conceptId, wave: firstWaveName(data, p.documentId) }));

/** The current main categories' figures (as the paradigm diagram draws them), by id. */
async function mainFiguresNow(db: ReadableDB) {
  const counts = await mainCategoryCounts(db);
  return counts.components.flatMap((c) => c.categories.map((m) => ({ id: m.id, component: c.component, concepts: m.concepts, finalCodes: m.finalCodes })));
}

/** Names, passage texts and waves for what a view mentions. */
async function named(
  db: ReadableDB,
  data: AnalysisData,
  view: Omit<ChangeView, 'concepts' | 'categories' | 'sources' | 'passages' | 'waves'>,
  extraConcepts: Map<number, NamedConcept>,
  extraCategories: Map<number, NamedCategory>,
): Promise<ChangeView> {
  const conceptIds = new Set<number>([
    ...view.newConcepts.map((c) => c.conceptId),
    ...view.grownConcepts.map((c) => c.conceptId),
    ...view.shrunkConcepts.map((c) => c.conceptId),
    ...view.removedConcepts.map((c) => c.id),
    ...view.movedConcepts.map((c) => c.conceptId),
    ...view.maturity.flatMap((d) => [...d.newItems, ...d.removedItems]),
  ]);
  const concepts: Record<number, NamedConcept> = {};
  for (const id of conceptIds) {
    const c = data.concepts.get(id) ?? extraConcepts.get(id);
    if (c) concepts[id] = c;
  }
  const categories: Record<number, NamedCategory> = {};
  for (const [id, c] of [...extraCategories, ...data.categories]) categories[id] = c;
  const passageIds = view.newConcepts.flatMap((c) => c.passages);
  const texts = await passageTexts(db, passageIds);
  const byId = new Map(data.passages.map((p) => [p.id as number, p]));
  const passages: ChangeView['passages'] = {};
  for (const id of passageIds) {
    const p = byId.get(id);
    if (p) passages[id] = { documentId: p.documentId, start: p.start, end: p.end, text: texts.get(id) ?? '' };
  }
  const sources: Record<number, string> = {};
  for (const s of data.sources) sources[s.id] = s.name;
  return { ...view, concepts, categories, sources, passages, waves: data.waves.map((w) => ({ id: w.id, name: w.name })) };
}

/** The project now against a frozen baseline (or a study's published figures). */
export async function changeSinceBaseline(db: ReadableDB, row: BaselineRow): Promise<ChangeView> {
  const baseline = parseSnapshot(row);
  const [data, now, mainsNow] = [await loadAnalysis(db), await currentSnapshot(db), await mainFiguresNow(db)];
  const report = evolution(baseline, now, passagesWithWaves(data));
  const before = new Map(baseline.mainCategories.map((m) => [m.id as number, m]));
  const wasMain = new Set<number>(baseline.categories.filter((c) => c.parentId === null).map((c) => c.id));
  const diagram: DiagramChange = {
    components: report.table8.map((r) => ({ component: r.component, before: r.before, now: r.now })),
    mainCategories: mainsNow.map((m) => {
      const b = wasMain.has(m.id) ? before.get(m.id) : undefined;
      const was = b ? { concepts: b.concepts, finalCodes: b.finalCodes } : null;
      return {
        id: m.id,
        component: m.component,
        before: was,
        now: { concepts: m.concepts, finalCodes: m.finalCodes },
        isNew: !was,
        grown: !!was && (m.concepts > was.concepts || m.finalCodes > was.finalCodes),
      };
    }),
  };
  const extraConcepts = new Map<number, NamedConcept>(baseline.concepts.map((c) => [c.id, c]));
  const extraCategories = new Map<number, NamedCategory>(baseline.categories.map((c) => [c.id, c]));
  return named(
    db,
    data,
    { against: { kind: 'baseline', id: row.id, name: row.name, baselineKind: row.kind, createdAt: row.createdAt }, ...report, diagram },
    extraConcepts,
    extraCategories,
  );
}

/** One wave against the others: what the project would be without what this wave alone brought. */
export async function changeOfWave(db: ReadableDB, waveId: number): Promise<ChangeView> {
  const data = await loadAnalysis(db);
  const wave = data.waves.find((w) => w.id === waveId);
  if (!wave) fail('not-found', 'That wave no longer exists.');
  // A passage counts for this wave when its source is in it (whatever other waves hold the source).
  const passages: EvolutionPassage[] = data.passages.map((p) => ({
    id: p.id,
    documentId: p.documentId,
    conceptId: p.conceptId,
    wave: data.membership.get(p.documentId)?.includes(wave.id) ? wave.name : firstWaveName(data, p.documentId),
  }));
  const conceptIds = data.codebook.concepts.map((c) => c.id);
  const report = waveContribution(wave.name, conceptIds, data.codebook.categories, data.tree, passages);
  const introduced = new Set<number>(report.introduced.map((c) => c.conceptId));
  const inWave = passages.filter((p) => p.wave === wave.name);

  // Totals: each concept and passage once, however many components it reaches.
  const reaching = conceptIds.filter((c) => data.tree.components(c).length > 0);
  const reachingSet = new Set<number>(reaching);
  const mains = data.codebook.categories.filter((c) => c.parentId === null && c.component !== null).length;
  const codesNow = data.passages.filter((p) => reachingSet.has(p.conceptId)).length;
  const nowTotals: CountRow = { mainCategories: mains, concepts: reaching.length, finalCodes: codesNow };
  const beforeTotals: CountRow = {
    mainCategories: mains,
    concepts: reaching.filter((c) => !introduced.has(c)).length,
    finalCodes: codesNow - inWave.filter((p) => reachingSet.has(p.conceptId)).length,
  };

  // The diagram: each main category's figures now, less what the wave alone brought to it.
  const mainsNow = await mainFiguresNow(db);
  const diagram: DiagramChange = {
    components: report.perComponent.map((r) => ({ component: r.component, before: r.before, now: r.now })),
    mainCategories: mainsNow.map((m) => {
      const concepts = [...introduced].filter((c) => data.tree.mainCategories(c as ConceptId).includes(m.id)).length;
      const codes = inWave.filter((p) => data.tree.mainCategories(p.conceptId).includes(m.id)).length;
      const before = { concepts: Math.max(0, m.concepts - concepts), finalCodes: Math.max(0, m.finalCodes - codes) };
      const isNew = before.concepts === 0 && m.concepts > 0;
      return { id: m.id, component: m.component, before, now: { concepts: m.concepts, finalCodes: m.finalCodes }, isNew, grown: !isNew && (concepts > 0 || codes > 0) };
    }),
  };

  const model = await getModel(db);
  const maturity = model.dimensions.map((d) => {
    const items = d.items.map((i) => i.conceptId);
    const newItems = items.filter((i) => introduced.has(i));
    return { dimensionId: d.id, labelEn: d.labelEn, labelFa: d.labelFa, isNew: false, itemsBefore: items.length - newItems.length, itemsNow: items.length, newItems, removedItems: [] };
  });
  const filedIn = (c: ConceptId) => data.tree.filedIn(c) as CategoryId[];
  return named(
    db,
    data,
    {
      against: { kind: 'wave', id: wave.id, name: wave.name },
      newConcepts: report.introduced.map((c) => ({
        conceptId: c.conceptId,
        label: data.concepts.get(c.conceptId)?.label ?? '',
        sources: c.sources,
        passages: c.passages,
        waves: c.waves,
        categories: filedIn(c.conceptId),
        components: data.tree.components(c.conceptId),
      })),
      grownConcepts: report.reinforced
        .map((c) => ({
          conceptId: c.conceptId,
          label: data.concepts.get(c.conceptId)?.label ?? '',
          before: c.elsewhere,
          now: c.elsewhere + c.inWave,
          change: c.inWave,
          byWave: { [wave.name]: c.inWave },
        }))
        .sort((a, b) => b.change - a.change || a.conceptId - b.conceptId),
      shrunkConcepts: [],
      removedConcepts: [],
      // A wave brings passages, not categories: the codebook's own changes show against a baseline.
      newCategories: [],
      newMainCategories: [],
      movedConcepts: [],
      movedCategories: [],
      table8: report.perComponent,
      table8Totals: { before: beforeTotals, now: nowTotals, change: minus(nowTotals, beforeTotals) },
      maturity,
      diagram,
    },
    new Map(),
    new Map(),
  );
}

