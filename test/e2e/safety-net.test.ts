// The safety net in Chromium: "Start it afresh" on a coded example says what will be lost and asks;
// the copy it keeps is listed under Backups and restores the work after a question; a project
// opened read-only shows it (badge and line), hides the coding bar and refuses a change in one
// line; "Save a copy…" writes a copy; a damaged file is refused in one line, in Persian too.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { LanguageSwitch, persian } from './pages/language';
import { WorkspacePage } from './pages/workspace-page';

let app: App;
let ws: WorkspacePage;

beforeAll(async () => {
  app = await startApp();
  ws = new WorkspacePage(app.page);
});
afterAll(async () => {
  await app?.close();
});

const SOURCE = 'Study abstract (en)';
const closeProject = async () => {
  await app.page.getByRole('button', { name: 'Close project' }).click();
  await app.page.getByRole('button', { name: 'Open the example project' }).waitFor();
};
const exampleCard = () => app.page.locator('.gw-card-example').filter({ hasText: 'Example project' });

describe('the safety net', () => {
  it('"Start it afresh" names the work it discards, asks, and keeps a copy', async () => {
    await app.page.getByRole('button', { name: 'Open the example project' }).click();
    await ws.openSource(SOURCE);
    await ws.select('Marketing Maturity Model');
    await ws.codeWith('method');
    await closeProject();

    await exampleCard().getByRole('button', { name: 'Start it afresh…' }).click();
    const dialog = app.page.getByRole('alertdialog', { name: 'Start “Example project” afresh?' });
    await expect.poll(() => dialog.innerText()).toMatch(/“Example project” holds your work: 1 change, the latest “Code with new concept “method” in “Study abstract \(en\)”” \(.+\); it now has 5 sources, 1 concept, 0 categories and 1 coded passage\./);
    // No: nothing happens.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(fs.readdirSync(path.join(app.home)).includes('backups')).toBe(false);

    await exampleCard().getByRole('button', { name: 'Start it afresh…' }).click();
    await dialog.getByRole('button', { name: 'Discard and start afresh' }).click();
    await app.page.locator('.gw-topbar').waitFor();
    await expect.poll(() => app.page.locator('.gw-toast').allInnerTexts()).toContainEqual(expect.stringMatching(/^The previous “Example project” is kept among the backups on the start screen\.\s*×$/));
    await expect.poll(() => ws.treeRow('method').count()).toBe(0);
  });

  it('restores the copy from the start screen after asking, keeping the file it replaces', async () => {
    await closeProject();
    const backups = app.page.getByRole('region', { name: 'Backups' });
    await expect.poll(() => backups.innerText()).toMatch(/Example project\s+1 backup/);
    await backups.getByRole('button', { name: /^Restore “Example project” as it was on / }).click();
    const dialog = app.page.getByRole('alertdialog', { name: /^Restore “Example project” as it was on .+\?$/ });
    await expect.poll(() => dialog.innerText()).toContain('The file as it is now is first kept among the backups');
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await app.page.locator('.gw-topbar').waitFor();
    await expect.poll(() => ws.treeRow('method').count()).toBe(1);
    await closeProject();
    // Newest first: the daily backup of the restored project (opened, with work in it), the fresh
    // project the restore replaced, the coded one kept before starting afresh.
    await expect.poll(() => backups.innerText()).toMatch(/Example project\s+3 backups[\s\S]*Daily[\s\S]*Before a restore[\s\S]*Before starting afresh/);
  });

  it('opens a project read-only: badge and line, no coding bar, a change refused in one line; a copy can be saved', async () => {
    await app.page.getByRole('checkbox', { name: /Open read-only/ }).check();
    await app.page.locator('.gw-project-item', { hasText: 'Example project' }).click();
    await app.page.getByTestId('read-only-badge').waitFor();
    await expect.poll(() => app.page.getByTestId('read-only-banner').innerText()).toMatch(/^You opened this project read-only: you can browse, search and export/);
    await ws.openSource(SOURCE);
    // Selecting text shows no coding bar; the key that would code does nothing but say why.
    await app.page.evaluate(() => {
      const p = document.querySelector('.gw-reader-body p.gw-para')!;
      getSelection()!.selectAllChildren(p);
      p.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    });
    expect(await app.page.locator('.gw-coding-bar').isVisible()).toBe(false);
    // The code system's + buttons are dimmed; reached by keyboard, the change is refused in one line.
    await app.page.getByRole('button', { name: '+ Concept' }).focus();
    await app.page.keyboard.press('Enter');
    await app.page.keyboard.type('not saved');
    await app.page.keyboard.press('Enter');
    await expect
      .poll(() => app.page.locator('.gw-toast-error').allInnerTexts())
      .toContainEqual(expect.stringMatching(/^Example project\.groundwork is open read-only, so changes are not saved; close it and open it again without “Read-only” to change it\.\s*×$/));
    // The labels switch still works, for this window only: no refusal (the project keeps its choice).
    const refusals = await app.page.locator('.gw-toast-error').count();
    const labels = app.page.getByRole('group', { name: 'Language of labels' });
    const other = (await labels.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')) === 'true' ? 'فارسی' : 'English';
    await labels.getByRole('button', { name: other }).click();
    await expect.poll(() => labels.getByRole('button', { name: other }).getAttribute('aria-pressed')).toBe('true');

    await app.page.getByRole('button', { name: 'Save a copy…' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Save a copy of “Example project”' });
    await dialog.getByRole('button', { name: 'Save copy' }).click();
    const saved = path.join(app.home, `Example project copy ${new Date().toLocaleDateString('sv')}.groundwork`);
    await expect.poll(() => app.page.locator('.gw-toast').allInnerTexts()).toContain(`A copy of the project is saved as ${saved}.\n×`);
    // Answered after the labels were switched: switching them was refused nowhere.
    expect(await app.page.locator('.gw-toast-error').count()).toBe(refusals);
    expect(fs.existsSync(saved)).toBe(true);
    await closeProject();
    await app.page.getByRole('checkbox', { name: /Open read-only/ }).uncheck();
  });

  it('refuses a damaged file in one line, in English and in Persian, and leaves it as it was', async () => {
    const damaged = path.join(app.home, 'damaged.groundwork');
    fs.writeFileSync(damaged, fs.readFileSync(path.join(app.home, 'Example project.groundwork')).subarray(0, 4096 * 3));
    const before = fs.readFileSync(damaged);
    const open = async () => {
      await app.page.getByRole('textbox', { name: /Path to a project file|مسیر فایل پروژه/ }).fill(damaged);
      await app.page.locator('.gw-start form.gw-row button[type="submit"]').click();
    };
    await open();
    await expect
      .poll(() => app.page.locator('.gw-toast-error').last().innerText())
      .toBe('damaged.groundwork is damaged (it is cut short at byte 12288) and cannot be opened; restore one of its backups from the start screen. The file was not changed.\n×');
    await new LanguageSwitch(app.page).choose('fa');
    await open();
    await expect
      .poll(() => app.page.locator('.gw-toast-error').last().innerText())
      .toBe(`\u2068damaged.groundwork\u2069 آسیب دیده است (در بایت ۱۲۲۸۸ بریده شده است) و باز نمی‌شود؛ یکی از پشتیبان‌هایش را از صفحهٔ آغاز بازگردانید. فایل تغییری نکرد.\n×`);
    expect(fs.readFileSync(damaged).equals(before)).toBe(true);
    expect(fs.readdirSync(app.home).filter((f) => f.startsWith('damaged'))).toEqual(['damaged.groundwork']);
    // The start screen's new parts are Persian too.
    await expect.poll(() => app.page.getByRole('region', { name: persian('Backups') }).innerText()).toContain(persian('Before a restore'));
    await new LanguageSwitch(app.page).choose('en');
  });
});
