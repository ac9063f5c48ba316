// Refreshing only what changed, counted in Chromium: every call the page makes to the backend is
// recorded, and coding one passage must cost one write and exactly the reads its touched set
// requires for what is on screen, whichever views were open before. Nothing else is fetched.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isReadMethod } from '../../shared/api/dependencies';
import { startApp, type App } from './harness';
import { ScreeningPage } from './pages/screening-page';
import { SearchPage } from './pages/search-page';
import { StartPage } from './pages/start-page';
import { WorkspacePage } from './pages/workspace-page';

let app: App;
let ws: WorkspacePage;
let notes: number;
const calls: string[] = [];

const TEXT = [
  'اعتماد مشتری در بازارهای سازمانی مهم است و اعتماد به آرامی ساخته می‌شود.',
  'Trust matters in B2B markets. Buyers trust suppliers who keep their word.',
  'Budgets for marketing are small, and trust in the budget is low.',
].join('\n');

/** A call as recorded: a change by its method, a read by its method and the input that names what it reads. */
const named = (method: string, input: Record<string, unknown>) =>
  isReadMethod(method) && Object.keys(input).length ? `${method} ${JSON.stringify(input)}` : method;

/** The calls made from now until the page has been quiet for a while. */
async function callsDuring(action: () => Promise<void>): Promise<string[]> {
  await quiet();
  const from = calls.length;
  await action();
  await quiet();
  return calls.slice(from).sort();
}

/** Waits until no call has been made for 600 ms. */
async function quiet() {
  let seen = -1;
  await expect
    .poll(
      async () => {
        const now = calls.length;
        const still = now === seen;
        seen = now;
        return still;
      },
      { interval: 600, timeout: 20_000 },
    )
    .toBe(true);
}

beforeAll(async () => {
  app = await startApp();
  ws = new WorkspacePage(app.page);
  app.page.on('request', (request) => {
    if (!request.url().endsWith('/api/call')) return;
    const { method, input } = request.postDataJSON() as { method: string; input: Record<string, unknown> };
    calls.push(named(method, input ?? {}));
  });
  await new StartPage(app.page).createProject('Refresh test');
  const file = path.join(app.home, 'notes.txt');
  fs.writeFileSync(file, TEXT);
  await ws.importFiles([file]);
  await ws.openSource('notes');
  notes = Number(await ws.reader.getAttribute('data-document'));
});
afterAll(async () => {
  await app?.close();
});

describe('refreshing only what changed', () => {
  it('codes one passage in the Coding view with one write and the reads of what it touched', async () => {
    const during = await callsDuring(async () => {
      await ws.select('اعتماد مشتری');
      await ws.codeWith('trust');
      await ws.reader.locator('span.gw-coded').first().waitFor();
    });
    // The source is focused: the retrieved segments of the source are on screen too.
    expect(during).toEqual(
      [
        'segment.code',
        'codebook.get',
        'counts.paradigm',
        'document.list',
        'history.get',
        `segment.forDocument {"documentId":${notes}}`,
        // The first page of the list, as many rows as it shows.
        `segment.page {"scope":{"kind":"document","id":${notes}},"limit":200}`,
      ].sort(),
    );
    expect(during.filter((c) => c.startsWith('segment.code'))).toHaveLength(1);
  });

  it('fetches nothing of a hidden view that the change did not touch, when it is shown again', async () => {
    const screening = new ScreeningPage(app.page);
    await screening.open();
    await ws.backToCoding();
    await ws.openSource('notes');
    const coding = await callsDuring(async () => {
      await ws.select('Buyers trust suppliers');
      await ws.codeWithLast();
    });
    expect(coding.some((c) => /^(record|reason|screening|corpus)\./.test(c))).toBe(false);
    // The Screening view's records, reasons and figures did not change: shown again, nothing is fetched.
    expect(await callsDuring(() => screening.open())).toEqual([]);
    await ws.backToCoding();
  });

  it('with the Search panel open, codes a passage without searching again', async () => {
    await ws.openSource('notes');
    const search = new SearchPage(app.page);
    await search.search('budget');
    await expect.poll(() => search.hits().count()).toBeGreaterThan(0);
    // Selecting with the mouse takes the keyboard focus out of the search box; a selection made
    // through the DOM does not.
    await app.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const during = await callsDuring(async () => {
      await ws.select('marketing are small');
      await ws.codeWith('small budgets');
      await ws.reader.locator('span.gw-coded', { hasText: 'marketing are small' }).waitFor();
    });
    expect(during).toEqual(
      ['segment.code', 'codebook.get', 'counts.paradigm', 'document.list', 'history.get', `segment.forDocument {"documentId":${notes}}`].sort(),
    );
    expect(app.errors, app.errors.join('\n')).toEqual([]);
  });
});
