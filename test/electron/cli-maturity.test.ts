// `groundwork maturity FILE --out MODEL.json|.csv|.xlsx` in-process over real project files, and
// an older project file gaining the maturity tables (with the CMMI levels) when it is opened.

import { Ajv2020 } from 'ajv/dist/2020.js';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import schema from '../../shared/schemas/maturity-model.schema.json' with { type: 'json' };
import { APPLICATION_ID, openProjectFile } from '../../db/sqlite/open';
import * as m001 from '../../db/migrations/001-initial';
import { getModel } from '../../db/maturity';
import { startBackend, tempDir } from '../helpers/backend';
import { runCli } from '../helpers/cli';

let dir: string;
beforeEach(() => {
  dir = tempDir('groundwork-cli-maturity-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = runCli;

const file = (name: string) => path.join(dir, name);

/** A project with one category, two concepts (3 segments) and a dimension mapped to it. */
async function project() {
  const target = file('review.groundwork');
  expect((await cli('init', target)).code).toBe(0);
  const t = startBackend();
  try {
    await t.api.call('project.open', { path: target });
    const [r] = await t.api.call('document.import', {
      files: [{ name: 'a.txt', dataBase64: Buffer.from('بودجه بازاریابی و رهبری سازمان در بازاریابی B2B').toString('base64') }],
    });
    const category = await t.api.call('category.create', { name: 'بودجه' });
    for (const [label, start] of [['budget', 0], ['plan', 6]] as const) {
      const c = await t.api.call('concept.create', { label });
      await t.api.call('category.fileConcepts', { categoryId: category.id, conceptIds: [c.id] });
      await t.api.call('segment.code', { documentId: r!.document!.id, start, end: start + 4, conceptId: c.id });
    }
    const concepts = (await t.api.call('codebook.get', {})).concepts;
    await t.api.call('segment.code', { documentId: r!.document!.id, start: 15, end: 20, conceptId: concepts[0]!.id });
    const m = await t.api.call('maturity.addDimension', { labelEn: 'Budget', labelFa: 'بودجه بازاریابی' });
    await t.api.call('maturity.mapCategory', { dimensionId: m.dimensions[0]!.id, categoryId: category.id, mapped: true });
  } finally {
    await t.cleanup();
  }
  return target;
}

describe('groundwork maturity', () => {
  it('writes the model as JSON valid against the schema', async () => {
    const target = await project();
    const r = await cli('maturity', target, '--out', file('model.json'));
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^Wrote the maturity model \(5 levels, 1 dimension\) to /);
    const json = JSON.parse(fs.readFileSync(file('model.json'), 'utf8'));
    const validate = new Ajv2020({ strict: true }).compile(schema);
    expect(validate(json)).toBe(true);
    expect(json.dimensions[0]).toMatchObject({ labelFa: 'بودجه بازاریابی', counts: { mainCategories: 1, concepts: 2, finalCodes: 3 } });
  });

  it('writes CSV and XLSX by the extension, with Persian labels on request', async () => {
    const target = await project();
    expect((await cli('maturity', target, '--out', file('model.csv'), '--labels', 'fa')).code).toBe(0);
    const text = fs.readFileSync(file('model.csv'), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(rows.find((row) => row[0] === 'dimension')!.slice(2, 8)).toEqual(['بودجه بازاریابی', '', '', '1', '2', '3']);
    expect((await cli('maturity', target, '--out', file('model.xlsx'), '--labels', 'fa')).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file('model.xlsx'));
    expect(book.worksheets[0]!.views[0]!.rightToLeft).toBe(true);
    expect(book.worksheets[0]!.getRow(2).getCell(1).value).toBe('بودجه بازاریابی');
  });

  it('exits 2 with one line on a usage error, 1 on a missing project, and writes nothing', async () => {
    const target = await project();
    for (const args of [
      ['maturity', target],
      ['maturity', target, '--out', file('model.txt')],
      ['maturity', '--out', file('model.json')],
      ['maturity', target, '--out', file('model.csv'), '--labels', 'de'],
      ['maturity', target, '--bogus'],
    ]) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toMatch(/^groundwork: .*Run "groundwork help" for usage\.$/);
    }
    const missing = await cli('maturity', file('nope.groundwork'), '--out', file('model.json'));
    expect(missing.code).toBe(1);
    expect(missing.err).toEqual([expect.stringMatching(/^groundwork: There is no project file at /)]);
    expect(fs.readdirSync(dir).sort()).toEqual(['review.groundwork']);
  });
});

describe('an older project file', () => {
  it('gains the maturity tables and the CMMI levels when opened, after a backup', async () => {
    // A genuine version-1 file, written by migration 001 alone: without the maturity tables.
    const target = path.join(dir, 'old.groundwork');
    const db = new Database(target);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    m001.up(db);
    db.exec(`INSERT INTO project (id, name, created_at) VALUES (1, 'Old', '2026-01-01')`);
    db.pragma('user_version = 1');
    db.close();
    const opened = openProjectFile(target);
    try {
      expect(fs.existsSync(`${target}.v1.bak`)).toBe(true);
      const model = await opened.read(getModel);
      expect(model.levels.map((l) => l.labelEn)).toEqual(['Initial', 'Managed', 'Defined', 'Quantitatively Managed', 'Optimizing']);
      expect(model.dimensions).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
