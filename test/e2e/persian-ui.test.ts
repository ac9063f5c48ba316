// The Persian interface in Chromium: chosen on the start screen, it turns the start screen and the
// workspace into Persian and mirrors the layout (sources and code system on the right, details on
// the left), coding still works, the choice survives a reload, and English restores left to right.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callApi, freshProject } from './pages/fresh-project';
import { startApp, type App } from './harness';
import { LanguageSwitch, persian } from './pages/language';
import { StartPage } from './pages/start-page';
import { WorkspacePage } from './pages/workspace-page';

let app: App;
let ws: WorkspacePage;
let language: LanguageSwitch;

beforeAll(async () => {
  app = await startApp();
  ws = new WorkspacePage(app.page);
  language = new LanguageSwitch(app.page);
});
afterAll(async () => {
  await app?.close();
});

const box = async (selector: string) => {
  const rect = await app.page.locator(selector).first().boundingBox();
  if (!rect) throw new Error(`${selector} is not on screen`);
  return rect;
};
const toAscii = (text: string) => text.replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d)));

const GUIDE = 'B2B marketing guide (fa)';
const BUDGET = 'استفاده هوشمندانه از بودجه';

/**
 * Each test on its own footing: the start-screen tests on the start screen in English; the others
 * on a fresh copy of the example project in the Persian interface, the guide open, and where a
 * test needs it, «استفاده هوشمندانه از بودجه» already coded with «بودجه بازاریابی».
 */
beforeEach(async (context) => {
  const name = context.task.name;
  const startScreen = ['starts in English', 'switches the start screen', 'shows the workspace'].find((n) => name.startsWith(n));
  if (startScreen) {
    const lang = startScreen === 'shows the workspace' ? 'fa' : 'en';
    await app.page.evaluate((lang) => localStorage.setItem('groundwork.interfaceLanguage', lang), lang);
    if (await app.page.locator('.gw-topbar').count()) await callApi(app.page, 'project.close', {});
    await app.page.reload();
    await app.page.locator('.gw-start').waitFor();
    return;
  }
  await app.page.evaluate(() => localStorage.setItem('groundwork.interfaceLanguage', 'fa'));
  await freshProject(app.page);
  if (['undoes', 'shows Table 8', 'switches back'].some((n) => name.startsWith(n))) {
    const docs = await callApi<{ id: number; name: string }[]>(app.page, 'document.list', {});
    const guide = docs.find((d) => d.name === GUIDE)!;
    const { text } = await callApi<{ text: string }>(app.page, 'document.get', { id: guide.id });
    const start = text.indexOf(BUDGET);
    await callApi(app.page, 'segment.code', { documentId: guide.id, start, end: start + BUDGET.length, newConcept: { label: 'بودجه بازاریابی' } });
    await app.page.reload();
    await app.page.locator('.gw-topbar').waitFor();
  }
  {
    await app.page.getByRole('listbox', { name: persian('Sources') }).getByRole('option', { name: GUIDE }).click();
    await app.page.locator('.gw-reader-header h2', { hasText: GUIDE }).waitFor();
    await ws.reader.locator('p.gw-para').first().waitFor();
  }
});

describe('the Persian interface', () => {
  it('starts in English, left to right', async () => {
    await app.page.getByRole('button', { name: 'Open the example project' }).waitFor();
    await expect.poll(() => language.direction()).toBe('ltr');
    await expect.poll(() => app.page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('switches the start screen to Persian, right to left, without a reload', async () => {
    const marker = await app.page.evaluate(() => ((window as unknown as { marker: number }).marker = Math.random()));
    await language.choose('fa');
    await expect.poll(() => language.direction()).toBe('rtl');
    await app.page.getByRole('button', { name: persian('Open the example project') }).waitFor();
    await expect.poll(() => app.page.title()).toBe(persian('Groundwork'));
    await expect.poll(() => app.page.locator('.gw-start').innerText()).toContain('کدگذاری باز، محوری و انتخابی');
    await expect.poll(() => app.page.locator('.gw-start').innerText()).not.toContain('Open the example project');
    // The same page: no reload happened.
    await expect.poll(() => app.page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(marker);
    // The page's start side is now the right: the heading sits at the right of the switch.
    expect((await box('.gw-start-title h1')).x).toBeGreaterThan((await box('.gw-start-title .gw-language-switch')).x);
  });

  it('shows the workspace in Persian, mirrored: sources and code system on the right, details on the left', async () => {
    await app.page.getByRole('button', { name: persian('Open the example project') }).click();
    await app.page.locator('.gw-topbar').waitFor();
    await expect.poll(() => language.direction()).toBe('rtl');
    await app.page.getByRole('tree', { name: persian('Code system') }).waitFor();
    const topbar = await app.page.locator('.gw-topbar').innerText();
    expect(topbar).toContain(persian('Coding'));
    expect(topbar).toContain(persian('Table 8'));
    expect(topbar).toContain(persian('Close project'));
    const tree = await app.page.getByRole('tree', { name: persian('Code system') }).innerText();
    // Labels follow the interface until the user chooses: the study's own Persian wording.
    expect(tree).toMatch(/شرایط علّ?ی/);
    expect(tree).toMatch(/پدیده (محوری|اصلی)/);
    expect(tree).not.toContain('Causal conditions');

    const reader = await box('.gw-reader');
    const sources = await box('.gw-documents');
    const codeSystem = await box('.gw-code-tree');
    const inspector = await box('.gw-inspector');
    expect(sources.x).toBeGreaterThanOrEqual(reader.x + reader.width - 1);
    expect(codeSystem.x).toBeGreaterThanOrEqual(reader.x + reader.width - 1);
    expect(inspector.x + inspector.width).toBeLessThanOrEqual(reader.x + 1);
    // Tree rows indent from the right: a main category's label starts left of its component's.
    // (Checked on the twisty, which sits at each row's start edge.)
    const twisty = await box('.gw-tree-component .gw-twisty');
    expect(twisty.x).toBeGreaterThan(codeSystem.x + codeSystem.width / 2);
  });

  it('keeps each paragraph in its own stored direction, whatever the interface direction', async () => {
    await app.page.getByRole('listbox', { name: persian('Sources') }).getByRole('option', { name: 'Study abstract (en)' }).click();
    // The source opened is the abstract (not the one open before it), then its first paragraph is read.
    await app.page.locator('.gw-reader-header h2', { hasText: 'Study abstract (en)' }).waitFor();
    const direction = () => ws.reader.locator('p.gw-para').first().evaluate((p) => ({ dir: p.getAttribute('dir'), css: getComputedStyle(p).direction }));
    await expect.poll(direction).toEqual({ dir: 'ltr', css: 'ltr' });
    await app.page.getByRole('listbox', { name: persian('Sources') }).getByRole('option', { name: 'B2B marketing guide (fa)' }).click();
    await app.page.locator('.gw-reader-header h2', { hasText: 'B2B marketing guide (fa)' }).waitFor();
    await ws.reader.locator('p.gw-para', { hasText: 'بازاریابی' }).first().waitFor();
    const farsi = await ws.reader.locator('p.gw-para').first().evaluate((p) => ({ dir: p.getAttribute('dir'), css: getComputedStyle(p).direction }));
    expect(farsi).toEqual({ dir: 'rtl', css: 'rtl' });
  });

  it('codes a passage in the Persian interface, and counts it in Persian digits', async () => {
    await ws.select('استفاده هوشمندانه از بودجه');
    const bar = app.page.getByRole('dialog', { name: persian('Code the selected passage') });
    await expect.poll(() => bar.innerText()).toContain(persian('In vivo'));
    // The bar opens under the selection's right end, where a right-to-left reader starts.
    const selection = await app.page.evaluate(() => {
      const r = getSelection()!.getRangeAt(0).getBoundingClientRect();
      return { left: r.left, right: r.right };
    });
    const barBox = await bar.boundingBox();
    expect(Math.abs(barBox!.x + barBox!.width - selection.right)).toBeLessThan(2);

    await app.page.keyboard.press('c');
    const input = app.page.getByRole('combobox', { name: persian('Concept') });
    await input.fill('بودجه بازاریابی');
    await input.press('Enter');
    await bar.waitFor({ state: 'detached' });
    await expect.poll(() => ws.reader.locator('span.gw-coded', { hasText: 'استفاده هوشمندانه از بودجه' }).count()).toBe(1);
    const tree = app.page.getByRole('tree', { name: persian('Code system') });
    const row = tree.getByRole('treeitem').filter({ hasText: 'بودجه بازاریابی' });
    await expect.poll(() => row.locator('.gw-tree-count').innerText()).toBe('۱');
    await expect.poll(() => app.page.locator('.gw-reader-header').innerText()).toContain('۱ بخش');
    await expect.poll(() => app.page.locator('.gw-toast-error').count()).toBe(0);
  });

  it('undoes and redoes the coding, naming the step in Persian', async () => {
    await app.page.locator('.gw-reader-body').click({ position: { x: 5, y: 5 } });
    await app.page.keyboard.press('Control+z');
    await app.page.locator('.gw-toast', { hasText: /واگرد شد: \u2068?کدگذاری با مفهوم جدید «/ }).waitFor();
    await expect.poll(() => ws.reader.locator('span.gw-coded').count()).toBe(0);
    await app.page.keyboard.press('Control+Shift+z');
    await app.page.locator('.gw-toast', { hasText: /دوباره انجام شد: \u2068?کدگذاری با مفهوم جدید «/ }).waitFor();
    await expect.poll(() => ws.reader.locator('span.gw-coded', { hasText: 'استفاده هوشمندانه از بودجه' }).count()).toBe(1);
    await app.page.getByRole('button', { name: persian('History') }).click();
    const history = app.page.getByRole('dialog', { name: persian('History') });
    await expect.poll(() => history.innerText()).toContain('کدگذاری با مفهوم جدید «\u2068بودجه بازاریابی\u2069» در «\u2068B2B marketing guide (fa)\u2069»');
    await app.page.getByRole('button', { name: persian('History') }).click();
  });

  it('takes the coding keys from a Persian keyboard layout too (C types «ز» there)', async () => {
    await ws.select('ارزشآفرینی');
    await app.page.evaluate(() =>
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'ز', code: 'KeyC', bubbles: true, cancelable: true })),
    );
    const input = app.page.getByRole('combobox', { name: persian('Concept') });
    await input.waitFor();
    await input.press('Escape');
    await app.page.keyboard.press('Escape');
    await app.page.locator('.gw-coding-bar').waitFor({ state: 'detached' });
  });

  it('shows Table 8 in Persian with Persian digits', async () => {
    await app.page.getByRole('button', { name: persian('Table 8') }).click();
    const table = app.page.getByTestId('table8');
    await table.waitFor();
    await expect.poll(() => table.locator('thead').innerText()).toContain(persian('Main categories'));
    await expect.poll(() => table.locator('thead').innerText()).toContain(persian('Final codes'));
    const unassigned = () => table.locator('tr[data-component="unassigned"] td').allInnerTexts();
    await expect.poll(unassigned).toEqual(['۰', '۱', '۱']);
    expect((await unassigned()).map((c) => Number(toAscii(c)))).toEqual([0, 1, 1]);
    await app.page.getByRole('button', { name: persian('Coding') }).click();
  });

  it('remembers the choice for this user across a reload', async () => {
    await app.page.reload();
    await app.page.locator('.gw-topbar').waitFor();
    await expect.poll(() => language.direction()).toBe('rtl');
    await app.page.getByRole('tree', { name: persian('Code system') }).waitFor();
  });

  it('switches back to English from the top bar: left to right, sources on the left again', async () => {
    await language.choose('en');
    await expect.poll(() => language.direction()).toBe('ltr');
    await app.page.getByRole('tree', { name: 'Code system' }).waitFor();
    await expect.poll(() => app.page.locator('.gw-topbar').innerText()).toContain('Close project');
    const reader = await box('.gw-reader');
    expect((await box('.gw-code-tree')).x + (await box('.gw-code-tree')).width).toBeLessThanOrEqual(reader.x + 1);
    expect((await box('.gw-inspector')).x).toBeGreaterThanOrEqual(reader.x + reader.width - 1);
    const row = ws.tree.getByRole('treeitem').filter({ hasText: 'بودجه بازاریابی' });
    await expect.poll(() => row.locator('.gw-tree-count').innerText()).toBe('1');
    expect(app.errors).toEqual([]);
  });
});
