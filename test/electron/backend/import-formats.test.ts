// The importers on real files (fixtures/import, made as fixtures/README.md says): PDF text in
// reading order with its page map, Persian PDF lines in logical order, DOCX paragraph directions,
// HTML with nothing executable left; and bad files, each with its own message while the rest of
// the batch is imported and the project is otherwise unchanged.

import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFromPaths } from '../../../electron/backend/import/paths';
import { scanHtml } from '../../../electron/backend/import/html-scan';
import { logicalLine } from '../../../electron/backend/import/pdf-bidi';
import { splitParagraphs } from '../../../shared/domain/text';
import { importTexts, REPO, startBackend, type TestBackend } from '../../helpers/backend';

const FIXTURES = path.join(REPO, 'fixtures/import');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

let t: TestBackend;
beforeEach(async () => {
  t = startBackend();
  await t.api.call('project.create', { name: 'Formats' });
});
afterEach(() => t.cleanup());

const importFixtures = (...names: string[]) => importTexts(t.api, Object.fromEntries(names.map((n) => [n, fixture(n)])));
const snapshot = () =>
  t.backend.store!.read(async (db) => ({
    documents: await db.all('SELECT id, name, sha256 FROM document ORDER BY id'),
    pages: await db.all('SELECT * FROM document_page ORDER BY document_id, page_index'),
    directions: await db.all('SELECT * FROM document_direction ORDER BY document_id, paragraph'),
  }));
/** Persian text compared across formats: a PDF cannot keep ZERO WIDTH NON-JOINER. */
const comparable = (s: string) => s.replace(/\u200C/g, '').normalize('NFKC');

describe('PDF', () => {
  it('reads an English two-column PDF column by column, with paragraphs, joined hyphens and its page map', async () => {
    const [r] = await importFixtures('english-two-columns.pdf');
    expect(r!.status).toBe('imported');
    expect(r!.document!.format).toBe('pdf');
    const doc = await t.api.call('document.get', { id: r!.document!.id });
    const lines = doc.text.split('\n');
    // The title is one paragraph though it wraps; then the first column begins.
    expect(lines[0]).toBe('Trust in Industrial Marketing: A Two-Column Test Article');
    expect(lines[1]).toBe('The first column opens with this sentence about industrial buyers.');
    // Column order: paragraph n+1 follows paragraph n, across columns and pages.
    const starts = [...doc.text.matchAll(/Paragraph (\d+) begins here\./g)].map((m) => Number(m[1]));
    expect(starts).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    for (let n = 1; n <= 14; n += 1) expect(lines.some((l) => l.startsWith(`Paragraph ${n} begins here.`))).toBe(true);
    // A word broken at a line end by a (soft) hyphen is whole again.
    expect(doc.text).toContain('in every international market.');
    expect(doc.text).not.toMatch(/inter[-\u2010\u00AD] ?national/);
    // Page map: three pages, in order, each starting inside the text.
    expect(doc.pages!.map((p) => p.index)).toEqual([1, 2, 3]);
    expect(doc.pages![0]!.start).toBe(0);
    expect(doc.pages![1]!.start).toBeGreaterThan(0);
    expect(doc.pages![2]!.start).toBeGreaterThan(doc.pages![1]!.start);
    // Known from the PDF's own text items: "Paragraph 9" is on page 2, the closing sentence on page 3.
    const id = r!.document!.id;
    const pageOf = async (phrase: string) => (await t.api.call('document.pageAt', { id, offset: doc.text.indexOf(phrase) }))?.label;
    expect(await pageOf('The first column opens')).toBe('1');
    expect(await pageOf('Paragraph 9 begins here.')).toBe('2');
    expect(await pageOf('This closing sentence sits on the last page')).toBe('3');
    // A passage coded there is listed with its page, for its citation.
    const start = doc.text.indexOf('Paragraph 9 begins here.');
    const coded = await t.api.call('segment.code', { documentId: id, start, end: start + 11, newConcept: { label: 'page test' } });
    const [row] = await t.api.call('segment.list', { scope: { kind: 'concept', id: coded.conceptId } });
    expect(row!.page).toBe('2');
  });

  it('puts the right-to-left lines of a Persian PDF in logical order, matching the same sentences from the DOCX', async () => {
    const [pdf, docx] = await importFixtures('persian.pdf', 'persian.docx');
    expect(pdf!.status).toBe('imported');
    expect(pdf!.document!.dir).toBe('rtl');
    const fromPdf = (await t.api.call('document.get', { id: pdf!.document!.id })).text;
    const fromDocx = (await t.api.call('document.get', { id: docx!.document!.id })).text;
    // No presentation forms are left (they were NFKC-normalised to letters).
    expect(fromPdf).not.toMatch(/[\uFB50-\uFDFF\uFE70-\uFEFF]/);
    const pdfLines = fromPdf.split('\n');
    expect(pdfLines[0]).toBe('بازاریابی صنعتی');
    const docxLines = fromDocx.split('\n');
    for (const sentence of docxLines.slice(0, 2)) expect(pdfLines.map(comparable)).toContain(comparable(sentence));
    // The PDF's third paragraph goes on after the DOCX's third sentence.
    expect(comparable(pdfLines[3]!).startsWith(comparable(docxLines[2]!))).toBe(true);
    expect(pdfLines[2]).toBe('در این پژوهش، ۶۸ مقاله از میان ۵۹۳ منبع برای تحلیل برگزیده شدند.');
    // A wrapped paragraph with a Latin run and a number: one paragraph, runs left to right in place.
    expect(pdfLines[3]).toContain('این همکاری در سال 2022 با رویکرد B2B سنجیده شد');
    expect(pdfLines).toHaveLength(4);
    expect((await t.api.call('document.get', { id: pdf!.document!.id })).pages).toEqual([{ index: 1, label: null, start: 0 }]);
  });

  // A PDF cannot keep ZWNJ, and Vazirmatn draws heh + hamza above with the glyph its cmap gives as
  // U+06C0: both are folded; every other character, mark, bracket and digit must be as written.
  const asPrinted = (s: string) => s.replace(/\u200C/g, '').normalize('NFKC').replace(/\u06C0/g, '\u0647\u0654');

  it.each([
    ['persian.pdf', 'persian-pdf.html'],
    ['persian-bidi.pdf', 'persian-bidi-pdf.html'],
    ['persian-heldout.pdf', 'persian-heldout-pdf.html'],
  ])('reads %s, printed by Chromium, as its source %s, paragraph for paragraph', async (pdf, source) => {
    const [r] = await importFixtures(pdf);
    const { text } = await t.api.call('document.get', { id: r!.document!.id });
    const written = scanHtml(fs.readFileSync(path.join(FIXTURES, 'src', source), 'utf8')).body;
    expect(text.split('\n').map(asPrinted)).toEqual(written.map(asPrinted));
  });

  it('keeps brackets, guillemets and a tanwin as written in right-to-left lines, and number runs in order', async () => {
    const [r] = await importFixtures('persian-bidi.pdf');
    const { text } = await t.api.call('document.get', { id: r!.document!.id });
    expect(text).toContain('این واژه (معمولاً) در متنها دقیقاً به همین شکل میآید.');
    expect(text).toContain('مدل بلوغ CMMI [سطح ۳] و «سنجش عملکرد» {B2B} را با هم مقایسه کردیم.');
    expect(text).toContain('(صفحههای 12-15)');
    expect(text).toContain('به 45% رسید');
    expect(text).toContain('«نتایج» < 50٪ بود.');
  });

  it('reads a right-to-left two-column PDF right column first, across pages', async () => {
    const [r] = await importFixtures('persian-two-columns.pdf');
    const doc = await t.api.call('document.get', { id: r!.document!.id });
    const lines = doc.text.split('\n');
    expect(lines[0]).toBe('اعتماد در بازاریابی صنعتی: مقالهای دوستونی');
    const digits = (s: string) => Number(s.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)));
    const order = [...doc.text.matchAll(/بند ([۰-۹]+) از اینجا آغاز میشود\./g)].map((m) => digits(m[1]!));
    expect(order).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    // Every paragraph starts a line: none was cut at a column or page break.
    expect(lines.slice(1).every((l) => /^بند [۰-۹]+ از اینجا آغاز میشود\./.test(l))).toBe(true);
    const pageOf = async (phrase: string) => (await t.api.call('document.pageAt', { id: r!.document!.id, offset: doc.text.indexOf(phrase) }))?.index;
    expect(await pageOf('بند ۱۰ از')).toBe(1);
    expect(await pageOf('بند ۱۱ از')).toBe(2);
  });

  it('leaves out running heads and feet (date, address, "2/3") that repeat on every page', async () => {
    const [withHeads, plain] = await importFixtures('english-running-heads.pdf', 'english-two-columns.pdf');
    // Same article, printed with Chromium's header and footer: the same text once they are gone.
    expect(withHeads!.status).toBe('imported');
    expect(plain!.status).toBe('duplicate');
    const { text, pages } = await t.api.call('document.get', { id: withHeads!.document!.id });
    expect(text).not.toMatch(/127\.0\.0\.1|article\.html|\d\/3|\d{1,2}:\d\d [AP]M/);
    expect(pages).toHaveLength(3);
  });

  it('reads a Persian PDF written by LibreOffice from the DOCX: every paragraph equals the DOCX one', async () => {
    const [pdf, docx] = await importFixtures('persian-libreoffice.pdf', 'persian.docx');
    const fromPdf = (await t.api.call('document.get', { id: pdf!.document!.id })).text.split('\n');
    const fromDocx = (await t.api.call('document.get', { id: docx!.document!.id })).text.split('\n');
    expect(fromPdf.map(comparable)).toEqual(fromDocx.map(comparable));
    // The last paragraph has more Latin than Persian letters; it is flush right, so it reads right to left.
    expect(fromPdf[4]).toBe('CRM و ERP در B2B');
  });

  it('opens an encrypted PDF that needs no password to read', async () => {
    const [r] = await importFixtures('no-user-password.pdf');
    expect(r!.status).toBe('imported');
    expect((await t.api.call('document.get', { id: r!.document!.id })).text).toContain('۶۸ مقاله');
  });

  it('orders a right-to-left line from visual items, keeping Latin and number runs left to right', () => {
    // Visual order (left to right on the page) of "سال 2022 با B2B": B2B is leftmost.
    const item = (s: string, x0: number) => ({ s, x0, x1: x0 + 10 * s.length, size: 12 });
    const visual = [item('B2B', 0), item(' ', 30), item('با', 40), item(' ', 60), item('2022', 70), item(' ', 110), item('سال', 120)];
    expect(logicalLine(visual)).toBe('سال 2022 با B2B');
    expect(logicalLine([item('Marketing', 0), item(' ', 90), item('B2B', 100)])).toBe('Marketing B2B');
  });
});

describe('DOCX', () => {
  it('keeps each paragraph with the direction the file states, and the reader honours it', async () => {
    const [r] = await importFixtures('persian.docx');
    expect(r!.status).toBe('imported');
    expect(r!.document!.format).toBe('docx');
    expect(r!.document!.dir).toBe('rtl');
    const doc = await t.api.call('document.get', { id: r!.document!.id });
    const lines = doc.text.split('\n');
    expect(lines[0]).toBe('بازاریابی صنعتی بر پایه اعتماد میان خریدار و فروشنده شکل می‌گیرد.');
    expect(lines[3]).toBe('Account-based marketing aligns sales and marketing around key accounts.');
    expect(lines[4]).toBe('CRM و ERP در B2B');
    expect(doc.directions).toEqual([
      { paragraph: 0, dir: 'rtl' },
      { paragraph: 1, dir: 'rtl' },
      { paragraph: 2, dir: 'rtl' },
      { paragraph: 3, dir: 'ltr' },
      { paragraph: 4, dir: 'rtl' },
    ]);
    // "CRM و ERP در B2B" has more Latin letters than Persian ones: guessed, it would read left to
    // right; the file says right to left, and that wins.
    expect(splitParagraphs(doc.text)[4]!.dir).toBe('ltr');
    expect(splitParagraphs(doc.text, doc.directions)[4]!.dir).toBe('rtl');
    expect(splitParagraphs(doc.text, doc.directions).map((p) => p.dir)).toEqual(['rtl', 'rtl', 'rtl', 'ltr', 'rtl']);
  });

  it("takes a paragraph's direction from its style or the document default when it states none", async () => {
    // The same document, with w:bidi moved from the paragraphs to docDefaults, and the English
    // paragraph saying w:bidi="0" itself.
    const [r] = await importFixtures('persian-style-rtl.docx');
    const doc = await t.api.call('document.get', { id: r!.document!.id });
    expect(doc.directions!.map((d) => d.dir)).toEqual(['rtl', 'rtl', 'rtl', 'ltr', 'rtl']);
  });

  it('undoes and redoes an import with its pages and directions', async () => {
    const [r] = await importFixtures('persian.docx', 'english-two-columns.pdf');
    const before = await snapshot();
    expect(before.directions).toHaveLength(5);
    expect(before.pages).toHaveLength(3);
    await t.api.call('history.undo', {});
    expect(await snapshot()).toEqual({ documents: [], pages: [], directions: [] });
    await t.api.call('history.redo', {});
    expect(await snapshot()).toEqual(before);
    await t.api.call('document.delete', { id: r!.document!.id });
    expect((await snapshot()).directions).toHaveLength(0);
    await t.api.call('history.undo', {});
    expect(await snapshot()).toEqual(before);
  });
});

describe('HTML', () => {
  it('keeps the article text of a hostile saved page and nothing executable', async () => {
    const [r] = await importFixtures('hostile-page.html');
    expect(r!.status).toBe('imported');
    const { text } = await t.api.call('document.get', { id: r!.document!.id });
    expect(text).toContain('Buying groups in industrial markets rely on trust');
    expect(text).toContain('Long-term relationships lower the perceived risk of switching suppliers.');
    expect(text).toContain('Read the full case study to see how the account team earned that trust.');
    for (const payload of ['__pwned', 'alert', 'javascript', 'onload', 'onerror', 'onclick', '<', 'SVGTEXTMARKER', 'IFRAMEMARKER', 'NOSCRIPTMARKER', 'TEMPLATEMARKER', 'WRITTENMARKER', 'FORMMARKER']) {
      expect(text, payload).not.toContain(payload);
    }
  });

  it('keeps only text on both ways a page is read: its marked article, or Readability on the whole page', async () => {
    // The fixture marks its article; the same page without <article> goes through Readability.
    const raw = fixture('hostile-page.html').toString('utf8');
    const unmarked = raw.replace(/<article>/g, '<div>').replace(/<\/article>/g, '</div>');
    expect(unmarked).not.toContain('<article');
    const [r] = await importTexts(t.api, { 'unmarked.html': unmarked });
    expect(r!.status).toBe('imported');
    const { text } = await t.api.call('document.get', { id: r!.document!.id });
    expect(text).toContain('Buying groups in industrial markets rely on trust');
    // A script that ran would have written WRITTENMARKER into the page: none ran.
    for (const payload of ['__pwned', 'alert', 'javascript', 'onload', 'onerror', 'onclick', '<', 'SVGTEXTMARKER', 'IFRAMEMARKER', 'NOSCRIPTMARKER', 'TEMPLATEMARKER', 'WRITTENMARKER', 'FORMMARKER']) {
      expect(text, payload).not.toContain(payload);
    }
    // The control: run in a DOM that executes scripts, the page does run.
    const unsafe = new JSDOM(raw, { runScripts: 'dangerously' });
    expect((unsafe.window as unknown as { __pwned?: string }).__pwned).toBeDefined();
    unsafe.window.close();
  });
});

describe('bad files in a batch', () => {
  const BAD: [string, RegExp][] = [
    ['corrupt.pdf', /^corrupt\.pdf: the PDF is damaged/],
    ['encrypted.pdf', /^encrypted\.pdf: the PDF is password-protected/],
    ['scanned.pdf', /^scanned\.pdf: the PDF has no text layer \(scanned\?\)/],
    ['not-a-zip.docx', /^not-a-zip\.docx: this is not a Word document \(\.docx\): it is not a zip archive/],
    ['zip-bomb.docx', /^zip-bomb\.docx: the archive would unpack to 100\.0 MiB .*zip bomb/],
    ['entity-bomb.docx', /^entity-bomb\.docx: "word\/document\.xml" declares a DOCTYPE or entities, which Word never writes: refused as unsafe\.$/],
  ];

  it.each(BAD)('refuses %s with a clear message, imports the rest, and changes nothing else', async (name, message) => {
    await importFixtures('persian.docx');
    const before = await snapshot();
    const history = (await t.api.call('history.get', {})).entries.length;
    const results = await importFixtures(name, 'english-two-columns.pdf');
    expect(results.map((r) => r.status)).toEqual(['failed', 'imported']);
    expect(results[0]!.message).toMatch(message);
    const after = await snapshot();
    expect(after.documents).toHaveLength(before.documents.length + 1);
    expect(after.documents.slice(0, before.documents.length)).toEqual(before.documents);
    expect(after.directions).toEqual(before.directions);
    expect((await t.api.call('history.get', {})).entries.length).toBe(history + 1);
  });

  it('reports a file on which a library fails unexpectedly as failed, and goes on with the others', async () => {
    const { importSources } = await import('../../../electron/backend/import/index');
    const results = await importSources(t.backend.store!, [
      { name: 'broken.docx', read: () => { throw new TypeError('unexpected failure inside a library'); } },
      { name: 'persian.pdf', bytes: fixture('persian.pdf') },
    ]);
    expect(results.map((r) => r.status)).toEqual(['failed', 'imported']);
    expect(results[0]!.message).toBe('broken.docx: the file could not be read (unexpected failure inside a library).');
  });

  it('refuses a 200 MB file without reading it, and imports the other files of the folder', async () => {
    const folder = path.join(t.home, 'corpus');
    fs.mkdirSync(folder);
    const big = path.join(folder, 'huge.pdf');
    const fd = fs.openSync(big, 'w');
    fs.ftruncateSync(fd, 200 * 1024 * 1024); // sparse: takes no disk space
    fs.closeSync(fd);
    fs.copyFileSync(path.join(FIXTURES, 'persian.pdf'), path.join(folder, 'persian.pdf'));
    const readFileSync = fs.readFileSync;
    const read: string[] = [];
    (fs as { readFileSync: typeof fs.readFileSync }).readFileSync = ((file: fs.PathOrFileDescriptor, ...rest: never[]) => {
      read.push(String(file));
      return readFileSync(file, ...rest);
    }) as typeof fs.readFileSync;
    try {
      const results = await importFromPaths(t.backend.store!, [folder]);
      expect(results.map((r) => [r.name, r.status])).toEqual([
        ['huge.pdf', 'failed'],
        ['persian.pdf', 'imported'],
      ]);
      expect(results[0]!.message).toBe('huge.pdf: the file is 200.0 MiB; sources larger than 32.0 MiB are not imported. Split it into parts.');
    } finally {
      (fs as { readFileSync: typeof fs.readFileSync }).readFileSync = readFileSync;
    }
    expect(read.some((f) => f.endsWith('huge.pdf'))).toBe(false);
    expect((await snapshot()).documents).toHaveLength(1);
  });
});

describe('a folder', () => {
  it('imports every format in a folder and its sub-folders, skips hidden files, reports other types, hands bibliographies to their importer', async () => {
    const folder = path.join(t.home, 'review');
    fs.mkdirSync(path.join(folder, 'web'), { recursive: true });
    fs.mkdirSync(path.join(folder, '.git'));
    for (const f of ['persian.pdf', 'persian.docx', 'english-two-columns.pdf', 'corrupt.pdf']) fs.copyFileSync(path.join(FIXTURES, f), path.join(folder, f));
    fs.copyFileSync(path.join(FIXTURES, 'hostile-page.html'), path.join(folder, 'web', 'page.html'));
    fs.writeFileSync(path.join(folder, 'notes.md'), '# Notes\nFirst reading.\n');
    fs.writeFileSync(path.join(folder, 'refs.ris'), 'TY  - JOUR\nTI  - Trust\nER  - \n');
    fs.writeFileSync(path.join(folder, 'figure.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    fs.writeFileSync(path.join(folder, '.DS_Store'), 'x');
    fs.writeFileSync(path.join(folder, '.git', 'HEAD'), 'ref: x\n');
    const results = await importFromPaths(t.backend.store!, [folder]);
    expect(results.map((r) => [r.name, r.status])).toEqual([
      ['corrupt.pdf', 'failed'],
      ['english-two-columns.pdf', 'imported'],
      ['figure.png', 'failed'],
      ['notes.md', 'imported'],
      ['persian.docx', 'imported'],
      ['persian.pdf', 'imported'],
      ['refs.ris', 'imported'],
      ['page.html', 'imported'],
    ]);
    expect(results[2]!.message).toBe('figure.png: skipped, ".png" files are not imported.');
    // The bibliography is read after the sources, as records: its one record has no full text here.
    const records = await t.api.call('record.list', {});
    expect(records.filter((r) => r.title === 'Trust').map((r) => r.documentId)).toEqual([null]);
    // One undo step for the whole folder.
    // One undo step for the folder's sources, then one for the bibliography read after them.
    const history = await t.api.call('history.get', {});
    expect(history.entries.map((e) => e.label).slice(0, 2)).toEqual(['Import bibliography "refs.ris"', 'Import 5 sources']);
  });

  it('merges the calls of one batch into one undo step', async () => {
    const call = (name: string) => t.api.call('document.import', { files: [{ name, dataBase64: fixture(name).toString('base64') }], batch: 'b1' });
    await call('persian.docx');
    await call('corrupt.pdf');
    await call('persian.pdf');
    const history = await t.api.call('history.get', {});
    expect(history.entries).toHaveLength(1);
    expect(history.entries[0]!.label).toBe('Import 2 sources');
    await t.api.call('history.undo', {});
    expect((await snapshot()).documents).toHaveLength(0);
  });
});
