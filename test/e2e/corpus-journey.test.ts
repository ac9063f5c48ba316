// One review corpus from start to finish in real Chromium, in one project: a folder of mixed
// formats (PDF, DOCX, HTML, TXT) with a RIS bibliography whose records link to three of its
// sources and leave two as records without full text; the records screened to included and
// excluded (with reasons); the PRISMA figures on screen (worked by hand below); a Persian word typed
// with a ZWNJ found in a seed article written without one; its hits autocoded, and Ctrl+Z taking
// every one of them away again.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLES, REPO, tempDir } from '../helpers/backend';
import { startApp, type App } from './harness';
import { callApi, newProject } from './pages/fresh-project';
import { ScreeningPage } from './pages/screening-page';
import { SearchPage } from './pages/search-page';
import { StartPage } from './pages/start-page';
import { WorkspacePage } from './pages/workspace-page';

let app: App;
let ws: WorkspacePage;
let sp: ScreeningPage;
let search: SearchPage;
let folder: string;

// The folder a researcher brings: three seed articles, a PDF, a Word file, a saved web page and
// the reference manager's export (fixtures/bibliography/corpus-journey.ris, see fixtures/README.md).
const FILES: [from: string, name: string][] = [
  [path.join(EXAMPLES, 'B2B marketing guide (fa).txt'), 'B2B marketing guide (fa).txt'],
  [path.join(EXAMPLES, 'Sales and marketing alignment (fa).txt'), 'Sales and marketing alignment (fa).txt'],
  [path.join(EXAMPLES, 'Study abstract (en).txt'), 'Study abstract (en).txt'],
  [path.join(REPO, 'fixtures/import/english-two-columns.pdf'), 'english-two-columns.pdf'],
  [path.join(REPO, 'fixtures/import/persian.docx'), 'persian.docx'],
  [path.join(REPO, 'fixtures/import/saved-page.html'), 'saved-page.html'],
  [path.join(REPO, 'fixtures/bibliography/corpus-journey.ris'), 'references.ris'],
];

const GUIDE = 'بازاریابی B2B چیست؟'; // record linked to «B2B marketing guide (fa).txt» by file name
/** The guide's source takes its record's whole title as its name. */
const GUIDE_SOURCE = 'بازاریابی B2B چیست؟ راهنمای جامع مارکتینگ B2B';
const ALIGNMENT = 'همسویی فروش و بازاریابی'; // linked to «Sales and marketing alignment (fa).txt» by file name
const STUDY = 'Providing a Business-to-Business Marketing Maturity Model'; // linked to «Study abstract (en).txt» by title
const BASL = 'A metamodel for evaluating'; // no full text
const GLASER = 'Discovery of grounded theory'; // no full text

const TYPED = 'کسب\u200Cوکار'; // with a ZERO WIDTH NON-JOINER, as a user types it
const WRITTEN = 'کسبوکار'; // as the seed articles write it (they hold no ZWNJ)
const CONCEPT = 'کسب‌وکار';

const sources = () => app.page.getByRole('listbox', { name: 'Sources' }).getByRole('option');
/** saved-page.html, named by its <title>. */
const PAGE = 'راهنمای بازاریابی B2B';
const sourceNames = async () => (await sources().locator('.gw-list-label').allInnerTexts()).map((s) => s.trim()).sort();
const dialog = () => app.page.getByRole('dialog');

beforeAll(async () => {
  app = await startApp();
  ws = new WorkspacePage(app.page);
  sp = new ScreeningPage(app.page);
  search = new SearchPage(app.page);
  await new StartPage(app.page).createProject('Corpus journey');
  folder = path.join(tempDir('groundwork-journey-'), 'review corpus');
  fs.mkdirSync(folder, { recursive: true });
  for (const [from, name] of FILES) fs.copyFileSync(from, path.join(folder, name));
});
afterAll(async () => {
  await app?.close();
  if (folder) fs.rmSync(path.dirname(folder), { recursive: true, force: true });
});

/**
 * Each step of the journey on a project of its own, prepared through the backend as far as the
 * steps before it take it (the folder imported; then the records screened as step two screens them).
 */
type Stage = 'empty' | 'imported' | 'screened';
const STAGES: [string, Stage][] = [
  ['imports the folder', 'empty'],
  ['screens the records', 'imported'],
];

async function prepare(stage: Stage) {
  await newProject(app.page, 'Corpus journey');
  if (stage !== 'empty') {
    const files = FILES.map(([from, name]) => ({ name, dataBase64: fs.readFileSync(from).toString('base64') }));
    await callApi(app.page, 'document.import', { files });
  }
  if (stage === 'screened') {
    const records = await callApi<{ id: number; title: string }[]>(app.page, 'record.list', {});
    const reasons = await callApi<{ id: number }[]>(app.page, 'reason.list', {});
    const id = (title: string) => records.find((r) => r.title.startsWith(title))!.id;
    const decide = (title: string, decision: string, reasonId?: number) =>
      callApi(app.page, 'screening.decide', { ids: [id(title)], decision, ...(reasonId ? { reasonId } : {}) });
    await decide(GUIDE, 'include');
    await decide(ALIGNMENT, 'exclude', reasons[0]!.id);
    for (let i = 0; i < 3; i += 1) await decide(STUDY, 'advance');
    await decide(GLASER, 'advance');
    await decide(GLASER, 'exclude', reasons[3]!.id);
  }
  await app.page.reload();
  await app.page.locator('.gw-topbar').waitFor();
}

beforeEach(async (context) => {
  await prepare(STAGES.find(([name]) => context.task.name.startsWith(name))?.[1] ?? 'screened');
});

describe('a review corpus from folder to coded hits', () => {
  it('imports the folder: every format is read, and the bibliography links three records to their sources', async () => {
    expect(fs.readdirSync(folder)).toHaveLength(7);
    await app.page.getByTestId('import-folder-input').setInputFiles(folder);
    await dialog().getByRole('heading', { name: 'Import: 7 of 7 files imported' }).waitFor({ timeout: 30_000 });
    const lines = await dialog().getByRole('list', { name: 'Files' }).getByRole('listitem').allInnerTexts();
    await dialog().getByRole('button', { name: 'OK' }).click();
    const line = (name: string) => lines.find((l) => l.includes(name)) ?? '';
    expect(lines).toHaveLength(7);
    expect(line('english-two-columns.pdf')).toMatch(/✓\s*english-two-columns\.pdf: imported as "english-two-columns" \(.*3 pages\)/);
    expect(line('persian.docx')).toMatch(/✓\s*persian\.docx: imported as "persian"/);
    // A web page is named by its <title>.
    // (A right-to-left name in an English sentence is isolated, FSI … PDI.)
    expect(line('saved-page.html')).toMatch(/✓\s*saved-page\.html: imported as "\u2068?راهنمای بازاریابی B2B\u2069?"/);
    expect(line('B2B marketing guide (fa).txt')).toMatch(/✓\s*B2B marketing guide \(fa\)\.txt: imported as "B2B marketing guide \(fa\)"/);
    // The RIS file sorts between the sources, but is read after them, so all three links are made.
    expect(line('references.ris')).toMatch(/✓\s*references\.ris: 5 RIS records imported, 3 linked to sources\./);
    // Each linked source takes its record's title and stage, and the report says so.
    expect(line('references.ris')).toContain('The source “B2B marketing guide (fa)” is now named after it.');
    expect(line('references.ris')).toContain('leaves the Coding list until it is included in Screening.');

    // Sources imported on their own are included at once; the three the bibliography took wait
    // for screening, so only the PDF, the Word file and the web page are offered for coding.
    await expect.poll(sourceNames).toEqual(['english-two-columns', 'persian', PAGE]);
    await expect.poll(() => app.page.getByTestId('hidden-sources').innerText()).toMatch(/3 other\(s\) hidden/);
    await app.page.getByTestId('show-all-sources').check();
    await expect.poll(() => sources().count()).toBe(8);
    // The two records the folder has no file for stay in the corpus without full text.
    await expect.poll(() => app.page.locator('.gw-source-row.gw-no-text').count()).toBe(2);
    await expect.poll(() => app.page.locator('.gw-source-row.gw-no-text').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringContaining(BASL), expect.stringContaining(GLASER)]),
    );
    const study = sources().filter({ hasText: STUDY });
    await expect.poll(() => study.innerText()).toMatch(/Tellohosseini et al\., 2022/);
    await study.click();
    await expect.poll(() => app.page.getByRole('textbox', { name: 'Title' }).inputValue()).toBe(STUDY);
    await app.page.getByTestId('show-all-sources').uncheck();
  });

  it('screens the records to included and excluded, with reasons, and the PRISMA figures follow', async () => {
    await sp.open();
    // Five bibliography records and the own records of the three sources imported alone.
    await expect.poll(() => sp.rows().count()).toBe(8);
    await expect.poll(() => sp.stage(GUIDE)).toBe('identified');
    await expect.poll(() => sp.stage('english-two-columns')).toBe('included');
    await expect.poll(() => sp.prisma()).toEqual({
      identified: 8,
      duplicatesRemoved: 0,
      screened: 3,
      excludedAtScreening: 0,
      assessedForEligibility: 3,
      excludedAtEligibility: 0,
      included: 3,
      awaiting: 5,
    });

    await sp.press(GUIDE, 'i'); // included outright
    await expect.poll(() => sp.stage(GUIDE)).toBe('included');
    await sp.press(ALIGNMENT, 'x');
    await app.page.getByRole('dialog', { name: 'Exclusion reason' }).waitFor();
    await app.page.keyboard.press('1'); // Off topic, at title/abstract screening
    await expect.poll(() => sp.stage(ALIGNMENT)).toBe('excluded');
    await expect.poll(() => sp.row(ALIGNMENT).innerText()).toMatch(/Off topic/);
    await sp.press(STUDY, 'a'); // screened
    await expect.poll(() => sp.stage(STUDY)).toBe('screened');
    await sp.press(STUDY, 'a'); // eligible
    await expect.poll(() => sp.stage(STUDY)).toBe('eligible');
    await sp.press(STUDY, 'Enter'); // included
    await expect.poll(() => sp.stage(STUDY)).toBe('included');
    await sp.press(GLASER, 'a');
    await expect.poll(() => sp.stage(GLASER)).toBe('screened');
    await sp.press(GLASER, 'x', '4'); // Full text not available, at eligibility
    await expect.poll(() => sp.stage(GLASER)).toBe('excluded');
    await expect.poll(() => sp.row(GLASER).innerText()).toMatch(/Full text not available/);

    // By hand: 8 records identified (5 from the RIS file, 3 sources imported alone), none a
    // duplicate. Waiting for screening: only Basl & Doucek, so 8 − 0 − 1 = 7 screened. Excluded at
    // screening: the alignment page (1). Assessed for eligibility: 7 − 1 − 0 waiting = 6. Excluded
    // at eligibility: Glaser & Strauss (1). Included: the 3 sources imported alone, the guide and
    // the study = 5 (6 assessed − 1 excluded). Awaiting: Basl & Doucek = 1.
    await expect.poll(() => sp.prisma()).toEqual({
      identified: 8,
      duplicatesRemoved: 0,
      screened: 7,
      excludedAtScreening: 1,
      assessedForEligibility: 6,
      excludedAtEligibility: 1,
      included: 5,
      awaiting: 1,
    });
    await expect.poll(() => app.page.locator('.gw-prisma-reason').innerText()).toBe('Full text not available: 1');
    await expect.poll(() => sp.stage(BASL)).toBe('identified');
  });

  it('offers the newly included sources for coding, and not the excluded one', async () => {
    await app.page.getByRole('navigation').getByRole('button', { name: 'Coding' }).click();
    await expect
      .poll(sourceNames)
      .toEqual([GUIDE_SOURCE, 'english-two-columns', 'persian', PAGE, STUDY].sort());
    await expect.poll(() => app.page.getByTestId('hidden-sources').innerText()).toMatch(/1 other\(s\) hidden/);
  });

  const guideCount = () => sources().filter({ hasText: GUIDE_SOURCE }).locator('.gw-count').innerText();

  it('finds a Persian word typed with a ZWNJ in the seed article written without it', async () => {
    const summary = await search.search(TYPED);
    const total = Number(/^(\d+) hits/u.exec(summary)?.[1]);
    expect(total).toBeGreaterThan(10);
    const hits = await search.hits().allInnerTexts();
    expect(hits).toHaveLength(total);
    expect(new Set(hits)).toEqual(new Set([WRITTEN]));
    // Hits grouped by source, each with its count: the guide (a seed article), and the saved web
    // page, which also writes the word without a ZWNJ. Search covers the included sources by
    // default, as coding does: the excluded alignment article, which has the word too, is not searched.
    const bySource: Record<string, number> = Object.fromEntries(
      (await search.sources().allInnerTexts()).map((s): [string, number] => {
        const [name = '', n] = s.split('\n').map((x) => x.trim());
        return [name, Number(n)];
      }),
    );
    expect(Object.keys(bySource).sort()).toEqual([GUIDE_SOURCE, PAGE].sort());
    expect(bySource[GUIDE_SOURCE]).toBeGreaterThan(10);
    expect(bySource[PAGE]).toBe(1);
    expect(Object.values(bySource).reduce((a, b) => a + b, 0)).toBe(total);
    expect(summary).toMatch(/ in 2 sources/u);
    // Clicking a hit opens its passage in the reader, selected.
    await search.lines().first().click();
    await app.page.locator('.gw-reader-header h2', { hasText: GUIDE_SOURCE }).waitFor();
    await expect.poll(() => app.page.evaluate(() => window.getSelection()?.toString())).toBe(WRITTEN);
  });

  it('autocodes every hit with a new concept in one step, and Ctrl+Z takes them all away', async () => {
    const total = Number(/^(\d+) hits/u.exec(await search.search(TYPED))?.[1]);
    const guide = search.sources().filter({ hasText: GUIDE_SOURCE });
    const guideHits = Number((await guide.innerText()).split('\n').map((x) => x.trim())[1]);
    await search.lines().first().click();
    await app.page.locator('.gw-reader-header h2', { hasText: GUIDE_SOURCE }).waitFor();
    await search.autocode(CONCEPT);
    await app.page.locator('.gw-toast', { hasText: `Coded ${total} passages` }).waitFor();
    await expect.poll(() => ws.treeRow(CONCEPT).count()).toBe(1);
    await expect.poll(() => ws.treeRow(CONCEPT).innerText()).toContain(String(total));
    await expect.poll(() => ws.reader.locator('span.gw-coded', { hasText: WRITTEN }).count()).toBeGreaterThan(0);
    await expect.poll(guideCount).toBe(String(guideHits)); // coded segments beside the source's name
    await app.page.locator('.gw-reader-header h2').click(); // out of any field, so Ctrl+Z undoes the step
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => ws.treeRow(CONCEPT).count()).toBe(0);
    await expect.poll(() => ws.reader.locator('span.gw-coded').count()).toBe(0);
    await expect.poll(guideCount).toBe('0');
    // Only the autocoding was undone: the screening decisions and the imported corpus stay.
    await expect.poll(() => sources().count()).toBe(5);
    expect(app.errors).toEqual([]);
  });
});
