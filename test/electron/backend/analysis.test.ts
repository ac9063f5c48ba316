// The saturation curve and the analysis views through the backend on a real project file. The
// curve and its stopping rules on a hand-worked example (the one of saturation.test.ts, coded
// through the API); the matrix, co-occurrence and crosstab counts against counts computed
// independently from the project file (its raw rows, read with a connection of the test's own);
// the CSV and XLSX exports read back.

import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../shared/api/client';
import { importTexts, readExample, startBackend, toBase64, type TestBackend } from '../../helpers/backend';

let t: TestBackend;
let api: ApiClient;

const range = (text: string, phrase: string, nth = 0) => {
  let at = -1;
  for (let i = 0; i <= nth; i += 1) at = text.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`"${phrase}" (#${nth}) is not in the text`);
  return { start: at, end: at + phrase.length };
};

describe('the saturation curve', () => {
  const ids: Record<string, number> = {};
  const concepts: Record<string, number> = {};
  beforeAll(async () => {
    t = startBackend();
    api = t.api;
    await api.call('project.create', { name: 'Saturation' });
    const names = { Alpha: 2015, Beta: 2013, Gamma: null, Delta: 2015, Epsilon: 2016 } as const;
    const results = await api.call('document.import', {
      files: Object.keys(names).map((n) => ({ name: `${n}.txt`, dataBase64: toBase64(`c1 c2 c3 c4 c5 in ${n}.`) })),
    });
    const records = await api.call('record.list', {});
    for (const [i, [name, year]] of Object.entries(names).entries()) {
      ids[name] = results[i]!.document!.id;
      if (year !== null) await api.call('record.update', { id: records.find((r) => r.documentId === ids[name])!.id, changes: { year } });
    }
    // Coded in this order: Beta c1 c2, Alpha c1 c3, Gamma c2, Delta c4, then Alpha c5, Gamma c1.
    const text = (n: string) => `c1 c2 c3 c4 c5 in ${n}.`;
    for (const [source, concept] of [['Beta', 'c1'], ['Beta', 'c2'], ['Alpha', 'c1'], ['Alpha', 'c3'], ['Gamma', 'c2'], ['Delta', 'c4'], ['Alpha', 'c5'], ['Gamma', 'c1']] as const) {
      const input = concepts[concept] ? { conceptId: concepts[concept]! } : { newConcept: { label: concept } };
      const s = await api.call('segment.code', { documentId: ids[source]!, ...range(text(source), concept), ...input });
      concepts[concept] = s.conceptId;
    }
    // m1 (causal) ⊃ s11; m2 (context): c1 → m1, c2 → s11, c3 → m2; c4 and c5 in no component.
    const m1 = (await api.call('category.create', { name: 'm1' })).id;
    const s11 = (await api.call('category.create', { name: 's11', parentId: m1 })).id;
    const m2 = (await api.call('category.create', { name: 'm2' })).id;
    await api.call('component.assign', { categoryId: m1, component: 'causal' });
    await api.call('component.assign', { categoryId: m2, component: 'context' });
    await api.call('category.fileConcepts', { categoryId: m1, conceptIds: [concepts.c1!] });
    await api.call('category.fileConcepts', { categoryId: s11, conceptIds: [concepts.c2!] });
    await api.call('category.fileConcepts', { categoryId: m2, conceptIds: [concepts.c3!] });
  });
  afterAll(() => t.cleanup());

  it('in coding order: new concepts per source, cumulative, the uncoded source left out, first appearances', async () => {
    const r = await api.call('saturation.report', { order: 'coding', rule: { kind: 'no-new', k: 1 } });
    expect(r.points.map((p) => [p.name, p.passages, p.newConcepts.map((c) => r.concepts[c]!.label)])).toEqual([
      ['Beta', 2, ['c1', 'c2']],
      ['Alpha', 3, ['c3', 'c5']],
      ['Gamma', 2, []],
      ['Delta', 1, ['c4']],
    ]);
    expect(r.overall).toMatchObject({ added: [2, 2, 0, 1], cumulative: [2, 4, 4, 5], metAt: 2, metAtSource: ids.Gamma });
    expect(r.notCoded).toEqual([ids.Epsilon]);
    expect(r.perComponent.causal).toMatchObject({ added: [2, 0, 0, 0], cumulative: [2, 2, 2, 2], metAt: 1 });
    expect(r.perComponent.context!.added).toEqual([0, 1, 0, 0]);
    expect(r.perComponent.none!.added).toEqual([0, 1, 0, 1]);
    expect(r.firstAppearance.map((f) => [r.concepts[f.conceptId]!.label, r.sources[f.documentId], f.position])).toEqual([
      ['c1', 'Beta', 1],
      ['c2', 'Beta', 1],
      ['c3', 'Alpha', 2],
      ['c5', 'Alpha', 2],
      ['c4', 'Delta', 4],
    ]);
  });

  it('in publication order, with the rule "fewer than 25 % new in the last 2 sources"', async () => {
    const r = await api.call('saturation.report', { order: 'year', rule: { kind: 'share-new', k: 2, percent: 25 } });
    expect(r.points.map((p) => [p.name, p.year])).toEqual([['Beta', 2013], ['Alpha', 2015], ['Delta', 2015], ['Gamma', null]]);
    // windows: (2+2)/4 = 100 %, (2+1)/5 = 60 %, (1+0)/5 = 20 % < 25 %
    expect(r.overall).toMatchObject({ added: [2, 2, 1, 0], metAt: 3, metAtSource: ids.Gamma });
    expect(r.explanation).toContain('fewer than 25 %');
  });

  it('only the sources a filter keeps, and a rule that cannot apply is refused', async () => {
    const batches = (await api.call('wave.list', {})).batches;
    const wave = await api.call('wave.create', { name: 'Early', rule: { kind: 'years', from: null, to: 2014 } });
    expect(batches).toHaveLength(1);
    const r = await api.call('saturation.report', { order: 'coding', filter: { waves: [wave.id] } });
    expect(r.points.map((p) => p.name)).toEqual(['Beta']);
    await expect(api.call('saturation.report', { order: 'coding', rule: { kind: 'no-new', k: 0 } })).rejects.toThrow('The number of sources k must be at least 1.');
  });
});

describe('the matrices, against counts computed from the project file', () => {
  const FA = 'Account-based marketing (fa).txt';
  const AR = 'B2B marketing attribution (ar).txt';
  let path: string;
  let docs: Record<string, { id: number; text: string }>;

  beforeAll(async () => {
    t = startBackend();
    api = t.api;
    await api.call('project.create', { name: 'Matrices' });
    const results = await importTexts(api, { [FA]: readExample(FA), [AR]: readExample(AR) });
    docs = {};
    for (const r of results) docs[r.name] = { id: r.document!.id, text: (await api.call('document.get', { id: r.document!.id })).text };
    const code = async (doc: string, phrase: string, nth: number, label: string) => {
      const { concepts } = await api.call('codebook.get', {});
      const known = concepts.find((c) => c.label === label);
      return (await api.call('segment.code', { documentId: docs[doc]!.id, ...range(docs[doc]!.text, phrase, nth), ...(known ? { conceptId: known.id } : { newConcept: { label } }) })).conceptId;
    };
    // Overlapping and nested passages, several concepts per paragraph, in both sources.
    const abm = await code(FA, 'بازاریابی مبتنی بر حساب', 0, 'ABM');
    await code(FA, 'بازاریابی مبتنی بر حساب', 1, 'ABM');
    await code(FA, 'مبتنی بر حساب', 0, 'Accounts');
    await code(FA, 'بازاریابی', 0, 'Marketing');
    await code(FA, 'بازاریابی', 5, 'Marketing');
    await code(FA, 'کمپین', 0, 'Campaign');
    await code(FA, 'کمپین', 1, 'Campaign');
    await code(AR, 'إسناد تسويق B2B', 0, 'Attribution');
    const marketing = await code(AR, 'تسويق', 0, 'Marketing');
    await code(AR, 'B2B', 0, 'B2B');
    await code(AR, 'B2B', 3, 'B2B');
    const main = (await api.call('category.create', { name: 'Approaches' })).id;
    const sub = (await api.call('category.create', { name: 'Account focus', parentId: main })).id;
    await api.call('component.assign', { categoryId: main, component: 'strategies' });
    const { concepts } = await api.call('codebook.get', {});
    const id = (label: string) => concepts.find((c) => c.label === label)!.id;
    await api.call('category.fileConcepts', { categoryId: main, conceptIds: [marketing, id('Campaign')] });
    // ABM filed twice under one main category (directly and in its sub-category): one passage, one count.
    await api.call('category.fileConcepts', { categoryId: sub, conceptIds: [abm, id('Accounts')] });
    await api.call('category.fileConcepts', { categoryId: main, conceptIds: [abm] });
    const records = await api.call('record.list', {});
    await api.call('record.update', { id: records.find((r) => r.documentId === docs[AR]!.id)!.id, changes: { type: 'web page', year: 2022 } });
    path = (await api.call('project.current', {}))!.path;
  });
  afterAll(() => t.cleanup());

  /** The project file's raw rows, read with the test's own connection. */
  const raw = () => {
    const db = new Database(path, { readonly: true });
    try {
      return {
        segments: db.prepare('SELECT id, document_id, concept_id, start_offset, end_offset FROM segment').all() as {
          id: number;
          document_id: number;
          concept_id: number;
          start_offset: number;
          end_offset: number;
        }[],
        categories: db.prepare('SELECT id, parent_id, component FROM category').all() as { id: number; parent_id: number | null; component: string | null }[],
        filings: db.prepare('SELECT category_id, concept_id FROM category_concept').all() as { category_id: number; concept_id: number }[],
        texts: Object.fromEntries(
          (db.prepare('SELECT d.id, t.text FROM document d JOIN source_text t ON t.sha256 = d.sha256').all() as { id: number; text: string }[]).map((r) => [r.id, r.text]),
        ),
        records: db.prepare('SELECT document_id, type, year FROM record WHERE document_id IS NOT NULL').all() as { document_id: number; type: string; year: number | null }[],
      };
    } finally {
      db.close();
    }
  };

  it('source × concept: passages per cell', async () => {
    const m = await api.call('analysis.matrix', { rows: 'source', columns: 'concept' });
    const { segments } = raw();
    for (const [i, row] of m.rows.entries()) {
      for (const [j, column] of m.columns.entries()) {
        const expected = segments.filter((s) => `source:${s.document_id}` === row.key && `concept:${s.concept_id}` === column.key).length;
        expect(m.cells[i]![j], `${row.label} × ${column.label}`).toBe(expected);
      }
    }
    expect(m.total).toBe(segments.length);
    expect(m.columns).toHaveLength(new Set(segments.map((s) => s.concept_id)).size);
  });

  it('source × main category and × component: each passage once per cell, sub-categories included', async () => {
    const { segments, categories, filings } = raw();
    const main = (id: number): number => {
      const c = categories.find((x) => x.id === id)!;
      return c.parent_id === null ? c.id : main(c.parent_id);
    };
    const mainsOf = (concept: number) => [...new Set(filings.filter((f) => f.concept_id === concept).map((f) => main(f.category_id)))];
    const byCategory = await api.call('analysis.matrix', { rows: 'source', columns: 'category' });
    for (const [i, row] of byCategory.rows.entries()) {
      for (const [j, column] of byCategory.columns.entries()) {
        const expected = segments.filter(
          (s) =>
            `source:${s.document_id}` === row.key &&
            (column.key === 'none' ? mainsOf(s.concept_id).length === 0 : mainsOf(s.concept_id).some((m) => `category:${m}` === column.key)),
        ).length;
        expect(byCategory.cells[i]![j], `${row.label} × ${column.label}`).toBe(expected);
      }
    }
    const byComponent = await api.call('analysis.matrix', { rows: 'source', columns: 'component' });
    const strategies = byComponent.columns.findIndex((c) => c.key === 'component:strategies');
    const faRow = byComponent.rows.findIndex((r) => r.key === `source:${docs[FA]!.id}`);
    const component = (concept: number) => mainsOf(concept).map((m) => categories.find((c) => c.id === m)!.component);
    expect(byComponent.cells[faRow]![strategies]).toBe(segments.filter((s) => s.document_id === docs[FA]!.id && component(s.concept_id).includes('strategies')).length);
    expect(byComponent.cells[faRow]![strategies]).toBeGreaterThan(0);
  });

  it('co-occurrence of overlapping passages: pairs of passages of two concepts sharing a character', async () => {
    const co = await api.call('analysis.cooccurrence', { mode: 'overlap' });
    const { segments } = raw();
    const ids = co.concepts.map((c) => Number(c.key.slice('concept:'.length)));
    let pairs = 0;
    for (const [i, a] of ids.entries()) {
      for (const [j, b] of ids.entries()) {
        const expected =
          i === j
            ? segments.filter((s) => s.concept_id === a).length
            : segments.filter((x) => x.concept_id === a).reduce(
                (n, x) => n + segments.filter((y) => y.concept_id === b && y.document_id === x.document_id && y.start_offset < x.end_offset && x.start_offset < y.end_offset).length,
                0,
              );
        expect(co.counts[i]![j], `${co.concepts[i]!.label} × ${co.concepts[j]!.label}`).toBe(expected);
        if (i < j && expected > 0) pairs += 1;
      }
    }
    expect(pairs).toBeGreaterThan(2);
    expect(co.pairs).toHaveLength(pairs);
  });

  it('co-occurrence in the same paragraph: paragraphs (lines) where both concepts have a passage', async () => {
    const co = await api.call('analysis.cooccurrence', { mode: 'paragraph' });
    const { segments, texts } = raw();
    const paragraphsOf = (s: (typeof segments)[number]) => {
      const text = texts[s.document_id]!;
      const first = text.slice(0, s.start_offset).split('\n').length - 1;
      const last = text.slice(0, s.end_offset - 1).split('\n').length - 1;
      return Array.from({ length: last - first + 1 }, (_, i) => `${s.document_id}:${first + i}`);
    };
    const paragraphs = (concept: number) => new Set(segments.filter((s) => s.concept_id === concept).flatMap(paragraphsOf));
    const ids = co.concepts.map((c) => Number(c.key.slice('concept:'.length)));
    for (const [i, a] of ids.entries()) {
      for (const [j, b] of ids.entries()) {
        const both = [...paragraphs(a)].filter((p) => paragraphs(b).has(p)).length;
        expect(co.counts[i]![j], `${co.concepts[i]!.label} × ${co.concepts[j]!.label}`).toBe(both);
      }
    }
  });

  it('concept × source type, and × publication year', async () => {
    const { segments, records } = raw();
    const typeOf = (doc: number) => records.find((r) => r.document_id === doc)!.type;
    const x = await api.call('analysis.crosstab', { attribute: 'type', axis: 'concept' });
    expect(x.columns.map((c) => c.label)).toEqual(['other', 'web page']);
    for (const [i, row] of x.rows.entries()) {
      for (const [j, column] of x.columns.entries()) {
        const expected = segments.filter((s) => `concept:${s.concept_id}` === row.key && typeOf(s.document_id) === column.label).length;
        expect(x.cells[i]![j]).toBe(expected);
      }
    }
    expect(x.sourcesPerValue).toEqual([1, 1]);
    const years = await api.call('analysis.crosstab', { attribute: 'year', axis: 'concept' });
    expect(years.columns.map((c) => c.key)).toEqual(['value:2022', 'none']);
  });

  it('exports a matrix as CSV and XLSX, right to left with Persian labels', async () => {
    const csvFile = await api.call('analysis.export', { view: { kind: 'matrix', rows: 'source', columns: 'component' }, format: 'csv' });
    expect(csvFile.filename).toBe('Matrices - source-concept matrix.csv');
    const csv = Buffer.from(csvFile.dataBase64, 'base64').toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1).trim()).data;
    expect(rows[0]).toEqual(['Source', 'Causal conditions', 'Context', 'Intervening conditions', 'Core phenomenon', 'Strategies', 'Consequences', 'None', 'Total']);
    const m = await api.call('analysis.matrix', { rows: 'source', columns: 'component' });
    expect(rows.at(-1)).toEqual(['Total', ...m.columnTotals.map(String), String(m.total)]);

    const xlsx = await api.call('analysis.export', { view: { kind: 'matrix', rows: 'source', columns: 'component' }, format: 'xlsx', labels: 'fa' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.dataBase64, 'base64') as never);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('ماتریس');
    expect(sheet.views[0]!.rightToLeft).toBe(true);
    expect(sheet.getRow(1).getCell(2).value).toBe('شرایط علی');
    expect(sheet.getRow(1).getCell(1).value).toBe('منبع');
  });
});
