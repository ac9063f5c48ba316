// Study facts, reported figures and dimensions of a project that reproduces a published study,
// and the writing of such a project from its data (fixtures/study/study.json, see StudyData).

import type { CountRow, ParadigmCounts } from '../shared/domain/model';
import { COMPONENT_LABELS, COMPONENT_LABELS_FA, type ComponentKey } from '../shared/domain/paradigm';
import { paletteColor } from '../shared/domain/colors';
import { categoryId } from '../shared/domain/ids';
import type { CompareRow, DimensionInfo, StudyInfo } from '../shared/domain/study';
import type { ReadableDB } from './handles';
import { now, sql } from './handles';
import { listReadings } from './readings';
import type Database from 'better-sqlite3';

export function getFact<T>(db: ReadableDB, key: string): T | null {
  const row = sql(db, 'SELECT value FROM study_fact WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : null;
}

export function listDimensions(db: ReadableDB): DimensionInfo[] {
  const rows = sql(db, 'SELECT id, code, component, label_fa, label_en, position FROM dimension ORDER BY position, id').all() as {
    id: number;
    code: string;
    component: ComponentKey | null;
    label_fa: string | null;
    label_en: string | null;
    position: number;
  }[];
  // A dimension's rows: the categories in it, except the category that stands for the dimension itself.
  const members = sql(
    db,
    'SELECT c.id, c.dimension_id FROM category c JOIN dimension d ON d.id = c.dimension_id WHERE c.code IS NOT d.code ORDER BY c.code, c.id',
  ).all() as { id: number; dimension_id: number }[];
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    component: r.component,
    labelFa: r.label_fa,
    labelEn: r.label_en,
    position: r.position,
    categoryIds: members.filter((m) => m.dimension_id === r.id).map((m) => categoryId(m.id)),
  }));
}

type Reasons = StudyInfo['reasons'];

export function studyInfo(db: ReadableDB): StudyInfo {
  const study = getFact<{ title: string; citation: string }>(db, 'study');
  return {
    title: study?.title ?? null,
    citation: study?.citation ?? null,
    screening: getFact(db, 'screening'),
    reasons: getFact<Reasons>(db, 'reasons') ?? {},
    general: getFact<string[]>(db, 'general') ?? [],
    references: getFact(db, 'references') ?? { en: [], fa: [] },
    dimensions: listDimensions(db),
    readings: listReadings(db),
  };
}

const MEASURES = { main_categories: 'mainCategories', concepts: 'concepts', final_codes: 'finalCodes' } as const;

/** Reported figures per component ('total' for the totals row); empty in a plain project. */
export function reportedFigures(db: ReadableDB): Map<ComponentKey | 'total', CountRow> {
  const rows = sql(db, 'SELECT component, measure, value FROM reported_figure').all() as {
    component: ComponentKey | null;
    measure: keyof typeof MEASURES;
    value: number;
  }[];
  const out = new Map<ComponentKey | 'total', CountRow>();
  for (const r of rows) {
    const key = r.component ?? 'total';
    const row = out.get(key) ?? { mainCategories: 0, concepts: 0, finalCodes: 0 };
    row[MEASURES[r.measure]] = r.value;
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
export function compareRows(db: ReadableDB, counts: ParadigmCounts): CompareRow[] {
  const reported = reportedFigures(db);
  const reasons = getFact<Reasons>(db, 'reasons') ?? {};
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
      reason: reasons[r.component] ?? null,
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
    reason: reasons.total ?? null,
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
 * Writes the study's codebook, readings, reported figures and facts into an empty project, in one
 * transaction and outside the command log (it is the project's starting point, not an undo step).
 */
export function writeStudy(db: Database.Database, data: StudyData): void {
  db.transaction(() => {
    const at = now();
    const setComponent = db.prepare('UPDATE paradigm_component SET label_fa = ?, label_en = ? WHERE key = ?');
    for (const c of data.components) setComponent.run(c.fa, c.en, c.key);

    const insertDimension = db.prepare('INSERT INTO dimension (code, component, label_fa, label_en, position) VALUES (?, ?, ?, ?, ?)');
    const dimensionIds = new Map<string, number>();
    data.dimensions.forEach((d, i) => dimensionIds.set(d.code, Number(insertDimension.run(d.code, d.component, d.fa, d.en, i).lastInsertRowid)));

    const insertCategory = db.prepare(
      `INSERT INTO category (name, color, parent_id, component, created_at, code, label_fa, label_en, dimension_id, reading_option_id, notes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const categoryIds = new Map<string, number>();
    let colour = 0;
    const addCategory = (c: {
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
      const id = Number(
        insertCategory.run(
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
        ).lastInsertRowid,
      );
      categoryIds.set(c.code, id);
      return id;
    };

    // Dimensions that stand as categories: those the grouping counts as main categories (the
    // contextual D2, D3) and the consequence dimension D7, which the readings place.
    const dimensionAsCategory = new Set(data.dimensions.filter((d) => d.countsAsMainCategory || d.component === 'consequences').map((d) => d.code));
    for (const d of data.dimensions) {
      if (!dimensionAsCategory.has(d.code)) continue;
      addCategory({ name: d.fa, component: d.component, code: d.code, fa: d.fa, en: d.en, dimension: dimensionIds.get(d.code)!, notes: { asPrinted: d.faAsPrinted } });
    }

    const insertConcept = db.prepare(
      'INSERT INTO concept (label, color, in_vivo, created_at, code, label_fa, label_en, notes) VALUES (?, ?, 0, ?, ?, ?, ?, ?)',
    );
    const fileConcept = db.prepare('INSERT INTO category_concept (category_id, concept_id) VALUES (?, ?)');
    const conceptIds = new Map<string, number>();
    for (const cat of data.categories) {
      const parent = categoryIds.get(cat.dimension) ?? null;
      const color = parent === null ? undefined : (db.prepare('SELECT color FROM category WHERE id = ?').get(parent) as { color: string }).color;
      const id = addCategory({
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
      const catColor = (db.prepare('SELECT color FROM category WHERE id = ?').get(id) as { color: string }).color;
      for (const concept of cat.concepts) {
        const conceptId = Number(
          insertConcept.run(concept.fa, catColor, at, concept.code, concept.fa, concept.en, Object.keys(concept.flags).length ? JSON.stringify(concept.flags) : null)
            .lastInsertRowid,
        );
        conceptIds.set(concept.code, conceptId);
        fileConcept.run(id, conceptId);
      }
    }

    const insertReading = db.prepare('INSERT INTO reading (key, label_fa, label_en, explanation, position) VALUES (?, ?, ?, ?, ?)');
    const insertOption = db.prepare(
      'INSERT INTO reading_option (reading_id, key, label_fa, label_en, explanation, interpretation, position) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const insertWeight = db.prepare('INSERT INTO reading_concept_weight (option_id, concept_id, weight) VALUES (?, ?, ?)');
    const insertPlacement = db.prepare('INSERT INTO reading_placement (option_id, category_id, parent_id, component) VALUES (?, ?, ?, ?)');
    data.readings.forEach((reading, i) => {
      const readingId = Number(insertReading.run(reading.key, reading.fa, reading.en, reading.explanation, i).lastInsertRowid);
      const pending: (() => void)[] = [];
      let active = 0;
      reading.options.forEach((option, j) => {
        const optionId = Number(insertOption.run(readingId, option.key, option.fa, option.en, option.explanation, option.interpretation ? 1 : 0, j).lastInsertRowid);
        if (option.key === reading.defaultOption) active = optionId;
        for (const [code, weight] of Object.entries(option.weights ?? {})) {
          const concept = conceptIds.get(code);
          if (concept === undefined) throw new Error(`The study data weighs an unknown concept ${code}.`);
          insertWeight.run(optionId, concept, weight);
        }
        for (const c of option.categories ?? []) {
          addCategory({ name: c.fa, component: 'consequences', code: c.code, fa: c.fa, en: c.en, option: optionId, notes: { source: c.source, interpretation: option.interpretation ?? false } });
        }
        pending.push(() => {
          for (const p of option.placements ?? []) {
            const category = categoryIds.get(p.category);
            const parent = p.parent === null ? null : categoryIds.get(p.parent);
            if (category === undefined || parent === undefined) throw new Error(`The study data places an unknown category (${p.category} in ${p.parent}).`);
            insertPlacement.run(optionId, category, parent, p.component);
          }
        });
      });
      for (const place of pending) place();
      db.prepare('UPDATE reading SET active_option_id = ? WHERE id = ?').run(active, readingId);
      const placements = db.prepare('SELECT category_id, parent_id, component FROM reading_placement WHERE option_id = ?').all(active) as {
        category_id: number;
        parent_id: number | null;
        component: string | null;
      }[];
      for (const p of placements) db.prepare('UPDATE category SET parent_id = ?, component = ? WHERE id = ?').run(p.parent_id, p.component, p.category_id);
    });

    const insertFigure = db.prepare('INSERT INTO reported_figure (component, measure, value, source) VALUES (?, ?, ?, ?)');
    const figures = [...data.components.map((c) => ({ component: c.key as ComponentKey | null, ...c.reported })), { component: null, ...data.reportedTotal }];
    for (const f of figures) {
      const source = `Table 8, line ${f.line}`;
      insertFigure.run(f.component, 'main_categories', f.mainCategories, source);
      insertFigure.run(f.component, 'concepts', f.concepts, source);
      insertFigure.run(f.component, 'final_codes', f.finalCodes, source);
    }

    const fact = db.prepare('INSERT INTO study_fact (key, value) VALUES (?, ?)');
    const reasons: Record<string, string> = { total: data.reasons.total, finalCodes: data.reasons.finalCodes };
    for (const c of data.components) reasons[c.key] = [c.reason.comparison, c.reason.note].filter(Boolean).join(' — ');
    fact.run('study', JSON.stringify({ title: data.title, citation: data.source.citation, sha256: data.source.sha256 }));
    fact.run('screening', JSON.stringify({ identified: data.screening.identified, screened: data.screening.screened, included: data.screening.included }));
    fact.run('screening.details', JSON.stringify(data.screening));
    fact.run('reasons', JSON.stringify(reasons));
    fact.run('general', JSON.stringify(data.reasons.general));
    fact.run('method', JSON.stringify(data.method));
    fact.run('references', JSON.stringify(data.references));
  })();
}
