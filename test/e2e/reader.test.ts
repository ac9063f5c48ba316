// The reader with real input in Chromium: the example project from the start screen, each
// paragraph in its own direction (a Persian paragraph opening with "KPI" still reads right to
// left), passages selected with the mouse in both directions and by double-click, and retrieved
// segments opening the source at the passage.

import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { freshProject } from './pages/fresh-project';
import { StartPage } from './pages/start-page';
import { WorkspacePage } from './pages/workspace-page';
import Database from 'better-sqlite3';

let app: App;
let ws: WorkspacePage;

beforeAll(async () => {
  app = await startApp();
  ws = new WorkspacePage(app.page);
});
// Each test but the first (which opens it from the start screen) reads a fresh copy of the example.
beforeEach(async (context) => {
  if (!context.task.name.startsWith('opens the example project')) await freshProject(app.page);
});
afterAll(async () => {
  await app?.close();
});

const segmentsInFile = () => {
  const db = new Database(path.join(app.home, 'Example project.groundwork'), { readonly: true });
  try {
    return db.prepare('SELECT s.text, c.label FROM segment s JOIN concept c ON c.id = s.concept_id ORDER BY s.id').all() as {
      text: string;
      label: string;
    }[];
  } finally {
    db.close();
  }
};

/** Screen rectangles of the first and last character of a phrase in the reader. */
async function phraseEdges(phrase: string) {
  return app.page.evaluate((phrase) => {
    for (const span of document.querySelectorAll<HTMLElement>('.gw-reader-body span[data-start]')) {
      const node = span.firstChild as Text | null;
      const at = node?.data.indexOf(phrase) ?? -1;
      if (!node || at < 0) continue;
      span.scrollIntoView({ block: 'center' });
      const rect = (from: number) => {
        const range = document.createRange();
        range.setStart(node, from);
        range.setEnd(node, from + 1);
        const r = range.getBoundingClientRect();
        return { left: r.left, right: r.right, y: r.top + r.height / 2 };
      };
      return { first: rect(at), last: rect(at + phrase.length - 1) };
    }
    return null;
  }, phrase);
}

describe('the reader', () => {
  it('opens the example project with five sources imported and nothing coded', async () => {
    await new StartPage(app.page).openExample();
    const sources = app.page.getByRole('listbox', { name: 'Sources' }).getByRole('option');
    await expect.poll(() => sources.count()).toBe(5);
    await expect.poll(() => sources.locator('.gw-count').allInnerTexts()).toEqual(['0', '0', '0', '0', '0']);
    await expect.poll(() => ws.table8()).toMatchObject({ total: [0, 0, 0], unassigned: [0, 0, 0] });
    await ws.backToCoding();
  });

  it('gives each paragraph its own direction, even a Persian one that opens with a Latin word', async () => {
    await ws.openSource('B2B marketing guide (fa)');
    const scroller = ws.reader.locator('[data-testid="virtuoso-scroller"]');
    const kpi = ws.reader.locator('p.gw-para', { hasText: 'KPIهای مهم بازاریابی B2B' });
    for (let i = 0; i < 40 && (await kpi.count()) === 0; i += 1) await scroller.evaluate((el) => el.scrollBy(0, 700));
    await kpi.scrollIntoViewIfNeeded();
    await expect.poll(() => kpi.getAttribute('dir')).toBe('rtl');
    // Read right to left: the opening "KPI" sits at the right end of the line, not the left.
    const layout = await kpi.evaluate((p) => {
      const text = p.querySelector('span')!.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, 3);
      const kpiBox = range.getBoundingClientRect();
      const box = p.getBoundingClientRect();
      return { kpiRight: kpiBox.right, paraRight: box.right, paraLeft: box.left };
    });
    expect(layout.paraRight - layout.kpiRight).toBeLessThan(40);
    expect(layout.kpiRight - layout.paraLeft).toBeGreaterThan((layout.paraRight - layout.paraLeft) / 2);

    await ws.openSource('Study abstract (en)');
    await expect.poll(() => ws.reader.locator('p.gw-para', { hasText: 'Methodology' }).getAttribute('dir')).toBe('ltr');
  });

  it('codes a Persian passage dragged with the mouse from right to left, exactly', async () => {
    await ws.openSource('Account-based marketing (fa)');
    const phrase = 'بازاریابی مبتنی بر حساب';
    const edges = (await phraseEdges(phrase))!;
    // Right to left is the reading direction: press at the right edge of the first letter.
    await app.page.mouse.move(edges.first.right - 1, edges.first.y);
    await app.page.mouse.down();
    await app.page.mouse.move((edges.first.right + edges.last.left) / 2, edges.first.y, { steps: 5 });
    await app.page.mouse.move(edges.last.left + 1, edges.last.y, { steps: 5 });
    await app.page.mouse.up();
    await app.page.locator('.gw-coding-bar').waitFor();
    await expect.poll(() => app.page.locator('.gw-coding-preview').innerText()).toBe(`“${phrase}”`);
    await ws.codeWith('بازاریابی حساب‌محور');
    expect(segmentsInFile().at(-1)).toEqual({ text: phrase, label: 'بازاریابی حساب‌محور' });
  });

  it('codes the same kind of passage dragged backwards, from its end to its start', async () => {
    await ws.openSource('Account-based marketing (fa)');
    const phrase = 'کمپین بازاریابی';
    const edges = (await phraseEdges(phrase))!;
    await app.page.mouse.move(edges.last.left + 1, edges.last.y);
    await app.page.mouse.down();
    await app.page.mouse.move(edges.first.right - 1, edges.first.y, { steps: 8 });
    await app.page.mouse.up();
    await app.page.locator('.gw-coding-bar').waitFor();
    await ws.codeInVivo();
    expect(segmentsInFile().at(-1)).toEqual({ text: phrase, label: phrase });
  });

  it('codes a word selected by double-click, without the space after it', async () => {
    await ws.openSource('B2B marketing attribution (ar)');
    const edges = (await phraseEdges('المسوقين'))!;
    await app.page.mouse.dblclick((edges.first.right + edges.last.left) / 2, edges.first.y);
    await app.page.locator('.gw-coding-bar').waitFor();
    await ws.codeWith('المسوقون');
    expect(segmentsInFile().at(-1)).toEqual({ text: 'المسوقين', label: 'المسوقون' });
  });

  it('opens the source at a passage chosen in the retrieved segments', async () => {
    await ws.openSource('Account-based marketing (fa)');
    await ws.select('بازاریابی مبتنی بر حساب');
    await ws.codeWith('بازاریابی حساب‌محور');
    await ws.openSource('Study abstract (en)');
    await ws.treeRow('بازاریابی حساب‌محور').first().click();
    const item = ws.segments.getByRole('button', { name: /بازاریابی مبتنی بر حساب/ });
    await item.click();
    await expect.poll(() => app.page.locator('.gw-reader-header h2').innerText()).toBe('Account-based marketing (fa)');
    const flashed = ws.reader.locator('span.gw-flash');
    await flashed.first().waitFor();
    await expect.poll(() => flashed.allInnerTexts()).toEqual(['بازاریابی مبتنی بر حساب']);
    await expect.poll(() => flashed.first().isVisible()).toBe(true);
    expect(app.errors, app.errors.join('\n')).toEqual([]);
  });
});
