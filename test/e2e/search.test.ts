// Corpus search in real Chromium against the browser mode: a Persian word typed with a ZWNJ
// finds the seed articles written without it, a hit opens its passage, all hits are autocoded
// with a new concept in one step, and Ctrl+Z takes them all away again.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { freshProject } from './pages/fresh-project';
import { SearchPage } from './pages/search-page';
import { WorkspacePage } from './pages/workspace-page';

let app: App;
let ws: WorkspacePage;
let search: SearchPage;

const TYPED = 'کسب\u200Cوکار'; // with a ZERO WIDTH NON-JOINER, as a user types it
const WRITTEN = 'کسبوکار'; // as the seed articles write it
const CONCEPT = 'کسب‌وکار (جستجو)';

beforeAll(async () => {
  app = await startApp();
  ws = new WorkspacePage(app.page);
  search = new SearchPage(app.page);
});
// Each test searches its own fresh copy of the example project.
beforeEach(async () => {
  await freshProject(app.page);
});
afterAll(async () => {
  await app?.close();
});

/** Searches for the word typed with a ZWNJ; returns how many hits the summary reports. */
const searchTyped = async () => Number(/^(\d+) hits/u.exec(await search.search(TYPED))?.[1]);

describe('searching the corpus', () => {
  it('finds a word typed with a ZWNJ in seed articles written without it, as KWIC lines by source', async () => {
    const summary = await search.search(TYPED);
    const total = Number(/^(\d+) hits/u.exec(summary)?.[1]);
    expect(total).toBeGreaterThan(10);
    expect(summary).toMatch(/in 2 sources/u); // the third Persian article writes «کسب وکار», two words
    const hits = await search.hits().allInnerTexts();
    expect(hits.length).toBe(total);
    expect(new Set(hits)).toEqual(new Set([WRITTEN]));
    const sources = await search.sources().allInnerTexts();
    expect(sources.some((s) => s.includes('B2B marketing guide (fa)'))).toBe(true);
    // Each line reads right to left, with words either side of the hit.
    const first = search.lines().first();
    await expect.poll(() => first.getAttribute('dir')).toBe('rtl');
    expect((await first.innerText()).length).toBeGreaterThan(WRITTEN.length + 10);
  });

  it('opens the source at a hit, with the passage selected in the reader', async () => {
    await searchTyped();
    const line = search.lines().nth(3);
    const context = await line.innerText();
    await line.click();
    await expect.poll(() => app.page.evaluate(() => window.getSelection()?.toString())).toBe(WRITTEN);
    // Every hit drawn in the reader is marked (CSS Custom Highlight API), the selected one too.
    await expect
      .poll(() => app.page.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('gw-search-hit')?.size ?? 0))
      .toBeGreaterThan(3);
    const marked = await app.page.evaluate(() => [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('gw-search-hit') ?? [])].map((r) => r.toString()));
    expect(new Set(marked)).toEqual(new Set([WRITTEN]));
    const paragraph = await app.page.evaluate(() => window.getSelection()?.anchorNode?.parentElement?.closest('p')?.textContent ?? '');
    expect(paragraph.replace(/\s+/gu, ' ')).toContain(context.replace(/^… | …$/gu, '').replace(/\s+/gu, ' ').trim().slice(0, 30));
  });

  it('codes every hit with a new concept in one step, highlighted and counted, and Ctrl+Z takes them all away', async () => {
    const total = await searchTyped();
    await search.lines().first().click(); // a source open in the reader, to see its highlights
    await search.autocode(CONCEPT);
    await app.page.locator('.gw-toast', { hasText: `Coded ${total} passages` }).waitFor();
    await expect.poll(() => ws.treeRow(CONCEPT).count()).toBe(1);
    await expect.poll(() => ws.treeRow(CONCEPT).innerText()).toContain(String(total));
    await expect.poll(() => ws.reader.locator('span.gw-coded', { hasText: WRITTEN }).count()).toBeGreaterThan(0);
    await app.page.locator('.gw-reader-header h2').click(); // out of any field, so Ctrl+Z undoes the step
    await app.page.keyboard.press('Control+z');
    await expect.poll(() => ws.treeRow(CONCEPT).count()).toBe(0);
    await expect.poll(() => ws.reader.locator('span.gw-coded').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });

  it('suggests the hits of a concept and its synonyms; accepted ones are coded, rejected ones are not offered again', async () => {
    await search.search('التسویق');
    await search.panel.locator('.gw-kwic input[type=checkbox]').first().check();
    await search.autocode('التسويق');
    await app.page.locator('.gw-toast', { hasText: 'Coded 1 passage with' }).waitFor();
    await search.panel.getByRole('button', { name: 'Close search' }).click();
    const synonyms = ws.inspector.getByLabel('Synonyms (one per line)');
    await synonyms.fill('العميل\nالعملاء');
    await ws.inspector.getByRole('button', { name: 'Suggest segments' }).click();
    const summary = search.panel.locator('.gw-search-summary');
    await summary.filter({ hasText: /suggestions/u }).waitFor();
    await expect.poll(() => summary.innerText()).toContain('التسويق · العميل · العملاء');
    await expect.poll(() => summary.innerText()).toMatch(/1 already coded/u);
    const count = async () => Number(/(\d+) suggestions/u.exec(await summary.innerText())?.[1]);
    const before = await count();
    expect(before).toBeGreaterThan(10);
    await search.panel.getByRole('button', { name: 'Accept', exact: true }).first().click();
    await expect.poll(count).toBe(before - 1);
    await search.panel.getByRole('button', { name: 'Reject', exact: true }).first().click();
    await expect.poll(count).toBe(before - 2);
    await expect.poll(() => summary.innerText()).toMatch(/2 already coded · 1 rejected before/u);
    await expect.poll(() => ws.treeRow('التسويق').innerText()).toContain('2');
    expect(app.errors).toEqual([]);
  });
});
