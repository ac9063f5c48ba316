// The maturity model out of and into a project: JSON (valid against the published schema
// shared/schemas/maturity-model.schema.json), CSV and XLSX. An import is validated first and
// written in one command, so bad input changes nothing and a good one is one undo step.

import Ajv2020 from 'ajv/dist/2020.js';
import type ExcelJS from 'exceljs';
import schema from '../../../shared/schemas/maturity-model.schema.json' with { type: 'json' };
import { fail } from '../../../shared/api/errors';
import { say } from '../../../shared/domain/message';
import type { CategoryId } from '../../../shared/domain/ids';
import type { MaturityModel } from '../../../shared/domain/maturity';
import { MAX_LEVELS, MIN_LEVELS } from '../../../shared/domain/maturity';
import { categoryKeys, clearModel, insertDimension, insertLevel, ratingCount, setDimensionCategories } from '../../../db/maturity';
import type { Store } from '../../../db/store';
import { toCsv } from '../export';

export const MODEL_FORMAT = 'groundwork.maturity-model';
export const MODEL_SCHEMA_ID = schema.$id;

export interface ModelJson {
  $schema?: string;
  format: typeof MODEL_FORMAT;
  formatVersion: 1;
  project?: string;
  exportedAt?: string;
  levels: {
    value: number;
    labelFa: string;
    labelEn: string;
    descriptionFa?: string;
    descriptionEn?: string;
    characteristicsFa?: string[];
    characteristicsEn?: string[];
  }[];
  dimensions: {
    position: number;
    labelFa: string;
    labelEn: string;
    counts?: { mainCategories: number; concepts: number; finalCodes: number };
    mainCategories: { name: string; code: string | null; isMain?: boolean }[];
    items?: { label: string; code: string | null; finalCodes: number }[];
  }[];
}

export function modelToJson(model: MaturityModel, projectName: string): ModelJson {
  return {
    $schema: MODEL_SCHEMA_ID,
    format: MODEL_FORMAT,
    formatVersion: 1,
    project: projectName,
    exportedAt: new Date().toISOString(),
    levels: model.levels.map((l) => ({
      value: l.value,
      labelFa: l.labelFa,
      labelEn: l.labelEn,
      descriptionFa: l.descriptionFa,
      descriptionEn: l.descriptionEn,
      characteristicsFa: l.characteristicsFa,
      characteristicsEn: l.characteristicsEn,
    })),
    dimensions: model.dimensions.map((d) => ({
      position: d.position,
      labelFa: d.labelFa,
      labelEn: d.labelEn,
      counts: d.counts,
      mainCategories: d.categories.map((c) => ({ name: c.name, code: c.code, ...(c.isMain ? {} : { isMain: false }) })),
      items: d.items.map((i) => ({ label: i.label, code: i.code, finalCodes: i.finalCodes })),
    })),
  };
}

let validator: ReturnType<Ajv2020['compile']> | undefined;

/** Checks a parsed document against the schema; throws one clear message on the first problem. */
export function validateModelJson(data: unknown): asserts data is ModelJson {
  validator ??= new Ajv2020({ allErrors: false, strict: true }).compile(schema);
  if (validator(data)) return;
  const e = validator.errors?.[0];
  const where = e?.instancePath ? say('at {path}', { path: e.instancePath }) : say('at the top level');
  const detail =
    e?.keyword === 'additionalProperties'
      ? say('unknown field "{field}"', { field: (e.params as { additionalProperty: string }).additionalProperty })
      : e?.keyword === 'const' && e.instancePath === '/format'
        ? say('this is not a Groundwork maturity model (format must be "{format}")', { format: MODEL_FORMAT })
        : say('{problem}', { problem: e?.message ?? 'invalid' });
  fail('invalid-input', 'The maturity model file is not valid {where}: {detail}.', { where, detail });
}

export function parseModelJson(text: string): ModelJson {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    fail('invalid-input', 'The maturity model file is not JSON: {reason}', { reason: (error as Error).message });
  }
  validateModelJson(data);
  const values = data.levels.map((l) => l.value);
  if (values.some((v, i) => v !== i + 1)) {
    fail('invalid-input', 'The maturity model file is not valid: levels must be numbered 1, 2, 3… in order.');
  }
  return data;
}

export interface ImportResult {
  levels: number;
  dimensions: number;
  /** Categories named in the file that the project does not have (those mappings are left out). */
  unmatched: string[];
  /** Ratings in existing assessments that were removed with the old dimensions and levels. */
  removedRatings: number;
}

/**
 * Replaces the project's levels and dimensions with those of the file, in one undoable command.
 * Categories are found by code (where the project has codes), else by name, main categories first.
 */
export async function importModel(store: Store, text: string): Promise<ImportResult> {
  const json = parseModelJson(text);
  if (json.levels.length < MIN_LEVELS || json.levels.length > MAX_LEVELS) {
    fail('invalid-input', 'A maturity model has {min} to {max} levels.', { min: MIN_LEVELS, max: MAX_LEVELS });
  }
  return store.write({ kind: 'maturity.import', label: say('Import the maturity model') }, async (db) => {
    const keys = await categoryKeys(db);
    const byCode = new Map<string, CategoryId>();
    const byName = new Map<string, CategoryId>();
    for (const k of [...keys].sort((a, b) => Number(b.isMain) - Number(a.isMain))) {
      if (k.code && !byCode.has(k.code)) byCode.set(k.code, k.id);
      if (!byName.has(k.name.trim())) byName.set(k.name.trim(), k.id);
    }
    const unmatched: string[] = [];
    const resolved = json.dimensions.map((d) =>
      d.mainCategories.flatMap((c) => {
        const id = (c.code ? byCode.get(c.code) : undefined) ?? byName.get(c.name.trim());
        if (id === undefined) unmatched.push(c.code ? `${c.code} ${c.name}` : c.name);
        return id === undefined ? [] : [id];
      }),
    );
    const removedRatings = await ratingCount(db);
    await clearModel(db);
    for (const [index, l] of json.levels.entries()) await insertLevel(db, l, index + 1);
    const ordered = json.dimensions.map((d, index) => ({ d, categories: resolved[index]! })).sort((a, b) => a.d.position - b.d.position);
    for (const { d, categories } of ordered) {
      const id = await insertDimension(db, { labelFa: d.labelFa, labelEn: d.labelEn });
      await setDimensionCategories(db, id, categories);
    }
    return { levels: json.levels.length, dimensions: json.dimensions.length, unmatched, removedRatings };
  });
}

// --- CSV and XLSX ------------------------------------------------------------------------------

export type LabelLanguage = 'en' | 'fa';

const pick = (x: { labelFa: string; labelEn: string }, lang: LabelLanguage) =>
  (lang === 'fa' ? x.labelFa || x.labelEn : x.labelEn || x.labelFa).trim();

export const MODEL_CSV_HEADER = [
  'kind', 'number', 'label', 'code', 'dimension', 'main_categories', 'concepts', 'final_codes', 'description',
];

/**
 * One long table: a row per level, per dimension (with its counts and its categories), and per
 * assessment item (the dimension it belongs to, its code and final codes).
 */
export function modelCsvRows(model: MaturityModel, lang: LabelLanguage): (string | number)[][] {
  const rows: (string | number)[][] = [MODEL_CSV_HEADER];
  for (const l of model.levels) {
    rows.push(['level', l.value, pick(l, lang), '', '', '', '', '', lang === 'fa' ? l.descriptionFa : l.descriptionEn]);
  }
  for (const d of model.dimensions) {
    const label = pick(d, lang);
    rows.push([
      'dimension', d.position, label, '', '', d.counts.mainCategories, d.counts.concepts, d.counts.finalCodes,
      d.categories.map((c) => (c.code ? `${c.code} ${c.name}` : c.name)).join(' | '),
    ]);
    for (const c of d.categories) rows.push(['main_category', d.position, c.name, c.code ?? '', label, '', '', '', '']);
    for (const i of d.items) rows.push(['item', d.position, i.label, i.code ?? '', label, '', '', i.finalCodes, '']);
  }
  return rows;
}

export const modelCsv = (model: MaturityModel, lang: LabelLanguage) => toCsv(modelCsvRows(model, lang));

export async function modelXlsx(model: MaturityModel, lang: LabelLanguage, projectName: string): Promise<Buffer> {
  // exceljs is large: loaded on the first spreadsheet export, not with the app.
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = 'Groundwork';
  book.title = projectName;
  const fa = lang === 'fa';
  const views = [{ rightToLeft: fa, state: 'frozen' as const, ySplit: 1 }];
  const head = (sheet: ExcelJS.Worksheet) => {
    sheet.getRow(1).font = { bold: true };
  };
  const h = (en: string, persian: string) => (fa ? persian : en);

  const matrix = book.addWorksheet(h('Model', 'مدل'), { views });
  matrix.columns = [
    { header: h('Dimension', 'بُعد'), width: 40 },
    { header: h('Main categories', 'مقوله‌های اصلی'), width: 14 },
    { header: h('Concepts', 'مفاهیم'), width: 12 },
    { header: h('Final codes', 'کدهای نهایی'), width: 12 },
    ...model.levels.map((l) => ({ header: `${l.value}. ${pick(l, lang)}`, width: 40 })),
  ];
  for (const d of model.dimensions) {
    matrix.addRow([
      pick(d, lang), d.counts.mainCategories, d.counts.concepts, d.counts.finalCodes,
      ...model.levels.map((l) => (fa ? l.characteristicsFa : l.characteristicsEn).join('\n')),
    ]);
  }
  model.levels.forEach((_, i) => (matrix.getColumn(5 + i).alignment = { wrapText: true, vertical: 'top' }));
  head(matrix);

  const levels = book.addWorksheet(h('Levels', 'سطوح'), { views });
  levels.columns = [
    { header: h('Level', 'سطح'), width: 8 },
    { header: h('Persian', 'فارسی'), width: 24 },
    { header: h('English', 'انگلیسی'), width: 24 },
    { header: h('Description', 'شرح'), width: 80 },
  ];
  for (const l of model.levels) levels.addRow([l.value, l.labelFa, l.labelEn, fa ? l.descriptionFa : l.descriptionEn]);
  head(levels);

  const items = book.addWorksheet(h('Items', 'گویه‌ها'), { views });
  items.columns = [
    { header: h('Dimension', 'بُعد'), width: 36 },
    { header: h('Main category', 'مقولهٔ اصلی'), width: 36 },
    { header: h('Code', 'کد'), width: 14 },
    { header: h('Item (concept)', 'گویه (مفهوم)'), width: 50 },
    { header: h('Final codes', 'کدهای نهایی'), width: 12 },
  ];
  for (const d of model.dimensions) {
    const categories = d.categories.map((c) => (c.code ? `${c.code} ${c.name}` : c.name)).join(' | ');
    for (const i of d.items) items.addRow([pick(d, lang), categories, i.code ?? '', i.label, i.finalCodes]);
  }
  head(items);
  // A cell that starts like a formula stays text: exceljs writes strings as strings, never formulas.
  return Buffer.from(await book.xlsx.writeBuffer());
}
