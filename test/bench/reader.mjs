// Reader timings in Debian's Chromium driven by playwright-core, against the running web host:
// opening a source until its paragraphs are painted, coding one passage through the coding bar
// until its highlight is painted, scroll frame times, and the renderer's JS heap.
//
// "Painted" is measured in the page: the moment the awaited DOM appears (a MutationObserver),
// then the next requestAnimationFrame and a task after it, i.e. once that frame has been drawn.

import { chromium } from 'playwright-core';
import { summarize, round } from './stats.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/launch.mjs';

export { CHROMIUM, CHROMIUM_ARGS };
export const VIEWPORT = { width: 1440, height: 900 };

const WAIT_MS = 60_000;
const MB = 1024 * 1024;

/** Escapes a string for use inside a RegExp. */
const literal = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Installs (in the page) a promise `window.__gwOpened` for the paint of a source's paragraphs after the next click. */
export function armOpen(docId) {
  const selector = `.gw-reader-body[data-document="${docId}"] p.gw-para`;
  window.__gwOpened = new Promise((resolve, reject) => {
    let clickAt = null;
    let done = false;
    document.addEventListener(
      'click',
      () => {
        clickAt ??= performance.now();
        check();
      },
      { capture: true, once: true },
    );
    const observer = new MutationObserver(() => check());
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`no paragraphs of source ${docId} appeared`));
    }, 60_000);
    function check() {
      if (done || clickAt === null || !document.querySelector(selector)) return;
      done = true;
      const seenAt = performance.now();
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() =>
        setTimeout(() => {
          const paragraphs = document.querySelectorAll('.gw-reader-body p.gw-para').length;
          resolve({ at: clickAt, seen: seenAt - clickAt, painted: performance.now() - clickAt, paragraphs });
        }, 0),
      );
    }
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-document'] });
  });
}

/**
 * Selects a passage of 12–31 characters starting at a word inside an uncoded run, on one line
 * well inside the reader's viewport, through a DOM Range as a mouse drag would leave it. Returns its
 * offsets and paragraph, and arms `window.__gwBar` for the paint of the coding bar.
 */
export function selectPassage(seed) {
  const body = document.querySelector('.gw-reader-body');
  const box = body.getBoundingClientRect();
  const runs = [...body.querySelectorAll('span[data-start]')].filter((el) => {
    if (el.dataset.segments || (el.textContent ?? '').length < 40 || !(el.firstChild instanceof Text)) return false;
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.bottom > box.top && r.top < box.bottom;
  });
  // A passage on one line, below the reader's header and high enough for the coding bar below it.
  const fits = (node, from, to) => {
    const probe = document.createRange();
    probe.setStart(node, from);
    probe.setEnd(node, to);
    const r = probe.getBoundingClientRect();
    return r.height > 0 && r.height < 50 && r.top >= box.top + 40 && r.bottom <= box.bottom - 320;
  };
  let run = null;
  let from = 0;
  let to = 0;
  for (let k = 0; k < runs.length && !run; k += 1) {
    const candidate = runs[(seed * 7 + k) % runs.length];
    const data = candidate.firstChild.data;
    const length = 12 + ((seed * 5) % 20);
    for (let at = 0; at + length < data.length; at = data.indexOf(' ', at + 25) + 1) {
      while (at < data.length && /\s/u.test(data[at])) at += 1;
      if (at + length < data.length && fits(candidate.firstChild, at, at + length)) {
        run = candidate;
        from = at;
        to = at + length;
        break;
      }
      if (data.indexOf(' ', at + 25) < 0) break;
    }
  }
  if (!run) {
    return { error: `no uncoded passage in view to select (${runs.length} uncoded runs of 40+ characters in view)` };
  }
  const node = run.firstChild;
  const data = node.data;
  const start = Number(run.dataset.start) + from;
  const end = Number(run.dataset.start) + to;
  const paragraph = run.closest('p.gw-para');
  window.__gwBar = new Promise((resolve, reject) => {
    const at = performance.now();
    const timer = setTimeout(() => reject(new Error('the coding bar did not appear')), 30_000);
    const look = () => {
      if (!document.querySelector('.gw-coding-bar')) return requestAnimationFrame(look);
      const seenAt = performance.now();
      clearTimeout(timer);
      requestAnimationFrame(() => setTimeout(() => resolve({ seen: seenAt - at, painted: performance.now() - at }), 0));
    };
    look();
  });
  const selection = getSelection();
  selection.removeAllRanges();
  const range = document.createRange();
  range.setStart(node, from);
  range.setEnd(node, to);
  selection.addRange(range);
  return { start, end, text: data.slice(from, to), para: Number(paragraph.dataset.para) };
}

/** Arms `window.__gwCoded` for the paint of a highlight over `mid` in paragraph `para`, timed from the next Enter keydown. */
export function armCoded({ para, mid }) {
  window.__gwCoded = new Promise((resolve, reject) => {
    let enterAt = null;
    let done = false;
    const onKey = (event) => {
      if (event.key === 'Enter' && enterAt === null) enterAt = performance.now();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    const observer = new MutationObserver(() => check());
    const timer = setTimeout(() => {
      observer.disconnect();
      window.removeEventListener('keydown', onKey, { capture: true });
      reject(new Error('the new highlight was not painted'));
    }, 30_000);
    function check() {
      if (done || enterAt === null) return;
      const runs = document.querySelectorAll(`.gw-reader-body p.gw-para[data-para="${para}"] span[data-segments]`);
      const hit = [...runs].some((el) => {
        const start = Number(el.dataset.start);
        return start <= mid && mid < start + (el.textContent ?? '').length;
      });
      if (!hit) return;
      done = true;
      const seenAt = performance.now();
      observer.disconnect();
      clearTimeout(timer);
      window.removeEventListener('keydown', onKey, { capture: true });
      requestAnimationFrame(() => setTimeout(() => resolve({ at: enterAt, seen: seenAt - enterAt, painted: performance.now() - enterAt }), 0));
    }
    observer.observe(document.querySelector('.gw-reader-body'), { childList: true, subtree: true, characterData: true, attributes: true });
  });
}

/** Collects the page's long tasks (over 50 ms) from the start, as [start, end] pairs. */
function watchLongTasks() {
  window.__gwLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__gwLongTasks.push([e.startTime, e.startTime + e.duration]);
  }).observe({ type: 'longtask' });
}

/**
 * How long after `at` (page time) the main thread stayed busy: the end of the last long task
 * that started after `at`, waiting until none has run for a second (at most 15 s).
 * At least `painted`, since the measured frame had to be drawn first.
 */
async function busyUntil(page, at, painted) {
  const started = Date.now();
  for (;;) {
    await page.waitForTimeout(250);
    const { now, lastEnd } = await page.evaluate((at) => {
      const ends = window.__gwLongTasks.filter(([start]) => start >= at - 1).map(([, end]) => end);
      return { now: performance.now(), lastEnd: ends.length ? Math.max(...ends) : at };
    }, at);
    const quietSince = Math.max(lastEnd, at + painted);
    if (now - quietSince >= 1000 || Date.now() - started > 15_000) return Math.max(painted, lastEnd - at);
  }
}

/** Scrolls the reader's scroller by `step` px every frame for `duration` ms; returns the frame deltas. */
export async function scrollFrames({ duration, step }) {
  const body = document.querySelector('.gw-reader-body');
  const scroller =
    body.querySelector('[data-virtuoso-scroller]') ??
    [...body.querySelectorAll('*')].find((el) => el.scrollHeight > el.clientHeight + 10 && getComputedStyle(el).overflowY !== 'visible');
  if (!scroller) throw new Error('no scroller in the reader');
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  scroller.scrollTop = 0;
  await frame();
  await frame();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const deltas = [];
  let last = await frame();
  const startedAt = last;
  const from = scroller.scrollTop;
  while (last - startedAt < duration) {
    scroller.scrollTop += step;
    const now = await frame();
    deltas.push(now - last);
    last = now;
  }
  return {
    deltas,
    distance: scroller.scrollTop - from,
    scrollHeight: scroller.scrollHeight,
    paragraphsMounted: body.querySelectorAll('p.gw-para').length,
  };
}

function frameSummary(deltas) {
  const s = summarize(deltas);
  const mean = deltas.reduce((a, b) => a + b, 0) / deltas.length;
  return {
    frames: deltas.length,
    average: round(mean, 2),
    p95: s.p95,
    worst: s.worst,
    over50ms: deltas.filter((d) => d > 50).length,
  };
}

export async function benchReader({ host, sources, documents, log }) {
  const results = {};
  const errors = [];
  const big = sources.find((s) => s.key === '5mb');
  const small = sources.find((s) => s.key === '300kb');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    results.chromium = browser.version();
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript(watchLongTasks);
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    page.on('console', (message) => message.type() === 'error' && errors.push(`console.error: ${message.text()}`));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const heap = async ({ gc } = {}) => {
      if (gc) await cdp.send('HeapProfiler.collectGarbage');
      const m = await metrics();
      return { usedMB: round(m.JSHeapUsedSize / MB, 1), totalMB: round(m.JSHeapTotalSize / MB, 1), domNodes: m.Nodes };
    };

    // The host has the benchmark project open; the page asks project.current on load.
    await page.goto(host.address);
    await page.locator('.gw-topbar').waitFor();
    const list = page.getByRole('listbox', { name: 'Sources' });
    await list.getByRole('option').first().waitFor();
    results['heap with the workspace open, no source'] = await heap({ gc: true });

    const option = (source) => list.getByRole('option', { name: new RegExp(literal(source.name)) });
    // Main-thread work (CDP's cumulative durations) spent between two points, in ms.
    const work = (before, after) => ({
      script: (after.ScriptDuration - before.ScriptDuration) * 1000,
      layout: (after.LayoutDuration - before.LayoutDuration) * 1000,
      style: (after.RecalcStyleDuration - before.RecalcStyleDuration) * 1000,
      task: (after.TaskDuration - before.TaskDuration) * 1000,
    });
    const open = async (source) => {
      await page.evaluate(armOpen, documents[source.key].id);
      const before = await metrics();
      await option(source).click();
      const timing = await page.evaluate(() => window.__gwOpened);
      await page.locator('.gw-reader-header h2', { hasText: source.name }).waitFor();
      const busy = await busyUntil(page, timing.at, timing.painted);
      return { ...timing, busy, work: work(before, await metrics()) };
    };
    const workSummary = (list) =>
      Object.fromEntries(['task', 'script', 'layout', 'style'].map((k) => [k, summarize(list.map((w) => w[k])).median]));

    // First paint: the small and the big source in turn, three times each (the big one's first
    // opening is the cold one), ending with the big source open.
    log('reader: opening the sources…');
    const opens = { [small.key]: [], [big.key]: [] };
    const busy = { [small.key]: [], [big.key]: [] };
    const openWork = { [small.key]: [], [big.key]: [] };
    const openDetail = { [small.key]: [], [big.key]: [] };
    for (let run = 0; run < 3; run += 1) {
      for (const source of [small, big]) {
        const t = await open(source);
        opens[source.key].push(t.painted);
        busy[source.key].push(t.busy);
        openWork[source.key].push(t.work);
        openDetail[source.key].push({ seen: round(t.seen, 1), painted: round(t.painted, 1), busyUntil: round(t.busy, 1), paragraphsMounted: t.paragraphs });
      }
    }
    for (const source of [big, small]) {
      results[`first paint ${source.label}`] = {
        ...summarize(opens[source.key]),
        first: round(opens[source.key][0], 1),
        runs: openDetail[source.key],
      };
      results[`open ${source.label} → main thread quiet`] = summarize(busy[source.key]);
      results[`open ${source.label}: main-thread work`] = workSummary(openWork[source.key]);
    }
    results[`heap after opening ${big.label}`] = { beforeGc: await heap(), afterGc: await heap({ gc: true }) };

    // Scroll frames on the big source with its codings.
    log('reader: scrolling…');
    const scrollBig = await page.evaluate(scrollFrames, { duration: 2000, step: 80 });
    results[`scroll ${big.label}`] = { ...frameSummary(scrollBig.deltas), pxPerFrame: 80, distance: scrollBig.distance, paragraphsMounted: scrollBig.paragraphsMounted };
    const fast = await page.evaluate(scrollFrames, { duration: 2000, step: 400 });
    results[`scroll ${big.label} fast`] = { ...frameSummary(fast.deltas), pxPerFrame: 400, distance: fast.distance };

    // Coding one passage through the coding bar on the big source, ten times in each of three
    // settings: the Coding view as it opens; after the Screening view was shown (its answers held
    // but hidden); with the Search panel open beside the reader (its hits marked in the text).
    // The calls each coding costs are counted from the page's requests.
    const calls = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/call')) calls.push(request.postDataJSON()?.method ?? '?');
    });
    const scrollTo = async (fraction) => {
      await page.evaluate((fraction) => {
        const scroller = document.querySelector('.gw-reader-body [data-virtuoso-scroller]');
        if (scroller) scroller.scrollTop = scroller.scrollHeight * fraction;
      }, fraction);
      await page.waitForTimeout(fraction === 0 ? 500 : 800);
    };
    const codePassages = async (setting, seed) => {
      await scrollTo(0);
      const times = [];
      const busy = [];
      const workDone = [];
      const bars = [];
      const detail = [];
      const callCounts = [];
      for (let i = 0; i < 10; i += 1) {
        // Half of the codings further into the source.
        if (i === 5) await scrollTo(0.6);
        const picked = await page.evaluate(selectPassage, seed + i);
        if (picked.error) throw new Error(picked.error);
        const bar = await page.evaluate(() => window.__gwBar);
        await page.locator('.gw-coding-bar').waitFor();
        await page.keyboard.press('c');
        const input = page.getByRole('combobox', { name: 'Concept' });
        await input.fill(`رابط ${seed + i} آزمون`);
        await page.evaluate(armCoded, { para: picked.para, mid: Math.floor((picked.start + picked.end) / 2) });
        const before = await metrics();
        const callsBefore = calls.length;
        await input.press('Enter');
        const coded = await page.evaluate(() => window.__gwCoded);
        await page.locator('.gw-coding-bar').waitFor({ state: 'detached' });
        const quiet = await busyUntil(page, coded.at, coded.painted);
        workDone.push(work(before, await metrics()));
        times.push(coded.painted);
        busy.push(quiet);
        bars.push(bar.painted);
        const made = calls.slice(callsBefore);
        callCounts.push(made.length);
        detail.push({ start: picked.start, end: picked.end, seen: round(coded.seen, 1), painted: round(coded.painted, 1), busyUntil: round(quiet, 1), calls: made.sort().join(' ') });
      }
      results[`code one passage${setting} (Enter → highlight painted)`] = { ...summarize(times), runs: detail };
      results[`code one passage${setting} → main thread quiet`] = summarize(busy);
      results[`code one passage${setting}: main-thread work`] = workSummary(workDone);
      results[`code one passage${setting}: calls to the backend`] = summarize(callCounts);
      return { times, bars };
    };

    log('reader: coding passages in the Coding view…');
    const inCoding = await codePassages('', 1);
    results['select → coding bar painted'] = summarize(inCoding.bars);

    log('reader: coding passages after the Screening view was shown…');
    await page.getByRole('navigation').getByRole('button', { name: 'Screening' }).click();
    await page.getByTestId('screening-table').waitFor();
    await page.waitForTimeout(500);
    await page.getByRole('navigation').getByRole('button', { name: 'Coding' }).click();
    await page.locator(`.gw-reader-body[data-document="${documents[big.key].id}"] p.gw-para`).first().waitFor();
    const afterScreening = await codePassages(' after the Screening view', 101);

    log('reader: coding passages with the Search panel open…');
    await page.locator('.gw-topbar .gw-search-toggle').click();
    const box = page.locator('section.gw-search .gw-search-form input');
    await box.fill('بازاریابی');
    await box.press('Enter');
    await page.locator('section.gw-search .gw-search-summary').waitFor();
    // A mouse selection would take the keyboard focus out of the search box; the DOM selection does not.
    await page.evaluate(() => document.activeElement?.blur());
    await page.waitForTimeout(500);
    const withSearch = await codePassages(' with the Search panel open', 201);
    await page.locator('.gw-topbar .gw-search-toggle').click();

    const all = [...inCoding.times, ...afterScreening.times, ...withSearch.times];
    results['code one passage, Coding / after Screening / with Search (Enter → highlight painted)'] = summarize(all);
    results[`heap after coding on ${big.label}`] = await heap({ gc: true });

    // The small source without codings, for comparison.
    await open(small);
    await page.waitForTimeout(300);
    const scrollSmall = await page.evaluate(scrollFrames, { duration: 2000, step: 80 });
    results[`scroll ${small.label}`] = { ...frameSummary(scrollSmall.deltas), pxPerFrame: 80, distance: scrollSmall.distance };
  } finally {
    await browser.close();
  }
  results.pageErrors = errors;
  return results;
}
