// The study in Chromium: open it from the start screen, read Table 8 beside the reported figures,
// switch a reading (and undo it), code a corpus passage with a study concept and see the final
// codes rise, and Table 7's 48 category rows, in English and Persian labels.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { StudyPage } from './pages/study-page';
import { WorkspacePage } from './pages/workspace-page';

let app: App;
let ws: WorkspacePage;
let study: StudyPage;
const SHOTS = process.env.GROUNDWORK_SHOTS_DIR;
const shot = async (name: string) => {
  if (SHOTS) await app.page.screenshot({ path: path.join(SHOTS, name), fullPage: false });
};

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1440, height: 1000 } });
  ws = new WorkspacePage(app.page);
  study = new StudyPage(app.page);
  await study.open();
});
afterAll(async () => {
  await app?.close();
});

describe('the study in the browser', () => {
  it('shows Table 8 as reported (20 / 331 / 785) beside the reproduced figures', async () => {
    await study.showTable8();
    expect(await study.figures('total', 'mainCategories')).toEqual({ reproduced: 20, reported: 20, difference: '0' });
    expect(await study.figures('total', 'concepts')).toEqual({ reproduced: 354, reported: 331, difference: '+23' });
    expect(await study.figures('total', 'finalCodes')).toEqual({ reproduced: 0, reported: 785, difference: '−785' });
    expect(await study.figures('intervening', 'concepts')).toEqual({ reproduced: 20, reported: 13, difference: '+7' });
    await expect.poll(() => app.page.locator('tr[data-component="intervening"] .gw-reason').innerText()).toContain('change-management row');
    await expect.poll(() => app.page.getByTestId('final-codes-note').innerText()).toContain('cannot be checked');
    await shot('study-table8-en.png');
  });

  it('switches the consequence reading to C (4 main categories, 21 in all), and Ctrl+Z restores it', async () => {
    await study.chooseReading('consequences', 'C');
    await expect.poll(() => study.figures('consequences', 'mainCategories')).toMatchObject({ reproduced: 4, difference: '+1' });
    expect((await study.figures('total', 'mainCategories')).reproduced).toBe(21);
    await app.page.getByLabel('Show each component’s main categories').check();
    await expect.poll(() => app.page.locator('tr.gw-main-row').count()).toBe(21);
    const consequenceMains = await app.page.locator('tr.gw-main-row[data-main^="CQ-C"], tr.gw-main-row[data-main="D7"]').count();
    expect(consequenceMains).toBe(4);
    await app.page.getByLabel('Show each component’s main categories').uncheck();
    await study.chooseReading('concepts', 'merged');
    await expect.poll(async () => (await study.figures('total', 'concepts')).reproduced).toBe(333);
    await app.page.keyboard.press('Control+z');
    await expect.poll(async () => (await study.figures('total', 'concepts')).reproduced).toBe(354);
    expect((await study.figures('total', 'mainCategories')).reproduced).toBe(21);
    await app.page.keyboard.press('Control+z');
    await expect.poll(async () => (await study.figures('total', 'mainCategories')).reproduced).toBe(20);
    await expect.poll(() => app.page.locator('fieldset[data-reading="consequences"] label[data-option="A"] input').isChecked()).toBe(true);
    await study.chooseReading('consequences', 'C');
    await expect.poll(async () => (await study.figures('total', 'mainCategories')).reproduced).toBe(21);
  });

  it('codes a corpus passage with a study concept found by its Persian label, and the final codes rise', async () => {
    await ws.backToCoding();
    await ws.openSource('Account-based marketing (fa)');
    await ws.select('شاخص های ارزیابی موفقیت');
    await app.page.keyboard.press('c');
    const input = app.page.getByRole('combobox', { name: 'Concept' });
    await input.fill('بودجه بازاریابی سازمان');
    const first = app.page.locator('.gw-picker-list li').first();
    await expect.poll(() => first.innerText()).toContain('D1.C04.01');
    await input.press('Enter');
    await app.page.locator('.gw-coding-bar').waitFor({ state: 'detached' });
    await study.showTable8();
    await expect.poll(() => study.figures('causal', 'finalCodes')).toEqual({ reproduced: 1, reported: 64, difference: '−63' });
    expect((await study.figures('total', 'finalCodes')).reproduced).toBe(1);
  });

  it('shows Table 7: 48 category rows in 7 dimensions, each concept with its final codes', async () => {
    await study.showTable7();
    await expect.poll(() => study.table7Rows().count()).toBe(48);
    const budget = app.page.locator('tr[data-code="D1.C04"] .gw-t7-concept').first();
    await expect.poll(() => budget.innerText()).toMatch(/1$/);
    await study.labelLanguage('en');
    await expect.poll(() => app.page.locator('tr[data-code="D1.C01"] .gw-t7-category').innerText()).toContain('New leadership roles');
    await shot('study-table7-en.png');
    await study.labelLanguage('fa');
    await expect.poll(() => app.page.locator('tr[data-code="D1.C01"] .gw-t7-category bdi').innerText()).toBe('نقشهای جدید رهبری و طرز فکر نسبت بازاریابی B2B');
    await expect.poll(() => app.page.locator('.gw-t7-component[data-component="causal"] h3 bdi').innerText()).toBe('شرایط علی');
    await shot('study-table7-fa.png');
    await study.showTable8();
    await expect.poll(() => app.page.locator('tr[data-component="causal"] th bdi').innerText()).toBe('شرایط علی');
    await shot('study-table8-fa.png');
    // The concept opens its retrieved segments in the coding view.
    await study.showTable7();
    await budget.click();
    await expect.poll(() => app.page.locator('.gw-topbar [aria-pressed="true"]').first().innerText()).toBe('Coding');
    await expect.poll(() => app.page.getByTestId('study-details').innerText()).toContain('D1.C04.01');
    await expect.poll(() => app.page.getByRole('region', { name: 'Retrieved segments' }).innerText()).toContain('شاخص های ارزیابی موفقیت');
    await study.labelLanguage('en');
    expect(app.errors).toEqual([]);
  });
});
