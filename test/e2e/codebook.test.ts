// Codebook work in Chromium: files dropped on the window (a bad one among them), renaming with F2,
// recolouring, deleting with a plain statement of the consequences and undoing it, memos that
// survive a reload, and a second tab that follows the first.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type App } from './harness';
import { callApi, newProject } from './pages/fresh-project';
import { StartPage } from './pages/start-page';
import { WorkspacePage } from './pages/workspace-page';

let app: App;
let ws: WorkspacePage;

beforeAll(async () => {
  app = await startApp();
  ws = new WorkspacePage(app.page);
  await new StartPage(app.page).createProject('Codebook test');
});
afterAll(async () => {
  await app?.close();
});

const NOTES = 'اعتماد مشتری در بازارهای سازمانی مهم است.\nTrust matters in B2B markets.\n';

/**
 * Each test its own project: empty for the drop test, else with the notes imported and open, and
 * for the later tests «اعتماد مشتری» already coded with the concept «اعتماد».
 */
beforeEach(async (context) => {
  await newProject(app.page, 'Codebook test');
  if (context.task.name.startsWith('imports files dropped')) return;
  const [imported] = await callApi<{ document: { id: number } }[]>(app.page, 'document.import', {
    files: [{ name: 'notes.txt', dataBase64: Buffer.from(NOTES).toString('base64') }],
  });
  if (!context.task.name.startsWith('renames with F2')) {
    const phrase = 'اعتماد مشتری';
    const start = NOTES.indexOf(phrase);
    await callApi(app.page, 'segment.code', { documentId: imported!.document.id, start, end: start + phrase.length, newConcept: { label: 'اعتماد' } });
  }
  await app.page.reload();
  await ws.openSource('notes');
});

/** Drops files on the window the way the operating system does: a drop event carrying Files. */
async function dropFiles(files: Record<string, string>) {
  await app.page.evaluate((files) => {
    const data = new DataTransfer();
    for (const [name, text] of Object.entries(files)) data.items.add(new File([text], name, { type: 'text/plain' }));
    const target = document.querySelector('.gw-app')!;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, files);
}

describe('codebook work', () => {
  it('imports files dropped on the window and says why a bad one was refused', async () => {
    await dropFiles({ 'notes.txt': NOTES, 'empty.txt': '' });
    const report = app.page.getByRole('dialog', { name: /^Import: 1 of 2 files imported/ });
    await report.waitFor();
    await expect.poll(() => report.locator('li').allInnerTexts()).toEqual([
      expect.stringContaining('notes.txt: imported as "notes"'),
      expect.stringContaining('empty.txt: the file is empty.'),
    ]);
    await report.getByRole('button', { name: 'OK' }).click();
    await ws.openSource('notes');
  });

  it('renames with F2 and recolours a concept, and its highlight follows', async () => {
    await ws.select('اعتماد مشتری');
    await ws.codeWith('trust');
    await ws.treeRow('trust').click();
    await ws.tree.press('F2');
    const field = app.page.getByRole('textbox', { name: 'New name' });
    await field.fill('اعتماد');
    await field.press('Enter');
    await ws.treeRow('اعتماد').waitFor();
    await ws.inspector.getByLabel('Colour').fill('#1144aa');
    await expect
      .poll(() => ws.reader.locator('span.gw-coded').first().evaluate((el) => getComputedStyle(el).backgroundColor))
      .toBe('rgba(17, 68, 170, 0.3)');
  });

  it('states what deleting a category does, deletes it, and Ctrl+Z brings it back', async () => {
    await ws.newMainCategory('Relationships');
    await ws.newSubCategory('Relationships', 'Trust building');
    await ws.fileConcepts(['اعتماد'], 'Trust building');
    // The dialog speaks of what the tree shows: wait until the concept is drawn under the sub-category.
    await expect
      .poll(() => ws.treeRow('اعتماد').evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-level'))))
      .toContain('4');
    await ws.treeRow('Relationships').click();
    await ws.tree.press('Delete');
    const dialog = app.page.getByRole('alertdialog');
    await expect.poll(() => dialog.innerText()).toContain('Delete the category “Relationships”?');
    await expect.poll(() => dialog.innerText()).toContain('Its sub-category Trust building goes with it.');
    await expect.poll(() => dialog.innerText()).toContain('The concept filed there stays in the codebook with all its segments');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => ws.treeRow('Relationships').count()).toBe(1);

    await ws.treeRow('Relationships').click();
    await ws.tree.press('Delete');
    await app.page.getByRole('alertdialog').getByRole('button', { name: 'Delete category' }).click();
    await expect.poll(() => ws.treeRow('Trust building').count()).toBe(0);
    await expect.poll(() => ws.reader.locator('span.gw-coded').count()).toBe(1);

    await app.page.locator('body').press('Control+z');
    await expect.poll(() => ws.treeRow('Trust building').count()).toBe(1);
    await expect.poll(() => ws.treeRow('Trust building').getAttribute('aria-level')).toBe('3');
  });

  it('refuses a label of only ZWNJ or spaces with a reason, shows the limit before it, and keeps what was typed', async () => {
    const rows = await ws.tree.getByRole('treeitem').count();
    await app.page.getByRole('button', { name: '+ Category' }).click();
    const field = app.page.getByRole('textbox', { name: 'Name of the new category' });
    await field.fill('\u200C \u200C');
    await field.press('Enter');
    await expect.poll(() => app.page.getByRole('alert').innerText()).toContain('at least one visible character');
    await expect.poll(() => field.inputValue()).toBe('\u200C \u200C');
    await expect.poll(() => ws.tree.getByRole('treeitem').count()).toBe(rows); // nothing created
    // Near the limit the field counts; past it, the text stays and the reason is given.
    await field.fill('ب'.repeat(390));
    await expect.poll(() => app.page.locator('.gw-field-hint').innerText()).toBe('390 of 400 characters');
    await field.fill('ب'.repeat(450));
    await field.press('Enter');
    await expect.poll(() => app.page.getByRole('alert').innerText()).toContain('at most 400 characters');
    await expect.poll(() => field.inputValue()).toBe('ب'.repeat(450));
    // Shortened to the limit, it is created.
    await field.fill('ب'.repeat(400));
    await field.press('Enter');
    await expect.poll(() => ws.tree.getByRole('treeitem').count()).toBe(rows + 1);
    // The concept picker refuses the same way, and offers no "create".
    await ws.select('بازارهای سازمانی');
    await app.page.keyboard.press('c');
    const picker = app.page.getByRole('combobox', { name: 'Concept' });
    await picker.fill('\u200C');
    await expect.poll(() => app.page.locator('.gw-coding-bar [role="alert"]').innerText()).toContain('at least one visible character');
    await expect.poll(() => app.page.locator('.gw-picker-list li', { hasText: 'Create concept' }).count()).toBe(0);
    await picker.press('Escape');
  });

  it('keeps memos, written without a Save button, across a reload', async () => {
    await ws.treeRow('اعتماد').first().click();
    await ws.inspector.getByRole('textbox', { name: /^Memo/ }).fill('یادداشت: اعتماد پایه رابطه است.');
    await ws.inspector.getByText('saved').waitFor();
    await app.page.reload();
    await ws.treeRow('اعتماد').first().click();
    await expect.poll(() => ws.inspector.getByRole('textbox', { name: /^Memo/ }).inputValue()).toBe('یادداشت: اعتماد پایه رابطه است.');
    await expect.poll(() => ws.treeRow('اعتماد').first().locator('.gw-memo-mark').count()).toBe(1);
  });

  it('shows a change made in one tab in another tab of the same project', async () => {
    const other = await app.context.newPage();
    await other.goto(app.url);
    const otherWs = new WorkspacePage(other);
    await otherWs.treeRow('اعتماد').first().waitFor();
    await ws.newMainCategory('Seen elsewhere');
    await otherWs.treeRow('Seen elsewhere').waitFor({ timeout: 5000 });
    await other.close();
    expect(app.errors, app.errors.join('\n')).toEqual([]);
  });
});
