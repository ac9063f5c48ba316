// The reader at each size of the scale benchmark, in Debian's Chromium against the host that has
// the grown project open: opening a source until its paragraphs are painted, coding a passage
// through the coding bar until its highlight is painted (six times: median and p95), and scroll
// frames. The page-side measures are reader.mjs's (armOpen, selectPassage, armCoded, scrollFrames).

import { chromium } from 'playwright-core';
import { armCoded, armOpen, CHROMIUM, CHROMIUM_ARGS, scrollFrames, selectPassage, VIEWPORT } from './reader.mjs';
import { round, summarize } from './stats.mjs';

const literal = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function benchScaleUi({ host, documentName, documentId, log, codings = 6 }) {
  const results = {};
  const errors = [];
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    page.setDefaultTimeout(120_000);
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    const loadStarted = performance.now();
    await page.goto(host.address);
    await page.locator('.gw-topbar').waitFor();
    const option = page.getByRole('listbox', { name: 'Sources' }).getByRole('option', { name: new RegExp(literal(documentName)) });
    await option.waitFor();
    results['project shown (page load → sources listed)'] = summarize([performance.now() - loadStarted]);

    const opens = [];
    for (let run = 0; run < 3; run += 1) {
      // Away and back, so each opening draws the source anew.
      if (run > 0) {
        await page.getByRole('listbox', { name: 'Sources' }).getByRole('option').nth(run).click();
        await page.waitForTimeout(300);
      }
      await page.evaluate(armOpen, documentId);
      await option.click();
      const opened = await page.evaluate(() => window.__gwOpened);
      opens.push(opened.painted);
      await page.waitForTimeout(500);
    }
    results['open a source (click → paragraphs painted)'] = summarize(opens);

    log('  UI: coding passages…');
    const painted = [];
    for (let i = 0; i < codings; i += 1) {
      // Coded text leaves few long uncoded runs at a million segments: scroll on until one is in view.
      let picked = await page.evaluate(selectPassage, i + 1);
      for (let tries = 0; picked.error && tries < 20; tries += 1) {
        await page.evaluate(() => {
          const scroller = document.querySelector('.gw-reader-body [data-virtuoso-scroller]');
          if (scroller) scroller.scrollTop += 500;
        });
        await page.waitForTimeout(300);
        picked = await page.evaluate(selectPassage, i + 1);
      }
      if (picked.error) throw new Error(picked.error);
      await page.evaluate(() => window.__gwBar);
      await page.locator('.gw-coding-bar').waitFor();
      await page.keyboard.press('c');
      const input = page.getByRole('combobox', { name: 'Concept' });
      await input.fill(`scale ${i + 1}`);
      await page.evaluate(armCoded, { para: picked.para, mid: Math.floor((picked.start + picked.end) / 2) });
      await input.press('Enter');
      const coded = await page.evaluate(() => window.__gwCoded);
      await page.locator('.gw-coding-bar').waitFor({ state: 'detached' });
      painted.push(coded.painted);
      await page.waitForTimeout(400);
    }
    results['code a passage (Enter → highlight painted)'] = summarize(painted);

    const frames = await page.evaluate(scrollFrames, { duration: 2000, step: 80 });
    const mean = frames.deltas.reduce((a, b) => a + b, 0) / frames.deltas.length;
    results['scroll the source, average frame'] = { ...summarize(frames.deltas), average: round(mean, 2), frames: frames.deltas.length };
  } finally {
    await browser.close();
  }
  results.pageErrors = errors;
  return results;
}
