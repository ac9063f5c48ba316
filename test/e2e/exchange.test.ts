// REFI-QDA exchange in Chromium: the NVivo sample imported through Import…, its report (97 coded
// passages, nothing left out, the unit and its fit), a coded passage opened in the reader on the
// text NVivo meant, the project exported as .qdpx from Export…, and that file imported into a new
// project with the same passages.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/backend';
import { entryFor, meantPassage, REFI, sample, unzipAll, writerText, writtenSelections } from '../electron/backend/exchange/samples';
import { startApp, type App } from './harness';
import { ExchangePage } from './pages/exchange-page';
import { StartPage } from './pages/start-page';
import { WorkspacePage } from './pages/workspace-page';

const NVIVO = 'nvivo-win-12.6_oltas.qdpx';
let app: App;
let ws: WorkspacePage;
let exchange: ExchangePage;
let dir: string;

beforeAll(async () => {
  app = await startApp();
  ws = new WorkspacePage(app.page);
  exchange = new ExchangePage(app.page);
  dir = tempDir('groundwork-e2e-exchange-');
});
afterAll(async () => {
  await app?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const sources = () => app.page.getByRole('listbox', { name: 'Sources' }).getByRole('option');

describe.skipIf(!REFI)('REFI-QDA exchange in the browser', () => {
  it('imports the NVivo project through Import…, with a report of what came in and what did not', async () => {
    await new StartPage(app.page).createProject('From NVivo');
    await exchange.importFile(sample(NVIVO));
    await expect.poll(() => exchange.cameIn('Coded passages')).toEqual(['97', '0']);
    expect(await exchange.cameIn('Sources')).toEqual(['1', '0']);
    expect(await exchange.cameIn('Coders')).toEqual(['1', '']);
    expect(await exchange.report.getByText('Nothing was left out.').count()).toBe(1);
    expect(await exchange.report.getByTestId('exchange-positions').innerText()).toBe(
      'Positions read as UTF-16 code units, a CR LF counting 2: 100 % of the selections start and end on word boundaries.',
    );
    await exchange.closeReport();
    await expect.poll(() => sources().count()).toBe(1);
    // One undo step: the history names the file.
    expect(await app.page.getByRole('button', { name: /^Undo/ }).first().getAttribute('title')).toContain(NVIVO);
  });

  it('opens a coded passage: its highlight is the text NVivo meant, and it names its concept', async () => {
    const entries = await unzipAll(sample(NVIVO));
    const xml = entries.get('project.qde')!.toString('utf8');
    const [first] = writtenSelections(xml);
    const meant = meantPassage(writerText(entryFor(entries, first!.textPath)!), 'utf16', first!.start, first!.end);
    const name = await sources().first().locator('.gw-list-label').innerText();
    await ws.openSource(name);
    const highlight = ws.reader.locator('span.gw-coded', { hasText: meant.split('\n')[0]!.slice(0, 30) }).first();
    await highlight.scrollIntoViewIfNeeded();
    await highlight.click();
    const popover = app.page.getByRole('dialog', { name: 'Coded here' });
    await expect.poll(() => popover.locator('li').count()).toBeGreaterThan(0);
    // The passage the reader highlights starts where NVivo's selection starts, on the same words.
    const coded = await ws.reader.locator('span.gw-coded').evaluateAll((spans) => spans.map((s) => s.textContent).join(''));
    expect(coded).toContain(meant.split('\n')[0]!);
  });

  it('exports the project as .qdpx from Export…, and a new project imports it with the same passages', async () => {
    const file = path.join(dir, 'exported.qdpx');
    const suggested = await exchange.export(file);
    expect(suggested).toBe('From NVivo.qdpx');
    const exported = await unzipAll(fs.readFileSync(file));
    expect(writtenSelections(exported.get('project.qde')!.toString('utf8'))).toHaveLength(97);

    await app.page.getByRole('button', { name: 'Close project' }).click();
    await new StartPage(app.page).createProject('Back from the export');
    await exchange.importFile(file);
    await expect.poll(() => exchange.cameIn('Coded passages')).toEqual(['97', '0']);
    expect(await exchange.report.locator('h3').first().innerText()).toMatch(/^Project “exported\.qdpx” · written by Groundwork /);
    await exchange.closeReport();
    await expect.poll(() => sources().locator('.gw-count').first().innerText()).toBe('97');
  });

  it('a MAXQDA project: its sets of sources show as attributes in the details of a source', async () => {
    await app.page.getByRole('button', { name: 'Close project' }).click();
    await new StartPage(app.page).createProject('From MAXQDA');
    await exchange.importFile(sample('maxqda-24.7.0_ICLS_Conf_Themes_just10.qdpx'));
    await expect.poll(() => exchange.cameIn('Sources')).toEqual(['10', '0']);
    await exchange.closeReport();
    await sources().first().click();
    const attributes = ws.inspector.getByTestId('source-attributes');
    await expect.poll(() => attributes.innerText()).toMatch(/^ICLS 202[45]\s+true$/);
    expect(app.errors).toEqual([]);
  });
});
