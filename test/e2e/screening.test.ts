// The corpus in real Chromium: import text sources and a RIS and a BibTeX bibliography, see records
// linked and unmatched, merge a duplicate, screen records by keyboard and in bulk, check the PRISMA
// figures on screen (worked by hand below), undo a decision, and see that only included sources
// are offered in the coding view by default.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLES, REPO } from '../helpers/backend';
import { startApp, type App } from './harness';
import { callApi, newProject } from './pages/fresh-project';
import { ScreeningPage } from './pages/screening-page';
import { StartPage } from './pages/start-page';
import { WorkspacePage } from './pages/workspace-page';

let app: App;
let ws: WorkspacePage;
let sp: ScreeningPage;

beforeAll(async () => {
  app = await startApp();
  ws = new WorkspacePage(app.page);
  sp = new ScreeningPage(app.page);
  await new StartPage(app.page).createProject('Screening E2E');
});
afterAll(async () => {
  await app?.close();
});

const BIB = (name: string) => path.join(REPO, 'fixtures/bibliography', name);
const ABM = 'استراتژی بازاریابی مبتنی بر حساب چیست؟';
const ARABIC = 'إسناد تسویق B2B';
const STUDY = 'Providing a Business-to-Business Marketing Maturity Model';
const GLASER = 'Discovery of Grounded Theory';
const sources = () => app.page.getByRole('listbox', { name: 'Sources' }).getByRole('option');

/**
 * How far a test's own project is taken before it starts, through the backend: the three texts
 * and both bibliographies imported; the duplicate merged; the records screened as the keyboard
 * test screens them (ABM and the study included; the Arabic page, Glaser and two more excluded).
 */
type Stage = 'empty' | 'imported' | 'merged' | 'screened';
const STAGES: Record<string, Stage> = {
  'imports text sources, then a RIS and a BibTeX bibliography that link to them': 'empty',
  'offers only included sources for coding: the linked ones now wait for screening': 'imported',
  'merges the flagged duplicate, and PRISMA counts it as removed': 'imported',
  'screens by keyboard and in bulk, and the PRISMA figures follow (worked by hand)': 'merged',
};

async function prepare(stage: Stage) {
  await newProject(app.page, 'Screening E2E');
  if (stage === 'empty') return;
  const file = (p: string) => ({ name: path.basename(p), dataBase64: fs.readFileSync(p).toString('base64') });
  const texts = ['Account-based marketing (fa).txt', 'B2B marketing attribution (ar).txt', 'Study abstract (en).txt'];
  await callApi(app.page, 'document.import', { files: texts.map((f) => file(path.join(EXAMPLES, f))) });
  await callApi(app.page, 'document.import', { files: [file(BIB('zotero.ris')), file(BIB('zotero.bib'))] });
  if (stage !== 'imported') {
    // As the Merge button does: keep the record that has the full text, else the older one.
    const [flag] = await callApi<{ a: number; b: number }[]>(app.page, 'record.duplicates', {});
    const all = await callApi<{ id: number; documentId: number | null }[]>(app.page, 'record.list', {});
    const [a, b] = [all.find((r) => r.id === flag!.a)!, all.find((r) => r.id === flag!.b)!];
    const [keep, drop] = b.documentId !== null && a.documentId === null ? [b, a] : [a, b];
    await callApi(app.page, 'record.merge', { keepId: keep.id, dropId: drop.id });
  }
  if (stage === 'screened') {
    const records = await callApi<{ id: number; title: string }[]>(app.page, 'record.list', {});
    const reasons = await callApi<{ id: number; name: string }[]>(app.page, 'reason.list', {});
    const ids = (...titles: string[]) => titles.map((t) => records.find((r) => r.title.startsWith(t))!.id);
    const decide = (titles: string[], decision: string, reasonId?: number) =>
      callApi(app.page, 'screening.decide', { ids: ids(...titles), decision, ...(reasonId ? { reasonId } : {}) });
    await decide([ABM], 'include');
    await decide([ARABIC], 'exclude', reasons[0]!.id);
    for (let i = 0; i < 3; i += 1) await decide([STUDY], 'advance');
    await decide([GLASER], 'advance');
    await decide([GLASER], 'exclude', reasons[3]!.id);
    await decide(['A maturity assessment', 'مدل سنجش بلوغ'], 'exclude', reasons[0]!.id);
  }
  await app.page.reload();
  await app.page.locator('.gw-topbar').waitFor();
}

// Each test screens its own project, prepared to the point it starts from.
beforeEach(async (context) => {
  await prepare(STAGES[context.task.name] ?? 'screened');
});

describe('screening a corpus in the browser', () => {
  it('imports text sources, then a RIS and a BibTeX bibliography that link to them', async () => {
    const texts = ['Account-based marketing (fa).txt', 'B2B marketing attribution (ar).txt', 'Study abstract (en).txt'];
    const lines = await ws.importFiles(texts.map((f) => path.join(EXAMPLES, f)));
    expect(lines.every((l) => l.includes('imported as'))).toBe(true);
    await expect.poll(() => sources().count()).toBe(3);
    const report = await ws.importFiles([BIB('zotero.ris'), BIB('zotero.bib')]);
    expect(report).toEqual([
      expect.stringContaining('zotero.ris: 5 RIS records imported, 2 linked to sources.'),
      expect.stringContaining('zotero.bib: 5 BibTeX records imported, 1 linked to a source, 1 possible duplicate flagged.'),
    ]);
  });

  it('offers only included sources for coding: the linked ones now wait for screening', async () => {
    await expect.poll(() => sources().count()).toBe(0);
    await expect.poll(() => app.page.getByTestId('hidden-sources').innerText()).toMatch(/3 other\(s\) hidden/);
    await app.page.getByTestId('show-all-sources').check();
    await expect.poll(() => sources().count()).toBe(10);
    // Linked records show their source; the rest are records without full text, shown apart.
    await expect.poll(() => app.page.locator('.gw-source-row.gw-no-text').count()).toBe(7);
    // A linked source takes its record's title as its name.
    const study = sources().filter({ hasText: STUDY });
    await expect.poll(() => study.innerText()).toMatch(/Tellohosseini et al\., 2022/);
    await study.click();
    await expect.poll(() => app.page.getByRole('textbox', { name: 'Title' }).inputValue()).toBe(STUDY);
    await sources().filter({ hasText: 'A metamodel for evaluating' }).first().click();
    await expect.poll(() => ws.inspector.locator('.gw-kind').textContent()).toBe('Record without full text');
  });

  it('merges the flagged duplicate, and PRISMA counts it as removed', async () => {
    await sp.open();
    await expect.poll(() => sp.rows().count()).toBe(10);
    const flag = app.page.getByTestId('duplicate-flag');
    await expect.poll(() => flag.innerText()).toMatch(/Same DOI/);
    await flag.getByRole('button', { name: 'Merge' }).click();
    await expect.poll(() => sp.rows().count()).toBe(9);
    await expect.poll(() => sp.prisma()).toMatchObject({ identified: 10, duplicatesRemoved: 1, screened: 0, included: 0, awaiting: 9 });
  });

  it('screens by keyboard and in bulk, and the PRISMA figures follow (worked by hand)', async () => {
    await sp.open();
    await sp.press(ABM);
    await expect.poll(() => app.page.getByTestId('record-preview').innerText()).toContain('معرفی استراتژی بازاریابی مبتنی بر حساب (ABM) در بازاریابی B2B.');
    await app.page.keyboard.press('i'); // include outright
    await expect.poll(() => sp.stage(ABM)).toBe('included');
    await sp.press(ARABIC, 'x');
    await app.page.getByRole('dialog', { name: 'Exclusion reason' }).waitFor();
    await app.page.keyboard.press('1'); // Off topic, at title/abstract screening
    await expect.poll(() => sp.stage(ARABIC)).toBe('excluded');
    await expect.poll(() => sp.row(ARABIC).innerText()).toMatch(/Off topic/);
    await sp.press(STUDY, 'a');
    await expect.poll(() => sp.stage(STUDY)).toBe('screened');
    await sp.press(STUDY, 'a');
    await expect.poll(() => sp.stage(STUDY)).toBe('eligible');
    await sp.press(STUDY, 'Enter');
    await expect.poll(() => sp.stage(STUDY)).toBe('included');
    await sp.press(GLASER, 'a');
    await expect.poll(() => sp.stage(GLASER)).toBe('screened');
    await sp.press(GLASER, 'x', '4'); // Full text not available, at eligibility
    await expect.poll(() => sp.stage(GLASER)).toBe('excluded');
    // 10 identified, 1 duplicate removed; 4 screened (ABM, Arabic, study, Glaser), 1 excluded at
    // screening (Arabic), 3 assessed, 1 excluded at eligibility (Glaser), 2 included, 5 waiting.
    await expect.poll(() => sp.prisma()).toEqual({
      identified: 10,
      duplicatesRemoved: 1,
      screened: 4,
      excludedAtScreening: 1,
      assessedForEligibility: 3,
      excludedAtEligibility: 1,
      included: 2,
      awaiting: 5,
    });
    await expect.poll(() => app.page.locator('.gw-prisma-reason').innerText()).toBe('Full text not available: 1');

    // Bulk: two records picked with their checkboxes, excluded together with one reason.
    await sp.row('A maturity assessment').getByRole('checkbox').check();
    await sp.row('مدل سنجش بلوغ').getByRole('checkbox').check();
    await app.page.getByRole('button', { name: /^Exclude…/ }).click();
    await app.page.getByRole('dialog', { name: 'Exclusion reason' }).getByRole('button', { name: /Off topic/ }).click();
    await expect.poll(() => sp.prisma()).toMatchObject({ screened: 6, excludedAtScreening: 3, awaiting: 3 });
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => sp.prisma()).toMatchObject({ screened: 4, excludedAtScreening: 1, awaiting: 5 });
    await expect.poll(() => sp.stage('A maturity assessment')).toBe('identified');
    await app.page.keyboard.press('Control+Shift+z');
    await expect.poll(() => sp.prisma()).toMatchObject({ screened: 6, excludedAtScreening: 3, awaiting: 3 });
  });

  it('filters the table by stage and shows the corpus statistics', async () => {
    await sp.open();
    await app.page.getByRole('group', { name: 'Filter by stage' }).getByRole('button', { name: /^included/ }).click();
    await expect.poll(() => sp.rows().count()).toBe(2);
    await app.page.getByRole('group', { name: 'Filter by stage' }).getByRole('button', { name: /^All/ }).click();
    const stats = app.page.getByTestId('corpus-stats');
    await expect.poll(() => stats.locator('tbody tr', { hasText: 'excluded' }).innerText()).toMatch(/4$/);
    await stats.getByRole('button', { name: 'per year' }).click();
    await expect.poll(() => stats.locator('tbody tr', { hasText: '2022' }).innerText()).toMatch(/3$/); // ABM page, Arabic page, the study
    await expect.poll(() => stats.locator('rect.gw-bar').count()).toBeGreaterThan(3);
  });

  it('offers only the included sources in the coding view by default', async () => {
    await expect.poll(() => sources().allInnerTexts()).toEqual([
      // Each named after its record.
      expect.stringMatching(/^→\s*Providing a Business-to-Business Marketing Maturity Model\s+0\s+Tellohosseini et al\., 2022\s+· article\s+included$/),
      expect.stringMatching(/^←\s*استراتژی بازاریابی مبتنی بر حساب چیست؟\s+0\s+no author, no year\s+· web page\s+included$/),
    ]);
  });

  it('shows a short citation beside each retrieved segment', async () => {
    await ws.openSource(STUDY);
    await ws.select('Business-to-Business Marketing Maturity Model');
    await ws.codeWith('maturity model');
    await ws.treeRow('maturity model').first().click();
    await expect.poll(() => ws.segments.getByTestId('segment-citation').first().innerText()).toBe('(Tellohosseini et al., 2022)');
  });

  it('links a record without full text to a source by hand', async () => {
    await ws.importFiles([path.join(EXAMPLES, 'Sales and marketing alignment (fa).txt')]);
    await app.page.getByTestId('show-all-sources').check();
    await sources().filter({ hasText: 'به کارگیری مدل بلوغ' }).click();
    await ws.inspector.getByRole('combobox', { name: 'Link to a source' }).selectOption({ label: 'Sales and marketing alignment (fa)' });
    // Linked by hand, the source takes the record's title as its name.
    await expect.poll(() => ws.inspector.locator('h2').first().innerText()).toMatch(/^به کارگیری مدل بلوغ/);
    await expect.poll(() => app.page.getByRole('textbox', { name: 'Title' }).inputValue()).toMatch(/^به کارگیری مدل بلوغ/);
    expect(app.errors).toEqual([]);
  });
});
