// Importing a corpus in Chromium: a folder of mixed formats through the folder picker, with a
// progress row per file and a failed file's reason; a large batch cancelled midway (files not yet
// started are not imported, the batch is one undo step); the imported PDF and DOCX open in the
// reader with their Persian paragraphs right to left; nothing from a hostile web page runs.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers/backend';
import { startApp, type App } from './harness';
import { callApi, newProject } from './pages/fresh-project';
import { StartPage } from './pages/start-page';
import { WorkspacePage } from './pages/workspace-page';

const FIXTURES = path.join(REPO, 'fixtures/import');
let app: App;
let ws: WorkspacePage;
let corpus: string;

beforeAll(async () => {
  app = await startApp();
  ws = new WorkspacePage(app.page);
  await new StartPage(app.page).createProject('Import test');
  corpus = path.join(tempDir('groundwork-corpus-'), 'corpus');
  fs.mkdirSync(path.join(corpus, 'web'), { recursive: true });
  for (const f of ['persian.pdf', 'persian.docx', 'english-two-columns.pdf', 'corrupt.pdf', 'zip-bomb.docx']) {
    fs.copyFileSync(path.join(FIXTURES, f), path.join(corpus, f));
  }
  fs.copyFileSync(path.join(FIXTURES, 'hostile-page.html'), path.join(corpus, 'web', 'hostile-page.html'));
  fs.writeFileSync(path.join(corpus, 'notes.md'), '# Reading notes\nTrust comes first in industrial buying.\n');
  fs.writeFileSync(path.join(corpus, 'cover.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  fs.writeFileSync(path.join(corpus, '.DS_Store'), 'hidden');
});
afterAll(async () => {
  await app?.close();
  if (corpus) fs.rmSync(path.dirname(corpus), { recursive: true, force: true });
});

/** Holds each import call back a little, so progress can be watched (and photographed). */
async function slowImports(ms: number) {
  await app.page.route('**/api/call', async (route) => {
    if (route.request().postData()?.includes('"document.import"')) await new Promise((r) => setTimeout(r, ms));
    await route.continue().catch(() => undefined);
  });
}

const dialog = () => app.page.getByRole('dialog');
const rows = () => dialog().getByRole('list', { name: 'Files' }).getByRole('listitem');
const sources = () => app.page.getByRole('listbox', { name: 'Sources' }).getByRole('option');

/**
 * Each test on a project of its own: the folder test and the cancel test start empty; the others
 * start with the readable files of the folder imported through the backend.
 */
beforeEach(async (context) => {
  await newProject(app.page, 'Import test');
  const name = context.task.name;
  if (name.startsWith('imports a folder') || name.startsWith('cancels a large batch')) return;
  const files = ['persian.pdf', 'persian.docx', 'english-two-columns.pdf', 'web/hostile-page.html', 'notes.md'].map((f) => ({
    name: path.basename(f),
    dataBase64: fs.readFileSync(path.join(corpus, f)).toString('base64'),
  }));
  await callApi(app.page, 'document.import', { files });
  await app.page.reload();
  await app.page.locator('.gw-topbar').waitFor();
});

describe('importing a corpus', () => {
  it('imports a folder of mixed formats with a progress row per file, and says why a file failed', async () => {
    await slowImports(400);
    await app.page.getByTestId('import-folder-input').setInputFiles(corpus);
    // While it runs: the heading counts files, rows are queued, one is being read.
    await expect.poll(() => dialog().locator('h2').innerText()).toMatch(/^Importing: \d+ of 8 files$/);
    await dialog().locator('li[data-stage="reading"]').first().waitFor();
    await expect.poll(() => dialog().locator('li[data-stage="queued"]').count()).toBeGreaterThan(0);
    await dialog().locator('li[data-stage="imported"]').first().waitFor();
    await dialog().getByRole('heading', { name: 'Import: 5 of 8 files imported' }).waitFor({ timeout: 30_000 });
    await app.page.unroute('**/api/call');
    const lines = await rows().allInnerTexts();
    expect(lines).toHaveLength(8); // .DS_Store is not listed
    const line = (name: string) => lines.find((l) => l.includes(name)) ?? '';
    expect(line('corrupt.pdf')).toMatch(/✗\s*corrupt\.pdf: the PDF is damaged/);
    expect(line('zip-bomb.docx')).toMatch(/✗\s*zip-bomb\.docx: .*zip bomb/);
    expect(line('cover.png')).toMatch(/✗\s*cover\.png: skipped, "\.png" files are not imported\./);
    expect(line('english-two-columns.pdf')).toMatch(/✓\s*english-two-columns\.pdf: imported as "english-two-columns" \(.*3 pages\)/);
    await expect.poll(() => app.page.getByTestId('import-bytes').innerText()).toMatch(/KiB of .*KiB/);
    await dialog().getByRole('button', { name: 'OK' }).click();
    await expect.poll(() => sources().count()).toBe(5);
    // One undo step for the folder.
    await app.page.getByRole('button', { name: /^Undo/ }).first().click();
    await expect.poll(() => sources().count()).toBe(0);
    await app.page.getByRole('button', { name: /^Redo/ }).first().click();
    await expect.poll(() => sources().count()).toBe(5);
  });

  it('opens the PDF and the DOCX with their Persian paragraphs right to left', async () => {
    const byText = (text: string) => ws.reader.locator('p.gw-para', { hasText: text });
    // The DOCX and the PDF share the name "persian": one of them is "persian (2)".
    const seen = { pdf: false, docx: false };
    for (const name of [/^persian(?! \(2\))/, 'persian (2)']) {
      await ws.openSource(name);
      const isDocx = (await byText('Account-based marketing aligns').count()) > 0;
      await expect.poll(() => byText('در این پژوهش، ۶۸ مقاله از میان ۵۹۳ منبع').getAttribute('dir')).toBe('rtl');
      if (isDocx) {
        seen.docx = true;
        await expect.poll(() => byText('Account-based marketing aligns').getAttribute('dir')).toBe('ltr');
        // More Latin letters than Persian, but the Word file says right to left.
        await expect.poll(() => byText('CRM و ERP در B2B').getAttribute('dir')).toBe('rtl');
      } else {
        seen.pdf = true;
        await expect.poll(() => byText('در سال 2022 با رویکرد B2B').getAttribute('dir')).toBe('rtl');
      }
      // Right to left on screen: the paragraph's text starts at its right edge.
      const box = await byText('در این پژوهش').evaluate((p) => {
        const range = document.createRange();
        range.selectNodeContents(p);
        const text = range.getBoundingClientRect();
        const para = p.getBoundingClientRect();
        return { gapRight: para.right - text.right, gapLeft: text.left - para.left };
      });
      expect(box.gapRight).toBeLessThan(box.gapLeft);
    }
    expect(seen).toEqual({ pdf: true, docx: true });
  });

  it('marks where each page of a PDF starts, beside the text, outside any selection', async () => {
    await ws.openSource('english-two-columns');
    const marked = ws.reader.locator('p.gw-para[data-page]');
    await expect.poll(() => marked.evaluateAll((ps) => ps.map((p) => p.getAttribute('data-page')))).toEqual(['p. 1', 'p. 2', 'p. 3']);
    // Page 2 starts inside the paragraph that runs over the page break.
    const second = ws.reader.locator('p.gw-para[data-page="p. 2"]');
    await expect.poll(() => second.innerText()).toContain('Seller coding network concept');
    const marker = await second.evaluate((p) => getComputedStyle(p, '::after').content);
    expect(marker).toBe('"p. 2"');
    await expect.poll(() => second.innerText()).not.toContain('p. 2');
  });

  it('shows the hostile page as text, and nothing from it runs', async () => {
    // Named by its <title>.
    await ws.openSource('Trust in B2B buying groups');
    await ws.reader.locator('p.gw-para', { hasText: 'Buying groups in industrial markets' }).waitFor();
    await expect.poll(() => app.page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
    await expect.poll(() => ws.reader.locator('script, iframe, svg, img, a[href], [onerror], [onload], [onclick]').count()).toBe(0);
    await expect.poll(() => ws.reader.innerText()).not.toMatch(/alert|javascript|__pwned/);
  });

  it('cancels a large batch midway: files not started are not imported, the rest stay as one undo step', async () => {
    const many = path.join(path.dirname(corpus), 'many');
    fs.mkdirSync(many);
    for (let i = 1; i <= 40; i += 1) fs.writeFileSync(path.join(many, `note ${String(i).padStart(2, '0')}.txt`), `Field note ${i}: the buyer asked about delivery times.\n`);
    const before = await sources().count();
    await slowImports(150);
    await app.page.getByTestId('import-folder-input').setInputFiles(many);
    await expect.poll(() => dialog().locator('li[data-stage="imported"]').count(), { timeout: 5000 }).toBeGreaterThanOrEqual(3).catch(async (e) => {
      console.log(await rows().allInnerTexts());
      throw e;
    });
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    const done = dialog().getByRole('heading', { name: /^Import: \d+ of 40 files imported$/ });
    await done.waitFor({ timeout: 30_000 });
    await app.page.unroute('**/api/call');
    const imported = await dialog().locator('li[data-stage="imported"]').count();
    const cancelled = await dialog().locator('li[data-stage="cancelled"]').count();
    expect(imported).toBeGreaterThanOrEqual(3);
    expect(cancelled).toBeGreaterThan(10);
    expect(imported + cancelled).toBe(40);
    await expect.poll(() => dialog().locator('li[data-stage="cancelled"]').first().innerText()).toMatch(/not imported, the import was cancelled/);
    await dialog().getByRole('button', { name: 'OK' }).click();
    await expect.poll(() => sources().count()).toBe(before + imported);
    await app.page.getByRole('button', { name: /^Undo/ }).first().click();
    await expect.poll(() => sources().count()).toBe(before);
    expect(app.errors).toEqual([]);
  });
});
