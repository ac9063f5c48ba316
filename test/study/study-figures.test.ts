// The study project, built from the committed fixture, counted by the app's own queries: under each
// reading the figures equal those documented in ../shared/study (read here from its CSV files).

import { LATEST_SCHEMA_VERSION } from '../../db/migrations';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ComponentKey } from '../../shared/domain/paradigm';
import { REPO, startBackend, type TestBackend } from '../helpers/backend';
// @ts-expect-error plain ESM script without types
import { findStudyDir } from '../../fixtures/study/generate.mjs';

const STUDY_DIR: string = findStudyDir();
const APP_KEY: Record<string, ComponentKey> = {
  causal: 'causal',
  contextual: 'context',
  intervening: 'intervening',
  core_phenomenon: 'phenomenon',
  strategies: 'strategies',
  consequences: 'consequences',
};

function csv(name: string): Record<string, string>[] {
  const file = path.join(STUDY_DIR, name);
  if (!fs.existsSync(file)) throw new Error(`The study data is missing: ${file}. CI checks out ../shared beside the repository.`);
  return Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
}

let t: TestBackend;
beforeEach(async () => {
  t = startBackend();
  await t.api.call('project.openStudy', {});
});
afterEach(() => t.cleanup());

const COLUMN = { codebook: 'extracted_concepts', strict: 'extracted_concepts_strict_comma_split', merged: 'extracted_concepts_phrase_merged' } as const;

describe('the study project reproduces the documented figures', () => {
  it('holds the codebook: 354 concept items, 48 Table 7 rows in 7 dimensions, the four corpus articles, no history', async () => {
    const codebook = await t.api.call('codebook.get', {});
    expect(codebook.concepts).toHaveLength(354);
    const study = await t.api.call('study.get', {});
    expect(study.dimensions).toHaveLength(7);
    expect(study.dimensions.reduce((n, d) => n + d.categoryIds.length, 0)).toBe(48);
    expect(study.screening).toEqual({ identified: 593, screened: 141, included: 68 });
    expect(study.references.en).toHaveLength(141);
    const docs = await t.api.call('document.list', {});
    expect(docs.map((d) => d.name).sort()).toHaveLength(4);
    const history = await t.api.call('history.get', {});
    expect(history.undo).toBeNull();
    // The longest concept is printed whole (297 characters) and labels repeat across items.
    expect(Math.max(...codebook.concepts.map((c) => c.label.length))).toBe(297);
    expect(codebook.concepts.filter((c) => c.label === 'مهارتها').map((c) => c.code).sort()).toHaveLength(2);
  });

  for (const reading of ['codebook', 'strict', 'merged'] as const) {
    it(`counts concept items under the "${reading}" reading as counts-extracted.csv does`, async () => {
      await t.api.call('reading.choose', { reading: 'concepts', option: reading });
      const counts = await t.api.call('counts.paradigm', {});
      const extracted = csv('counts-extracted.csv');
      for (const row of extracted) {
        if (row.component_id === 'total') {
          expect(counts.totals.concepts, 'total').toBe(Number(row[COLUMN[reading]]));
          continue;
        }
        const mine = counts.rows.find((r) => r.component === APP_KEY[row.component_id!])!;
        expect(mine.concepts, row.component_id).toBe(Number(row[COLUMN[reading]]));
        expect(mine.mainCategories, row.component_id).toBe(Number(row.reported_main_categories));
      }
      expect(counts.totals.mainCategories).toBe(20);
      expect({ codebook: 354, strict: 366, merged: 333 }[reading]).toBe(counts.totals.concepts);
    });
  }

  it('follows the consequence readings A, B, C: 3 / 3 / 4 main categories, 108 items each', async () => {
    const expected = { A: [3, 20], B: [3, 20], C: [4, 21] } as const;
    for (const option of ['B', 'C', 'A'] as const) {
      await t.api.call('reading.choose', { reading: 'consequences', option });
      const counts = await t.api.call('counts.paradigm', {});
      const row = counts.rows.find((r) => r.component === 'consequences')!;
      expect([row.mainCategories, counts.totals.mainCategories], option).toEqual(expected[option]);
      expect(row.concepts, option).toBe(108);
      const mains = counts.mainCategoryRows.filter((m) => m.component === 'consequences');
      expect(mains).toHaveLength(expected[option][0]);
      expect(mains.reduce((n, m) => Math.max(n, m.concepts), 0)).toBe(108);
    }
  });

  it('reports Table 8 as printed beside the reproduced figures, with the differences', async () => {
    const compare = await t.api.call('counts.compare', {});
    const reported = csv('counts-reported.csv');
    for (const r of reported) {
      const key = r.component_id === 'total' ? 'total' : APP_KEY[r.component_id!]!;
      const row = compare.rows.find((x) => x.component === key)!;
      expect(row.reported, key).toEqual({ mainCategories: Number(r.main_categories), concepts: Number(r.concepts), finalCodes: Number(r.final_codes) });
      expect(row.difference!.concepts).toBe(row.reproduced.concepts - Number(r.concepts));
    }
    const intervening = compare.rows.find((r) => r.component === 'intervening')!;
    expect(intervening.reproduced.concepts).toBe(20);
    expect(intervening.reason).toContain('13 items of the change-management row');
    expect(compare.applied).toEqual({ concepts: 'codebook', consequences: 'A' });
    // Other readings answered without changing the project.
    const strict = await t.api.call('counts.compare', { readings: { concepts: 'strict', consequences: 'C' } });
    expect(strict.rows.find((r) => r.component === 'total')!.reproduced).toMatchObject({ mainCategories: 21, concepts: 366 });
    expect((await t.api.call('reading.list', {})).map((r) => r.activeKey)).toEqual(['codebook', 'A']);
    await expect(t.api.call('counts.compare', { readings: { consequences: 'D' } })).rejects.toThrow(/no option “D”/);
  });

  it('switches a reading as one undoable step', async () => {
    await t.api.call('reading.choose', { reading: 'consequences', option: 'C' });
    await t.api.call('reading.choose', { reading: 'concepts', option: 'merged' });
    let counts = await t.api.call('counts.paradigm', {});
    expect([counts.totals.mainCategories, counts.totals.concepts]).toEqual([21, 333]);
    await t.api.call('history.undo', {});
    await t.api.call('history.undo', {});
    counts = await t.api.call('counts.paradigm', {});
    expect([counts.totals.mainCategories, counts.totals.concepts]).toEqual([20, 354]);
    const codebook = await t.api.call('codebook.get', {});
    expect(codebook.categories.filter((c) => c.parentId === null && c.component === 'consequences').map((c) => c.code).sort()).toEqual(['CQ1', 'CQ2', 'D7']);
    await t.api.call('history.redo', {});
    expect((await t.api.call('counts.paradigm', {})).totals.mainCategories).toBe(21);
  });

  it('counts a coded passage as a final code of its component', async () => {
    const [doc] = await t.api.call('document.list', {});
    const codebook = await t.api.call('codebook.get', {});
    const concept = codebook.concepts.find((c) => c.code === 'D1.C01.01')!;
    await t.api.call('segment.code', { documentId: doc!.id, start: 0, end: 10, conceptId: concept.id });
    const compare = await t.api.call('counts.compare', {});
    expect(compare.rows.find((r) => r.component === 'causal')!.reproduced.finalCodes).toBe(1);
  });

  it('carries the maturity model of its core phenomenon: eight dimensions on the five CMMI levels, mapped to its main categories', async () => {
    const model = await t.api.call('maturity.get', {});
    expect(model.levels.map((l) => l.labelEn)).toEqual(['Initial', 'Managed', 'Defined', 'Quantitatively Managed', 'Optimizing']);
    expect(model.dimensions).toHaveLength(8);
    const codebook = await t.api.call('codebook.get', {});
    const d5c01 = codebook.concepts.filter((c) => c.code?.startsWith('D5.C01.')).sort((a, b) => a.code!.localeCompare(b.code!)).map((c) => c.label);
    expect(model.dimensions.map((d) => d.labelFa)).toEqual(d5c01);
    for (const d of model.dimensions) {
      expect(d.counts.mainCategories, d.labelEn).toBeGreaterThan(0);
      expect(d.items.length, d.labelEn).toBe(d.counts.concepts);
    }
  });

  it('refuses a second concept with a printed label, but allows the codebook’s coded twins', async () => {
    await expect(t.api.call('concept.create', { label: 'مهارتها' })).rejects.toThrow(/already a concept/);
  });
});

describe('a plain project', () => {
  it('has no readings, no reported figures, no study facts', async () => {
    const p = startBackend();
    try {
      await p.api.call('project.create', { name: 'Plain' });
      expect(await p.api.call('reading.list', {})).toEqual([]);
      const study = await p.api.call('study.get', {});
      expect(study.screening).toBeNull();
      const compare = await p.api.call('counts.compare', {});
      expect(compare.rows.every((r) => r.reported === null)).toBe(true);
    } finally {
      await p.cleanup();
    }
  });
});


describe('the segments export of the study', () => {
  it('carries both label languages and the item code', async () => {
    const t2 = startBackend();
    try {
      await t2.api.call('project.openStudy', {});
      const [doc] = await t2.api.call('document.list', {});
      const concept = (await t2.api.call('codebook.get', {})).concepts.find((c) => c.code === 'D7.C10.05')!;
      await t2.api.call('segment.code', { documentId: doc!.id, start: 5, end: 20, conceptId: concept.id });
      const { csv } = await t2.api.call('export.segmentsCsv', {});
      const [header, row] = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
      const col = (name: string) => row![header!.indexOf(name)];
      expect([col('concept'), col('concept_code'), col('concept_en'), col('component_fa')]).toEqual(['تبدیلها', 'D7.C10.05', 'Conversions', 'پیامدها']);
      expect(col('category_en')).toBe('Social networks (metrics)');
    } finally {
      await t2.cleanup();
    }
  });
});

describe('readings and the rest of the codebook', () => {
  it('deleting a weighted concept takes its weight out of the count, and undo brings both back', async () => {
    const s = startBackend();
    try {
      await s.api.call('project.openStudy', {});
      await s.api.call('reading.choose', { reading: 'concepts', option: 'strict' });
      const joined = (await s.api.call('codebook.get', {})).concepts.find((c) => c.code === 'D2.C01.07')!;
      await s.api.call('concept.delete', { id: joined.id });
      expect((await s.api.call('counts.paradigm', {})).totals.concepts).toBe(364);
      await s.api.call('history.undo', {});
      expect((await s.api.call('counts.paradigm', {})).totals.concepts).toBe(366);
    } finally {
      await s.cleanup();
    }
  });

  it('a project of schema 1 opens, migrated, with every count as before', async () => {
    const Database = (await import('better-sqlite3')).default;
    const m001 = await import('../../db/migrations/001-initial');
    const { openProjectFile, APPLICATION_ID } = await import('../../db/sqlite/open');
    const { paradigmCounts } = await import('../../db/counts');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-v1-'));
    const file = path.join(dir, 'old.groundwork');
    try {
      const db = new Database(file);
      db.pragma(`application_id = ${APPLICATION_ID}`);
      m001.up(db);
      db.exec(`INSERT INTO project (id, name, created_at) VALUES (1, 'Old', '2026-01-01');
        INSERT INTO concept (label, color, created_at) VALUES ('trust', '#336699', '2026-01-01');
        INSERT INTO category (name, color, component, created_at) VALUES ('Outcomes', '#336699', 'consequences', '2026-01-01');
        INSERT INTO category_concept VALUES (1, 1);`);
      db.pragma('user_version = 1');
      db.close();
      const store = openProjectFile(file);
      try {
        expect((await store.info()).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
        const counts = await store.read(paradigmCounts);
        expect(counts.rows.find((r) => r.component === 'consequences')).toMatchObject({ mainCategories: 1, concepts: 1 });
        expect(counts.mainCategoryRows).toEqual([
          { id: 1, component: 'consequences', label: 'Outcomes', labelFa: null, labelEn: null, code: null, concepts: 1, finalCodes: 0 },
        ]);
      } finally {
        await store.close();
      }
      expect(fs.existsSync(`${file}.v1.bak`)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the Table 8 export of the study', () => {
  it('sets the reproduced figures beside the reported ones, in both label languages, with the readings', async () => {
    const s = startBackend();
    try {
      await s.api.call('project.openStudy', {});
      await s.api.call('reading.choose', { reading: 'consequences', option: 'C' });
      const { filename, csv } = await s.api.call('export.table8Csv', {});
      expect(filename).toMatch(/Table 8 compared\.csv$/);
      const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
      const header = rows[0]!;
      const row = (key: string) => rows.find((r) => r[0] === key)!;
      const col = (r: string[], name: string) => r[header.indexOf(name)];
      expect(col(row('consequences'), 'label_fa')).toBe('پیامدها');
      expect([col(row('total'), 'main_categories_reproduced'), col(row('total'), 'main_categories_reported'), col(row('total'), 'main_categories_difference')]).toEqual(['21', '20', '1']);
      expect(col(row('consequences'), 'concepts_difference')).toBe('-9');
      expect(row('reading:consequences')[1]).toContain('C: English abstract');
    } finally {
      await s.cleanup();
    }
  });
});
