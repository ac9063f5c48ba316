// Round trips through the project file: Groundwork → .qdpx → Groundwork gives the same sources,
// codebook (GUIDs, colours, filings in two places, components), passages at the same offsets with
// their coders, memos, record fields and attributes; every vendor sample → Groundwork → .qdpx →
// Groundwork keeps every passage on the same text; the study project (a Persian codebook) exports
// valid against ../shared/refi/schemas and comes back unchanged, Persian and Arabic byte for byte.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeQdpx } from '../../../../electron/backend/exchange/write';
import { EXAMPLES, readExample, startBackend, toBase64, type TestBackend } from '../../../helpers/backend';
import { persianModel, validateAgainstShared } from './models';
import { exportBytes, importBytes, importFile, projectState } from './project-state';
import { REFI, sample, samples, unzipAll } from './samples';

let t: TestBackend;
let trips = 0;
beforeEach(() => {
  t = startBackend();
});
afterEach(async () => t.cleanup());

/** Exports the open project, checks it against the shared schema, and imports it into a new project. */
async function throughQdpx(unit: 'standard' | 'nvivo' = 'standard') {
  const before = await projectState(t);
  const records = await t.api.call('record.list', {});
  const out = await exportBytes(t, 'qdpx', unit);
  const entries = await unzipAll(out.bytes);
  expect(await validateAgainstShared(entries.get('project.qde')!.toString('utf8'), 'Project.xsd')).toEqual([]);
  await t.api.call('project.create', { name: `Round trip ${++trips}` });
  const result = await importBytes(t, out.filename, out.bytes);
  return { before, after: await projectState(t), records, recordsAfter: await t.api.call('record.list', {}), out, entries, result };
}

const offsets = (text: string, phrase: string) => {
  const start = text.indexOf(phrase);
  expect(start, phrase).toBeGreaterThanOrEqual(0);
  return { start, end: start + phrase.length };
};

describe('Groundwork → .qdpx → Groundwork', () => {
  it('a project made in Groundwork comes back the same: sources, codebook, passages (same offsets), memos, record fields', async () => {
    await t.api.call('project.create', { name: 'پروژه‌ی نمونه' });
    const names = ['Account-based marketing (fa).txt', 'B2B marketing attribution (ar).txt', 'Study abstract (en).txt'];
    const imported = await t.api.call('document.import', { files: names.map((n) => ({ name: n, dataBase64: toBase64(readExample(n)) })) });
    const [fa, ar, en] = imported.map((r) => r.document!);
    const text = async (id: number) => (await t.api.call('document.get', { id })).text;
    const main = await t.api.call('category.create', { name: 'بازاریابی مبتنی بر حساب' });
    const sub = await t.api.call('category.create', { name: 'شاخص‌ها', parentId: main.id });
    const other = await t.api.call('category.create', { name: 'Strategies of alignment', color: '#4363d8' });
    await t.api.call('component.assign', { categoryId: main.id, component: 'causal' });
    await t.api.call('component.assign', { categoryId: other.id, component: 'strategies' });
    const faText = await text(fa!.id);
    const first = await t.api.call('segment.code', { documentId: fa!.id, ...offsets(faText, faText.split('\n')[0]!.slice(0, 20).trim()), newConcept: { label: 'استراتژی' } });
    await t.api.call('segment.code', { documentId: ar!.id, ...offsets(await text(ar!.id), (await text(ar!.id)).split(/\s+/).slice(0, 3).join(' ')), newConcept: { inVivo: true } });
    await t.api.call('segment.code', { documentId: en!.id, start: 0, end: 5, conceptId: first.conceptId });
    await t.api.call('category.fileConcepts', { categoryId: sub.id, conceptIds: [first.conceptId] });
    await t.api.call('category.fileConcepts', { categoryId: other.id, conceptIds: [first.conceptId] });
    await t.api.call('memo.set', { target: { kind: 'concept', id: first.conceptId }, text: 'یادداشت مفهوم\nبا دو سطر' });
    await t.api.call('memo.set', { target: { kind: 'category', id: main.id }, text: 'مقوله‌ی اصلی' });
    await t.api.call('memo.set', { target: { kind: 'component', key: 'causal' }, text: 'شرایط علّی' });
    await t.api.call('memo.set', { target: { kind: 'document', id: ar!.id }, text: 'مذكرة المصدر' });
    await t.api.call('memo.set', { target: { kind: 'segment', id: first.id }, text: 'memo of a passage' });
    const record = (await t.api.call('record.list', {})).find((r) => r.documentId === fa!.id)!;
    await t.api.call('record.update', { id: record.id, changes: { year: 2022, authors: [{ family: 'سهرابی', given: 'علی' }, { family: 'Colli' }], doi: '10.1000/xyz', type: 'article', keywords: ['ABM', 'B2B'] } });

    const { before, after, records, recordsAfter, result } = await throughQdpx();
    expect(result.report.warnings).toEqual([]);
    expect(after).toEqual(before);
    expect(after.segments).toHaveLength(3);
    expect(after.filings).toHaveLength(2);
    expect(after.components.map((c) => c.memo)).toEqual(['شرایط علّی']);
    const fields = (list: typeof records) =>
      list.map(({ title, authors, year, venue, doi, url, type, language, abstract, keywords }) => ({ title, authors, year, venue, doi, url, type, language, abstract, keywords }));
    expect(fields(recordsAfter)).toEqual(fields(records));
    // The same passages, by the reader's own lists: same offsets, same text.
    const listed = (await t.api.call('segment.list', { scope: { kind: 'all' } })).map((s) => [s.documentName, s.conceptLabel, s.start, s.end, s.text, s.memo]);
    expect(listed).toContainEqual(['Account-based marketing (fa)', 'استراتژی', first.start, first.end, first.text, 'memo of a passage']);
  });

  it('coders, attributes, Persian and Arabic texts with emoji: in code points, and in NVivo units', async () => {
    for (const unit of ['standard', 'nvivo'] as const) {
      await t.api.call('project.create', { name: `Persian ${unit}` });
      const { bytes } = await writeQdpx(persianModel());
      const first = await importBytes(t, 'persian.qdpx', bytes);
      expect(first.written).toMatchObject({ sources: 4, passages: 6, coders: 2, attributes: 4 });
      const { before, after, out } = await throughQdpx(unit);
      expect(after, unit).toEqual(before);
      expect(after.users.map((u) => u.name).sort()).toEqual(['Ali', 'مریم']);
      expect(after.segments.filter((s) => s.coderGuid === null)).toHaveLength(1);
      expect(out.filename).toBe(unit === 'nvivo' ? 'Persian nvivo (NVivo).qdpx' : 'Persian standard.qdpx');
      expect(after.sources.find((s) => s.name === 'Account-based marketing (fa)')!.attributes).toEqual([
        // A variable named after a record field fills the record, and is written back under the field's name.
        { name: 'Authors', value: 'سهرابی و همکاران' },
        { name: 'سال', value: '۱۴۰۱' },
      ]);
    }
  });
});

describe.skipIf(!REFI)('vendor file → Groundwork → .qdpx → Groundwork', () => {
  it('every sample: the export validates, and every passage comes back on the same text (the whole project the same)', async () => {
    for (const name of samples()) {
      await t.api.call('project.create', { name: `From ${name}` });
      await importFile(t, sample(name));
      const { before, after } = await throughQdpx();
      expect(after, name).toEqual(before);
      const text = async (sourceGuid: string) => before.sources.find((s) => s.guid === sourceGuid)!.text;
      for (const s of after.segments) expect((await text(s.sourceGuid)).slice(s.start, s.end).length, name).toBeGreaterThan(0);
    }
  });
});

describe.skipIf(!REFI)('the study project (a Persian codebook)', () => {
  it('exports valid .qdpx and .qdc, and comes back unchanged, Persian and Arabic byte for byte', async () => {
    await t.api.call('project.openStudy', {});
    const documents = await t.api.call('document.list', {});
    const codebook = await t.api.call('codebook.get', {});
    // Code a passage in each source with a concept of the codebook, so passages go through too.
    for (const [i, d] of documents.entries()) {
      const { text } = await t.api.call('document.get', { id: d.id });
      const word = text.split(/\s+/).find((w) => w.length > 4)!;
      await t.api.call('segment.code', { documentId: d.id, ...offsets(text, word), conceptId: codebook.concepts[i * 7]!.id });
    }
    const qdc = await exportBytes(t, 'qdc');
    expect(await validateAgainstShared(qdc.bytes.toString('utf8'), 'Codebook.xsd')).toEqual([]);
    const { before, after, entries, result } = await throughQdpx();
    expect(result.report.warnings).toEqual([]);
    expect(after).toEqual(before);
    expect(after.concepts.length).toBe(codebook.concepts.length);
    // Item codes and English glosses come back too (carried in each code's description line).
    expect(after.concepts.filter((c) => c.glosses?.code && c.glosses.labelEn).length).toBe(codebook.concepts.filter((c) => c.code && c.labelEn).length);
    expect(after.concepts.find((c) => c.glosses?.code === 'D1.C01.01')).toMatchObject({ label: 'مهارتها', glosses: { labelFa: 'مهارتها', labelEn: 'Skills' } });
    expect(after.categories.find((c) => c.glosses?.code === 'D2')).toMatchObject({ component: 'context', glosses: { labelEn: 'B2B marketing operations and process' } });
    // Texts and labels byte for byte: the source files hold the UTF-8 of the texts, the XML the labels.
    for (const s of before.sources) expect(entries.get(`sources/${s.guid}.txt`)!.equals(Buffer.from(s.text, 'utf8')), s.name).toBe(true);
    const xml = entries.get('project.qde')!;
    for (const c of before.concepts.slice(0, 50)) {
      const label = Buffer.from(c.label.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;'), 'utf8');
      expect(xml.includes(label), c.label).toBe(true);
    }
    // The codebook alone into a third project: the same categories, concepts and filings.
    await t.api.call('project.create', { name: 'Codebook only' });
    await importBytes(t, qdc.filename, qdc.bytes);
    const codebookOnly = await projectState(t);
    expect({ ...codebookOnly, sources: [], segments: [], users: [] }).toEqual({ ...before, sources: [], segments: [], users: [] });
  });
});

void EXAMPLES;
