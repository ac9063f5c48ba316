import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFromPaths } from '../../../electron/backend/import/paths';
import { MAX_SOURCE_BYTES } from '../../../shared/domain/limits';
import { splitParagraphs } from '../../../shared/domain/text';
import { EXAMPLES, importTexts, readExample, startBackend, type TestBackend } from '../../helpers/backend';

let t: TestBackend;
beforeEach(async () => {
  t = startBackend();
  await t.api.call('project.create', { name: 'Import test' });
});
afterEach(() => t.cleanup());

const snapshot = () => t.backend.store!.read((db) => db.all('SELECT id, name, sha256 FROM document ORDER BY id'));

describe('importing sources', () => {
  it('imports the Persian and Arabic seed articles with their exact text and direction', async () => {
    const files = ['B2B marketing guide (fa).txt', 'B2B marketing attribution (ar).txt'];
    const results = await importTexts(t.api, Object.fromEntries(files.map((f) => [f, readExample(f)])));
    expect(results.map((r) => r.status)).toEqual(['imported', 'imported']);
    const doc = await t.api.call('document.get', { id: results[0]!.document!.id });
    expect(doc.text).toBe(readExample(files[0]!).normalize('NFC'));
    expect(doc.document.name).toBe('B2B marketing guide (fa)');
    expect(doc.document.dir).toBe('rtl');
    expect(doc.document.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps one canonical text: BOM dropped, CRLF to LF, NFC', async () => {
    const decomposed = 'Cafe\u0301 B2B\r\nسلام\r\n';
    const [r] = await importTexts(t.api, { 'a.txt': `\uFEFF${decomposed}` });
    const doc = await t.api.call('document.get', { id: r!.document!.id });
    expect(doc.text).toBe('Café B2B\nسلام\n');
    expect(doc.document.length).toBe(doc.text.length);
  });

  it('reports a duplicate by its canonical text instead of importing it twice', async () => {
    await importTexts(t.api, { 'one.txt': 'same words\n' });
    const [again, twin] = await importTexts(t.api, { 'other name.txt': 'same words\r\n', 'same-batch.md': 'new\n' });
    expect(again).toMatchObject({ status: 'duplicate' });
    expect(again!.message).toMatch(/same as "one"/);
    expect(twin).toMatchObject({ status: 'imported' });
    expect(await snapshot()).toHaveLength(2);
  });

  it('takes the readable text of a saved web page and never its scripts or handlers', async () => {
    const html = fs.readFileSync(path.join(EXAMPLES, '..', 'import', 'saved-page.html'));
    const [r] = await importTexts(t.api, { 'saved-page.html': html });
    expect(r!.status).toBe('imported');
    const { text } = await t.api.call('document.get', { id: r!.document!.id });
    expect(text).toContain('بازاریابی B2B');
    expect(text).toContain('Account-based marketing starts with a list of target accounts.');
    for (const banned of ['alert(', 'onerror', 'onclick', 'document.cookie', 'console.log', '.hidden{', 'Subscribe now']) {
      expect(text).not.toContain(banned);
    }
    // One paragraph per block: the heading and the paragraphs are separate lines.
    expect(splitParagraphs(text).filter((p) => p.end > p.start).length).toBeGreaterThanOrEqual(3);
  });

  it('names a web page by its <title>, and one without a title by its file name', async () => {
    const html = fs.readFileSync(path.join(EXAMPLES, '..', 'import', 'saved-page.html'));
    const untitled = '<html><body><p>A page that never says what it is called.</p></body></html>';
    const [titled, plain] = await importTexts(t.api, { 'saved-page.html': html, 'untitled page.html': untitled });
    expect(titled!.document!.name).toBe('راهنمای بازاریابی B2B');
    expect(titled!.document!.originalName).toBe('saved-page.html');
    expect(plain!.document!.name).toBe('untitled page');
  });

  it('reads a web page saved in windows-1256, as its meta charset says', async () => {
    const html = fs.readFileSync(path.join(EXAMPLES, '..', 'import', 'windows-1256.html'));
    const [r] = await importTexts(t.api, { 'windows-1256.html': html });
    expect(r!.status).toBe('imported');
    const { text } = await t.api.call('document.get', { id: r!.document!.id });
    expect(text).toContain('التسويق الصناعي');
  });

  it.each([
    ['empty.txt', new Uint8Array(0), /empty/],
    ['blank.txt', '  \n\n\t \n', /no text/],
    ['image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), /binary/],
    ['latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]), /not valid UTF-8.*position 3/],
    ['paper.pdf', '%PDF-1.7 fake', /the PDF is damaged/],
    ['paper.odt', 'PK fake', /"\.odt" files are not imported/],
    ['empty.html', '<html><head><script>x()</script></head><body>  </body></html>', /no readable text/],
  ])('refuses %s with a clear message and leaves the project unchanged', async (name, content, message) => {
    await importTexts(t.api, { 'kept.txt': 'kept\n' });
    const before = await snapshot();
    const historyBefore = await t.api.call('history.get', {});
    const [r] = await importTexts(t.api, { [name]: content });
    expect(r).toMatchObject({ status: 'failed' });
    expect(r!.message).toMatch(message);
    expect(r!.message.startsWith(name)).toBe(true);
    expect(await snapshot()).toEqual(before);
    expect((await t.api.call('history.get', {})).entries).toEqual(historyBefore.entries);
  });

  it('refuses a file over the size limit before reading it, and an unreadable path', async () => {
    const dir = t.home;
    const big = path.join(dir, 'huge.txt');
    const fd = fs.openSync(big, 'w');
    fs.ftruncateSync(fd, 100 * 1024 * 1024);
    fs.closeSync(fd);
    fs.writeFileSync(path.join(dir, 'fine.txt'), 'a fine source\n');
    const empty = path.join(dir, 'empty folder');
    fs.mkdirSync(empty);
    const results = await importFromPaths(t.backend.store!, [big, path.join(dir, 'nowhere.txt'), empty, path.join(dir, 'fine.txt')]);
    expect(results.map((r) => r.status)).toEqual(['failed', 'failed', 'failed', 'imported']);
    expect(results[0]!.message).toMatch(/100\.0 MiB.*larger than 32\.0 MiB/);
    expect(results[1]!.message).toMatch(/nowhere\.txt: no such file/);
    expect(results[2]!.message).toMatch(/empty folder: the folder holds no files to import/);
    expect(await snapshot()).toHaveLength(1);
    expect(MAX_SOURCE_BYTES).toBeLessThan(100 * 1024 * 1024);
  });

  it('gives an import its own undo step, and a second source with the same name a new name', async () => {
    await importTexts(t.api, { 'notes.txt': 'first\n' });
    const [r] = await importTexts(t.api, { 'sub/notes.txt': 'second\n' });
    expect(r!.document!.name).toBe('notes (2)');
    await t.api.call('history.undo', {});
    expect(await snapshot()).toHaveLength(1);
    await t.api.call('history.redo', {});
    expect(await snapshot()).toHaveLength(2);
  });
});
