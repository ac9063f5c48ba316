// Bibliography import on real exports (fixtures/bibliography): parsing, linking to sources by DOI,
// title and attachment file name, duplicate flags and merging, broken files, and undo.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../shared/api/client';
import type { RecordSummary } from '../../../shared/domain/records';
import { parseRis } from '../../../electron/backend/bibliography/ris';
import { parseBibtex } from '../../../electron/backend/bibliography/bibtex';
import { parseCsv } from '../../../electron/backend/bibliography/csv';
import type { ParsedEntry } from '../../../electron/backend/bibliography/entries';
import { importTexts, readExample, REPO, startBackend, toBase64, type TestBackend } from '../../helpers/backend';
import { english } from '../../../shared/domain/message';

/** A parsed entry as a line: its title, or why it is broken (in English). */
const why = (e: ParsedEntry) => (e.ok ? e.attributes.title : english(e.message));

const BIB = path.join(REPO, 'fixtures/bibliography');
const bytes = (name: string) => fs.readFileSync(path.join(BIB, name));
const text = (name: string) => bytes(name).toString('utf8');
const good = (entries: ParsedEntry[]) => entries.flatMap((e) => (e.ok ? [e] : []));

describe('parsing the fixtures', () => {
  it('reads the Zotero RIS: authors in order, the PY year, attachments, Persian intact', () => {
    const entries = good(parseRis(text('zotero.ris')));
    expect(entries.map((e) => e.attributes.title)).toEqual([
      'A metamodel for evaluating enterprise readiness in the context of Industry 4.0',
      'A maturity assessment approach for conceiving context-specific roadmaps in the Industry 4.0 era',
      'استراتژی بازاریابی مبتنی بر حساب چیست؟',
      'إسناد تسویق B2B: دلیل المبتدئین لإسناد المسوقین المدفوعین بالإیرادات',
      'مدل سنجش بلوغ مدیریت ارتباط با مشتری',
    ]);
    const colli = entries[1]!.attributes;
    expect(colli.authors.map((a) => a.family)).toEqual(['Colli', 'Berger', 'Bockholt', 'Madsen', 'Møller', 'Wæhrens']);
    expect(colli.year).toBe(2018); // PY, not the online date DA 2019/01/01
    expect(colli).toMatchObject({ doi: '10.1016/j.arcontrol.2019.06.001', venue: 'Annual Reviews in Control', type: 'article', language: 'en' });
    expect(colli.keywords).toEqual(['Industry 4.0', 'Maturity model']);
    expect(entries[2]!.attachments).toEqual(['Account-based marketing (fa).txt']);
    expect(entries[2]!.attributes.type).toBe('web page');
    expect(entries[4]!.attributes.authors).toEqual([
      { family: 'سهرابی', given: 'بابک' },
      { family: 'موسی خانی', given: 'محمد' },
      { family: 'خانلری', given: 'امیر' },
    ]);
    expect(entries[4]!.attributes.year).toBe(1388);
  });

  it('reads the EndNote RIS that starts with a byte-order mark', () => {
    expect(text('endnote-bom.ris').charCodeAt(0)).toBe(0xfeff);
    const entries = good(parseRis(text('endnote-bom.ris')));
    expect(entries).toHaveLength(3);
    expect(entries[0]!.attributes).toMatchObject({ doi: '10.1016/j.im.2019.103262', year: 2020, venue: 'Information & Management' });
    expect(entries[0]!.attributes.authors[0]).toEqual({ family: 'Fischer', given: 'Marcus' });
    expect(entries[2]!.attributes).toMatchObject({ title: 'مدل قابلیت حسابرسی داخلی', year: 1392, language: 'fa', venue: 'ماهنامه حسابدار' });
  });

  it('reads the Zotero BibTeX: braces gone, file field, Persian authors', () => {
    const entries = good(parseBibtex(text('zotero.bib')));
    expect(entries).toHaveLength(5);
    expect(entries[0]!.attributes).toMatchObject({
      title: 'Providing a Business-to-Business Marketing Maturity Model',
      year: 2022,
      doi: '10.22059/jibm.2022.336954.4293',
    });
    expect(entries[0]!.attributes.authors.map((a) => a.family)).toEqual(['Tellohosseini', 'Sanavifard', 'Eyvazi Heshmat']);
    expect(entries[2]!.attributes.type).toBe('book');
    expect(entries[3]!.attributes.authors[0]).toEqual({ family: 'احمدی زاده', given: 'آرمان' });
    expect(entries[4]!.attributes.title).toBe('مارکتینگ B2B چیست؟ راهنمای کامل بازاریابی کسب‌وکار به کسب‌وکار');
    expect(entries[4]!.attachments).toEqual(['B2B marketing guide (fa).txt']);
  });

  it('reads the Mendeley BibTeX: LaTeX letters decoded, its file path reduced to a name', () => {
    const entries = good(parseBibtex(text('mendeley.bib')));
    expect(entries).toHaveLength(3);
    expect(entries[0]!.attributes.authors.map((a) => a.family)).toContain('Møller');
    expect(entries[0]!.attributes.title).toBe('A maturity assessment approach for conceiving context-specific roadmaps in the Industry 4.0 era');
    expect(entries[0]!.attachments).toEqual(['Colli et al. - 2018 - A maturity assessment approach for conceiving context-specific roadmaps in the Industry 4.0 era.pdf']);
    expect(entries[2]!.attributes.title).toBe('همکاری تیم فروش و بازاریابی (Smarketing) راهنمای جامع برای رشد انفجاری');
  });

  it('reads the CSV with a BOM and Persian text, mapping Zotero column names', () => {
    expect(text('zotero-persian.csv').charCodeAt(0)).toBe(0xfeff);
    const entries = good(parseCsv(text('zotero-persian.csv')));
    expect(entries).toHaveLength(4);
    expect(entries[0]!.attributes).toMatchObject({
      title: 'بررسی سطح بلوغ تجارت الکترونیکی صادرکنندگان برتر سال ۱۳۸۲ ایران',
      year: 1385,
      venue: 'مجله تحقیقات اقتصادی',
      type: 'article',
      language: 'fa',
      keywords: ['بلوغ', 'تجارت الکترونیک'],
    });
    expect(entries[0]!.attributes.authors).toEqual([
      { family: 'آقازاده', given: 'هاشم' },
      { family: 'اسفیدانی', given: 'محمد رحیم' },
    ]);
    expect(entries[1]!.attributes.authors[0]!.family).toBe('دیده\u200Cخانی'); // ZWNJ kept
    expect(entries[2]!.attributes.type).toBe('web page');
    expect(entries[2]!.attachments).toEqual(['Sales and marketing alignment (fa).txt']);
    expect(entries[3]!.attributes).toMatchObject({ doi: '10.1108/jmtm-02-2018-0057', year: 2018 });
  });

  it('joins an abstract or note that runs over several lines, and refuses stray lines elsewhere', () => {
    const entries = parseRis('TY  - JOUR\nTI  - One\nAB  - First line\nsecond line\nER  - \n\nTY  - JOUR\nTI  - Two\nstray\nER  - \n');
    expect(entries[0]).toMatchObject({ ok: true, attributes: { title: 'One', abstract: 'First line second line' } });
    expect(entries[1]).toMatchObject({ ok: false });
    expect(why(entries[1]!)).toBe('line 9 is not a RIS tag line ("stray")');
  });

  it('reads the good entries of a BibTeX file with a broken one, and says in one line why it is broken', () => {
    const text = '@article{good1,\n  title = {Good one},\n  year = {2020},\n}\n\n@article{bad,\n  title = {Broken {brace},\n  year = {2021},\n}\n\n@book{good2,\n  title = {Good two},\n  year = {2019}\n}\n';
    const entries = parseBibtex(text);
    expect(entries.map(why)).toEqual([
      'Good one',
      expect.stringMatching(/^the entry cannot be read \(expected "rbrace", got EOF at line 6 col 1\)$/),
      'Good two',
    ]);
  });

  it('reports CSV rows with too many fields or no title by their row number', () => {
    const entries = parseCsv('Title,Year\n"A",2020\n"B",2021,extra\n,2022\n');
    expect(entries.map(why)).toEqual(['A', 'row 3: Too many fields: expected 2 fields but parsed 3', 'row 4 has no title']);
  });

  it('reports each broken RIS record with its number and reason, and reads the good ones', () => {
    const entries = parseRis(text('broken.ris'));
    expect(entries.map((e) => e.ok)).toEqual([true, false, true, false, false, true]);
    const broken = entries.flatMap((e) => (e.ok ? [] : [e]));
    expect(broken[0]).toMatchObject({ index: 2, title: 'A record whose end was lost' });
    expect(why(broken[0]!)).toMatch(/no end line \(ER\) before the next record/);
    expect(why(broken[1]!)).toMatch(/lines outside any record/);
    expect(why(broken[2]!)).toBe('it has no title (TI or T1 line)');
  });
});

let t: TestBackend;
let api: ApiClient;

beforeEach(async () => {
  t = startBackend();
  api = t.api;
  await api.call('project.create', { name: 'Corpus test' });
});
afterEach(() => t.cleanup());

const importBib = (name: string) => api.call('bibliography.import', { name, dataBase64: toBase64(bytes(name)) });
const records = () => api.call('record.list', {});
const byTitle = (list: RecordSummary[], start: string) => list.find((r) => r.title.startsWith(start))!;

const EXAMPLES = ['Account-based marketing (fa).txt', 'B2B marketing attribution (ar).txt', 'B2B marketing guide (fa).txt', 'Study abstract (en).txt'];

describe('linking records to sources', () => {
  it('a source imported alone gets its own record, included, titled by its name', async () => {
    await importTexts(api, { 'Field notes.txt': 'Notes from the first interview.' });
    const [record] = await records();
    expect(record).toMatchObject({ title: 'Field notes', origin: 'file', stage: 'included', authors: [] });
    expect(record!.documentId).not.toBeNull();
  });

  it('links by attachment file name, by title across Arabic and Persian letter forms, and leaves the rest without text', async () => {
    await importTexts(api, Object.fromEntries(EXAMPLES.map((n) => [n, readExample(n)])));
    const docs = await api.call('document.list', {});
    const docId = (name: string) => docs.find((d) => d.name === name)!.id;
    const ris = await importBib('zotero.ris');
    expect(ris).toMatchObject({ format: 'RIS', imported: 5, linked: 2, broken: 0 });
    expect(ris.records.map((r) => r.linkedBy)).toEqual([undefined, undefined, 'file name', 'title', undefined]);
    const bib = await importBib('zotero.bib');
    expect(bib.records.map((r) => r.linkedBy)).toEqual(['title', undefined, undefined, undefined, 'file name']);
    const list = await records();
    expect(byTitle(list, 'استراتژی').documentId).toBe(docId('Account-based marketing (fa)'));
    expect(byTitle(list, 'إسناد').documentId).toBe(docId('B2B marketing attribution (ar)'));
    expect(byTitle(list, 'Providing a Business').documentId).toBe(docId('Study abstract (en)'));
    expect(byTitle(list, 'مارکتینگ B2B').documentId).toBe(docId('B2B marketing guide (fa)'));
    expect(byTitle(list, 'A metamodel').documentId).toBeNull();
    // Every source still has exactly one record; linked ones took the bibliography's attributes and stage.
    for (const d of docs) expect(list.filter((r) => r.documentId === d.id)).toHaveLength(1);
    expect(byTitle(list, 'Providing a Business')).toMatchObject({ stage: 'identified', year: 2022, origin: 'BibTeX: zotero.bib' });
    expect(list.filter((r) => r.origin === 'file').map((r) => r.title)).toEqual([]);
  });

  it('links by a DOI printed in the source text', async () => {
    await importTexts(api, { 'ghobakhloo.txt': 'The future of manufacturing\nAvailable at https://doi.org/10.1108/JMTM-02-2018-0057 (open access).' });
    const result = await importBib('broken.ris');
    expect(result.records[0]).toMatchObject({ status: 'imported', linkedBy: 'doi' });
  });

  it('a source imported after its bibliography record joins that record', async () => {
    await importBib('zotero.ris');
    const [imported] = await importTexts(api, { 'Account-based marketing (fa).txt': readExample('Account-based marketing (fa).txt') });
    const list = await records();
    expect(list).toHaveLength(5);
    expect(byTitle(list, 'استراتژی')).toMatchObject({ documentId: imported!.document!.id, stage: 'identified' });
  });

  it('a deleted source leaves its bibliography record as a record without full text', async () => {
    await importTexts(api, { 'Account-based marketing (fa).txt': readExample('Account-based marketing (fa).txt'), 'Other.txt': 'other text' });
    await importBib('zotero.ris');
    for (const d of await api.call('document.list', {})) await api.call('document.delete', { id: d.id });
    const list = await records();
    expect(list).toHaveLength(5);
    expect(list.every((r) => r.documentId === null)).toBe(true);
  });
});

describe('duplicates', () => {
  it('flags the same DOI and near-same titles of the same year, and merging keeps one record with the source', async () => {
    await importBib('zotero.ris');
    await importBib('zotero.bib');
    const mendeley = await importBib('mendeley.bib');
    expect(mendeley.duplicatesFlagged).toBe(2);
    const list = await records();
    const flags = await api.call('record.duplicates', {});
    const describe = flags.map((f) => [list.find((r) => r.id === f.a)!.title.slice(0, 20), list.find((r) => r.id === f.b)!.title.slice(0, 20), f.why]);
    expect(describe).toEqual([
      ['A metamodel for eval', 'A Metamodel for Eval', 'doi'],
      ['A maturity assessmen', 'A maturity assessmen', 'doi'],
      ['Discovery of Grounde', 'The discovery of gro', 'title'],
    ]);
    const [basl] = flags;
    const keep = list.find((r) => r.id === basl!.a)!;
    const drop = list.find((r) => r.id === basl!.b)!;
    expect(keep.keywords).toEqual(['Industry 4.0', 'maturity model']);
    const merged = await api.call('record.merge', { keepId: keep.id, dropId: drop.id });
    expect(merged.title).toBe(keep.title);
    expect(await records()).toHaveLength(list.length - 1);
    expect((await api.call('record.duplicates', {})).length).toBe(2);
    expect(await api.call('screening.prisma', {})).toMatchObject({ identified: list.length, duplicatesRemoved: 1 });
    await api.call('history.undo', {});
    expect(await records()).toHaveLength(list.length);
    expect((await api.call('record.duplicates', {})).length).toBe(3);
  });

  it('merging fills what the kept record lacks and takes over the duplicate source link', async () => {
    await importTexts(api, { 'Sales and marketing alignment (fa).txt': readExample('Sales and marketing alignment (fa).txt') });
    await importBib('zotero-persian.csv'); // links the Smarketing page by its attachment file name
    await importBib('mendeley.bib'); // the same page again, without a file, year 2023
    const list = await records();
    const linked = list.find((r) => r.documentId !== null)!;
    const twin = list.find((r) => r.id !== linked.id && r.title === linked.title)!;
    expect(await api.call('record.duplicates', {})).toContainEqual({ a: linked.id, b: twin.id, why: 'title' });
    const merged = await api.call('record.merge', { keepId: twin.id, dropId: linked.id });
    expect(merged.documentId).toBe(linked.documentId);
    expect(merged.language).toBe('fa');
  });

  it('flags a pair made by editing, even when the edits merge into one undo step', async () => {
    await importBib('zotero.ris');
    const [basl, colli] = await records();
    await api.call('record.update', { id: basl!.id, changes: { year: 2018 } });
    await api.call('record.update', { id: basl!.id, changes: { title: 'A maturity' } });
    expect(await api.call('record.duplicates', {})).toEqual([]);
    await api.call('record.update', { id: basl!.id, changes: { title: 'A maturity assessment approach for conceiving context specific roadmaps in the Industry 4.0 era.' } });
    expect(await api.call('record.duplicates', {})).toEqual([{ a: basl!.id, b: colli!.id, why: 'title' }]);
    await api.call('history.undo', {});
    expect(await api.call('record.duplicates', {})).toEqual([]);
  });

  it('a dismissed flag stays dismissed, and the dismissal can be undone', async () => {
    await importBib('zotero.ris');
    await importBib('zotero.bib');
    const [flag] = await api.call('record.duplicates', {});
    await api.call('record.dismissDuplicate', { a: flag!.a, b: flag!.b });
    expect(await api.call('record.duplicates', {})).toEqual([]);
    await api.call('history.undo', {});
    expect(await api.call('record.duplicates', {})).toEqual([flag]);
  });
});

describe('deleting a source whose record was judged a duplicate (issue 10)', () => {
  // A source's own record and a record entered by hand for the same work: flagged by title.
  const setUp = async () => {
    const [imported] = await importTexts(api, { 'Field notes on trust.txt': 'Notes from the first interview.' });
    const source = imported!.document!.id;
    const own = (await records()).find((r) => r.documentId === source)!;
    const typed = await api.call('record.create', { title: 'Field notes on trust' });
    expect(await api.call('record.duplicates', {})).toEqual([{ a: own.id, b: typed.id, why: 'title' }]);
    return { source, own, typed };
  };
  const sources = async () => (await api.call('document.list', {})).map((d) => d.id);
  const shown = async () => (await records()).map((r) => [r.id, r.documentId]);

  it('after "Not a duplicate", the source is deleted; undo brings back its record and the dismissal, redo deletes it again', async () => {
    const { source, own, typed } = await setUp();
    await api.call('record.dismissDuplicate', { a: own.id, b: typed.id });
    await api.call('document.delete', { id: source });
    expect(await sources()).toEqual([]);
    expect(await shown()).toEqual([[typed.id, null]]);
    expect((await api.call('history.get', {})).undo?.label).toBe('Delete source “Field notes on trust”');
    await api.call('history.undo', {});
    expect(await sources()).toEqual([source]);
    expect(await shown()).toEqual([[own.id, source], [typed.id, null]]);
    expect(await api.call('record.duplicates', {})).toEqual([]); // still dismissed
    await api.call('history.redo', {});
    expect(await sources()).toEqual([]);
    expect(await shown()).toEqual([[typed.id, null]]);
  });

  it('after merging a record into the source’s own, the source is deleted and the merged record comes back without text; undo and redo', async () => {
    const { source, own, typed } = await setUp();
    await api.call('record.merge', { keepId: own.id, dropId: typed.id });
    expect(await shown()).toEqual([[own.id, source]]);
    expect(await api.call('screening.prisma', {})).toMatchObject({ identified: 2, duplicatesRemoved: 1 });
    await api.call('document.delete', { id: source });
    expect(await sources()).toEqual([]);
    expect(await shown()).toEqual([[typed.id, null]]);
    expect(await api.call('screening.prisma', {})).toMatchObject({ identified: 1, duplicatesRemoved: 0 });
    await api.call('history.undo', {});
    expect(await shown()).toEqual([[own.id, source]]);
    expect(await api.call('screening.prisma', {})).toMatchObject({ identified: 2, duplicatesRemoved: 1 });
    await api.call('history.redo', {});
    expect(await sources()).toEqual([]);
    expect(await shown()).toEqual([[typed.id, null]]);
  });

  it('after merging the source’s own record into another, the source is deleted and that record stays without text; undo and redo', async () => {
    const { source, own, typed } = await setUp();
    await api.call('record.merge', { keepId: typed.id, dropId: own.id });
    expect(await shown()).toEqual([[typed.id, source]]);
    await api.call('document.delete', { id: source });
    expect(await shown()).toEqual([[typed.id, null]]);
    await api.call('history.undo', {});
    expect(await shown()).toEqual([[typed.id, source]]);
    await api.call('history.redo', {});
    expect(await sources()).toEqual([]);
    expect(await shown()).toEqual([[typed.id, null]]);
  });

  it('a second duplicate merged into the source’s own record stays merged into the first when the source goes', async () => {
    const { source, own, typed } = await setUp();
    const again = await api.call('record.create', { title: 'Field notes on trust.' });
    await api.call('record.merge', { keepId: own.id, dropId: typed.id });
    await api.call('record.merge', { keepId: own.id, dropId: again.id });
    await api.call('document.delete', { id: source });
    expect(await shown()).toEqual([[typed.id, null]]);
    expect(await api.call('screening.prisma', {})).toMatchObject({ identified: 2, duplicatesRemoved: 1 });
  });

  it('linking another record to a source whose own record was dismissed or merged replaces it without a broken reference', async () => {
    const { source, own, typed } = await setUp();
    const other = await api.call('record.create', { title: 'Trust in B2B relationships' });
    await api.call('record.dismissDuplicate', { a: own.id, b: typed.id });
    await api.call('record.link', { id: other.id, documentId: source });
    expect(await shown()).toEqual([[typed.id, null], [other.id, source]]);
    await api.call('history.undo', {});
    await api.call('record.merge', { keepId: own.id, dropId: typed.id });
    await api.call('record.link', { id: other.id, documentId: source });
    // The duplicate merged into the replaced record now stands merged into the linked one.
    expect(await shown()).toEqual([[other.id, source]]);
    expect(await api.call('screening.prisma', {})).toMatchObject({ identified: 2, duplicatesRemoved: 1 });
  });

  it('a bibliography record takes a source whose own record was dismissed as not a duplicate; undo gives it back', async () => {
    const { source, own, typed } = await setUp();
    await api.call('record.dismissDuplicate', { a: own.id, b: typed.id });
    const ris = 'TY  - JOUR\nTI  - Field notes on trust\nPY  - 2020\nER  - \n';
    const result = await api.call('bibliography.import', { name: 'trust.ris', dataBase64: toBase64(ris) });
    expect(result.records[0]).toMatchObject({ linkedDocumentId: source, linkedBy: 'title' });
    expect((await records()).map((r) => [r.origin, r.documentId])).toEqual([
      ['entered by hand', null],
      ['RIS: trust.ris', source],
    ]);
    await api.call('history.undo', {});
    expect(await shown()).toEqual([[own.id, source], [typed.id, null]]);
    expect(await api.call('record.duplicates', {})).toEqual([]);
  });
});

describe('bad bibliography files', () => {
  it('imports the good records of a RIS file with broken records and reports each broken one', async () => {
    const result = await importBib('broken.ris');
    expect(result).toMatchObject({ imported: 3, broken: 3 });
    expect(result.records.filter((r) => r.status === 'broken').map((r) => r.message)).toEqual([
      expect.stringMatching(/^Record 2 \(“A record whose end was lost”\): it has no end line \(ER\) before the next record at line 13; not imported\.$/),
      expect.stringMatching(/^Record 4: lines outside any record, starting at line 19 \(no TY line opens it\); not imported\.$/),
      'Record 5: it has no title (TI or T1 line); not imported.',
    ]);
    expect((await records()).map((r) => r.title)).toEqual([
      'The future of manufacturing industry: a strategic roadmap toward Industry 4.0',
      'A comparative evaluation of cloud migration optimization approaches: a systematic literature review',
      'Discovery of grounded theory: strategies for qualitative research',
    ]);
  });

  it('refuses an unparseable file with a clear message and leaves the project unchanged', async () => {
    const before = await api.call('history.get', {});
    for (const [name, content, message] of [
      ['notes.ris', 'just some notes\nnothing here', /notes\.ris: no RIS record was found in it/],
      ['refs.bib', 'not bibtex at all', /refs\.bib: no BibTeX entry was found/],
      ['sheet.csv', 'a,b\n1,2\n', /sheet\.csv: it has no "Title" column/],
      ['bin.ris', new Uint8Array([0, 1, 2, 3, 0, 0, 9]), /bin\.ris: this looks like a binary file/],
      ['untitled.ris', 'TY  - JOUR\nAU  - Someone\nER  - \n', /untitled\.ris: none of its 1 records can be read \(record 1: it has no title/],
    ] as const) {
      await expect(api.call('bibliography.import', { name, dataBase64: toBase64(content) })).rejects.toThrow(message);
    }
    expect(await records()).toEqual([]);
    expect(await api.call('history.get', {})).toEqual(before);
  });

  it('undoes a bibliography import as one step, giving linked sources their own records back', async () => {
    await importTexts(api, { 'Account-based marketing (fa).txt': readExample('Account-based marketing (fa).txt') });
    const before = await records();
    await importBib('zotero.ris');
    expect(await records()).toHaveLength(5);
    await api.call('history.undo', {});
    expect(await records()).toEqual(before);
    await api.call('history.redo', {});
    expect(await records()).toHaveLength(5);
  });

  it('routes .ris/.bib/.csv given to the ordinary import to the bibliography importer', async () => {
    const results = await api.call('document.import', {
      files: [
        { name: 'Account-based marketing (fa).txt', dataBase64: toBase64(readExample('Account-based marketing (fa).txt')) },
        { name: 'zotero.ris', dataBase64: toBase64(bytes('zotero.ris')) },
      ],
    });
    expect(results[0]!.status).toBe('imported');
    expect(results[1]).toMatchObject({ name: 'zotero.ris', status: 'imported' });
    // The linked source takes the record's title and its stage (identified), and the report says so.
    expect(results[1]!.message).toBe(
      'zotero.ris: 5 RIS records imported, 1 linked to a source. Record 3 (“استراتژی بازاریابی مبتنی بر حساب چیست؟”): linked to a source by file name. ' +
        'The source “Account-based marketing (fa)” is now named after it. The source takes the record’s stage, identified, and leaves the Coding list until it is included in Screening.',
    );
  });

  it('reports a bibliography with some broken records as partly imported, not failed', async () => {
    const [result] = await api.call('document.import', { files: [{ name: 'broken.ris', dataBase64: toBase64(bytes('broken.ris')) }] });
    expect(result!.status).toBe('partial');
    expect(result!.message).toMatch(/^broken\.ris: 3 of 6 RIS records imported, 0 linked to sources, 3 broken records not imported\. Record 2 /);
    expect(await api.call('record.list', {})).toHaveLength(3);
  });

  it('refuses a bibliography of more records than one may hold, importing none of them', async () => {
    const ris = 'TY  - JOUR\nTI  - A record\nER  - \n'.repeat(10_001);
    const [result] = await api.call('document.import', { files: [{ name: 'huge.ris', dataBase64: toBase64(ris) }] });
    expect(result).toMatchObject({ status: 'failed' });
    expect(result!.message).toBe('huge.ris: it holds more than 10,000 records; one bibliography may hold 10,000 (MAX_BIBLIOGRAPHY_RECORDS). Nothing was imported: split it into parts.');
    expect(await api.call('record.list', {})).toHaveLength(0);
  });
});
