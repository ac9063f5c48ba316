// "Prepare copies for coders…" with a baseline, in real Chromium: the dialog offers the codebook as
// it is now or as frozen in each baseline; chosen, the copy opens with the baseline's labels (a
// concept renamed since has its old label, one made since is not there), and the dialog says so in
// English and in Persian, the baseline's name isolated. Screenshots of the dialog in both.

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../helpers/backend';
import { startApp, type App } from './harness';
import { LanguageSwitch, persian } from './pages/language';
import { StartPage } from './pages/start-page';
import { TeamPage } from './pages/team-page';
import { WorkspacePage } from './pages/workspace-page';

const SOURCE = 'Account-based marketing (fa)';
const BASELINE = 'موج نخست';
/** A folder for the dialog's screenshots (none taken when unset). */
const SHOTS = process.env.GROUNDWORK_SHOTS_DIR;
let app: App;
let ws: WorkspacePage;
let team: TeamPage;
let original: string;

beforeAll(async () => {
  app = await startApp({ viewport: { width: 1280, height: 820 } });
  ws = new WorkspacePage(app.page);
  team = new TeamPage(app.page);
  await new StartPage(app.page).createProject('Review');
  await ws.importFiles([path.join(EXAMPLES, `${SOURCE}.txt`)]);
  const main = await team.call<{ id: number }>('category.create', { name: 'عوامل' });
  await team.call('component.assign', { categoryId: main.id, component: 'causal' });
  const trust = await team.call<{ id: number }>('concept.create', { label: 'اعتماد' });
  await team.call('category.fileConcepts', { categoryId: main.id, conceptIds: [trust.id] });
  await team.call('baseline.freeze', { name: BASELINE });
  // Since the baseline: the concept is renamed and another is made.
  await team.call('concept.update', { id: trust.id, label: 'اعتماد به فروشنده' });
  await team.call('concept.create', { label: 'سرعت' });
  original = (await team.call<{ path: string }>('project.current', {})).path;
});
afterAll(async () => {
  await app?.close();
});

const isolated = (name: string) => `\u2068${name}\u2069`;

describe('copies with a baseline', () => {
  it('offers the baseline in the dialog, in Persian too', async () => {
    const language = new LanguageSwitch(app.page);
    await language.choose('fa');
    await app.page.getByTestId('coder-chip').click();
    await app.page.getByRole('menu', { name: persian('Team coding') }).getByRole('menuitem', { name: persian('Prepare copies for coders…') }).click();
    const dialog = app.page.getByRole('dialog', { name: persian('Prepare copies for coders') });
    const codebook = dialog.getByRole('combobox', { name: persian('Codebook') });
    await expect.poll(() => codebook.locator('option').allInnerTexts()).toEqual([
      persian('As it is now'),
      persian('As frozen in the baseline {name}').replace('{name}', isolated(BASELINE)),
    ]);
    await codebook.selectOption({ index: 1 });
    if (SHOTS) await dialog.screenshot({ path: path.join(SHOTS, 'copies-baseline-fa.png') });
    await dialog.getByRole('button', { name: persian('Cancel') }).click();
    await language.choose('en');
  });

  it('writes a copy holding the baseline’s codebook, and says so', async () => {
    await team.menu('Prepare copies for coders…');
    const dialog = app.page.getByRole('dialog', { name: 'Prepare copies for coders' });
    await dialog.getByRole('textbox', { name: 'Coders, one name per line' }).fill('Alice');
    const codebook = dialog.getByRole('combobox', { name: 'Codebook' });
    await expect.poll(() => codebook.locator('option').count()).toBe(2);
    await codebook.selectOption({ label: `As frozen in the baseline ${isolated(BASELINE)}` });
    if (SHOTS) await dialog.screenshot({ path: path.join(SHOTS, 'copies-baseline.png') });
    await dialog.getByRole('button', { name: 'Prepare copies' }).click();
    await expect.poll(() => dialog.innerText()).toContain(`Their codebook is the one frozen in the baseline ${isolated(BASELINE)}.`);
    const line = await dialog.locator('.gw-copies-list li').first().innerText();
    const copy = line.slice(line.indexOf(':') + 1).trim();
    await dialog.getByRole('button', { name: 'Done' }).click();

    // The original keeps its codebook; the copy has the baseline's.
    await ws.treeRow('اعتماد به فروشنده').first().waitFor();
    await team.openPath(copy);
    await team.whoIsCoding().getByRole('button', { name: 'Code as this coder' }).click();
    await ws.treeRow(/^اعتماد$/).first().waitFor();
    await expect.poll(() => ws.tree.locator('.gw-tree-label').allInnerTexts()).not.toContain('اعتماد به فروشنده');
    expect(await ws.tree.locator('.gw-tree-label').allInnerTexts()).not.toContain('سرعت');
  });

  it('names what the copies had to leave out: the baseline’s concept deleted since', async () => {
    await team.openPath(original);
    await team.whoIsCoding().getByRole('button', { name: 'Continue without a name' }).click();
    const trust = (await team.call<{ concepts: { id: number; label: string }[] }>('codebook.get', {})).concepts.find((c) => c.label === 'اعتماد به فروشنده')!;
    await team.call('concept.delete', { id: trust.id });
    for (const language of ['en', 'fa'] as const) {
      const say = (english: string) => (language === 'fa' ? persian(english) : english);
      await new LanguageSwitch(app.page).choose(language);
      await app.page.getByTestId('coder-chip').click();
      await app.page.getByRole('menu', { name: say('Team coding') }).getByRole('menuitem', { name: say('Prepare copies for coders…') }).click();
      const dialog = app.page.getByRole('dialog', { name: say('Prepare copies for coders') });
      await dialog.getByRole('textbox', { name: say('Coders, one name per line') }).fill(language === 'en' ? 'Bita' : 'سارا');
      const codebook = dialog.getByRole('combobox', { name: say('Codebook') });
      await expect.poll(() => codebook.locator('option').count()).toBe(2);
      await codebook.selectOption({ index: 1 });
      await dialog.getByRole('button', { name: say('Prepare copies') }).click();
      const leftOut = dialog.getByRole('list', { name: say('Left out of the copies') });
      await expect.poll(() => leftOut.locator('li').allInnerTexts()).toEqual([`${say('Concept')}: اعتماد`]);
      expect(await leftOut.locator('li bdi').allInnerTexts()).toEqual(['اعتماد']);
      if (SHOTS) await dialog.screenshot({ path: path.join(SHOTS, `copies-left-out-${language}.png`) });
      await dialog.getByRole('button', { name: say('Done') }).click();
    }
    await new LanguageSwitch(app.page).choose('en');
  });
});
