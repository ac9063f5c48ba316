// The code system with 5,000 concepts in Chromium: only the rows near the viewport are in the
// page, the keyboard and a focus set elsewhere bring a row into view, and coding a passage with
// one concept changes the page only in that concept's row.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { StartPage } from './pages/start-page';
import { WorkspacePage } from './pages/workspace-page';

const CONCEPTS = 5000;
let app: App;
let ws: WorkspacePage;
/** The calls the page made while another program created the concepts. */
let callsDuringBurst: string[] = [];

const label = (i: number) => `concept ${String(i).padStart(4, '0')}`;

/** Calls the running host's API from the test, as another program would. */
async function call(method: string, input: unknown): Promise<unknown> {
  const url = new URL(app.url);
  const token = /token=([\w-]+)/.exec(url.hash)![1]!;
  const response = await fetch(`${url.origin}/api/call`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Groundwork-Token': token },
    body: JSON.stringify({ method, input }),
  });
  const answer = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!answer.ok) throw new Error(`${method}: ${answer.error?.message}`);
  return answer.value;
}

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1440, height: 900 } });
  ws = new WorkspacePage(app.page);
  await new StartPage(app.page).createProject('Large codebook');
  const file = path.join(app.home, 'notes.txt');
  fs.writeFileSync(file, 'Trust matters in B2B markets. Buyers trust suppliers who keep their word.\n');
  await ws.importFiles([file]);
  // While the concepts are made, a view that shows none of them is open, so the window fetches nothing.
  await app.page.getByRole('navigation').getByRole('button', { name: 'Word frequencies' }).click();
  const calls: string[] = [];
  const record = (request: { url(): string; postDataJSON(): unknown }) => {
    if (request.url().endsWith('/api/call')) calls.push((request.postDataJSON() as { method: string }).method);
  };
  app.page.on('request', record);
  const queue = Array.from({ length: CONCEPTS }, (_, i) => i);
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) await call('concept.create', { label: label(i) });
    }),
  );
  await app.page.waitForTimeout(1000);
  app.page.off('request', record);
  callsDuringBurst = calls;
  await ws.backToCoding();
  await ws.openSource('notes');
}, 300_000);
afterAll(async () => {
  await app?.close();
});

describe('the code system with 5,000 concepts', () => {
  it('follows a burst of 5,000 changes from another program with a few refreshes, not one each', () => {
    // Only the history is shown and touched meanwhile; the changes heard during a refresh are merged into the next one.
    expect(new Set(callsDuringBurst)).toEqual(new Set(['history.get']));
    expect(callsDuringBurst.length).toBeLessThan(CONCEPTS / 2);
  });

  it('puts only the rows near the viewport in the page', async () => {
    const unfiled = ws.tree.getByRole('treeitem').filter({ hasText: 'Concepts in no category' });
    await expect.poll(() => unfiled.locator('.gw-tree-count').innerText()).toBe(String(CONCEPTS));
    const rows = await ws.tree.getByRole('treeitem').count();
    expect(rows).toBeGreaterThan(10);
    expect(rows).toBeLessThan(200);
    // Scrolled to the end, the last concept is there.
    await ws.tree.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await ws.treeRow(label(CONCEPTS - 1)).waitFor();
  });

  it('keeps the focused row in view when moving with the keyboard', async () => {
    await ws.tree.evaluate((el) => (el.scrollTop = 0));
    await ws.treeRow(label(0)).click();
    for (let i = 0; i < 60; i += 1) await ws.tree.press('ArrowDown');
    const focused = ws.tree.locator('[role="treeitem"][aria-selected="true"]');
    await expect.poll(() => focused.innerText()).toContain(label(60));
    const [row, tree] = await Promise.all([focused.boundingBox(), ws.tree.boundingBox()]);
    expect(row!.y).toBeGreaterThanOrEqual(tree!.y - 1);
    expect(row!.y + row!.height).toBeLessThanOrEqual(tree!.y + tree!.height + 1);
  });

  it('changes only the coded concept’s row when a passage is coded with it', async () => {
    const target = label(60);
    await ws.treeRow(target).click();
    await ws.tree.evaluate((el) => {
      const changed = new Set<string>();
      (window as unknown as { __gwTreeChanges: Set<string> }).__gwTreeChanges = changed;
      new MutationObserver((records) => {
        for (const r of records) {
          const node = r.target instanceof Element ? r.target : r.target.parentElement;
          const row = node?.closest<HTMLElement>('[data-row]');
          if (row) changed.add(row.dataset.row!);
        }
      }).observe(el, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await ws.select('Buyers trust suppliers');
    await ws.codeWith(target);
    await expect.poll(() => ws.treeRow(target).locator('.gw-tree-count').innerText()).toBe('1');
    // Let the refetches the change started land, then see which rows changed.
    await app.page.waitForTimeout(1000);
    const changed = await app.page.evaluate(() => [...(window as unknown as { __gwTreeChanges: Set<string> }).__gwTreeChanges]);
    const id = await ws.treeRow(target).getAttribute('data-row');
    expect(changed).toEqual([id]);
    expect(app.errors, app.errors.join('\n')).toEqual([]);
  });
});
