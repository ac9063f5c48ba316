// Hostile and degenerate files, generated here (test/helpers/hostile-files.ts): each is refused
// with the limit it hit named, or imported within the limits, while the backend keeps answering
// other calls; and every importer gets 1 MB of spaces, of one repeated character and of deep
// nesting, and finishes (each test has a generous timeout; none measures time).

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importSources } from '../../../electron/backend/import/index';
import { formatCount, MAX_DUPLICATE_PAIRS, MAX_PDF_PAGES } from '../../../shared/domain/limits';
import { importTexts, startBackend, type TestBackend } from '../../helpers/backend';
import {
  docx,
  flateBombPdf,
  hiddenPartBombDocx,
  MB,
  nestedHtml,
  paragraph,
  repeated,
  repeatedPagePdf,
  spaces,
  textLine,
  textPdf,
} from '../../helpers/hostile-files';

let t: TestBackend;
let probes = 0;
beforeEach(async () => {
  t = startBackend();
  await t.api.call('project.create', { name: 'Hostile' });
});
afterEach(() => t.cleanup());

/**
 * Imports one file through the dispatcher and, once the import is under way, makes a coding call
 * on the same backend: `answeredFirst` says the call was answered while the file was still being
 * read. A parse on the backend's own thread would finish (and settle the import) before the call
 * could even start.
 */
async function importWhileWorking(name: string, content: string | Uint8Array) {
  let settled = false;
  const importing = importTexts(t.api, { [name]: content }).finally(() => {
    settled = true;
  });
  // The probe is sent as soon as the import has been sent, not a timer later: under load a timer
  // could fire after a quickly read file had already been written, which says nothing of the worker.
  probes += 1;
  const probe = t.api.call('concept.create', { label: `probe ${probes}` }).then(() => !settled);
  const [[result], answeredFirst] = await Promise.all([importing, probe]);
  return { result: result!, answeredFirst };
}

const documents = async () => ({ n: (await t.api.call('document.list', {})).length });

describe('hostile files', () => {
  it('refuses a .docx whose relationships point at a hidden part that unpacks past the entry limit', async () => {
    const { result, answeredFirst } = await importWhileWorking('hidden-part.docx', hiddenPartBombDocx(200 * MB));
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(/^hidden-part\.docx: .*"word\/body\.bin".*MAX_ZIP_ENTRY_BYTES.*zip bomb/);
    expect(answeredFirst).toBe(true);
    expect((await documents()).n).toBe(0);
  }, 20_000);

  it('refuses the same bomb when its headers declare a small size (the unpacked size is checked, not the header)', async () => {
    const { result, answeredFirst } = await importWhileWorking('lying.docx', hiddenPartBombDocx(200 * MB, 1000));
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(/^lying\.docx: "word\/body\.bin" does not unpack to the 1,000 bytes its header declares: refused as a possible zip bomb\.$/);
    expect(answeredFirst).toBe(true);
  }, 20_000);

  it('refuses a PDF whose compressed stream unpacks past the stream limit, before pdfjs reads it', async () => {
    const bomb = flateBombPdf(300 * MB);
    expect(bomb.length).toBeLessThan(MB);
    const { result, answeredFirst } = await importWhileWorking('flate-bomb.pdf', bomb);
    expect(result.status).toBe('failed');
    expect(result.message).toBe(
      "flate-bomb.pdf: the PDF's compressed content unpacks to more than 64.0 MiB for one stream (MAX_PDF_STREAM_BYTES): refused as a possible compression bomb.",
    );
    expect(answeredFirst).toBe(true);
  }, 20_000);

  it('refuses a 12 KB PDF whose page tree repeats one page a million times', async () => {
    const tree = repeatedPagePdf(6);
    expect(tree.length).toBeLessThan(16 * 1024);
    const { result, answeredFirst } = await importWhileWorking('million-pages.pdf', tree);
    expect(result.status).toBe('failed');
    expect(result.message).toBe(
      `million-pages.pdf: the PDF has 1,000,000 pages, more than ${formatCount(MAX_PDF_PAGES)} (MAX_PDF_PAGES): refused. Split it into parts.`,
    );
    expect(answeredFirst).toBe(true);
  }, 20_000);

  it('reads only the pages a repeated page tree declares when its count is small', async () => {
    const { result } = await importWhileWorking('three-pages.pdf', repeatedPagePdf(6, 3));
    expect(result.status).toBe('imported');
    expect(result.document!.length).toBeLessThan(200);
  }, 20_000);

  it.each([1_000, 4_000])('imports a page nested %i levels deep, its text whole', async (depth) => {
    for (const tag of ['div', 'article']) {
      const { result, answeredFirst } = await importWhileWorking(`deep-${depth}-${tag}.html`, nestedHtml(depth, `Deep text at the bottom, ${tag}.`, tag));
      expect(result.status, tag).toBe('imported');
      const { text } = await t.api.call('document.get', { id: result.document!.id });
      expect(text).toContain(`Deep text at the bottom, ${tag}.`);
      expect(answeredFirst).toBe(true);
    }
  }, 30_000);

  it('imports 9,999 identical CSV records, and counts their duplicate pairs without listing them all', async () => {
    const csv = `Title,Year,Author\n${'"The same record",2020,"Doe, Jane"\n'.repeat(9_999)}`;
    const { result, answeredFirst } = await importWhileWorking('same.csv', csv);
    expect(result.status).toBe('imported');
    expect(result.message).toMatch(/^same\.csv: 9,999 CSV records imported, 0 linked to sources, 49,985,001 possible duplicates flagged\.$/);
    expect(answeredFirst).toBe(true);
    expect(MAX_DUPLICATE_PAIRS).toBeLessThan(49_985_001);
  }, 60_000);
});

describe('the backend while a file is read', () => {
  /** A PDF of 5,000 full pages: seconds to read, within every limit. */
  const longPdf = () =>
    textPdf(
      Array.from({ length: MAX_PDF_PAGES }, (_, page) =>
        Array.from({ length: 40 }, (_, line) => textLine(`Page ${page + 1}, line ${line + 1} of a long, legitimate report.`, 760 - 18 * line)).join('\n'),
      ),
    );

  it('keeps answering calls and timers while a slow file is read, and stops the file at the time limit', async () => {
    const project = t.backend.store!;
    const bytes = longPdf();
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 10);
    let calls = 0;
    let reading = true;
    const busy = (async () => {
      while (reading) {
        await t.api.call('codebook.get', {});
        calls += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const [result] = await importSources(project, [{ name: 'long.pdf', bytes }], { timeLimitMs: 1_000 });
    reading = false;
    clearInterval(timer);
    await busy;
    expect(result!.status).toBe('failed');
    expect(result!.message).toBe('long.pdf: reading the file took longer than 1 s (IMPORT_TIME_LIMIT): stopped, not imported.');
    // Timers kept firing and calls kept being answered while the file was read: the parse ran
    // elsewhere. (How busy this thread was depends on the machine's load: not asserted.)
    expect(ticks).toBeGreaterThan(10);
    expect(calls).toBeGreaterThan(10);
  }, 30_000);

  it('stops reading at once when the import is cancelled', async () => {
    const controller = new AbortController();
    const importing = importSources(t.backend.store!, [{ name: 'long.pdf', bytes: longPdf() }, { name: 'next.txt', bytes: Buffer.from('next\n') }], {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 300);
    const results = await importing;
    expect(results.map((r) => [r.status, r.message])).toEqual([
      ['failed', 'long.pdf: not imported, the import was cancelled.'],
      ['failed', 'next.txt: not imported, the import was cancelled.'],
    ]);
    expect((await documents()).n).toBe(0);
  }, 10_000);

  it('stops a file that needs more memory than the ceiling', async () => {
    const [result] = await importSources(t.backend.store!, [{ name: 'big.html', bytes: Buffer.from(`<html><body>${'<p>x y z</p>'.repeat(2_000_000)}</body></html>`) }], {
      memoryLimitBytes: 64 * MB,
    });
    expect(result!.status).toBe('failed');
    expect(result!.message).toBe('big.html: reading the file needed more than 64.0 MiB of memory (IMPORT_MEMORY_LIMIT): stopped, not imported.');
    // The next file gets a fresh worker.
    const [next] = await importSources(t.backend.store!, [{ name: 'after.txt', bytes: Buffer.from('after the stop\n') }]);
    expect(next!.status).toBe('imported');
  }, 30_000);
});

/** 1 MB of spaces, of one repeated character, and of deep nesting, for every importer. */
const DEGENERATE: [string, string | Uint8Array, 'imported' | RegExp][] = [
  ['spaces.txt', spaces(), /holds no text/],
  ['repeated.txt', repeated(), 'imported'],
  ['nested.txt', `${'('.repeat(MB / 2)}${')'.repeat(MB / 2)}`, 'imported'],
  ['spaces.md', `# Title${spaces()}x\n`, 'imported'],
  ['spaces.html', `<html><body><p>${spaces()}x</p><p>${spaces()}</p></body></html>`, 'imported'],
  ['repeated.html', `<html><body><p>${repeated()}</p></body></html>`, 'imported'],
  ['nested.html', nestedHtml(MB / 5), 'imported'],
  // A part over 1 MiB this repetitive packs more than MAX_ZIP_RATIO times: refused as a bomb; 1 MB is read.
  ['spaces.docx', docx(paragraph(`${spaces(490_000)}x${spaces(490_000)}`)), 'imported'],
  ['repeated.docx', docx(paragraph(repeated(990_000))), 'imported'],
  ['spaces-mib.docx', docx(paragraph(`${spaces()}x${spaces()}`)), /MAX_ZIP_RATIO/],
  // Just under 1 MiB unpacked: more, this repetitive, and the packing ratio refuses it first.
  ['nested.docx', docx(`${'<w:r>'.repeat(90_000)}${'</w:r>'.repeat(90_000)}${paragraph('x')}`), /nests elements more than 512 deep \(MAX_XML_DEPTH\)/],
  ['repetitive.docx', docx(`${'<w:r>'.repeat(MB / 5)}${'</w:r>'.repeat(MB / 5)}${paragraph('x')}`), /MAX_ZIP_RATIO/],
  ['spaces.pdf', textPdf([`BT /F1 12 Tf 72 720 Td (${spaces()}) Tj ET`]), /no text layer/],
  ['repeated.pdf', textPdf([`BT /F1 1 Tf 0 720 Td (${repeated()}) Tj ET`]), 'imported'],
  // pdfjs gives up on the page's content stream, and with it on the line after the nesting.
  ['nested.pdf', textPdf([`${'['.repeat(MB / 2)}${']'.repeat(MB / 2)} ${textLine('After the nesting.')}`]), /no text layer/],
  ['spaces.ris', `TY  - JOUR\nTI  - Title${spaces()}x\nAB  - ${spaces()}\nER  - \n${' \n'.repeat(MB / 4)}`, 'imported'],
  ['repeated.ris', repeated(), /no RIS record/],
  ['nested.ris', `TY  - JOUR\nTI  - ${'('.repeat(MB / 2)}${')'.repeat(MB / 2)}\nER  - \n`, 'imported'],
  ['spaces.bib', `${' \n'.repeat(MB / 4)}@article{a,\n  title = {T${spaces()}x},\n  file = {${';'.repeat(MB / 4)}}\n}\n`, 'imported'],
  ['repeated.bib', repeated(MB, '@'), /no BibTeX entry/],
  ['nested.bib', `@article{a, title = {${'{'.repeat(MB / 4)}x${'}'.repeat(MB / 4)}}}\n`, /none of its 1 records can be read/],
  ['spaces.csv', `Title,Author\n"x${spaces()}y","Doe${spaces()}and${spaces()}Roe"\n`, 'imported'],
  ['repeated.csv', repeated(), /no "Title" column/],
  ['nested.csv', `Title\n${'"'.repeat(MB)}\n`, 'imported'],
];

describe('degenerate input: 1 MB of spaces, of one character, of nesting', () => {
  it.each(DEGENERATE)('%s finishes, imported or refused with its reason', async (name, content, expected) => {
    const [result] = await importTexts(t.api, { [name]: content });
    if (expected === 'imported') {
      expect(result!.message, result!.message).not.toMatch(/could not be read/);
      expect(['imported', 'partial'], result!.message).toContain(result!.status);
    } else {
      expect(result!.message.startsWith(`${name}: `), result!.message).toBe(true);
      expect(result!.message).toMatch(expected);
    }
  }, 15_000);
});

describe('cancelling a batch from another call', () => {
  it('stops the file of the batch being read and refuses its later files, leaving other batches alone', async () => {
    const { batchSignal, cancelBatch } = await import('../../../electron/backend/import/cancel');
    const project = t.backend.store!;
    const pages = textPdf(Array.from({ length: MAX_PDF_PAGES }, (_, i) => Array.from({ length: 40 }, (_, l) => textLine(`Page ${i + 1}, line ${l + 1}.`, 760 - 18 * l)).join('\n')));
    const reading = importSources(project, [{ name: 'long.pdf', bytes: pages }], { batch: 'b1', signal: batchSignal('b1') });
    setTimeout(() => cancelBatch('b1'), 200);
    expect((await reading)[0]).toMatchObject({ status: 'failed', message: 'long.pdf: not imported, the import was cancelled.' });
    const [later] = await importSources(project, [{ name: 'later.txt', bytes: Buffer.from('later\n') }], { batch: 'b1', signal: batchSignal('b1') });
    expect(later).toMatchObject({ status: 'failed', message: 'later.txt: not imported, the import was cancelled.' });
    const [other] = await importSources(project, [{ name: 'other.txt', bytes: Buffer.from('other\n') }], { batch: 'b2', signal: batchSignal('b2') });
    expect(other!.status).toBe('imported');
  }, 20_000);
});
