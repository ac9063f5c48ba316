// Study facts, reported figures and dimensions of a project that reproduces a published study,
// and the writing of such a project from its data (fixtures/study/study.json, see StudyData).

import type { CountRow, ParadigmCounts } from '../shared/domain/model';
import { COMPONENT_LABELS, COMPONENT_LABELS_FA, type ComponentKey } from '../shared/domain/paradigm';
import { paletteColor } from '../shared/domain/colors';
import { categoryId } from '../shared/domain/ids';
import type { CompareRow, DimensionInfo, StudyInfo } from '../shared/domain/study';
import type { ReadableDB, WritableDB } from './handles';
import { now } from './handles';
import { activateOption, listReadings } from './readings';
import { nameUid } from './uid';

/** The namespace of the study's derived GUIDs. */
const STUDY_UID_NAMESPACE = 'groundwork:study:tellohosseini-2022';

export async function getFact<T>(db: ReadableDB, key: string): Promise<T | null> {
  const row = await db.get<{ value: string }>('SELECT value FROM study_fact WHERE key = ?', key);
  return row ? (JSON.parse(row.value) as T) : null;
}

export async function listDimensions(db: ReadableDB): Promise<DimensionInfo[]> {
  const rows = await db.all<{
    id: number;
    code: string;
    component: ComponentKey | null;
    label_fa: string | null;
    label_en: string | null;
    position: number;
  }>('SELECT id, code, component, label_fa, label_en, position FROM dimension ORDER BY position, id');
  // A dimension's rows: the categories in it, except the category that stands for the dimension itself.
  const members = await db.all<{ id: number; dimension_id: number }>(
    'SELECT c.id, c.dimension_id FROM category c JOIN dimension d ON d.id = c.dimension_id WHERE c.code IS DISTINCT FROM d.code ORDER BY c.code, c.id',
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    component: r.component,
    labelFa: r.label_fa,
    labelEn: r.label_en,
    position: Number(r.position),
    categoryIds: members.filter((m) => m.dimension_id === r.id).map((m) => categoryId(m.id)),
  }));
}

type Reasons = StudyInfo['reasons'];

export async function studyInfo(db: ReadableDB): Promise<StudyInfo> {
  const study = await getFact<{ title: string; citation: string }>(db, 'study');
  return {
    title: study?.title ?? null,
    citation: study?.citation ?? null,
    screening: await getFact(db, 'screening'),
    reasons: (await getFact<Reasons>(db, 'reasons')) ?? {},
    general: (await getFact<string[]>(db, 'general')) ?? [],
    references: (await getFact(db, 'references')) ?? { en: [], fa: [] },
    dimensions: await listDimensions(db),
    readings: await listReadings(db),
  };
}

const MEASURES = { main_categories: 'mainCategories', concepts: 'concepts', final_codes: 'finalCodes' } as const;

/** Reported figures per component ('total' for the totals row); empty in a plain project. */
export async function reportedFigures(db: ReadableDB): Promise<Map<ComponentKey | 'total', CountRow>> {
  const rows = await db.all<{ component: ComponentKey | null; measure: keyof typeof MEASURES; value: number }>(
    'SELECT component, measure, value FROM reported_figure',
  );
  const out = new Map<ComponentKey | 'total', CountRow>();
  for (const r of rows) {
    const key = r.component ?? 'total';
    const row = out.get(key) ?? { mainCategories: 0, concepts: 0, finalCodes: 0 };
    row[MEASURES[r.measure]] = Number(r.value);
    out.set(key, row);
  }
  return out;
}

const minus = (a: CountRow, b: CountRow): CountRow => ({
  mainCategories: a.mainCategories - b.mainCategories,
  concepts: a.concepts - b.concepts,
  finalCodes: a.finalCodes - b.finalCodes,
});

/** Reproduced beside reported. The total row sums the component rows, as the study's Table 8 does. */
export async function compareRows(db: ReadableDB, counts: ParadigmCounts): Promise<CompareRow[]> {
  const reported = await reportedFigures(db);
  const rows: CompareRow[] = counts.rows.map((r) => {
    const rep = reported.get(r.component) ?? null;
    const reproduced = { mainCategories: r.mainCategories, concepts: r.concepts, finalCodes: r.finalCodes };
    return {
      component: r.component,
      label: COMPONENT_LABELS[r.component],
      labelFa: COMPONENT_LABELS_FA[r.component],
      reproduced,
      reported: rep,
      difference: rep ? minus(reproduced, rep) : null,
      // Worded by the caller from these figures (shared/domain/study-notes.ts).
      reason: null,
      reasonSaid: null,
    };
  });
  const total = reported.get('total') ?? null;
  rows.push({
    component: 'total',
    label: 'Total',
    labelFa: 'جمع',
    reproduced: counts.sums,
    reported: total,
    difference: total ? minus(counts.sums, total) : null,
    reason: null,
    reasonSaid: null,
  });
  return rows;
}

// ---- Writing a study project -------------------------------------------------------------------

/** The shape of fixtures/study/study.json (written by fixtures/study/generate.mjs). */
export interface StudyData {
  title: string;
  source: { citation: string; sha256: string };
  components: {
    key: ComponentKey;
    fa: string;
    en: string;
    reported: { mainCategories: number; concepts: number; finalCodes: number; line: number };
    reason: { note: string; comparison: string | null };
  }[];
  reportedTotal: { mainCategories: number; concepts: number; finalCodes: number; line: number };
  reasons: { general: string[]; total: string; finalCodes: string };
  dimensions: { code: string; component: ComponentKey; fa: string; en: string; faAsPrinted: string; countsAsMainCategory: boolean }[];
  categories: {
    code: string;
    dimension: string;
    component: ComponentKey;
    fa: string;
    en: string;
    table7Lines: number[];
    openEnded: boolean;
    internalEtcMarkers: unknown;
    parseNotes: string[];
    table6Match: unknown;
    concepts: { code: string; fa: string; en: string; flags: Record<string, unknown> }[];
  }[];
  readings: {
    key: string;
    fa: string;
    en: string;
    explanation: string;
    defaultOption: string;
    options: {
      key: string;
      fa: string;
      en: string;
      explanation: string;
      interpretation?: boolean;
      weights?: Record<string, number>;
      categories?: { code: string; fa: string; en: string; source: string }[];
      placements?: { category: string; parent: string | null; component: ComponentKey | null }[];
    }[];
  }[];
  screening: { identified: number; screened: number; included: number; quoteFa: string; quoteEn: string; notes: string[] };
  method: unknown;
  references: { en: unknown[]; fa: unknown[] };
}

/**
 * Writes the study's codebook, readings, reported figures and facts into an empty project. Call it
 * inside `store.writeUnlogged` (one transaction, outside the command log: it is the project's
 * starting point, not an undo step).
 */
export async function writeStudy(db: WritableDB, data: StudyData): Promise<void> {
  const at = now();
  const insertId = async (text: string, ...params: (string | number | null)[]) =>
    Number((await db.get<{ id: number }>(`${text} RETURNING id`, ...params))!.id);
  const colorOf = async (id: number) => (await db.get<{ color: string }>('SELECT color FROM category WHERE id = ?', id))!.color;

  for (const c of data.components) await db.run('UPDATE paradigm_component SET label_fa = ?, label_en = ? WHERE key = ?', c.fa, c.en, c.key);

  const dimensionIds = new Map<string, number>();
  for (const [i, d] of data.dimensions.entries()) {
    dimensionIds.set(
      d.code,
      await insertId('INSERT INTO dimension (code, component, label_fa, label_en, position) VALUES (?, ?, ?, ?, ?)', d.code, d.component, d.fa, d.en, i),
    );
  }

  const categoryIds = new Map<string, number>();
  let colour = 0;
  const addCategory = async (c: {
    name: string;
    color?: string;
    parent?: number | null;
    component?: ComponentKey | null;
    code: string;
    fa: string;
    en: string;
    dimension?: number | null;
    option?: number | null;
    notes?: unknown;
  }) => {
    const id = await insertId(
      `INSERT INTO category (name, color, parent_id, component, created_at, code, label_fa, label_en, dimension_id, reading_option_id, notes, uid)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      c.name,
      c.color ?? paletteColor(colour++ + 5),
      c.parent ?? null,
      c.component ?? null,
      at,
      c.code,
      c.fa,
      c.en,
      c.dimension ?? null,
      c.option ?? null,
      c.notes === undefined ? null : JSON.stringify(c.notes),
      // The same GUID in every build of the study: copies built apart still match item by item.
      nameUid(STUDY_UID_NAMESPACE, `category:${c.code ?? c.name}:${c.option ?? ''}`),
    );
    categoryIds.set(c.code, id);
    return id;
  };

  // Dimensions that stand as categories: those the grouping counts as main categories (the
  // contextual D2, D3) and the consequence dimension D7, which the readings place.
  const dimensionAsCategory = new Set(data.dimensions.filter((d) => d.countsAsMainCategory || d.component === 'consequences').map((d) => d.code));
  for (const d of data.dimensions) {
    if (!dimensionAsCategory.has(d.code)) continue;
    await addCategory({ name: d.fa, component: d.component, code: d.code, fa: d.fa, en: d.en, dimension: dimensionIds.get(d.code)!, notes: { asPrinted: d.faAsPrinted } });
  }

  const conceptIds = new Map<string, number>();
  for (const cat of data.categories) {
    const parent = categoryIds.get(cat.dimension) ?? null;
    const color = parent === null ? undefined : await colorOf(parent);
    const id = await addCategory({
      name: cat.fa,
      color,
      parent,
      component: parent === null ? cat.component : null,
      code: cat.code,
      fa: cat.fa,
      en: cat.en,
      dimension: dimensionIds.get(cat.dimension)!,
      notes: { table7Lines: cat.table7Lines, openEnded: cat.openEnded, internalEtcMarkers: cat.internalEtcMarkers, parseNotes: cat.parseNotes, table6Match: cat.table6Match },
    });
    const catColor = await colorOf(id);
    for (const concept of cat.concepts) {
      const conceptId = await insertId(
        'INSERT INTO concept (label, color, in_vivo, created_at, code, label_fa, label_en, notes, uid) VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?)',
        concept.fa,
        catColor,
        at,
        concept.code,
        concept.fa,
        concept.en,
        Object.keys(concept.flags).length ? JSON.stringify(concept.flags) : null,
        nameUid(STUDY_UID_NAMESPACE, `concept:${concept.code}`),
      );
      conceptIds.set(concept.code, conceptId);
      await db.run('INSERT INTO category_concept (category_id, concept_id) VALUES (?, ?)', id, conceptId);
    }
  }

  for (const [i, reading] of data.readings.entries()) {
    const readingId = await insertId(
      'INSERT INTO reading (key, label_fa, label_en, explanation, position) VALUES (?, ?, ?, ?, ?)',
      reading.key,
      reading.fa,
      reading.en,
      reading.explanation,
      i,
    );
    // Placements name categories of later options too: written once every option's categories exist.
    const pending: (() => Promise<void>)[] = [];
    let active = 0;
    for (const [j, option] of reading.options.entries()) {
      const optionId = await insertId(
        'INSERT INTO reading_option (reading_id, key, label_fa, label_en, explanation, interpretation, position) VALUES (?, ?, ?, ?, ?, ?, ?)',
        readingId,
        option.key,
        option.fa,
        option.en,
        option.explanation,
        option.interpretation ? 1 : 0,
        j,
      );
      if (option.key === reading.defaultOption) active = optionId;
      for (const [code, weight] of Object.entries(option.weights ?? {})) {
        const concept = conceptIds.get(code);
        if (concept === undefined) throw new Error(`The study data weighs an unknown concept ${code}.`);
        await db.run('INSERT INTO reading_concept_weight (option_id, concept_id, weight) VALUES (?, ?, ?)', optionId, concept, weight);
      }
      for (const c of option.categories ?? []) {
        await addCategory({ name: c.fa, component: 'consequences', code: c.code, fa: c.fa, en: c.en, option: optionId, notes: { source: c.source, interpretation: option.interpretation ?? false } });
      }
      pending.push(async () => {
        for (const p of option.placements ?? []) {
          const category = categoryIds.get(p.category);
          const parent = p.parent === null ? null : categoryIds.get(p.parent);
          if (category === undefined || parent === undefined) throw new Error(`The study data places an unknown category (${p.category} in ${p.parent}).`);
          await db.run('INSERT INTO reading_placement (option_id, category_id, parent_id, component) VALUES (?, ?, ?, ?)', optionId, category, parent, p.component);
        }
      });
    }
    for (const place of pending) await place();
    await activateOption(db, readingId, active);
  }

  const figures = [...data.components.map((c) => ({ component: c.key as ComponentKey | null, ...c.reported })), { component: null, ...data.reportedTotal }];
  for (const f of figures) {
    const source = `Table 8, line ${f.line}`;
    for (const [measure, value] of [['main_categories', f.mainCategories], ['concepts', f.concepts], ['final_codes', f.finalCodes]] as const) {
      await db.run('INSERT INTO reported_figure (component, measure, value, source) VALUES (?, ?, ?, ?)', f.component, measure, value, source);
    }
  }

  const reasons: Record<string, string> = { total: data.reasons.total, finalCodes: data.reasons.finalCodes };
  for (const c of data.components) reasons[c.key] = [c.reason.comparison, c.reason.note].filter(Boolean).join(' — ');
  const facts: [string, unknown][] = [
    ['study', { title: data.title, citation: data.source.citation, sha256: data.source.sha256 }],
    ['screening', { identified: data.screening.identified, screened: data.screening.screened, included: data.screening.included }],
    ['screening.details', data.screening],
    ['reasons', reasons],
    ['general', data.reasons.general],
    ['method', data.method],
    ['references', data.references],
  ];
  for (const [key, value] of facts) await db.run('INSERT INTO study_fact (key, value) VALUES (?, ?)', key, JSON.stringify(value));
}
