// The evolution, saturation and analysis views as tables (sheets) for CSV and XLSX, with the
// labels in English or Persian. A view is turned into sheets once; CSV writes one sheet as is and
// several as titled blocks, XLSX one worksheet each (right to left for Persian labels).

import type { AxisItem, ChangeView, CooccurrenceView, CrosstabView, MatrixView, NamedCategory, NamedConcept, SaturationView } from '../../../shared/domain/change-view';
import type { CountRow } from '../../../shared/domain/model';
import { COMPONENT_KEYS, COMPONENT_LABELS, COMPONENT_LABELS_FA, isComponentKey, type ComponentKey } from '../../../shared/domain/paradigm';
import { toCsv } from '../export';

export type Lang = 'en' | 'fa';
export type Cell = string | number;

export interface Sheet {
  title: string;
  rows: Cell[][];
}

/** Column headings and fixed words, English → Persian. */
const FA: Record<string, string> = {
  Source: 'منبع',
  Wave: 'موج',
  Total: 'جمع',
  None: 'هیچ',
  Concept: 'مفهوم',
  Code: 'کد',
  Year: 'سال',
  Component: 'مؤلفه',
  'Main categories': 'مقوله‌های اصلی',
  Concepts: 'مفاهیم',
  'Final codes': 'کدهای نهایی',
  before: 'پیش',
  now: 'اکنون',
  change: 'تغییر',
  Before: 'پیش',
  Now: 'اکنون',
  Change: 'تغییر',
  'Table 8': 'جدول ۸',
  'New concepts': 'مفاهیم نو',
  'Concepts with more passages': 'مفاهیم با بخش‌های بیشتر',
  'Concepts with fewer passages': 'مفاهیم با بخش‌های کمتر',
  'Concepts no longer in the project': 'مفاهیمی که دیگر در پروژه نیستند',
  'New categories': 'مقوله‌های نو',
  'Moved concepts': 'مفاهیم جابه‌جا شده',
  'Moved categories': 'مقوله‌های جابه‌جا شده',
  'Maturity dimensions': 'ابعاد بلوغ',
  Categories: 'مقوله‌ها',
  Components: 'مؤلفه‌ها',
  Waves: 'موج‌ها',
  Sources: 'منابع',
  Passages: 'بخش‌ها',
  'First passage': 'نخستین بخش',
  'By wave': 'به تفکیک موج',
  Category: 'مقوله',
  Parent: 'مقوله بالاتر',
  'Main category': 'مقوله اصلی',
  yes: 'بله',
  no: 'خیر',
  'Categories before': 'مقوله‌ها پیش',
  'Categories now': 'مقوله‌ها اکنون',
  'Components before': 'مؤلفه‌ها پیش',
  'Components now': 'مؤلفه‌ها اکنون',
  'Parent before': 'مقوله بالاتر پیش',
  'Parent now': 'مقوله بالاتر اکنون',
  'Component before': 'مؤلفه پیش',
  'Component now': 'مؤلفه اکنون',
  Dimension: 'بُعد',
  'New dimension': 'بُعد نو',
  'Items before': 'گویه‌ها پیش',
  'Items now': 'گویه‌ها اکنون',
  'New items': 'گویه‌های نو',
  'Removed items': 'گویه‌های حذف شده',
  'Saturation curve': 'منحنی اشباع',
  'First appearances': 'نخستین ظهور',
  Position: 'جایگاه',
  'New concepts in this source': 'مفاهیم نوی این منبع',
  Cumulative: 'تجمعی',
  'Stopping rule met': 'قاعده توقف برقرار شد',
  About: 'درباره',
  'Sources without passages (left out)': 'منابع بدون بخش کدگذاری‌شده (کنار گذاشته شده)',
  'Co-occurrence': 'هم‌رخدادی',
  Matrix: 'ماتریس',
  Crosstab: 'جدول توافقی',
  'Sources with this value': 'منابع با این مقدار',
  Against: 'در برابر',
};

export const word = (text: string, lang: Lang) => (lang === 'fa' ? (FA[text] ?? text) : text);

const componentName = (k: ComponentKey | 'none' | null, lang: Lang) =>
  k === null || k === 'none' ? word('None', lang) : lang === 'fa' ? COMPONENT_LABELS_FA[k] : COMPONENT_LABELS[k];

/** A label in the chosen language: its gloss where it has one, else as written. */
export const pickLabel = (x: { label: string; labelFa: string | null; labelEn: string | null }, lang: Lang) => (lang === 'fa' ? x.labelFa : x.labelEn) ?? x.label;
const conceptName = (c: NamedConcept | undefined, id: number, lang: Lang) => (c ? pickLabel(c, lang) : `#${id}`);
const categoryName = (c: NamedCategory | undefined, id: number, lang: Lang) => (c ? pickLabel({ ...c, label: c.name }, lang) : `#${id}`);

export function axisName(item: AxisItem, lang: Lang): string {
  if (item.kind === 'none') return word('None', lang);
  if (item.kind === 'component') {
    const key = item.key.slice('component:'.length);
    return isComponentKey(key) ? componentName(key, lang) : item.label;
  }
  return pickLabel(item, lang);
}

function countMatrixSheet(title: string, corner: string, view: MatrixView, lang: Lang): Sheet {
  const rows: Cell[][] = [[corner, ...view.columns.map((c) => axisName(c, lang)), word('Total', lang)]];
  view.rows.forEach((r, i) => rows.push([axisName(r, lang), ...view.cells[i]!, view.rowTotals[i]!]));
  rows.push([word('Total', lang), ...view.columnTotals, view.total]);
  return { title, rows };
}

export const matrixSheets = (view: MatrixView, rowsAre: 'source' | 'wave', lang: Lang): Sheet[] => [
  countMatrixSheet(word('Matrix', lang), word(rowsAre === 'source' ? 'Source' : 'Wave', lang), view, lang),
];

export const crosstabSheets = (view: CrosstabView, lang: Lang): Sheet[] => {
  const sheet = countMatrixSheet(word('Crosstab', lang), word('Concept', lang), view, lang);
  sheet.rows.push([word('Sources with this value', lang), ...view.sourcesPerValue, '']);
  return [sheet];
};

export function cooccurrenceSheets(view: CooccurrenceView, lang: Lang): Sheet[] {
  const names = view.concepts.map((c) => axisName(c, lang));
  const rows: Cell[][] = [[word('Concept', lang), ...names]];
  view.counts.forEach((row, i) => rows.push([names[i]!, ...row]));
  return [{ title: word('Co-occurrence', lang), rows }];
}

const list = (xs: readonly string[]) => xs.join(' | ');
const figures = (r: CountRow) => [r.mainCategories, r.concepts, r.finalCodes];

export function changeSheets(view: ChangeView, lang: Lang): Sheet[] {
  const w = (text: string) => word(text, lang);
  const concept = (id: number) => conceptName(view.concepts[id], id, lang);
  const category = (id: number | null) => (id === null ? '' : categoryName(view.categories[id], id, lang));
  const components = (ks: readonly ComponentKey[]) => list(ks.map((k) => componentName(k, lang)));
  const sheets: Sheet[] = [];

  const head = [w('Component'), ...['Main categories', 'Concepts', 'Final codes'].flatMap((m) => ['before', 'now', 'change'].map((x) => `${w(m)} ${w(x)}`))];
  const t8: Cell[][] = [head];
  const row = (label: string, c: { before: CountRow; now: CountRow; change: CountRow }) =>
    t8.push([label, ...[0, 1, 2].flatMap((i) => [figures(c.before)[i]!, figures(c.now)[i]!, figures(c.change)[i]!])]);
  for (const k of COMPONENT_KEYS) {
    const r = view.table8.find((x) => x.component === k);
    if (r) row(componentName(k, lang), r);
  }
  row(w('Total'), view.table8Totals);
  sheets.push({ title: w('Table 8'), rows: t8 });

  sheets.push({
    title: w('New concepts'),
    rows: [
      [w('Concept'), w('Code'), w('Categories'), w('Components'), w('Waves'), w('Sources'), w('Passages'), w('First passage')],
      ...view.newConcepts.map((c) => [
        concept(c.conceptId),
        view.concepts[c.conceptId]?.code ?? '',
        list(c.categories.map(category)),
        components(c.components),
        list(c.waves),
        list(c.sources.map((s) => view.sources[s] ?? `#${s}`)),
        c.passages.length,
        c.passages.length ? (view.passages[c.passages[0]!]?.text ?? '') : '',
      ]),
    ],
  });
  const grown = (rows: ChangeView['grownConcepts']): Cell[][] => [
    [w('Concept'), w('Before'), w('Now'), w('Change'), w('By wave')],
    ...rows.map((c) => [concept(c.conceptId), c.before, c.now, c.change, list(Object.entries(c.byWave).map(([k, n]) => `${k}: ${n}`))]),
  ];
  sheets.push({ title: w('Concepts with more passages'), rows: grown(view.grownConcepts) });
  if (view.shrunkConcepts.length) sheets.push({ title: w('Concepts with fewer passages'), rows: grown(view.shrunkConcepts) });
  if (view.removedConcepts.length) {
    sheets.push({ title: w('Concepts no longer in the project'), rows: [[w('Concept')], ...view.removedConcepts.map((c) => [concept(c.id)])] });
  }
  const promoted = new Set<number>(view.newMainCategories.map((c) => c.categoryId));
  const newCats = [...view.newCategories, ...view.newMainCategories.filter((c) => !view.newCategories.some((x) => x.categoryId === c.categoryId))];
  sheets.push({
    title: w('New categories'),
    rows: [
      [w('Category'), w('Parent'), w('Component'), w('Main category')],
      ...newCats.map((c) => [category(c.categoryId), category(c.parentId), c.component ? componentName(c.component, lang) : '', w(promoted.has(c.categoryId) ? 'yes' : 'no')]),
    ],
  });
  sheets.push({
    title: w('Moved concepts'),
    rows: [
      [w('Concept'), w('Categories before'), w('Categories now'), w('Components before'), w('Components now')],
      ...view.movedConcepts.map((c) => [concept(c.conceptId), list(c.categoriesBefore.map(category)), list(c.categoriesNow.map(category)), components(c.componentsBefore), components(c.componentsNow)]),
    ],
  });
  if (view.movedCategories.length) {
    sheets.push({
      title: w('Moved categories'),
      rows: [
        [w('Category'), w('Parent before'), w('Parent now'), w('Component before'), w('Component now')],
        ...view.movedCategories.map((c) => [
          category(c.categoryId),
          category(c.parentBefore),
          category(c.parentNow),
          c.componentBefore ? componentName(c.componentBefore, lang) : '',
          c.componentNow ? componentName(c.componentNow, lang) : '',
        ]),
      ],
    });
  }
  sheets.push({
    title: w('Maturity dimensions'),
    rows: [
      [w('Dimension'), w('New dimension'), w('Items before'), w('Items now'), w('New items'), w('Removed items')],
      ...view.maturity.map((d) => [
        lang === 'fa' ? d.labelFa || d.labelEn : d.labelEn || d.labelFa,
        w(d.isNew ? 'yes' : 'no'),
        d.itemsBefore,
        d.itemsNow,
        list(d.newItems.map(concept)),
        list(d.removedItems.map(concept)),
      ]),
    ],
  });
  return sheets;
}

export function saturationSheets(view: SaturationView, lang: Lang): Sheet[] {
  const w = (text: string) => word(text, lang);
  const keys = [...COMPONENT_KEYS, 'none' as const].filter((k) => view.perComponent[k]);
  const curve: Cell[][] = [
    [w('Position'), w('Source'), w('Year'), w('Passages'), w('New concepts'), w('Cumulative'), ...keys.map((k) => `${componentName(k, lang)} ${w('Cumulative')}`), w('Stopping rule met'), w('New concepts in this source')],
  ];
  view.points.forEach((p, i) =>
    curve.push([
      p.position,
      p.name,
      p.year ?? '',
      p.passages,
      view.overall.added[i]!,
      view.overall.cumulative[i]!,
      ...keys.map((k) => view.perComponent[k]!.cumulative[i]!),
      view.overall.metAt === i ? w('yes') : '',
      list(p.newConcepts.map((c) => conceptName(view.concepts[c], c, lang))),
    ]),
  );
  const first: Cell[][] = [
    [w('Concept'), w('Code'), w('Source'), w('Position')],
    ...view.firstAppearance.map((f) => [conceptName(view.concepts[f.conceptId], f.conceptId, lang), view.concepts[f.conceptId]?.code ?? '', view.sources[f.documentId] ?? '', f.position]),
  ];
  const about: Cell[][] = [[view.explanation]];
  if (view.notCoded.length) about.push([w('Sources without passages (left out)'), list(view.notCoded.map((d) => view.sources[d] ?? `#${d}`))]);
  return [
    { title: w('Saturation curve'), rows: curve },
    { title: w('First appearances'), rows: first },
    { title: w('About'), rows: about },
  ];
}

/** One sheet as a CSV table; several as blocks, each under its title, a blank line between. */
export function sheetsToCsv(sheets: readonly Sheet[]): string {
  if (sheets.length === 1) return toCsv(sheets[0]!.rows);
  const rows: Cell[][] = [];
  sheets.forEach((s, i) => {
    if (i > 0) rows.push([]);
    rows.push([s.title], ...s.rows);
  });
  return toCsv(rows);
}

/** The workbook, exceljs loaded only now (it is large and only exports need it). */
export async function sheetsToXlsx(sheets: readonly Sheet[], lang: Lang, title: string): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'Groundwork';
  book.title = title;
  const used = new Set<string>();
  for (const s of sheets) {
    // Worksheet names: at most 31 characters, none of : \ / ? * [ ], unique.
    let name = s.title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Sheet';
    for (let n = 2; used.has(name); n += 1) name = `${name.slice(0, 28)} ${n}`;
    used.add(name);
    const sheet = book.addWorksheet(name, { views: [{ rightToLeft: lang === 'fa', state: 'frozen', ySplit: 1, xSplit: 1 }] });
    for (const row of s.rows) sheet.addRow(row);
    sheet.getRow(1).font = { bold: true };
    sheet.getColumn(1).width = 40;
  }
  // Strings stay strings: exceljs never writes a text cell as a formula.
  return Buffer.from(await book.xlsx.writeBuffer());
}
