// The whole coding spine in real Chromium against the browser mode: create a project, import the
// four seed articles and an English text, open/axial/selective coding, then the Table 8 figures on
// screen and in the exported CSV against counts computed independently from the project file.

import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../helpers/backend';
import { countFromFile } from '../helpers/independent-counts';
import { startApp, type App } from './harness';
import { callApi, newProject } from './pages/fresh-project';
import { StartPage } from './pages/start-page';
import { WorkspacePage } from './pages/workspace-page';

let app: App;
let ws: WorkspacePage;
let projectFile: string;

beforeAll(async () => {
  app = await startApp();
  ws = new WorkspacePage(app.page);
  await new StartPage(app.page).createProject('E2E review');
  projectFile = path.join(app.home, 'E2E review.groundwork');
});
afterAll(async () => {
  await app?.close();
});

const FA = 'B2B marketing guide (fa)';
const AR = 'B2B marketing attribution (ar)';
const EN = 'Study abstract (en)';

/**
 * Where each test starts, on a project of its own: the state the tests before it leave when they
 * pass, built through the backend (the same passages, concepts, categories and components), so one
 * failure does not carry into the next test.
 */
type Stage = 'empty' | 'imported' | 'persian' | 'coded' | 'filed';
const STAGES: [string, Stage][] = [
  ['imports the four seed articles', 'empty'],
  ['codes Persian passages', 'imported'],
  ['codes Arabic and English passages', 'persian'],
  ['shows the concepts of a highlight', 'coded'],
  ['builds three categories', 'coded'],
];

async function prepare(stage: Stage) {
  projectFile = (await newProject(app.page, 'E2E review')).path;
  if (stage === 'empty') return;
  const call = <T,>(method: string, input: unknown) => callApi<T>(app.page, method, input);
  const files = fs.readdirSync(EXAMPLES).map((f) => ({ name: f, dataBase64: fs.readFileSync(path.join(EXAMPLES, f)).toString('base64') }));
  const imported = await call<{ document: { id: number; name: string } }[]>('document.import', { files });
  const doc = (name: string) => imported.find((r) => r.document.name === name)!.document.id;
  const texts = new Map(imported.map((r) => [r.document.id, fs.readFileSync(path.join(EXAMPLES, `${r.document.name}.txt`), 'utf8').normalize('NFC')]));
  const concepts = new Map<string, number>();
  const code = async (name: string, phrase: string, how: { label?: string; inVivo?: true; concept?: string }, nth = 0) => {
    const documentId = doc(name);
    let at = -1;
    for (let i = 0; i <= nth; i += 1) at = texts.get(documentId)!.indexOf(phrase, at + 1);
    const where = { documentId, start: at, end: at + phrase.length };
    const segment = await call<{ conceptId: number }>(
      'segment.code',
      how.concept ? { ...where, conceptId: concepts.get(how.concept) } : { ...where, newConcept: how.inVivo ? { inVivo: true } : { label: how.label } },
    );
    if (!how.concept) concepts.set(how.label ?? phrase, segment.conceptId);
  };
  if (stage === 'imported') return reload();
  await code(FA, 'درک و اجرای بازاریابی B2B میتواند چالشبرانگیز باشد', { label: 'چالش اجرای بازاریابی B2B' });
  await code(FA, 'بازاریابی B2B', { label: 'تعریف بازاریابی B2B' });
  await code(FA, 'استفاده هوشمندانه از بودجه', { label: 'بودجه بازاریابی' });
  await code(FA, 'بازاریابهای بیزینسبهبیزینس', { inVivo: true });
  await code(FA, 'Research and Markets', { label: 'market research' });
  await code(FA, 'بازاریابی B2B', { concept: 'market research' }, 3);
  if (stage === 'persian') return reload();
  await code(AR, 'إسناد تسويق B2B', { label: 'إسناد التسويق' });
  await code(AR, 'رحلة العميل', { label: 'customer journey' });
  await code(AR, 'التسويق عبر وسائل التواصل الاجتماعي', { label: 'social media' });
  await code(AR, 'إسناد تسويق B2B', { concept: 'إسناد التسويق' }, 1);
  await code(EN, 'Grounded Theory', { inVivo: true });
  await code(EN, 'B2B marketing maturity model', { label: 'maturity model' });
  if (stage === 'coded') return reload();
  const category = async (name: string, parentId: number | null = null) => (await call<{ id: number }>('category.create', { name, parentId })).id;
  const file = (categoryId: number, labels: string[]) => call('category.fileConcepts', { categoryId, conceptIds: labels.map((l) => concepts.get(l)!) });
  const strategy = await category('راهبرد بازاریابی');
  const measurement = await category('Measurement');
  const attribution = await category('Attribution', measurement);
  await file(strategy, ['بودجه بازاریابی', 'چالش اجرای بازاریابی B2B', 'social media']);
  await file(attribution, ['إسناد التسويق', 'customer journey']);
  await file(measurement, ['market research']);
  await file(measurement, ['social media']);
  await call('component.assign', { categoryId: strategy, component: 'strategies' });
  await call('component.assign', { categoryId: measurement, component: 'consequences' });
  return reload();
}

async function reload() {
  await app.page.reload();
  await app.page.locator('.gw-topbar').waitFor();
}

beforeEach(async (context) => {
  await prepare(STAGES.find(([name]) => context.task.name.startsWith(name))?.[1] ?? 'filed');
});

describe('the coding spine in the browser', () => {
  it('imports the four seed articles and an English text, and reports a duplicate', async () => {
    const files = fs.readdirSync(EXAMPLES).map((f) => path.join(EXAMPLES, f));
    const lines = await ws.importFiles(files);
    expect(lines).toHaveLength(5);
    expect(lines.every((l) => l.includes('imported as'))).toBe(true);
    const again = await ws.importFiles([files[0]!]);
    expect(again[0]).toMatch(/not imported, its text is the same as/);
    await expect.poll(() => app.page.getByRole('listbox', { name: 'Sources' }).getByRole('option').count()).toBe(5);
  });

  it('codes Persian passages: new concepts, an overlapping pair, in vivo, a backward selection, the last concept', async () => {
    await ws.openSource(FA);
    await ws.select('درک و اجرای بازاریابی B2B میتواند چالشبرانگیز باشد');
    await ws.codeWith('چالش اجرای بازاریابی B2B');
    await ws.select('بازاریابی B2B'); // inside the passage just coded: an overlapping pair
    await ws.codeWith('تعریف بازاریابی B2B');
    await ws.select('استفاده هوشمندانه از بودجه');
    await ws.codeWith('بودجه بازاریابی');
    await ws.select('بازاریابهای بیزینسبهبیزینس');
    await ws.codeInVivo();
    await ws.select('Research and Markets', { backward: true });
    await ws.codeWith('market research');
    await ws.select('بازاریابی B2B', { nth: 3 });
    await ws.codeWithLast(); // the last concept used: market research
    const highlighted = await ws.reader.locator('span.gw-coded').allInnerTexts();
    expect(highlighted.join('|')).toContain('بازاریابی B2B');
    expect(highlighted).toContain('Research and Markets');
    await expect.poll(() => ws.treeRow('بازاریابهای بیزینسبهبیزینس').count()).toBe(1);
    await expect.poll(() => ws.treeRow('بازاریابهای بیزینسبهبیزینس').locator('.gw-badge').innerText()).toBe('iv');
  });

  it('codes Arabic and English passages, reusing concepts through the type-ahead', async () => {
    await ws.openSource(AR);
    await ws.select('إسناد تسويق B2B');
    await ws.codeWith('إسناد التسويق');
    await ws.select('رحلة العميل');
    await ws.codeWith('customer journey');
    await ws.select('التسويق عبر وسائل التواصل الاجتماعي');
    await ws.codeWith('social media');
    await ws.select('إسناد تسويق B2B', { nth: 1 });
    await ws.codeWith('إسناد التسويق'); // an existing concept, typed again
    await ws.openSource(EN);
    await ws.select('Grounded Theory');
    await ws.codeInVivo();
    await ws.select('B2B marketing maturity model');
    await ws.codeWith('maturity model');
    const concepts = await ws.tree.locator('.gw-tree-concept').count();
    expect(concepts).toBe(10);
  });

  it('shows the concepts of a highlight on click, and uncodes one', async () => {
    await ws.openSource(EN);
    await ws.reader.locator('span.gw-coded', { hasText: 'maturity model' }).first().click();
    const popover = app.page.getByRole('dialog', { name: 'Coded here' });
    await expect.poll(() => popover.locator('li').count()).toBe(1);
    await popover.getByRole('button', { name: 'Uncode' }).click();
    await expect.poll(() => ws.reader.locator('span.gw-coded', { hasText: 'maturity model' }).count()).toBe(0);
    await ws.select('B2B marketing maturity model');
    await ws.codeWith('maturity model');
  });

  it('builds three categories with one nested, files concepts by dragging several at once, and places main categories in two components', async () => {
    await ws.newMainCategory('راهبرد بازاریابی');
    await ws.newMainCategory('Measurement');
    await ws.newSubCategory('Measurement', 'Attribution');
    await ws.fileConcepts(['بودجه بازاریابی', 'چالش اجرای بازاریابی B2B', 'social media'], 'راهبرد بازاریابی');
    await ws.fileConcepts(['إسناد التسويق', 'customer journey'], 'Attribution');
    await ws.fileConcepts(['market research'], 'Measurement');
    // social media also belongs under Measurement: Ctrl-drop files it in addition.
    await ws.treeRow('social media').first().click();
    await ws.page.keyboard.down('Control');
    await ws.treeRow('social media').first().dragTo(ws.treeRow('Measurement').first());
    await ws.page.keyboard.up('Control');
    await ws.assignComponent('راهبرد بازاریابی', 'Strategies');
    await ws.assignComponent('Measurement', 'Consequences');
    await expect.poll(() => ws.treeRow('Attribution').getAttribute('aria-level')).toBe('3');
  });

  it('Table 8 on screen and in the exported CSV equals counts computed independently from the project file', async () => {
    // The last placement of the test before may still be on its way to the file.
    await expect.poll(() => countFromFile(projectFile).consequences, { timeout: 10_000 }).toEqual([1, 4, 6]);
    const expected = countFromFile(projectFile);
    expect(expected.strategies).toEqual([1, 3, 3]);
    expect(expected.consequences).toEqual([1, 4, 6]);
    expect(expected.total).toEqual([2, 6, 8]);
    const keys = ['causal', 'context', 'intervening', 'phenomenon', 'strategies', 'consequences', 'total', 'unassigned'];
    await expect.poll(() => ws.table8()).toEqual(Object.fromEntries(keys.map((key) => [key, expected[key]])));
    await expect.poll(() => app.page.getByTestId('shared-note').innerText()).toContain('social media');

    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByRole('button', { name: 'Export table (CSV)' }).click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1).trim()).data;
    const byKey = Object.fromEntries(rows.slice(1).map((r) => [r[0], r.slice(2).map(Number)]));
    for (const key of ['strategies', 'consequences', 'total', 'unassigned']) expect(byKey[key], key).toEqual(expected[key]);

    const [segmentsDownload] = await Promise.all([
      app.page.waitForEvent('download'),
      app.page.getByRole('button', { name: 'Export all segments (CSV)' }).click(),
    ]);
    const segmentRows = Papa.parse<Record<string, string>>(fs.readFileSync((await segmentsDownload.path())!, 'utf8').slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(segmentRows).toHaveLength(12);
    const fa = segmentRows.find((r) => r.concept === 'بودجه بازاریابی')!;
    expect(fa).toMatchObject({ source: FA, text: 'استفاده هوشمندانه از بودجه', main_category: 'راهبرد بازاریابی', component: 'Strategies' });
    const faText = fs.readFileSync(path.join(EXAMPLES, `${FA}.txt`), 'utf8');
    expect(faText.slice(Number(fa.start_utf16), Number(fa.end_utf16))).toBe(fa.text);
    expect(segmentRows.find((r) => r.concept === 'customer journey')).toMatchObject({ category: 'Attribution', main_category: 'Measurement' });
  });

  it('undoes and redoes with the keyboard', async () => {
    await ws.backToCoding();
    const before = countFromFile(projectFile);
    await app.page.locator('body').press('Control+z'); // the last step: Measurement → Consequences
    await expect.poll(() => countFromFile(projectFile).consequences).toEqual([0, 0, 0]);
    await app.page.getByRole('status').filter({ hasText: 'Undone: Place “Measurement” in Consequences' }).waitFor();
    await app.page.locator('body').press('Control+Shift+z');
    await expect.poll(() => countFromFile(projectFile)).toEqual(before);
  });

  it('shows exactly the same after a reload', async () => {
    const table = await ws.table8();
    await ws.backToCoding();
    // The tree draws its rows once it has measured its viewport (it draws only the rows in view).
    await expect.poll(() => ws.tree.getByRole('treeitem').count()).toBeGreaterThan(15);
    const tree = await ws.tree.getByRole('treeitem').allInnerTexts();
    await ws.openSource(FA);
    const highlights = await ws.reader.locator('span.gw-coded').allInnerTexts();
    await app.page.reload();
    await app.page.locator('.gw-topbar').waitFor();
    await expect.poll(() => ws.tree.getByRole('treeitem').allInnerTexts()).toEqual(tree);
    await ws.openSource(FA);
    await expect.poll(() => ws.reader.locator('span.gw-coded').allInnerTexts()).toEqual(highlights);
    await expect.poll(() => ws.table8()).toEqual(table);
    expect(app.errors, app.errors.join('\n')).toEqual([]);
  });
});
